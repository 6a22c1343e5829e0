package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectionLimitsTest {

  static Socket connect(Harness h) throws IOException {
    Socket s = new Socket("127.0.0.1", h.emulator.baseUri().getPort());
    s.setSoTimeout(5000);
    return s;
  }

  /** Writes {@code text} (a raw request, or part of one) to the connection. */
  static void send(Socket s, String text) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  /** Reads until the server closes the connection; returns what arrived. */
  static String readUntilClosed(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    StringBuilder b = new StringBuilder();
    byte[] buf = new byte[4096];
    int n;
    try {
      while ((n = in.read(buf)) > 0) {
        b.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
      }
    } catch (java.net.SocketException e) {
      // reset by the server counts as closed
    }
    return b.toString();
  }

  @Test
  void connectionTricklingHeadersIsClosedAfterTheHeaderDeadline() throws Exception {
    try (Harness h = new Harness(Emulator.builder().headerReadTimeout(Duration.ofMillis(300)));
        Socket s = connect(h)) {
      send(s, "GET /hello HTTP/1.1\r\nHost: localhost\r\n");
      long t0 = System.nanoTime();
      assertThat(readUntilClosed(s)).doesNotContain("200");
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(4));
      assertThat(h.logged("headers not received within the read deadline")).isTrue();
      assertThat(h.get("/hello").statusCode()).as("other clients unaffected").isEqualTo(200);
    }
  }

  @Test
  void connectionTricklingTheBodyIsClosedAfterTheBodyDeadline() throws Exception {
    try (Harness h = new Harness(Emulator.builder().bodyReadTimeout(Duration.ofMillis(300)));
        Socket s = connect(h)) {
      send(s, "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\nabc");
      assertThat(readUntilClosed(s)).doesNotContain("200");
      assertThat(h.logged("body not received within the read deadline")).isTrue();
    }
  }

  @Test
  void refusedBodyIsDiscardedOnlyUntilTheBodyDeadline() throws Exception {
    // The answer comes at once; the 7 MB the client declared but never sends cannot hold the
    // connection open past the body deadline.
    try (Harness h = new Harness(Emulator.builder().bodyReadTimeout(Duration.ofMillis(300)));
        Socket s = connect(h)) {
      send(s, "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 7340032\r\n\r\nabc");
      // The server half-closes after its answer and keeps reading, until the deadline.
      assertThat(readUntilClosed(s)).startsWith("HTTP/1.1 413");
      Eventually.until(
          "closed at the body deadline",
          () -> h.logged("body not received within the read deadline"));
    }
  }

  @Test
  void bodyDeclaredBeyondTheDiscardLimitIsAnsweredAndTheConnectionClosedAtOnce() throws Exception {
    try (Harness h = new Harness(Emulator.builder().bodyReadTimeout(Duration.ofSeconds(30)));
        Socket s = connect(h)) {
      long declared = HttpFrontDoor.MAX_DISCARD_BYTES + 1;
      send(s, "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + declared + "\r\n\r\n");
      assertThat(readUntilClosed(s)).startsWith("HTTP/1.1 413");
      assertThat(writesFailWithin(s, Duration.ofSeconds(5)))
          .as("the server closed without reading the body")
          .isTrue();
    }
  }

  /** Whether sending more bytes fails (the peer closed and reset) before the time is up. */
  static boolean writesFailWithin(Socket s, Duration time) throws InterruptedException {
    long deadline = System.nanoTime() + time.toNanos();
    byte[] chunk = new byte[8192];
    while (System.nanoTime() < deadline) {
      try {
        s.getOutputStream().write(chunk);
        s.getOutputStream().flush();
      } catch (IOException e) {
        return true;
      }
      Thread.sleep(10);
    }
    return false;
  }

  @Test
  void idleKeepAliveConnectionIsClosedAfterTheIdleTimeout() throws Exception {
    try (Harness h = new Harness(Emulator.builder().connectionIdleTimeout(Duration.ofMillis(300)));
        Socket s = connect(h)) {
      send(s, "GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n");
      assertThat(readUntilClosed(s)).startsWith("HTTP/1.1 200");
    }
  }

  @Test
  void connectionsBeyondTheCapAreClosedAtOnce() throws Exception {
    try (Harness h = new Harness(Emulator.builder().maxConnections(2));
        Socket a = connect(h);
        Socket b = connect(h)) {
      send(a, "GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n");
      a.getInputStream().read(new byte[512]);
      send(b, "GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n");
      b.getInputStream().read(new byte[512]);
      try (Socket c = connect(h)) {
        send(c, "GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(readUntilClosed(c)).isEmpty();
      }
    }
  }
}
