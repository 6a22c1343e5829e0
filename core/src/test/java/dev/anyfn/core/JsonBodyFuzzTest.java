package dev.anyfn.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anyfn.Headers;
import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Fuzzes JSON request bodies into a record ({@code seed-login}) and into a map ({@code fx-faults}):
 * whatever the body and its content type, the answer is the handler's or a 4xx problem that says
 * what was wrong in a bounded detail, never a 500. Under {@code mvn test} this runs the saved
 * inputs in {@code src/test/resources/dev/anyfn/core/JsonBodyFuzzTestInputs}; {@code fuzz/run.sh}
 * fuzzes it.
 */
class JsonBodyFuzzTest {
  private static final TestRuntime RUNTIME = new TestRuntime();
  private static final FunctionInstance LOGIN = RUNTIME.instance("seed-login");
  private static final FunctionInstance FAULTS = RUNTIME.instance("fx-faults");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] CONTENT_TYPES = {
    "application/json", "application/json; charset=utf-8", "application/vnd.x+json", "text/plain"
  };
  private static final Set<Integer> EXPECTED = Set.of(200, 400, 401, 413, 415);

  @FuzzTest(maxDuration = "60s")
  void anyJsonBodyGetsTheHandlersAnswerOrAFourHundredProblem(FuzzedDataProvider data)
      throws IOException {
    boolean login = data.consumeBoolean();
    String contentType = CONTENT_TYPES[data.consumeInt(0, CONTENT_TYPES.length - 1)];
    HttpRequest request =
        HttpRequest.builder()
            .method("POST")
            .rawPath(login ? "/login" : "/fx/any")
            .headers(Headers.builder().add("Content-Type", contentType).build())
            .body(data.consumeRemainingAsBytes())
            .build();
    FunctionInstance target = login ? LOGIN : FAULTS;
    HttpResponse r =
        target.handleHttp(request, RUNTIME.context(login ? "seed-login" : "fx-faults"));
    String body = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(EXPECTED).as("status %d: %s", r.statusCode(), body).contains(r.statusCode());
    if (r.statusCode() >= 400) {
      JsonNode problem = JSON.readTree(body);
      assertThat(problem.path("detail").asText()).as(body).isNotBlank().hasSizeLessThan(600);
    }
  }
}
