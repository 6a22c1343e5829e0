package dev.anyfn.processor;

import static dev.anyfn.processor.Compilation.compile;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When the index is written, and what does not depend on the order of sources. */
class FunctionIndexTest {
  private static final String WEBSITE =
      """
      @ServerlessFunction
      public class Website {
        @Route("/")
        public String home() {
          return "home";
        }
      }
      """;
  private static final String ADMIN =
      """
      @ServerlessFunction
      public class Admin {
        @OnInvoke
        public void run() {}
      }
      """;

  @Test
  void writesNothingWhenNoClassIsAFunction() {
    Compilation result =
        compile(
            """
            public class Plain {
              public void run() {}
            }
            """);

    assertThat(result.succeeded()).isTrue();
    assertThat(result.errors()).isEmpty();
    assertThat(result.index()).isEmpty();
  }

  @Test
  void writesNothingWhenAnyFunctionIsInvalid() {
    Compilation result =
        compile(
            WEBSITE,
            """
            @ServerlessFunction
            public class Broken {
              @OnInvoke
              void run() {}
            }
            """);

    assertThat(result.succeeded()).isFalse();
    assertThat(result.index()).isEmpty();
  }

  @Test
  void writesTheSameIndexWhateverTheSourceOrder() {
    String forward = compile(WEBSITE, ADMIN).assertIndex();
    String backward = compile(ADMIN, WEBSITE).assertIndex();

    assertThat(forward).isEqualTo(backward);
    assertThat(forward.indexOf("\"admin\"")).isLessThan(forward.indexOf("\"website\""));
  }

  @Test
  void leavesMissingTypesToTheCompilerWithoutProcessorErrors() {
    Compilation result =
        compile(
            """
            @ServerlessFunction
            public class Api {
              @Route(value = "/x", method = HttpMethod.POST)
              public void x(NotGenerated body) {}
            }
            """);

    assertThat(result.succeeded()).isFalse();
    assertThat(result.errors()).singleElement().asString().startsWith("cannot find symbol");
    assertThat(result.index()).isEmpty();
  }

  @Test
  void keepsOverloadedHandlersApartByParameterTypes() {
    String index =
        compile(
                """
                @ServerlessFunction
                public class Api {
                  @Route("/a")
                  public String get() {
                    return "";
                  }

                  @Route("/b")
                  public String get(@QueryParam("q") String q) {
                    return q;
                  }
                }
                """)
            .assertIndex();

    assertThat(index)
        .contains("\"parameterTypes\": [],")
        .contains("\"parameterTypes\": [\"java.lang.String\"],");
  }

  @Test
  void writesArraysAndNestedTypesByBinaryName() {
    String index =
        compile(
                """
                @ServerlessFunction
                public class Api {
                  public static class Outer {
                    public record Item(int n) {}
                  }

                  @OnInvoke
                  public int[] sizes(Outer.Item[] items) {
                    return new int[0];
                  }
                }
                """)
            .assertIndex();

    assertThat(index)
        .contains("\"parameterTypes\": [\"[Lcom.example.Api$Outer$Item;\"],")
        .contains("\"returnType\": \"[I\",")
        .contains(
            "{ \"source\": \"BODY\", \"type\": \"[Lcom.example.Api$Outer$Item;\", \"genericType\":"
                + " \"[Lcom.example.Api$Outer$Item;\" }");
  }
}
