package dev.anyfn.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.FunctionSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFunctionsTest {
  @TempDir Path dir;

  private static String function(String name, String className, String route) {
    return """
        {"name":"%s","className":"%s","memoryMb":512,"timeoutSeconds":30,"maxInstances":10,
         "handlers":[{"method":"handle","parameterTypes":[],"returnType":"java.lang.String",
          "returnKind":"TEXT","trigger":{"kind":"HTTP","method":"POST","path":"%s"},
          "parameters":[]}]}"""
        .formatted(name, className, route);
  }

  private static String index(String... functions) {
    return "{\"formatVersion\":1,\"functions\":[" + String.join(",", functions) + "]}";
  }

  private Path classes(String index) throws Exception {
    Path classes = dir.resolve("classes");
    Path file = classes.resolve(FunctionIndex.RESOURCE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, index);
    return classes;
  }

  private Path jar(String name, String index) throws Exception {
    return ModuleJars.write(dir.resolve(name + ".jar"), new byte[0], index);
  }

  @Test
  void theIndexIsReadFromTheClassesDirectory() throws Exception {
    Path classes = classes(index(function("hello", "com.example.Hello", "/hello")));

    assertThat(
            ProjectFunctions.read(
                    classes, List.of(new ProjectFunctions.Source("target/classes", classes)))
                .functions())
        .singleElement()
        .satisfies(f -> assertThat(f.name()).isEqualTo("hello"));
  }

  @Test
  void theFunctionsOfDependencyModulesArePackagedWithTheProjectsOwnSortedByName() throws Exception {
    Path classes = classes(index(function("health", "com.acme.app.Health", "/health")));
    Path a = jar("functions-a", index(function("orders-api", "com.acme.a.Orders", "/orders")));
    Path b = jar("functions-b", index(function("audit", "com.acme.b.Audit", "/audit")));
    Path domain = jar("domain", null);

    FunctionIndex index =
        ProjectFunctions.read(
            classes,
            List.of(
                new ProjectFunctions.Source("target/classes", classes),
                new ProjectFunctions.Source("com.acme:domain:jar:1.0", domain),
                new ProjectFunctions.Source("com.acme:functions-a:jar:1.0", a),
                new ProjectFunctions.Source("com.acme:functions-b:jar:1.0", b)));

    assertThat(index.functions())
        .extracting(FunctionSpec::name)
        .containsExactly("audit", "health", "orders-api");
  }

  @Test
  void anAppModuleWithoutFunctionsOfItsOwnPackagesThoseOfItsDependencies() throws Exception {
    Path classes = dir.resolve("no-classes");
    Path a = jar("functions-a", index(function("orders-api", "com.acme.a.Orders", "/orders")));

    FunctionIndex index =
        ProjectFunctions.read(
            classes,
            List.of(
                new ProjectFunctions.Source("target/classes", classes),
                new ProjectFunctions.Source("com.acme:functions-a:jar:1.0", a)));

    assertThat(index.functions()).extracting(FunctionSpec::name).containsExactly("orders-api");
  }

  /** The index of the jars of two function modules, functions-a and functions-b. */
  private FunctionIndex readModulesAAndB(Path a, Path b) throws Exception {
    return ProjectFunctions.read(
        dir.resolve("classes"),
        List.of(
            new ProjectFunctions.Source("com.acme:functions-a:jar:1.0", a),
            new ProjectFunctions.Source("com.acme:functions-b:jar:1.0", b)));
  }

  @Test
  void twoModulesWithAFunctionOfOneNameAreRefusedNamingBothModules() throws Exception {
    Path a = jar("functions-a", index(function("orders", "com.acme.a.Orders", "/a/orders")));
    Path b = jar("functions-b", index(function("orders", "com.acme.b.Orders", "/b/orders")));

    assertThatThrownBy(() -> readModulesAAndB(a, b))
        .hasMessage(
            "anyfn cannot package these functions together, since one deployment serves them"
                + " all:\n"
                + "  - two functions are named 'orders': com.acme.a.Orders (in"
                + " com.acme:functions-a:jar:1.0) and com.acme.b.Orders (in"
                + " com.acme:functions-b:jar:1.0). Give one of them another name in its"
                + " @ServerlessFunction.");
  }

  @Test
  void twoModulesServingOneRouteAreRefusedNamingBothFunctionsAndModules() throws Exception {
    Path a = jar("functions-a", index(function("orders-a", "com.acme.a.Orders", "/orders/{id}")));
    Path b = jar("functions-b", index(function("orders-b", "com.acme.b.Orders", "/orders/{no}")));

    assertThatThrownBy(() -> readModulesAAndB(a, b))
        .hasMessage(
            "anyfn cannot package these functions together, since one deployment serves them"
                + " all:\n"
                + "  - route POST /orders/{no} is served twice: by function 'orders-a'"
                + " (com.acme.a.Orders.handle, in com.acme:functions-a:jar:1.0) and by function"
                + " 'orders-b' (com.acme.b.Orders.handle, in com.acme:functions-b:jar:1.0). Give one"
                + " of them another path or method.");
  }

  @Test
  void noIndexInTheClassesNorADependencyNamesTheProcessorToAdd() throws Exception {
    Path classes = dir.resolve("classes");
    Path domain = jar("domain", null);

    assertThatThrownBy(
            () ->
                ProjectFunctions.read(
                    classes,
                    List.of(
                        new ProjectFunctions.Source("target/classes", classes),
                        new ProjectFunctions.Source("com.acme:domain:jar:1.0", domain))))
        .hasMessage(
            "No function index at "
                + classes.resolve("META-INF/anyfn/functions.json")
                + ", nor in a runtime dependency. Expected the anyfn annotation processor to write"
                + " it while compiling: add dev.anyfn:anyfn-processor as a provided dependency and"
                + " annotate at least one class with @ServerlessFunction (or depend on the module"
                + " whose classes are). From JDK 23 javac runs annotation processors only when"
                + " asked: set the maven-compiler-plugin's <proc>full</proc> or list"
                + " anyfn-processor in its annotationProcessorPaths.");
  }
}
