package dev.anyfn.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.anyfn.core.JsonCodec;
import dev.anyfn.core.RuntimeSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes what Lambda hands the adapter: any bytes, starting from the real event shapes of every
 * source (the saved inputs in {@code src/test/resources/dev/anyfn/aws/LambdaEventFuzzTestInputs}).
 * Whatever arrives, the handler either answers JSON (an HTTP answer with a valid status and no
 * stack trace, a batch answer, an invocation result) or throws one of its two documented exceptions
 * with a message, so the runtime reports an invocation error and Lambda retries; never another
 * exception, a hang or a leaked trace. Under {@code mvn test} this runs the saved inputs; {@code
 * fuzz/run.sh} fuzzes it.
 */
class LambdaEventFuzzTest {
  private static final Lambda LAMBDA = new Lambda("fuzzed");
  private static int requests;

  @FuzzTest(maxDuration = "60s")
  void anyEventIsAnsweredOrRefusedWithADocumentedError(byte[] payload) throws IOException {
    byte[] out;
    try {
      out = LAMBDA.call(payload, TestLambdaContext.of("fuzz-" + ++requests));
    } catch (BadEventException | FunctionFailedException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    String text = new String(out, StandardCharsets.UTF_8);
    JsonNode answer = Lambda.JSON.readTree(out);
    assertThat(answer).as(text).isNotNull();
    if (answer.has("statusCode")) {
      assertThat(answer.get("statusCode").isInt()).as(text).isTrue();
      assertThat(answer.get("statusCode").intValue()).as(text).isBetween(100, 599);
      assertThat(text).doesNotContain("Exception").doesNotContain("\\tat ");
    }
  }

  private static final RuntimeSettings SETTINGS = RuntimeSettings.builder().build();
  private static final HttpApiEventReader FAST_PATH = new HttpApiEventReader(SETTINGS);
  private static final JsonCodec CODEC = JsonCodec.create(SETTINGS);

  /**
   * The streaming fast path for HTTP API events takes an event only when the general path (a tree
   * read strictly, {@link EventSource#of}, {@link HttpApiEvent#of}) would read the same source and
   * the same fields from it.
   */
  @FuzzTest(maxDuration = "60s")
  void theFastPathReadsAnHttpApiEventExactlyAsTheTreeDoes(byte[] payload) {
    HttpApiEventReader.Recognised fast = FAST_PATH.read(payload);
    if (fast == null) {
      return;
    }
    JsonNode tree = CODEC.readTree(payload);
    assertThat(EventSource.of(tree)).isEqualTo(fast.source());
    assertThat(HttpApiEvent.of(tree)).isEqualTo(fast.event());
  }
}
