package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpFrontDoorTest {
  static Harness h;

  @BeforeAll
  static void start() {
    h = new Harness(Emulator.builder().environment(Map.of("GREETING", "hi")));
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void servesEveryFunctionsRoutesOnOneServer() {
    assertThat(h.get("/hello").body()).startsWith("hi");
    assertThat(h.post("/echo", "ping").body()).isEqualTo("ping");
    assertThat(h.get("/ok").body()).isEqualTo("ok");
  }

  @Test
  void printsTheRouteTableAndEventTriggersAtStart() {
    assertThat(h.log)
        .anyMatch(l -> l.contains("GET") && l.contains("/hello") && l.contains("hello"));
    assertThat(h.log).anyMatch(l -> l.contains("QUEUE orders -> orders"));
    assertThat(h.log).anyMatch(l -> l.contains("SCHEDULE cron '30 2 * * *'"));
  }

  /**
   * Memory follows the bytes a client sends, not the length it declares: a request declaring 100
   * MiB and sending nothing made the emulator hold 100 MiB until the body deadline.
   */
  @Test
  void aBodyIsBufferedAsItArrivesNotAsItsDeclaredLengthPromises() {
    assertThat(BodyReader.initialBodyBuffer(100L << 20)).isEqualTo(64 * 1024);
    assertThat(BodyReader.initialBodyBuffer(5)).isEqualTo(5);
    assertThat(BodyReader.initialBodyBuffer(-1)).isZero();
    // a body past the first buffer still arrives whole
    String big = "x".repeat(300_000) + "end";
    assertThat(h.post("/echo", big).body()).isEqualTo(big);
  }

  @Test
  void unknownPathIs404AndWrongMethodIs405WithAllow() {
    HttpResponse<String> missing = h.get("/nope");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    HttpResponse<String> wrong = h.post("/hello", "x");
    assertThat(wrong.statusCode()).isEqualTo(405);
    assertThat(wrong.headers().firstValue("Allow").orElse("")).contains("GET");
  }

  @Test
  void pathTraversalIsRejectedWith400() throws Exception {
    String response = raw("GET /files/..%2F..%2Fetc/passwd HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 400");
    assertThat(response).contains("invalid_path");
  }

  @Test
  void aBadlyEncodedQueryIs400InvalidQueryOnRoutesAndOnTheControlApi() throws Exception {
    String route = raw("GET /hello?a=%zz HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assertThat(route).startsWith("HTTP/1.1 400").contains("\"error\":\"invalid_query\"");
    // The control API answered this 500 without a word, its parsing outside the error handling.
    String control =
        raw(
            "POST /_anyfn/queues/orders/messages?a=%zz HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Length: 1\r\n\r\nx");
    assertThat(control)
        .startsWith("HTTP/1.1 400")
        .contains("\"error\":\"invalid_query\"")
        .contains("Invalid percent-encoding in '%zz'");
  }

  @Test
  void controlApiRefusesNonUtf8EscapesButTakesKeysWithDotsAndSlashes() throws Exception {
    String notUtf8 =
        raw(
            "POST /_anyfn/queues/%C3%28/messages HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Length: 1\r\n\r\nx");
    assertThat(notUtf8)
        .startsWith("HTTP/1.1 400")
        .contains("\"error\":\"invalid_path\"")
        .contains("not UTF-8");
    // A test may inject a hostile object key to see how its function treats it.
    String put =
        raw(
            "PUT /_anyfn/buckets/photos/objects/a%2F..%2Fb HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Length: 3\r\n\r\nabc");
    assertThat(put).startsWith("HTTP/1.1 201");
    h.emulator.events().awaitIdle(ControlApiTest.IDLE);
    assertThat(dev.anyfn.local.fixtures.Probe.seen).contains("CREATED photos/a/../b 3");
  }

  @Test
  void aBadlyPercentEncodedPathIs400SayingSoOnRoutesAndOnTheControlApi() throws Exception {
    String detail =
        "\"detail\":\"The request path cannot be decoded: each '%' must be followed by two"
            + " hexadecimal digits (a '%' itself is written %25), and no path may encode a NUL"
            + " (%00).\",\"error\":\"invalid_path\"";
    assertThat(
            raw(
                "POST /_anyfn/queues/ta%ZZsks/messages HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Length: 1\r\n\r\nx"))
        .startsWith("HTTP/1.1 400")
        .contains(detail);
    assertThat(raw("GET /hello%ZZ HTTP/1.1\r\nHost: localhost\r\n\r\n"))
        .startsWith("HTTP/1.1 400")
        .contains(detail);
    assertThat(raw("GET /hello%2 HTTP/1.1\r\nHost: localhost\r\n\r\n"))
        .startsWith("HTTP/1.1 400")
        .contains(detail);
    assertThat(raw("GET /hello%00 HTTP/1.1\r\nHost: localhost\r\n\r\n"))
        .startsWith("HTTP/1.1 400")
        .contains(detail);
    // another request Jetty refuses while parsing it is not blamed on the path
    assertThat(raw("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1x\r\n\r\nx"))
        .startsWith("HTTP/1.1 400")
        .doesNotContain("cannot be decoded");
  }

  @Test
  void foreignHostHeaderIsRefusedAgainstDnsRebinding() throws Exception {
    String response = raw("GET /hello HTTP/1.1\r\nHost: evil.example.com\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 403");
    assertThat(response).contains("host_not_allowed");
    assertThat(raw("GET /hello HTTP/1.1\r\nHost: localhost:1234\r\n\r\n"))
        .startsWith("HTTP/1.1 200");
  }

  @Test
  void noCorsHeadersByDefault() {
    HttpResponse<String> r =
        h.send(
            HttpRequest.newBuilder(h.uri("/hello"))
                .header("Origin", "https://evil.example")
                .build());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().map().keySet())
        .noneMatch(k -> k.toLowerCase().startsWith("access-control"));
  }

  @Test
  void oversizedDeclaredBodyIsAnswered413BeforeItIsSent() throws Exception {
    // Declares 7 MB but sends nothing: the answer must come without waiting for the body.
    String response =
        raw("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 7340032\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 413");
    assertThat(response).contains("6291456");
  }

  @Test
  void oversizedChunkedBodyIsCountedAndAnswered413() {
    byte[] big = new byte[6 * 1024 * 1024 + 10];
    HttpResponse<String> r =
        h.send(
            HttpRequest.newBuilder(h.uri("/echo"))
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big)))
                .build());
    assertThat(r.statusCode()).isEqualTo(413);
  }

  @Test
  void clientThatSendsAnOversizedBodyBeforeReadingSeesThe413NotAReset() {
    // java.net.http sends the whole body before it reads; were the rest of the body left unread,
    // closing would reset the connection and the client would see a broken pipe (about one call in
    // six did before the front door discarded refused bodies).
    byte[] big = new byte[6 * 1024 * 1024 + 1];
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> r =
          h.send(
              HttpRequest.newBuilder(h.uri("/echo"))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(big))
                  .build());
      assertThat(r.statusCode()).as("call %d", i).isEqualTo(413);
      assertThat(r.body()).contains("6291457 bytes").contains("6291456");
    }
    assertThat(h.get("/hello").statusCode()).isEqualTo(200);
  }

  @Test
  void clientExpecting100ContinueGetsThe413InsteadAndIsNotAskedForTheBody() throws Exception {
    try (Socket s = new Socket("127.0.0.1", h.emulator.baseUri().getPort())) {
      s.setSoTimeout(5000);
      ConnectionLimitsTest.send(
          s,
          "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 7340032\r\n"
              + "Expect: 100-continue\r\n\r\n");
      String answer = ConnectionLimitsTest.readUntilClosed(s);
      assertThat(answer).startsWith("HTTP/1.1 413").doesNotContain("100 Continue");
      assertThat(answer.toLowerCase()).contains("connection: close");
      assertThat(ConnectionLimitsTest.writesFailWithin(s, java.time.Duration.ofSeconds(5)))
          .as("the server closed without waiting for a body")
          .isTrue();
    }
  }

  @Test
  void tooLongUriIs414AndTooManyHeadersIs431() throws Exception {
    String longPath = "/hello?x=" + "a".repeat(9000);
    assertThat(raw("GET " + longPath + " HTTP/1.1\r\nHost: localhost\r\n\r\n"))
        .startsWith("HTTP/1.1 414");
    StringBuilder many = new StringBuilder("GET /hello HTTP/1.1\r\nHost: localhost\r\n");
    for (int i = 0; i < 120; i++) {
      many.append("X-H").append(i).append(": v\r\n");
    }
    assertThat(raw(many.append("\r\n").toString())).startsWith("HTTP/1.1 431");
  }

  @Test
  void obsoleteLineFoldingIsRejected() throws Exception {
    String response = raw("GET /hello HTTP/1.1\r\nHost: localhost\r\nX-A: b\r\n c\r\n\r\n");
    assertThat(response).startsWith("HTTP/1.1 400");
  }

  @Test
  void aBareLfLineEndingIsRejected() throws Exception {
    assertThat(raw("GET /hello HTTP/1.1\nHost: localhost\n\n")).startsWith("HTTP/1.1 400");
    assertThat(raw("GET /hello HTTP/1.1\r\nHost: localhost\n\r\n")).startsWith("HTTP/1.1 400");
  }

  @Test
  void aHeadAnswerHasTheHeadersAndLengthOfItsGetWithoutTheBody() throws Exception {
    String get = raw("GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n");
    String head = raw("HEAD /hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

    assertThat(get).startsWith("HTTP/1.1 200").containsIgnoringCase("Content-Length: 2");
    assertThat(head)
        .startsWith("HTTP/1.1 200")
        .containsIgnoringCase("Content-Length: 2")
        .containsIgnoringCase("Content-Type: text/plain")
        .endsWith("\r\n\r\n");
  }

  /** Sends raw bytes, returns everything the server sends until it closes or 2 s pass. */
  static String raw(String request) throws Exception {
    try (Socket s = new Socket("127.0.0.1", h.emulator.baseUri().getPort())) {
      s.setSoTimeout(2000);
      ConnectionLimitsTest.send(s, request);
      InputStream in = s.getInputStream();
      byte[] buf = new byte[65536];
      StringBuilder b = new StringBuilder();
      try {
        int n;
        while ((n = in.read(buf)) > 0) {
          b.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
          if (b.indexOf("\r\n\r\n") > 0 && complete(b)) {
            break;
          }
        }
      } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
        // whatever arrived is the answer
      }
      return b.toString();
    }
  }

  private static boolean complete(StringBuilder b) {
    int head = b.indexOf("\r\n\r\n");
    String headers = b.substring(0, head).toLowerCase();
    int i = headers.indexOf("content-length:");
    if (i < 0) {
      return true;
    }
    int end = headers.indexOf("\r\n", i);
    int len = Integer.parseInt(headers.substring(i + 15, end < 0 ? headers.length() : end).trim());
    return b.length() - head - 4 >= len;
  }
}
