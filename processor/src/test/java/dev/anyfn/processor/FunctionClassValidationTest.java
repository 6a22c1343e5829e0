package dev.anyfn.processor;

import static dev.anyfn.processor.Compilation.compile;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a {@code @ServerlessFunction} class itself must be. */
class FunctionClassValidationTest {
  @Test
  void rejectsPackagePrivateClass() {
    compile(
            """
            @ServerlessFunction
            class Hidden {
              @OnInvoke
              public void run() {}
            }
            """)
        .assertError(
            "Function class com.example.Hidden must be public; found package-private. Make the"
                + " class public so the runtime can instantiate it.");
  }

  @Test
  void rejectsAFunctionClassInAnyfnsOwnPackageWithThatErrorAlone() {
    Compilation result =
        compile(
            """
            package dev.anyfn;

            @ServerlessFunction("greeting")
            public class GreetingFunction {
              public record Greeting(String name, String message) {}

              @Route("/hello/{name}")
              public Greeting hello(@PathParam("name") String name) {
                return new Greeting(name, "Hello, " + name + "!");
              }
            }
            """);

    assertThat(result.errors())
        .containsExactly(
            "Function class dev.anyfn.GreetingFunction is in the package dev.anyfn, which is"
                + " anyfn's own: anyfn takes every type of that package for one of its API's, so"
                + " it would not read or write your records as JSON. Move the class and its types"
                + " to a package of your own, such as dev.anyfn.app (from anyfn-archetype with"
                + " -DgroupId=dev.anyfn, also pass -Dpackage=dev.anyfn.app).");
  }

  @Test
  void reportsTheErrorOnTheClass() {
    Compilation result =
        compile(
            """
            @ServerlessFunction
            class Hidden {
              @OnInvoke
              public void run() {}
            }
            """);

    assertThat(result.errorSources()).containsExactly("5: class Hidden {");
  }

  @Test
  void rejectsAbstractClass() {
    compile(
            """
            @ServerlessFunction
            public abstract class Shape {
              @OnInvoke
              public void run() {}
            }
            """)
        .assertError(
            "Function class com.example.Shape must not be abstract. Make it a concrete class or"
                + " remove @ServerlessFunction.");
  }

  @Test
  void rejectsClassWithoutPublicNoArgumentConstructor() {
    compile(
            """
            @ServerlessFunction
            public class NoCtor {
              public NoCtor(String name) {}

              @OnInvoke
              public void run() {}
            }
            """)
        .assertError(
            "Function class com.example.NoCtor has no public no-argument constructor. Add one;"
                + " anyfn creates one instance per cold start with it.");
  }

  @Test
  void rejectsPrivateNoArgumentConstructor() {
    compile(
            """
            @ServerlessFunction
            public class Singleton {
              private Singleton() {}

              @OnInvoke
              public void run() {}
            }
            """)
        .assertError(
            "Function class com.example.Singleton has no public no-argument constructor. Add one;"
                + " anyfn creates one instance per cold start with it.");
  }

  @Test
  void acceptsRecordWithoutComponents() {
    compile(
            """
            @ServerlessFunction
            public record Stateless() {
              @OnInvoke
              public String run() {
                return "ok";
              }
            }
            """)
        .assertIndex();
  }

  @Test
  void rejectsInterface() {
    compile(
            """
            @ServerlessFunction
            public interface Contract {
              @OnInvoke
              void run();
            }
            """)
        .assertError(
            "Function class com.example.Contract must be a class; found an interface. Move"
                + " @ServerlessFunction to a public concrete class.");
  }

  @Test
  void rejectsEnum() {
    compile(
            """
            @ServerlessFunction
            public enum Mode {
              ON;

              @OnInvoke
              public void run() {}
            }
            """)
        .assertError(
            "Function class com.example.Mode must be a class; found an enum. Move"
                + " @ServerlessFunction to a public concrete class.");
  }

  @Test
  void rejectsInnerClass() {
    compile(
            """
            public class Outer {
              @ServerlessFunction
              public class Inner {
                @OnInvoke
                public void run() {}
              }
            }
            """)
        .assertError(
            "Function class com.example.Outer$Inner must be a static nested class; found an inner"
                + " class. Declare it static so anyfn can create it without an instance of"
                + " com.example.Outer.");
  }

  @Test
  void rejectsStaticNestedClassInNonPublicClass() {
    compile(
            """
            class Holder {
              @ServerlessFunction
              public static class Nested {
                @OnInvoke
                public void run() {}
              }
            }
            """)
        .assertError(
            "Function class com.example.Holder$Nested is nested in package-private class"
                + " com.example.Holder. Make that class public so the runtime can reach the function"
                + " class.");
  }

