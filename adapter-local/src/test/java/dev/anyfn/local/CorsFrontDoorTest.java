package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A browser page on a dev server (another origin) calls a function with {@code @Cors}. */
class CorsFrontDoorTest {
  private static final String PAGE = "http://localhost:5173";
  private static Harness h;

  @BeforeAll
  static void start() {
    h = Harness.start();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void thePreflightOfAPutIsAnsweredByTheFunctionServingIt() {
    HttpResponse<String> r =
        h.send(
            HttpRequest.newBuilder(h.uri("/cors-web/note"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", PAGE)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "content-type")
                .build());

    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue(PAGE);
    assertThat(r.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET, HEAD, PUT");
    assertThat(r.headers().firstValue("Access-Control-Allow-Headers"))
        .hasValue("Content-Type, Authorization");
  }

  @Test
  void thePutItselfCarriesTheOrigin() {
    HttpResponse<String> r =
        h.send(
            HttpRequest.newBuilder(h.uri("/cors-web/note"))
                .PUT(HttpRequest.BodyPublishers.ofString("buy milk"))
                .header("Origin", PAGE)
                .header("Content-Type", "text/plain")
                .build());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("buy milk");
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue(PAGE);
  }

  @Test
  void aPreflightForAFunctionWithoutCorsGetsNoCorsHeaders() {
    HttpResponse<String> r =
        h.send(
            HttpRequest.newBuilder(h.uri("/hello"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", PAGE)
                .header("Access-Control-Request-Method", "GET")
                .build());

    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }
}
