package dev.anyfn.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Google-to-neutral HTTP translation, in process, through {@link HttpEntryPoint}. */
class HttpTranslatorTest {
  private final HttpEntryPoint entry =
      new HttpEntryPoint(
          Map.of(GcpSettings.FUNCTION, "gcp-web", GcpSettings.MAX_BODY_BYTES, "1024"));

  private FakeGoogleHttp.Response call(FakeGoogleHttp.Request request) throws Exception {
    FakeGoogleHttp.Response response = new FakeGoogleHttp.Response();
    entry.service(request, response);
    return response;
  }

  @Test
  void rawPathIsCutFromTheUriSoEncodedSlashesStayVisible() {
    assertThat(HttpTranslator.rawPath("http://h:1/files/a%2Fb?x=1", "/files/a/b"))
        .isEqualTo("/files/a%2Fb");
    assertThat(HttpTranslator.rawPath("/files/a%2Fb?x=1", "/files/a/b")).isEqualTo("/files/a%2Fb");
    assertThat(HttpTranslator.rawPath("http://h:1", "/")).isEqualTo("/");
    assertThat(HttpTranslator.rawPath("http://h:1/?a=http://x/y", "/")).isEqualTo("/");
  }

  @Test
  void encodedSlashInAPathParameterIs400InvalidPath() throws Exception {
    FakeGoogleHttp.Response r =
        call(
            new FakeGoogleHttp.Request(
                "GET", "/files/..%2F..%2Fetc%2Fpasswd", Map.of(), new byte[0]));
    assertThat(r.status).isEqualTo(400);
    assertThat(r.bodyText()).contains("\"error\":\"invalid_path\"");
  }

  @Test
  void aMalformedEscapeInTheQueryIs400InvalidQueryAsOnTheOtherClouds() throws Exception {
    FakeGoogleHttp.Response r =
        call(new FakeGoogleHttp.Request("GET", "/files/a?tag=%zz", Map.of(), new byte[0]));
    assertThat(r.status).isEqualTo(400);
    assertThat(r.bodyText()).contains("\"error\":\"invalid_query\"");
  }

  @Test
  void aMultipartBodyWhosePartsTheInvokerCannotReadIs400() throws Exception {
    // The fake, like the invoker for a body Jetty refused, throws from getParts().
    FakeGoogleHttp.Response r =
        call(
            new FakeGoogleHttp.Request(
                "POST",
                "/echo",
                Map.of("Content-Type", List.of("multipart/form-data; boundary=x")),
                "--x\r\ncut".getBytes(StandardCharsets.US_ASCII)));
    assertThat(r.status).isEqualTo(400);
    assertThat(r.bodyText())
        .contains("The multipart body is malformed: its parts could not be read.")
        .contains("\"error\":\"invalid_multipart\"");
  }

  @Test
  void declaredLengthOverTheLimitIs413WithoutReadingTheBody() throws Exception {
    FakeGoogleHttp.Response r =
        call(
            new FakeGoogleHttp.Request(
                "POST",
                "/upload",
                Map.of("Content-Type", List.of("application/octet-stream")),
                new byte[0],
                5_000_000));
    assertThat(r.status).isEqualTo(413);
    assertThat(r.bodyText())
        .contains("The body has 5000000 bytes; the limit is 1024 bytes.")
        .contains("\"error\":\"body_too_large\"");
  }

  @Test
  void chunkedBodyOverTheLimitIs413() throws Exception {
    FakeGoogleHttp.Response r =
        call(
            new FakeGoogleHttp.Request(
                "POST",
                "/upload",
                Map.of(
                    "Content-Type", List.of("application/octet-stream"),
                    "Transfer-Encoding", List.of("chunked")),
                new byte[1025],
                -1));
    assertThat(r.status).isEqualTo(413);
    assertThat(r.bodyText()).contains("The body has more bytes; the limit is 1024 bytes.");
  }

  @Test
  void requestWithoutContentLengthOrTransferEncodingHasNoBodyAndTheStreamIsNotRead()
      throws Exception {
    FakeGoogleHttp.Request get =
        new FakeGoogleHttp.Request("GET", "/hello", Map.of(), new byte[0], -1);
    FakeGoogleHttp.Response r = call(get);
    assertThat(r.status).isEqualTo(200);
    assertThat(get.bodyReads).isZero();
  }

