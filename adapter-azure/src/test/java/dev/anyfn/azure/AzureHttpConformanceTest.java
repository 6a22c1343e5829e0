package dev.anyfn.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.annotation.FunctionName;
import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import dev.anyfn.conformance.ConformanceIndex;
import dev.anyfn.conformance.HttpConformanceSuite;
import java.lang.reflect.Method;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core's HTTP conformance suite through the Azure path: the entry class that {@link
 * AzureEntryGenerator} generates for function {@code conformance} (from the core test-jar's index),
 * compiled with javac and called with Mockito mocks of {@code HttpRequestMessage} and {@code
 * ExecutionContext}, as the Java worker would call it.
 */
class AzureHttpConformanceTest extends HttpConformanceSuite {
  private static final String FUNCTION = "conformance";
  private static final AtomicInteger INVOCATIONS = new AtomicInteger();
  private static Object entry;
  private static Method http;

  @BeforeAll
  static void generateTheEntryClass() throws Exception {
    GeneratedEntries g =
        GeneratedEntries.generate(
            ConformanceIndex.json(AzureHttpConformanceTest.class.getClassLoader()), Map.of());
    assertThat(g.errors).isEmpty();
    assertThat(g.sources).containsOnlyKeys("dev.anyfn.generated.azure.ConformanceAzureFunctions");
    Class<?> type = g.compile().loadClass("dev.anyfn.generated.azure.ConformanceAzureFunctions");
    entry = type.getConstructor().newInstance();
    http = type.getMethod("http", HttpRequestMessage.class, ExecutionContext.class);
    assertThat(http.getAnnotation(FunctionName.class).value()).isEqualTo(FUNCTION);
  }

  /** The Java worker's call with the host's headers as given, malformed ones included. */
  private static HttpResponse post(String path, Map<String, String> hostHeaders, String body)
      throws Exception {
    HttpRequestMessage<Optional<byte[]>> message =
        AzureMocks.request(
            "POST",
            "https://anyfn-conformance.azurewebsites.net" + path,
            hostHeaders,
            body.getBytes(StandardCharsets.UTF_8));
    ExecutionContext context = AzureMocks.context("inv-" + INVOCATIONS.incrementAndGet());
    return neutral((AzureMocks.Response) http.invoke(entry, message, context));
  }

  @Test
  void aMalformedHeaderTheFunctionReadsIsA400AndOneNothingReadsIsCarried() throws Exception {
    String body = "{\"message\":\"hi\",\"count\":1}";

    HttpResponse refused =
        post("/echo", Map.of("content-type", "application/json\u0001", "accept", "*/*"), body);
    HttpResponse answered =
        post("/echo", Map.of("content-type", "application/json", "x-unread", "a\u0000b"), body);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.bodyText())
        .contains("\"error\":\"bad_request\"")
        .contains("Header 'content-type' has control character 0x1")
        .doesNotContain("Exception");
    assertThat(answered.statusCode()).isEqualTo(200);
    assertThat(answered.bodyText()).isEqualTo("{\"message\":\"HI\",\"count\":2}");
  }

  @Override
  protected HttpResponse send(HttpRequest request) throws Exception {
    HttpRequestMessage<Optional<byte[]>> message =
        AzureMocks.request(
            request.method(),
            "https://anyfn-conformance.azurewebsites.net" + rawTarget(request),
            hostHeaders(request),
            request.bodyLength() == 0 ? null : request.body());
    ExecutionContext context = AzureMocks.context("inv-" + INVOCATIONS.incrementAndGet());
    return neutral((AzureMocks.Response) http.invoke(entry, message, context));
  }

  /** The raw path and query, encoded again from the neutral request's decoded parts. */
  private static String rawTarget(HttpRequest request) {
    StringBuilder target = new StringBuilder();
    for (String segment : request.pathSegments()) {
      target.append('/').append(encode(segment));
    }
    if (target.length() == 0) {
      target.append('/');
    }
    List<String> pairs = new ArrayList<>();
    request
        .query()
        .forEach((name, values) -> values.forEach(v -> pairs.add(encode(name) + "=" + encode(v))));
    if (!pairs.isEmpty()) {
      target.append('?').append(String.join("&", pairs));
    }
    return target.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Headers as the Functions host hands them over: names in lower case, one value per name. */
  private static Map<String, String> hostHeaders(HttpRequest request) {
    Map<String, String> headers = new LinkedHashMap<>();
    request
        .headers()
        .asMap()
        .forEach(
            (name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
    return headers;
  }

  private static HttpResponse neutral(AzureMocks.Response response) {
    HttpResponse.Builder b = HttpResponse.status(response.getStatusCode());
    String contentType = null;
    for (Map.Entry<String, String> h : response.headers().entrySet()) {
      if (h.getKey().equalsIgnoreCase("Content-Type")) {
        contentType = h.getValue();
      } else {
        b.header(h.getKey(), h.getValue());
      }
    }
    byte[] body = response.bytes();
    if (body.length > 0) {
      b.body(body, contentType == null ? "application/octet-stream" : contentType);
    } else if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return b.build();
  }

  @Test
  void entryIsTheRootCatchAllOfTheOnlyHttpFunction() {
    assertThat(
            http.getParameters()[0]
                .getAnnotation(com.microsoft.azure.functions.annotation.HttpTrigger.class)
                .route())
        .isEqualTo("{*path}");
  }
}
