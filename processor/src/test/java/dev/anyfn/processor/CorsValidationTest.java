package dev.anyfn.processor;

import static dev.anyfn.processor.Compilation.compile;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@code @Cors} must say, checked when the project compiles. */
class CorsValidationTest {
  private static String api(String cors) {
    return cors
        + """

        @ServerlessFunction("api")
        public class Api {
          @Route("/items")
          public String items() { return "[]"; }
        }
        """;
  }

  @Test
  void theSettingsGoIntoTheIndex() {
    String index =
        compile(
                api(
                    "@Cors(origins = {\"https://app.example.com\", \"http://localhost:5173\"},"
                        + " exposeHeaders = \"ETag\", allowCredentials = true, maxAgeSeconds = 60)"))
            .assertIndex();

    assertThat(index.replaceAll("\\s", ""))
        .contains(
            "\"cors\":{\"origins\":[\"https://app.example.com\",\"http://localhost:5173\"],"
                + "\"allowHeaders\":[\"Content-Type\",\"Authorization\"],"
                + "\"exposeHeaders\":[\"ETag\"],\"allowCredentials\":true,\"maxAgeSeconds\":60}");
  }

  @Test
  void aFunctionWithoutCorsHasNoCorsInTheIndex() {
    assertThat(compile(api("")).assertIndex()).doesNotContain("cors");
  }

  @Test
  void anOriginWithAPathOrInUpperCaseIsRefusedWithTheFormBrowsersSend() {
    compile(api("@Cors(origins = \"https://App.Example.com/\")"))
        .assertError(
            "@Cors on com.example.Api has origin 'https://App.Example.com/'; expected scheme://host"
                + " or scheme://host:port in lower case, with no path or trailing slash, as browsers"
                + " send it, e.g. \"https://app.example.com\".");
  }

  @Test
  void anyOriginWithCredentialsIsRefusedAsBrowsersRefuseIt() {
    compile(api("@Cors(origins = \"*\", allowCredentials = true)"))
        .assertError(
            "@Cors on com.example.Api allows credentials from any origin (\"*\"), which browsers"
                + " refuse. List the origins that may send credentials instead.");
  }

  @Test
  void aWildcardBesideOtherOriginsIsRefused() {
    compile(api("@Cors(origins = {\"*\", \"https://a.example\"})"))
        .assertError(
            "@Cors on com.example.Api lists \"*\" with other origins; \"*\" allows any origin:"
                + " write it alone.");
  }

  @Test
  void noOriginsABadHeaderNameAndAnOverlongMaxAgeAreEachReported() {
    compile(api("@Cors(origins = {}, allowHeaders = \"X Token\", maxAgeSeconds = 100000)"))
        .assertErrors(
            "@Cors on com.example.Api lists no origins; expected e.g. origins ="
                + " \"https://app.example.com\", or \"*\" for any origin.",
            "@Cors on com.example.Api has allowHeaders entry 'X Token'; expected a header name"
                + " (letters, digits and !#$%&'*+.^_`|~-).",
            "@Cors on com.example.Api has maxAgeSeconds 100000; expected 0 to 86400 (browsers cap"
                + " it there or lower).");
  }

  @Test
  void corsOnAFunctionWithoutRoutesIsRefusedAsHavingNoEffect() {
    compile(
            """
            @ServerlessFunction("worker")
            @Cors(origins = "*")
            public class Worker {
              @OnQueue("jobs")
              public void job(String body) {}
            }
            """)
        .assertError(
            "@Cors on com.example.Worker has no effect: the class has no @Route. Remove @Cors.");
  }

  @Test
  void corsOnAClassThatIsNotAFunctionIsRefused() {
    compile(
            """
            @Cors(origins = "*")
            public class Helper {}
            """)
        .assertError(
            "@Cors on com.example.Helper has no effect: the class is not a @ServerlessFunction. Put"
                + " @Cors on the function class whose routes it is for.");
  }
}
