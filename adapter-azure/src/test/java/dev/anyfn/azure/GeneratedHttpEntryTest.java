package dev.anyfn.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Calls the generated HTTP entry method with mocked Azure types, as the Java worker would. */
class GeneratedHttpEntryTest {
  private static Object shop;
  private static Method http;
  private static Method invoke;

  @BeforeAll
  static void generate() throws Exception {
    ClassLoader loader =
        GeneratedEntries.generate(GeneratedEntries.fixtureIndex(), Map.of()).compile();
    Class<?> type = loader.loadClass("dev.anyfn.generated.azure.ShopAzureFunctions");
    shop = type.getConstructor().newInstance();
    http = type.getMethod("http", HttpRequestMessage.class, ExecutionContext.class);
    invoke = type.getMethod("invoke", HttpRequestMessage.class, ExecutionContext.class);
  }

  private static AzureMocks.Response call(
      Method entry, String method, String url, Map<String, String> headers, byte[] body)
      throws Exception {
    HttpRequestMessage<Optional<byte[]>> request = AzureMocks.request(method, url, headers, body);
    return (AzureMocks.Response) entry.invoke(shop, request, AzureMocks.context("inv-1"));
  }

  private static AzureMocks.Response get(String url, Map<String, String> headers) throws Exception {
    return call(http, "GET", url, headers, null);
  }

  @Test
  void textRouteAnswersWithTheNeutralContext() throws Exception {
    AzureMocks.Response r = get("https://app.azurewebsites.net/hello", Map.of());
    assertThat(r.getStatusCode()).isEqualTo(200);
    assertThat(r.text()).isEqualTo("hello from shop on AZURE");
    assertThat(r.getHeader("Content-Type")).startsWith("text/plain");
  }

  @Test
  void lowerCaseHeaderFromTheHostMatchesAMixedCaseParameter() throws Exception {
    AzureMocks.Response r =
        get("https://app.azurewebsites.net/header", Map.of("x-custom-header", "Blue"));
    assertThat(r.text()).isEqualTo("Blue");
    assertThat(get("https://app/header", Map.of("X-CUSTOM-HEADER", "Red")).text()).isEqualTo("Red");
  }

  @Test
  void jsonBodyIsBoundAndJsonReturned() throws Exception {
    AzureMocks.Response r =
        call(
            http,
            "POST",
            "https://app/orders",
            Map.of("content-type", "application/json"),
            "{\"item\":\"tea\",\"quantity\":1}".getBytes(StandardCharsets.UTF_8));
    assertThat(r.getStatusCode()).isEqualTo(200);
    assertThat(r.text()).isEqualTo("{\"item\":\"tea\",\"quantity\":2}");
  }

  @Test
  void malformedJsonIsA400ProblemWithTheInvocationId() throws Exception {
    AzureMocks.Response r =
        call(
            http,
            "POST",
            "https://app/orders",
            Map.of("content-type", "application/json"),
            "{\"item\":".getBytes(StandardCharsets.UTF_8));
    assertThat(r.getStatusCode()).isEqualTo(400);
    assertThat(r.getHeader("Content-Type")).isEqualTo("application/problem+json");
    assertThat(r.text()).contains("\"requestId\":\"inv-1\"");
  }

  @Test
  void oneCookieIsSentAsTheSetCookieHeader() throws Exception {
    AzureMocks.Response r = get("https://app/cookie", Map.of());
    assertThat(r.getStatusCode()).isEqualTo(200);
    assertThat(r.getHeader("Set-Cookie"))
        .isEqualTo("session=s1; Path=/; HttpOnly; Secure; SameSite=Lax");
    assertThat(r.text()).isEqualTo("one cookie");
  }

