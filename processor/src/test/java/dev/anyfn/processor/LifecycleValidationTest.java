package dev.anyfn.processor;

import static dev.anyfn.processor.Compilation.compile;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code @OnInit} and {@code @OnShutdown} methods. */
class LifecycleValidationTest {
  private static Compilation function(String methods) {
    return compile(
        """
        @ServerlessFunction("app")
        public class App {
          @OnInvoke
          public void run() {}

        %s
        }
        """
            .formatted(methods));
  }

  @Test
  void rejectsInitTakingSomethingOtherThanInitContext() {
    function(
            """
              @OnInit
              public void warmUp(String config) {}
            """)
        .assertError(
            "@OnInit method warmUp must return void and take nothing or an InitContext; found"
                + " warmUp(String) returning void. Declare it as 'public void warmUp()' or 'public"
                + " void warmUp(InitContext init)'.");
  }

  @Test
  void rejectsInitReturningValue() {
    function(
            """
              @OnInit
              public boolean warmUp(InitContext init) {
                return true;
              }
            """)
        .assertError(
            "@OnInit method warmUp must return void and take nothing or an InitContext; found"
                + " warmUp(InitContext) returning boolean. Declare it as 'public void warmUp()' or"
                + " 'public void warmUp(InitContext init)'.");
  }

  @Test
  void rejectsShutdownWithParameters() {
    function(
            """
              @OnShutdown
              public void close(Context context) {}
            """)
        .assertError(
            "@OnShutdown method close must return void and take no parameters; found"
                + " close(Context) returning void. Declare it as 'public void close()'.");
  }

  @Test
  void rejectsPrivateInit() {
    function(
            """
              @OnInit
              private void warmUp() {}
            """)
        .assertError(
            "@OnInit method warmUp must be public; found private. Make it public so the runtime"
                + " can call it.");
  }

  @Test
  void rejectsStaticShutdown() {
    function(
            """
              @OnShutdown
              public static void close() {}
            """)
        .assertError(
            "@OnShutdown method close must not be static. Make it an instance method; anyfn calls"
                + " it on the function instance.");
  }

  @Test
  void rejectsMethodThatIsBothInitAndShutdown() {
    function(
            """
              @OnInit
              @OnShutdown
              public void both() {}
            """)
        .assertError(
            "Method both in function 'app' has @OnInit and @OnShutdown; expected one of them. Keep"
                + " one and move the others to methods of their own.");
  }

  @Test
  void indexesSeveralLifecycleMethodsInSourceOrder() {
    String index =
        function(
                """
                  @OnInit
                  public void first() {}

                  @OnShutdown
                  public void close() {}

                  @OnInit
                  public void second(InitContext init) {}
                """)
            .assertIndex();

    assertThat(index)
        .contains(
            """
                  "initMethods": [
                    { "name": "first", "parameterTypes": [] },
                    { "name": "second", "parameterTypes": ["dev.anyfn.InitContext"] }
                  ],
                  "shutdownMethods": [
                    { "name": "close", "parameterTypes": [] }
                  ],
            """);
  }
}
