package dev.anyfn.core;

import static dev.anyfn.core.TestRuntime.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.Headers;
import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import dev.anyfn.core.fixtures.CorsFunction;
import org.junit.jupiter.api.Test;

/** A function with {@code @Cors} answers browsers of the origins it names, on every provider. */
class CorsTest {
  private static final String APP = "https://app.example.com";
  private final TestRuntime rt = new TestRuntime();

  private static HttpRequest preflight(String origin, String path, String method) {
    return request("OPTIONS", path)
        .headers(
            Headers.builder()
                .add("Origin", origin)
                .add("Access-Control-Request-Method", method)
                .add("Access-Control-Request-Headers", "content-type")
                .build())
        .build();
  }

  private static HttpRequest from(String origin, String method, String path, String body) {
    return request(method, path)
        .headers(Headers.builder().add("Origin", origin).add("Content-Type", "text/plain").build())
        .body(body)
        .build();
  }

  @Test
  void aMalformedReceivedOriginIsA400ProblemNotAFailure() {
    HttpRequest preflight =
        request("OPTIONS", "/cors/items")
            .headers(
                Headers.receivedBuilder()
                    .add("origin", APP + "\n")
                    .add("access-control-request-method", "POST")
                    .build())
            .build();
    HttpRequest get =
        request("GET", "/cors/items")
            .headers(Headers.receivedBuilder().add("origin", APP + "\u0000").build())
            .build();

    int calls = CorsFunction.ITEMS_CALLS.get();
    for (HttpRequest request : new HttpRequest[] {preflight, get}) {
      HttpResponse r = rt.http("fx-cors", request);

      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.bodyText()).contains("\"error\":\"bad_request\"").contains("'origin'");
      assertThat(r.headers().first("Access-Control-Allow-Origin")).isEmpty();
    }
    assertThat(CorsFunction.ITEMS_CALLS.get())
        .as("refused before the handler ran")
        .isEqualTo(calls);
  }

  @Test
  void aPreflightOfAnAllowedOriginIsAnsweredWithoutAHandler() {
    HttpResponse r = rt.http("fx-cors", preflight(APP, "/cors/items", "POST"));

    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.headers().first("Access-Control-Allow-Origin")).hasValue(APP);
    assertThat(r.headers().first("Access-Control-Allow-Methods")).hasValue("GET, HEAD, POST");
    assertThat(r.headers().first("Access-Control-Allow-Headers"))
        .hasValue("Content-Type, Authorization");
    assertThat(r.headers().first("Access-Control-Allow-Credentials")).hasValue("true");
    assertThat(r.headers().first("Access-Control-Max-Age")).hasValue("60");
    assertThat(r.headers().all("Vary").toString()).contains("Origin");
    assertThat(r.body()).isEmpty();
  }

  @Test
  void aPreflightFromAnotherOriginIsRefusedNamingTheAllowedOnes() {
    HttpResponse r = rt.http("fx-cors", preflight("https://evil.example", "/cors/items", "POST"));

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.headers().first("Access-Control-Allow-Origin")).isEmpty();
    assertThat(r.bodyText())
        .contains("\"error\":\"cors_origin_refused\"")
        .contains(
            "Origin 'https://evil.example' may not call function 'fx-cors' from a browser; its"
                + " @Cors allows [https://app.example.com, http://localhost:5173].");
  }

  @Test
  void aPreflightForAMethodThePathDoesNotAnswerGetsNoCorsHeaders() {
    HttpResponse r = rt.http("fx-cors", preflight(APP, "/cors/items", "PUT"));

    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.headers().first("Allow")).hasValue("GET, HEAD, POST");
    assertThat(r.headers().first("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void anAllowedOriginsAnswerCarriesTheOriginCredentialsAndExposedHeaders() {
    HttpResponse r = rt.http("fx-cors", from("http://localhost:5173", "GET", "/cors/items", ""));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().all("Access-Control-Allow-Origin"))
        .as("@Cors replaces what the handler set")
        .containsExactly("http://localhost:5173");
    assertThat(r.headers().first("Access-Control-Allow-Credentials")).hasValue("true");
    assertThat(r.headers().first("Access-Control-Expose-Headers")).hasValue("ETag");
    assertThat(r.headers().all("Vary")).contains("Origin");
  }

  @Test
  void anErrorAnswerCarriesThemTooSoThatThePageCanReadTheProblem() {
    HttpResponse r = rt.http("fx-cors", from(APP, "POST", "/cors/items", " "));

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().first("Access-Control-Allow-Origin")).hasValue(APP);
  }

  @Test
  void anotherOriginIsServedWithoutTheHeadersSoTheBrowserKeepsTheAnswerFromThePage() {
    HttpResponse r = rt.http("fx-cors", from("https://evil.example", "POST", "/cors/items", "x"));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().first("Access-Control-Allow-Origin")).isEmpty();
    assertThat(r.headers().all("Vary")).contains("Origin");
  }

  @Test
  void aRequestWithoutOriginIsAnsweredAsWithoutCors() {
    HttpResponse r = rt.http("fx-cors", request("GET", "/cors/items").build());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().all("Vary")).doesNotContain("Origin");
    assertThat(r.headers().first("Access-Control-Expose-Headers")).isEmpty();
  }

  @Test
  void withoutCorsAPreflightGetsThePlainOptionsAnswer() {
    HttpResponse r = rt.http("conformance", preflight(APP, "/echo", "POST"));

    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.headers().first("Allow")).isPresent();
    assertThat(r.headers().first("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void theEmulatorsFrontDoorSendsAPreflightToTheFunctionServingTheAskedMethod() {
    RouteMatch match = rt.runtime.route(preflight(APP, "/cors/items/7", "DELETE"));

    assertThat(match.function().map(FunctionDefinition::name)).hasValue("fx-cors");
    HttpResponse r =
        rt.instance("fx-cors")
            .handleHttp(match, preflight(APP, "/cors/items/7", "DELETE"), rt.context("fx-cors"));
    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.headers().first("Access-Control-Allow-Methods")).hasValue("DELETE");
  }
}