  @Test
  void twoCookiesAreA500ProblemAndTheLogNamesThemAndTheWorkerLimit() throws Exception {
    List<String> log = new ArrayList<>();
    HttpRequestMessage<Optional<byte[]>> request =
        AzureMocks.request("GET", "https://app/cookies", Map.of(), null);
    AzureMocks.Response r =
        (AzureMocks.Response) http.invoke(shop, request, AzureMocks.context("inv-7", log));
    assertThat(r.getStatusCode()).isEqualTo(500);
    assertThat(r.getHeader("Set-Cookie")).isNull();
    assertThat(r.text()).contains("\"requestId\":\"inv-7\"").doesNotContain("two cookies");
    assertThat(log)
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("inv-7", "2 cookies ('session', 'csrf')", "issues/788")
                    .contains("set at most one cookie per response"));
  }

  @Test
  void binaryBodyPassesThroughByteForByte() throws Exception {
    byte[] body = {0, (byte) 0xff, 0x10, (byte) 0x80};
    AzureMocks.Response r =
        call(
            http,
            "POST",
            "https://app/bytes",
            Map.of("content-type", "application/octet-stream"),
            body);
    assertThat(r.bytes()).containsExactly((byte) 0xff, 0, (byte) 0xef, 0x7f);
    assertThat(r.getHeader("Content-Type")).isEqualTo("application/octet-stream");
  }

  @Test
  void textBodyWithoutCharsetIsUtf8() throws Exception {
    AzureMocks.Response r =
        call(
            http,
            "POST",
            "https://app/text",
            Map.of("content-type", "text/plain"),
            "grüße".getBytes(StandardCharsets.UTF_8));
    assertThat(r.text()).isEqualTo("grüße");
  }

  @Test
  void textBodyIsDecodedWithItsDeclaredCharset() throws Exception {
    AzureMocks.Response r =
        call(
            http,
            "POST",
            "https://app/text",
            Map.of("content-type", "text/plain; charset=ISO-8859-1"),
            "grüße".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(r.text()).isEqualTo("grüße");
  }

  @Test
  void queryStringOverAzuresLimitIsA414Problem() throws Exception {
    AzureMocks.Response r = get("https://app/hello?q=" + "a".repeat(4095), Map.of());
    assertThat(r.getStatusCode()).isEqualTo(414);
    assertThat(r.text())
        .contains("The query string has 4097 characters; Azure Functions accepts at most 4096.");
    assertThat(get("https://app/hello?q=" + "a".repeat(4094), Map.of()).getStatusCode())
        .isEqualTo(200);
  }

  @Test
  void aUrlTheWorkerCannotParseIsA400ProblemNotAnException() throws Exception {
    // The worker builds the URI when asked, with URI.create, as the host's URL comes.
    HttpRequestMessage<Optional<byte[]>> request =
        AzureMocks.request("GET", "https://app/hello", Map.of(), null);
    when(request.getUri()).thenAnswer(inv -> URI.create("https://app/hello?q=a|b"));

    AzureMocks.Response r =
        (AzureMocks.Response) http.invoke(shop, request, AzureMocks.context("inv-1"));

    assertThat(r.getStatusCode()).isEqualTo(400);
    assertThat(r.text())
        .contains("\"error\":\"invalid_url\"")
        .contains("must be percent-encoded")
        .doesNotContain("Illegal character");
  }

  @Test
  void urlOverAzuresLimitIsA414Problem() throws Exception {
    AzureMocks.Response r = get("https://app/" + "p".repeat(8200), Map.of());
    assertThat(r.getStatusCode()).isEqualTo(414);
    assertThat(r.text()).contains("\"error\":\"url_too_long\"");
  }

  @Test
  void handlerExceptionIsA500WithTheRequestIdAndNothingInternal() throws Exception {
    List<String> log = new ArrayList<>();
    HttpRequestMessage<Optional<byte[]>> request =
        AzureMocks.request("GET", "https://app/boom", Map.of(), null);
    AzureMocks.Response r =
        (AzureMocks.Response) http.invoke(shop, request, AzureMocks.context("inv-500", log));
    assertThat(r.getStatusCode()).isEqualTo(500);
    assertThat(r.text())
        .isEqualTo(
            "{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500,"
                + "\"error\":\"internal_error\",\"requestId\":\"inv-500\"}");
    assertThat(log).anyMatch(line -> line.contains("secret internal detail"));
  }

  @Test
  void aHandlersExceptionReachesTheHostsLoggerAsSevereWhichTheHostStoresAsAnError()
      throws Exception {
    List<String> log = new ArrayList<>();
    List<Level> levels = new ArrayList<>();
    HttpRequestMessage<Optional<byte[]>> request =
        AzureMocks.request("GET", "https://app/boom", Map.of(), null);
    http.invoke(shop, request, AzureMocks.context("inv-501", log, levels));

    assertThat(log).hasSameSizeAs(levels);
    int error =
        IntStream.range(0, log.size())
            .filter(i -> log.get(i).contains("secret internal detail"))
            .findFirst()
            .orElseThrow();
    assertThat(levels.get(error)).isEqualTo(Level.SEVERE);
    assertThat(log.get(error)).contains("\"level\":\"ERROR\"").doesNotContain("severity");
  }

  @Test
  void traversalInTheRawPathIsA400Problem() throws Exception {
    AzureMocks.Response r = get("https://app/a/%2e%2e/hello", Map.of());
    assertThat(r.getStatusCode()).isEqualTo(400);
    assertThat(r.text()).contains("\"error\":\"invalid_path\"");
  }

  @Test
  void unknownRouteIsA404Problem() throws Exception {
    assertThat(get("https://app/nope", Map.of()).getStatusCode()).isEqualTo(404);
  }

  @Test
  void directInvocationAnswersJson() throws Exception {
    AzureMocks.Response r =
        call(
            invoke,
            "POST",
            "https://app/_invoke/shop",
            Map.of(),
            "{\"item\":\"tea\",\"quantity\":3}".getBytes(StandardCharsets.UTF_8));
    assertThat(r.getStatusCode()).isEqualTo(200);
    assertThat(r.text()).isEqualTo("{\"item\":\"TEA\",\"quantity\":3}");
  }

  @Test
  void directInvocationWithMalformedPayloadIsA400Problem() throws Exception {
    AzureMocks.Response r =
        call(invoke, "POST", "https://app/_invoke/shop", Map.of(), "nope".getBytes());
    assertThat(r.getStatusCode()).isEqualTo(400);
    assertThat(r.text()).contains("\"error\":\"invalid_payload\"");
  }

  @Test
  void responseIsBuiltThroughTheRequestsBuilder() throws Exception {
    HttpResponseMessage r = get("https://app/hello", Map.of());
    assertThat(r).isInstanceOf(AzureMocks.Response.class);
  }
}