  @Test
  void indexesStaticNestedClassByBinaryName() {
    String index =
        compile(
                """
                public class Functions {
                  @ServerlessFunction("nested")
                  public static class Nested {
                    @OnInvoke
                    public void run() {}
                  }
                }
                """)
            .assertIndex();

    assertThat(index).contains("\"className\": \"com.example.Functions$Nested\"");
  }

  @Test
  void rejectsClassWithoutHandler() {
    compile(
            """
            @ServerlessFunction
            public class Empty {
              public void helper() {}
            }
            """)
        .assertError(
            "Function class com.example.Empty has no handler. Annotate a public method with"
                + " @Route, @OnQueue, @OnTopic, @OnStorage, @OnSchedule, @OnDataChange or"
                + " @OnInvoke.");
  }

  @Test
  void rejectsClassWithOnlyLifecycleMethods() {
    compile(
            """
            @ServerlessFunction
            public class OnlyInit {
              @OnInit
              public void init() {}
            }
            """)
        .assertError(
            "Function class com.example.OnlyInit has no handler. Annotate a public method with"
                + " @Route, @OnQueue, @OnTopic, @OnStorage, @OnSchedule, @OnDataChange or"
                + " @OnInvoke.");
  }

  @Test
  void rejectsTriggerOnMethodOfClassWithoutServerlessFunction() {
    Compilation result =
        compile(
            """
            public class Plain {
              @OnQueue("orders")
              public void process(QueueMessage message) {}
            }
            """);

    result.assertError(
        "Method process in com.example.Plain has @OnQueue, but com.example.Plain is not annotated"
            + " with @ServerlessFunction. Annotate the class with @ServerlessFunction or remove"
            + " @OnQueue.");
    assertThat(result.errorSources())
        .containsExactly("6: public void process(QueueMessage message) {}");
  }

  @Test
  void rejectsLifecycleAndSeveralTriggersOutsideFunctionClassOncePerMethod() {
    compile(
            """
            public class Plain {
              @OnInit
              public void init() {}

              @Route("/a")
              @OnInvoke
              public void both() {}
            }
            """)
        .assertErrors(
            "Method init in com.example.Plain has @OnInit, but com.example.Plain is not annotated"
                + " with @ServerlessFunction. Annotate the class with @ServerlessFunction or remove"
                + " @OnInit.",
            "Method both in com.example.Plain has @Route and @OnInvoke, but com.example.Plain is"
                + " not annotated with @ServerlessFunction. Annotate the class with"
                + " @ServerlessFunction or remove @Route and @OnInvoke.");
  }

  @Test
  void rejectsTriggerInNestedClassOfFunction() {
    compile(
            """
            @ServerlessFunction
            public class Api {
              @OnInvoke
              public void run() {}

              public static class Helper {
                @OnTopic("news")
                public void read(TopicMessage message) {}
              }
            }
            """)
        .assertError(
            "Method read in com.example.Api$Helper has @OnTopic, but com.example.Api$Helper is not"
                + " annotated with @ServerlessFunction. Annotate the class with @ServerlessFunction"
                + " or remove @OnTopic.");
  }

  @Test
  void rejectsDuplicateFunctionNameNamingBothClasses() {
    compile(
            """
            @ServerlessFunction("orders")
            public class B {
              @OnInvoke
              public void run() {}
            }
            """,
            """
            @ServerlessFunction("orders")
            public class A {
              @OnInvoke
              public void run() {}
            }
            """)
        .assertError(
            "Duplicate function name 'orders' on com.example.A and com.example.B. Give one of them"
                + " another name with @ServerlessFunction(\"...\").");
  }

  @Test
  void rejectsARouteTwoFunctionsServeAsTheySharedOneFrontDoor() {
    compile(
            """
            @ServerlessFunction("users")
            public class Users {
              @Route("/users/{id}")
              public String get(@PathParam("id") String id) { return id; }
              @Route(value = "/users/{id}", method = HttpMethod.DELETE)
              public void delete(@PathParam("id") String id) {}
            }
            """,
            """
            @ServerlessFunction("profiles")
            public class Profiles {
              @Route("/users/{name}")
              public String get(@PathParam("name") String name) { return name; }
              @Route(value = "/users/{name}", method = HttpMethod.PUT)
              public void put(@PathParam("name") String name) {}
            }
            """)
        .assertError(
            "Route GET /users/{id} of function 'users' (on get) matches the requests of route"
                + " GET /users/{name} of function 'profiles' (on get). On AWS and in the emulator"
                + " the functions' routes share one front door, which sends a request to one"
                + " function only. Give one of them another path or method, or serve both from"
                + " one function.");
  }

  @Test
  void rejectsAHandlerInheritedFromABaseClassRatherThanDroppingIt() {
    compile(
            """
            public abstract class Base {
              @Route("/base")
              public String base() { return "base"; }
            }
            """,
            """
            @ServerlessFunction("api")
            public class Api extends Base {
              @Route("/own")
              public String own() { return "own"; }
            }
            """)
        .assertError(
            "com.example.Api inherits base from com.example.Base, which has @Route; anyfn reads"
                + " the handlers declared in the function class itself. Declare it in Api"
                + " (override it and call super), and remove the annotation from"
                + " com.example.Base.");
  }

