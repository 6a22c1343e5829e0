package dev.anyfn.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.anyfn.gcp.testing.GcloudDeploy;
import dev.anyfn.gcp.testing.InvokerJvm;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Function {@code gcp-web} under Google's real invoker, started with the entry point and
 * environment its generated deploy script gives it (and a 64 KiB body limit added to test 413).
 */
class InvokerHttpTest {
  @TempDir static Path dir;
  private static InvokerJvm invoker;
  private static GcloudDeploy deploy;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    ScriptedDeployments script =
        ScriptedDeployments.run(ScriptedDeployments.testIndex(), dir, Map.of());
    deploy = script.deploy("gcp-web");
    Map<String, String> env = new java.util.HashMap<>(deploy.environment());
    env.put(GcpSettings.MAX_BODY_BYTES, "65536");
    invoker = Invokers.start("invoker", deploy.entryPoint(), env, dir);
  }

  @AfterAll
  static void stop() {
    if (invoker != null) {
      invoker.close();
    }
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder b) throws Exception {
    return client.send(b.build(), BodyHandlers.ofByteArray());
  }

  private HttpRequest.Builder request(String target) {
    return HttpRequest.newBuilder(URI.create(invoker.baseUrl() + target));
  }

  private static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @Test
  void scriptDeploysTheHttpEntryPointNamingTheFunction() {
    assertThat(deploy.entryPoint()).isEqualTo("dev.anyfn.gcp.HttpEntryPoint");
    assertThat(deploy.environment())
        .containsExactly(
            Map.entry("ANYFN_FUNCTION", "gcp-web"), Map.entry("ANYFN_GCP_PROJECT", "demo-project"));
  }

  @Test
  void textRouteAnswersPlainText() throws Exception {
    HttpResponse<byte[]> r = send(request("/hello"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(text(r)).isEqualTo("hello from google");
    assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
  }

  @Test
  void jsonBodyIsBoundAndAnsweredAsJson() throws Exception {
    HttpResponse<byte[]> r =
        send(
            request("/items")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"name\":\"pen\",\"quantity\":21}")));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(text(r)).isEqualTo("{\"name\":\"pen\",\"quantity\":42}");
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
  }

  @Test
  void jsonBodyOfTheWrongTypeIs400NamingTheField() throws Exception {
    HttpResponse<byte[]> r =
        send(
            request("/items")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"name\":\"pen\",\"quantity\":\"many\"}")));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(text(r)).contains("\"error\":\"invalid_body\"").contains("quantity");
  }

  @Test
  void binaryResponseBodyArrivesByteForByte() throws Exception {
    HttpResponse<byte[]> r = send(request("/bytes"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).containsExactly(0, 1, 2, 0xFF, 0xFE);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
  }

  @Test
  void binaryRequestBodyIsReadWhole() throws Exception {
    byte[] body = new byte[40_000];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) i;
    }
    HttpResponse<byte[]> r =
        send(
            request("/upload")
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(body)));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(text(r)).isEqualTo("received 40000 bytes");
  }

  @Test
  void bodyOverTheLimitIs413() throws Exception {
    HttpResponse<byte[]> r =
        send(
            request("/upload")
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(new byte[65_537])));
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(text(r))
        .contains("\"error\":\"body_too_large\"")
        .contains("65537 bytes; the limit is 65536 bytes.");
  }

  @Test
  void chunkedBodyOverTheLimitIs413() throws Exception {
    HttpResponse<byte[]> r =
        send(
            request("/upload")
                .header("Content-Type", "application/octet-stream")
                .POST(
                    BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(new byte[100_000]))));
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(text(r)).contains("The body has more bytes; the limit is 65536 bytes.");
  }

  @Test
  void chunkedBodyWithinTheLimitIsReadWhole() throws Exception {
    HttpResponse<byte[]> r =
        send(
            request("/upload")
                .header("Content-Type", "application/octet-stream")
                .POST(
                    BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(new byte[65_536]))));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(text(r)).isEqualTo("received 65536 bytes");
  }

  @Test
  void statusCookiesAndRepeatedHeadersAreWritten() throws Exception {
    HttpResponse<byte[]> r = send(request("/cookies"));
    assertThat(r.statusCode()).isEqualTo(201);
    assertThat(r.headers().allValues("Set-Cookie"))
        .containsExactly(
            "session=abc123; Path=/; HttpOnly; Secure; SameSite=Lax",
            "theme=dark; Path=/; HttpOnly; Secure; SameSite=Lax");
    assertThat(r.headers().allValues("X-Multi")).containsExactly("one", "two");
    assertThat(text(r)).isEqualTo("cookies set");
  }

  @Test
  void repeatedQueryValuesAndHeadersReachTheHandler() throws Exception {
    HttpResponse<byte[]> r =
        send(request("/tags?tag=a%20b&tag=c&other=1").header("X-Caller", "tester"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(text(r)).isEqualTo("tester:a b|c");
  }

  @Test
  void percentEncodedPathParameterIsDecodedOnce() throws Exception {
    HttpResponse<byte[]> r = send(request("/files/report%202026.pdf"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(text(r)).isEqualTo("file report 2026.pdf");
  }

  @Test
  void encodedTraversalInAPathIs400() throws Exception {
    // The invoker's Jetty rejects ambiguous encoded separators and dot segments itself, before
    // the function; HttpTranslatorTest shows the adapter's own check behind front ends that don't.
    assertThat(send(request("/files/..%2F..%2Fetc%2Fpasswd")).statusCode()).isEqualTo(400);
    assertThat(send(request("/files/%2e%2e")).statusCode()).isEqualTo(400);
  }

  @Test
  void unknownRouteIs404AndWrongMethodIs405() throws Exception {
    assertThat(send(request("/nowhere")).statusCode()).isEqualTo(404);
    HttpResponse<byte[]> r = send(request("/hello").DELETE());
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow"))
        .hasValueSatisfying(v -> assertThat(v).contains("GET"));
  }

  @Test
  void handlerExceptionIs500WithRequestIdAndNothingInternal() throws Exception {
    HttpResponse<byte[]> r = send(request("/boom").header("Function-Execution-Id", "exec-42"));
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(text(r))
        .contains("\"requestId\":\"exec-42\"")
        .doesNotContain("secret")
        .doesNotContain("IllegalStateException");
    assertThat(invoker.output()).contains("internal secret detail").contains("exec-42");
  }

  @Test
  void aHandlersErrorIsALogEntryCloudLoggingFilesAsAnErrorUnderTheRequestsTrace() throws Exception {
    HttpResponse<byte[]> r =
        send(
            request("/boom")
                .header("Function-Execution-Id", "exec-traced")
                .header("X-Cloud-Trace-Context", "4bf92f3577b34da6a3ce929d0e0e4736/255;o=1"));
    assertThat(r.statusCode()).isEqualTo(500);

    String text =
        invoker
            .output()
            .lines()
            .filter(l -> l.startsWith("{") && l.contains("\"requestId\":\"exec-traced\""))
            .findFirst()
            .orElseThrow();
    JsonNode line = JsonMapper.builder().build().readTree(text);
    assertThat(line.get("severity").asText()).isEqualTo("ERROR");
    assertThat(line.get("level").asText()).isEqualTo("ERROR");
    assertThat(line.get("logging.googleapis.com/trace").asText())
        .isEqualTo("projects/demo-project/traces/4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(line.get("logging.googleapis.com/spanId").asText()).isEqualTo("00000000000000ff");
    assertThat(line.get("stack_trace").asText())
        .startsWith("java.lang.IllegalStateException: internal secret detail")
        .contains("\tat dev.anyfn.gcp.fixtures.WebFunction.boom");
  }
}
