package dev.anyfn.bench.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.azure.functions.HttpResponseMessage;
import dev.anyfn.generated.azure.BenchHelloAzureFunctions;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The benchmark compares like with like: both entries answer the request with the same response.
 */
class BothSidesDoTheSameWorkTest {
  private static final BenchContext CONTEXT = new BenchContext("inv-1", "bench-hello");

  private static String text(HttpResponseMessage r) {
    return new String((byte[]) r.getBody(), StandardCharsets.UTF_8);
  }

  @Test
  void generatedEntryAnswersTheGreetingAsJson() {
    HttpResponseMessage r =
        new BenchHelloAzureFunctions().http(AzureInvocationBenchmark.request(), CONTEXT);
    assertThat(r.getStatusCode()).isEqualTo(200);
    assertThat(r.getHeader("Content-Type")).startsWith("application/json");
    assertThat(text(r)).isEqualTo("{\"message\":\"Hello, ada\",\"length\":3}");
  }

  @Test
  void handWrittenEntryAnswersTheSameStatusTypeAndBody() {
    HttpResponseMessage generated =
        new BenchHelloAzureFunctions().http(AzureInvocationBenchmark.request(), CONTEXT);
    HttpResponseMessage hand =
        new HandWrittenFunctions().hello(AzureInvocationBenchmark.request(), CONTEXT);
    assertThat(hand.getStatusCode()).isEqualTo(generated.getStatusCode());
    assertThat(generated.getHeader("Content-Type")).startsWith(hand.getHeader("Content-Type"));
    assertThat(text(hand)).isEqualTo(text(generated));
  }

  @Test
  void jsonSettingsBenchmarkWritesTheSameGreetingWithEitherMapper() throws Exception {
    JsonSettingsBenchmark json = new JsonSettingsBenchmark();
    json.setUp();
    String expected = "{\"message\":\"Hello, ada\",\"length\":3}";
    assertThat(new String(json.defaultMapper(), StandardCharsets.UTF_8)).isEqualTo(expected);
    assertThat(new String(json.anyfnCodec(), StandardCharsets.UTF_8)).isEqualTo(expected);
  }
}
