package dev.anyfn.processor;

import static dev.anyfn.processor.Compilation.compile;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Path templates and conflicts between the routes of one function. */
class RouteValidationTest {
  private static final String GRAMMAR =
      ". Expected '/' followed by literal segments or {name} parameters, with an optional greedy"
          + " {name+} last, for example '/users/{id}' or '/files/{path+}'.";

  private static Compilation route(String template) {
    return compile(
        """
        @ServerlessFunction
        public class Api {
          @Route("%s")
          public String get() {
            return "";
          }
        }
        """
            .formatted(template));
  }

  @Test
  void rejectsDuplicateRouteNamingBothMethods() {
    Compilation result =
        compile(
            """
            @ServerlessFunction("api")
            public class Api {
              @Route("/users/{id}")
              public String getUser(@PathParam("id") long id) {
                return "";
              }

              @Route("/users/{id}")
              public String fetchUser(@PathParam("id") long id) {
                return "";
              }
            }
            """);

    result.assertError(
        "Route GET /users/{id} is declared twice in function 'api': on getUser and on fetchUser."
            + " Remove one or change its method or path.");
    assertThat(result.errorSources()).singleElement().asString().contains("fetchUser");
  }

  @Test
  void rejectsAmbiguousRoutesDifferingOnlyInParameterNames() {
    compile(
            """
            @ServerlessFunction("api")
            public class Api {
              @Route("/users/{id}")
              public String byId(@PathParam("id") long id) {
                return "";
              }

              @Route("/users/{name}")
              public String byName(@PathParam("name") String name) {
                return "";
              }
            }
            """)
        .assertError(
            "Routes GET /users/{id} (on byId) and GET /users/{name} (on byName) in function 'api'"
                + " are ambiguous: they match the same requests. Use a literal segment to tell"
                + " them apart.");
  }

  @Test
  void rejectsAmbiguousGreedyRoutesWithSamePrefixShape() {
    compile(
            """
            @ServerlessFunction("files")
            public class Files {
              @Route("/files/{path+}")
              public String a(@PathParam("path") String path) {
                return "";
              }

              @Route("/files/{rest+}")
              public String b(@PathParam("rest") String rest) {
                return "";
              }
            }
            """)
        .assertError(
            "Routes GET /files/{path+} (on a) and GET /files/{rest+} (on b) in function 'files'"
                + " are ambiguous: they match the same requests. Use a literal segment to tell"
                + " them apart.");
  }

  @Test
  void acceptsLiteralNextToParameterSameMethodOtherMethodsAndGreedyNextToSingle() {
    String index =
        compile(
                """
                @ServerlessFunction("api")
                public class Api {
                  @Route("/users/{id}")
                  public String user(@PathParam("id") String id) {
                    return "";
                  }

                  @Route("/users/me")
                  public String me() {
                    return "";
                  }

                  @Route(value = "/users/{id}", method = HttpMethod.DELETE)
                  public void delete(@PathParam("id") String id) {}

                  @Route("/users/{id}/{rest+}")
                  public String deep(@PathParam("id") String id, @PathParam("rest") List<String> rest) {
                    return "";
                  }

                  @Route("/users/{id}/{tab}")
                  public String tab(@PathParam("id") String id, @PathParam("tab") String tab) {
                    return "";
                  }
                }
                """)
            .assertIndex();

    assertThat(index)
        .contains(
            "{ \"source\": \"PATH\", \"name\": \"rest\", \"type\": \"java.lang.String\","
                + " \"optional\": false, \"list\": true }");
  }

  @Test
  void rejectsTheSameRouteInTwoFunctionsWhichAwsAndTheEmulatorServeFromOneFrontDoor() {
    compile(
            """
            @ServerlessFunction
            public class First {
              @Route("/health")
              public String health() {
                return "";
              }
            }
            """,
            """
            @ServerlessFunction
            public class Second {
              @Route("/health")
              public String health() {
                return "";
              }
            }
            """)
        .assertError(
            "Route GET /health of function 'second' (on health) matches the requests of route GET"
                + " /health of function 'first' (on health). On AWS and in the emulator the"
                + " functions' routes share one front door, which sends a request to one function"
                + " only. Give one of them another path or method, or serve both from one"
                + " function.");
  }

  @Test
  void allowsOnePathInTwoFunctionsWithDifferentMethods() {
    compile(
            """
            @ServerlessFunction
            public class Reader {
              @Route("/items")
              public String list() {
                return "";
              }
            }
            """,
            """
            @ServerlessFunction
            public class Writer {
              @Route(value = "/items", method = HttpMethod.POST)
              public void add(String item) {}
            }
            """)
        .assertIndex();
  }

  @Test
  void rejectsTemplateWithoutLeadingSlash() {
    route("users/{id}")
        .assertError(
            "Invalid path template 'users/{id}' on get: it does not start with '/'" + GRAMMAR);
  }

  @Test
  void rejectsTemplateWithTrailingSlash() {
    route("/about/")
        .assertError(
            "Invalid path template '/about/' on get: it ends with '/' (trailing slashes are not"
                + " significant, so write '/about')"
                + GRAMMAR);
  }

  @Test
  void rejectsTemplateWithEmptySegment() {
    route("/a//b")
        .assertError(
            "Invalid path template '/a//b' on get: it has an empty segment between two '/'"
                + GRAMMAR);
  }

  @Test
  void rejectsGreedyParameterBeforeTheLastSegment() {
    route("/files/{path+}/meta")
        .assertError(
            "Invalid path template '/files/{path+}/meta' on get: the greedy parameter '{path+}' is"
                + " not the last segment"
                + GRAMMAR);
  }

  @Test
  void rejectsDuplicateParameterName() {
    route("/a/{id}/b/{id}")
        .assertError(
            "Invalid path template '/a/{id}/b/{id}' on get: parameter {id} appears twice"
                + GRAMMAR);
  }

  @Test
  void rejectsParameterMixedWithLiteralText() {
    route("/files/{id}.json")
        .assertError(
            "Invalid path template '/files/{id}.json' on get: segment '{id}.json' contains '{' and"
                + " is neither a literal nor a {name}"
                + GRAMMAR);
  }

  @Test
  void rejectsInvalidParameterName() {
    route("/files/{1st}")
        .assertError(
            "Invalid path template '/files/{1st}' on get: parameter '{1st}' has an invalid name; a"
                + " name is a letter followed by letters, digits or '_'"
                + GRAMMAR);
  }

  @Test
  void rejectsQueryStringInTemplate() {
    route("/search?q")
        .assertError(
            "Invalid path template '/search?q' on get: segment 'search?q' contains '?' and is"
                + " neither a literal nor a {name}"
                + GRAMMAR);
  }

  @Test
  void rejectsAPercentEscapeInALiteralSegmentAsPathsAreMatchedDecoded() {
    route("/files/a%20b")
        .assertError(
            "Invalid path template '/files/a%20b' on get: segment 'a%20b' contains the escape"
                + " '%20': paths are matched after percent-decoding, so a literal segment is"
                + " written decoded (write 'a b' for a request to /a%20b)"
                + GRAMMAR);
  }

  @Test
  void acceptsAPercentSignThatIsNoEscapeAsTheDecodedFormOfPercent25() {
    route("/rates/100%").assertIndex();
  }
}