  @Test
  void bodyAtTheLimitIsAccepted() throws Exception {
    FakeGoogleHttp.Response r =
        call(
            new FakeGoogleHttp.Request(
                "POST",
                "/upload",
                Map.of("Content-Type", List.of("application/octet-stream")),
                new byte[1024]));
    assertThat(r.status).isEqualTo(200);
    assertThat(r.body.toByteArray())
        .isEqualTo("received 1024 bytes".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aMalformedHeaderIsA400WhenReadAndCarriedWhenNothingReadsIt() throws Exception {
    byte[] item = "{\"name\":\"a\",\"quantity\":2}".getBytes(StandardCharsets.UTF_8);
    FakeGoogleHttp.Response refused =
        call(
            new FakeGoogleHttp.Request(
                "POST", "/items", Map.of("Content-Type", List.of("application/json\u0001")), item));
    FakeGoogleHttp.Response answered =
        call(
            new FakeGoogleHttp.Request(
                "GET",
                "/hello",
                Map.of(
                    "X-Unread", List.of("a\u0000b"),
                    // Google's own headers, read by the adapter: a malformed one counts as absent
                    "Function-Execution-Id", List.of("exec\u0001"),
                    "traceparent", List.of("00-\u0001")),
                new byte[0]));

    assertThat(refused.status).isEqualTo(400);
    assertThat(refused.bodyText())
        .contains("\"error\":\"bad_request\"")
        .contains("Header 'Content-Type' has control character 0x1");
    assertThat(answered.status).isEqualTo(200);
    assertThat(answered.bodyText()).isEqualTo("hello from google");
  }

  @Test
  void executionIdHeaderBecomesTheRequestIdOfTheProblem() throws Exception {
    FakeGoogleHttp.Response r =
        call(
            new FakeGoogleHttp.Request(
                "GET",
                "/boom",
                Map.of(
                    "Function-Execution-Id", List.of("exec-7"),
                    "X-Cloud-Trace-Context", List.of("105445aa7843bc8bf206b12000100000/1;o=1")),
                new byte[0]));
    assertThat(r.status).isEqualTo(500);
    assertThat(r.bodyText()).contains("\"requestId\":\"exec-7\"");
  }

  @Test
  void instanceIsReplacedAfterAHandlerThrowsAnError() throws Exception {
    FakeGoogleHttp.Request whoami =
        new FakeGoogleHttp.Request("GET", "/instance", Map.of(), new byte[0]);
    String before = call(whoami).bodyText();
    assertThat(call(whoami).bodyText()).isEqualTo(before);
    assertThat(call(new FakeGoogleHttp.Request("GET", "/crash", Map.of(), new byte[0])).status)
        .isEqualTo(500);
    assertThat(call(whoami).bodyText()).isNotEqualTo(before);
  }

  @Test
  void streamLongerThanItsDeclaredLengthIsCountedAgainstTheLimit() throws Exception {
    byte[] body =
        HttpTranslator.readAtMost(new java.io.ByteArrayInputStream(new byte[2000]), 10, 1024);
    assertThat(body).isNull();
    assertThat(HttpTranslator.readAtMost(new java.io.ByteArrayInputStream(new byte[20]), 10, 1024))
        .hasSize(20);
    assertThat(HttpTranslator.readAtMost(new java.io.ByteArrayInputStream(new byte[0]), -1, 1024))
        .isEmpty();
  }

  @Test
  void googleHeadersAreReadOnceAndTheDecodedPathNeverPerRequest() throws Exception {
    FakeGoogleHttp.Request request =
        new FakeGoogleHttp.Request(
            "GET",
            "/tags?tag=a",
            Map.of(
                "X-Caller", List.of("c"),
                "Function-Execution-Id", List.of("exec-1"),
                "X-Cloud-Trace-Context", List.of("t/1;o=1")),
            new byte[0]);
    FakeGoogleHttp.Response r = call(request);
    assertThat(r.bodyText()).isEqualTo("c:a");
    assertThat(request.headerMapsBuilt).isEqualTo(1);
    assertThat(request.decodedPathReads).isZero();
  }
}
