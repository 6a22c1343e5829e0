package dev.anyfn.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import dev.anyfn.core.JsonCodec;
import dev.anyfn.core.RuntimeSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Fuzzes what the Azure host hands the adapter: HTTP requests (method, URL, lower-case headers,
 * body) through {@link AzureBridge} to the fixture function {@code shop}, Cosmos DB batches and
 * Event Grid events. HTTP is always answered, with a valid status and never a stack trace; an event
 * is translated or refused with an {@link IllegalArgumentException} that says why, so the host
 * retries it and moves it aside in the end. Under {@code mvn test} these run the saved inputs in
 * {@code src/test/resources/dev/anyfn/azure/AzureInputFuzzTestInputs}; {@code fuzz/run.sh} fuzzes
 * them.
 */
class AzureInputFuzzTest {
  private static final AzureBridge BRIDGE =
      new AzureBridge(AzureApp.load(AzureInputFuzzTest.class.getClassLoader(), Map.of()));
  private static final JsonCodec JSON = JsonCodec.create(RuntimeSettings.builder().build());
  private static final HttpMethod[] METHODS = HttpMethod.values();

  @FuzzTest(maxDuration = "60s")
  void anyHttpRequestIsAnsweredWithAValidStatusAndNoTrace(FuzzedDataProvider data) {
    HttpMethod method = METHODS[data.consumeInt(0, METHODS.length - 1)];
    // any text: the worker parses the host's URL only when asked (URI.create), and the host passes
    // on characters URI refuses
    String uri = "https://app.azurewebsites.net" + data.consumeString(300);
    Map<String, String> headers = new LinkedHashMap<>();
    int count = data.consumeInt(0, 4);
    for (int i = 0; i < count; i++) {
      headers.put(data.consumeString(20), data.consumeString(80));
    }
    if (data.consumeBoolean()) {
      headers.put("content-type", data.consumeString(60));
    }
    byte[] body = data.consumeRemainingAsBytes();
    AzureMocks.Response r =
        (AzureMocks.Response)
            BRIDGE.handleHttp(
                "shop",
                "",
                new Request(method, uri, headers, body),
                AzureMocks.context("inv-fuzz"),
                null);
    assertThat(r.getStatusCode()).as(uri).isBetween(100, 599);
    if (r.getStatusCode() >= 500) {
      assertThat(r.text()).doesNotContain("Exception").doesNotContain("\tat ");
    }
  }

  @FuzzTest(maxDuration = "60s")
  void aCosmosBatchIsTranslatedOrRefusedSayingWhy(byte[] input) {
    String documents = new String(input, StandardCharsets.UTF_8);
    try {
      assertThat(CosmosChangeTranslator.changes("orders", documents, JSON)).isNotNull();
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).contains("orders");
    }
  }

  @FuzzTest(maxDuration = "60s")
  void anEventGridEventIsTranslatedAcknowledgedOrRefusedSayingWhy(byte[] input) {
    String event = new String(input, StandardCharsets.UTF_8);
    try {
      assertThat(EventGridBlobTranslator.event("uploads", event, JSON)).isNotNull();
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).startsWith("The Event Grid event");
    }
  }

  /**
   * A request as the Java worker builds it, without Mockito's recording (fuzzing calls it a lot).
   */
  private record Request(HttpMethod method, String uri, Map<String, String> headers, byte[] body)
      implements HttpRequestMessage<Optional<byte[]>> {
    @Override
    public URI getUri() {
      return URI.create(uri);
    }

    @Override
    public HttpMethod getHttpMethod() {
      return method;
    }

    @Override
    public Map<String, String> getHeaders() {
      return headers;
    }

    @Override
    public Map<String, String> getQueryParameters() {
      return Map.of();
    }

    @Override
    public Optional<byte[]> getBody() {
      return Optional.of(body);
    }

    @Override
    public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
      return new AzureMocks.Response.Builder(status);
    }

    @Override
    public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
      return new AzureMocks.Response.Builder(status);
    }
  }
}