  @Test
  void acceptsAHandlerThatOverridesAnAnnotatedBaseMethodAndRefusesAPrivateInheritedOne() {
    compile(
            """
            public abstract class Base {
              @Route("/base")
              public String base() { return "base"; }
              @OnInit
              private void start() {}
            }
            """,
            """
            @ServerlessFunction("api")
            public class Api extends Base {
              @Override
              @Route("/base")
              public String base() { return "mine"; }
            }
            """)
        .assertError(
            "com.example.Api inherits start from com.example.Base, which has @OnInit; anyfn reads"
                + " the handlers declared in the function class itself. Declare it in Api"
                + " (override it and call super), and remove the annotation from"
                + " com.example.Base.");
  }

  @Test
  void rejectsDerivedNameClashingWithExplicitName() {
    compile(
            """
            @ServerlessFunction
            public class OrderApi {
              @OnInvoke
              public void run() {}
            }
            """,
            """
            @ServerlessFunction("order-api")
            public class Orders {
              @OnInvoke
              public void run() {}
            }
            """)
        .assertError(
            "Duplicate function name 'order-api' on com.example.OrderApi and com.example.Orders."
                + " Give one of them another name with @ServerlessFunction(\"...\").");
  }

  @Test
  void rejectsInvalidExplicitFunctionName() {
    compile(
            """
            @ServerlessFunction("Orders_V2")
            public class Orders {
              @OnInvoke
              public void run() {}
            }
            """)
        .assertError(
            "Invalid function name 'Orders_V2' on com.example.Orders: expected a lowercase letter"
                + " followed by up to 62 lowercase letters, digits or hyphens. Rename it, for"
                + " example @ServerlessFunction(\"orders-v2\").");
  }

  @Test
  void rejectsFunctionNameLongerThan63Characters() {
    String name = "a".repeat(64);
    compile(
            "@ServerlessFunction(\""
                + name
                + "\")\npublic class Long1 {\n  @OnInvoke\n  public void run() {}\n}\n")
        .assertError(
            "Invalid function name '"
                + name
                + "' on com.example.Long1: expected a lowercase letter followed by up to 62"
                + " lowercase letters, digits or hyphens. Rename it, for example"
                + " @ServerlessFunction(\""
                + "a".repeat(63)
                + "\").");
  }

  @Test
  void rejectsInvalidDerivedFunctionName() {
    compile(
            """
            @ServerlessFunction
            public class _Internal {
              @OnInvoke
              public void run() {}
            }
            """)
        .assertError(
            "Function name '-internal' derived from class com.example._Internal is invalid:"
                + " expected a lowercase letter followed by up to 62 lowercase letters, digits or"
                + " hyphens. Name the function explicitly, for example"
                + " @ServerlessFunction(\"internal\").");
  }

  @Test
  void rejectsMemoryOutsideLambdaRange() {
    compile(
            """
            @ServerlessFunction(memoryMb = 64)
            public class Tiny {
              @OnInvoke
              public void run() {}
            }
            """)
        .assertError(
            "Function class com.example.Tiny has memoryMb 64; expected 128-10240. Set"
                + " @ServerlessFunction(memoryMb = ...) within that range; 512 is the default.");
  }

  @Test
  void rejectsNonPositiveTimeoutAndNegativeMaxInstances() {
    compile(
            """
            @ServerlessFunction(timeoutSeconds = 0, maxInstances = -1)
            public class Broken {
              @OnInvoke
              public void run() {}
            }
            """)
        .assertErrors(
            "Function class com.example.Broken has timeoutSeconds 0; expected 1 or more. Set"
                + " @ServerlessFunction(timeoutSeconds = ...) to a positive number; 30 is the"
                + " default.",
            "Function class com.example.Broken has maxInstances -1; expected 0 or more (0"
                + " disables the function). Set @ServerlessFunction(maxInstances = ...); 10 is the"
                + " default.");
  }

  @Test
  void reportsEveryProblemOfAClassAtOnce() {
    compile(
            """
            @ServerlessFunction
            abstract class Bad {
              Bad(int x) {}

              @OnInvoke
              public void run() {}
            }
            """)
        .assertErrors(
            "Function class com.example.Bad must not be abstract. Make it a concrete class or"
                + " remove @ServerlessFunction.",
            "Function class com.example.Bad must be public; found package-private. Make the class"
                + " public so the runtime can instantiate it.",
            "Function class com.example.Bad has no public no-argument constructor. Add one; anyfn"
                + " creates one instance per cold start with it.");
  }
}
