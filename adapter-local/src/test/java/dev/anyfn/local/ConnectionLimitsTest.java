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
      OutputStream out = s.getOutputStream();
      out.write("GET /hello HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
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
      OutputStream out = s.getOutputStream();
      out.write(
          "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\nabc"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
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
      OutputStream out = s.getOutputStream();
      out.write(
          "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 7340032\r\n\r\nabc"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
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
      OutputStream out = s.getOutputStream();
      long declared = HttpFrontDoor.MAX_DISCARD_BYTES + 1;
      out.write(
          ("POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + declared + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
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
      OutputStream out = s.getOutputStream();
      out.write(
          "GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(readUntilClosed(s)).startsWith("HTTP/1.1 200");
    }
  }

  @Test
  void connectionsBeyondTheCapAreClosedAtOnce() throws Exception {
    try (Harness h = new Harness(Emulator.builder().maxConnections(2));
        Socket a = connect(h);
        Socket b = connect(h)) {
      a.getOutputStream()
          .write(
              "GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      a.getInputStream().read(new byte[512]);
      b.getOutputStream()
          .write(
              "GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      b.getInputStream().read(new byte[512]);
      try (Socket c = connect(h)) {
        c.getOutputStream()
            .write(
                "GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
        assertThat(readUntilClosed(c)).isEmpty();
      }
    }
  }
}
