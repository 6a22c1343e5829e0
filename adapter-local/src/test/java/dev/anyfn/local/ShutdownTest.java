package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.local.fixtures.Probe;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ShutdownTest {

  @Test
  void inFlightRequestIsDrainedBeforeTheEmulatorStops() throws Exception {
    Harness h = new Harness(Emulator.builder().shutdownGrace(Duration.ofSeconds(5)));
    Probe.entered = new CountDownLatch(1);
    java.net.Socket socket = new java.net.Socket("127.0.0.1", h.emulator.baseUri().getPort());
    socket.setSoTimeout(5000);
    ConnectionLimitsTest.send(socket, "GET /gated HTTP/1.1\r\nHost: localhost\r\n\r\n");
    java.util.concurrent.ExecutorService threads =
        java.util.concurrent.Executors.newCachedThreadPool();
    CompletableFuture<String> r =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return ConnectionLimitsTest.readUntilClosed(socket);
              } catch (java.io.IOException e) {
                return e.toString();
              }
            },
            threads);
    Probe.entered.await();
    CompletableFuture<Void> closing = CompletableFuture.runAsync(h.emulator::close, threads);
    Thread.sleep(100);
    assertThat(closing).as("close waits for the request").isNotDone();
    assertThat(newRequestIsRefused(h)).as("listener closed first").isTrue();
    Probe.gate.countDown();
    String answer = r.get();
    assertThat(answer).startsWith("HTTP/1.1 200");
    socket.close();
    closing.get();
    threads.shutdown();
    assertThat(h.log).anyMatch(l -> l.contains("all in-flight work drained"));
  }

  @Test
  void requestOnAKeptAliveConnectionDuringShutdownIsAnswered503AndNotWaitedFor() throws Exception {
    Harness h = new Harness(Emulator.builder().shutdownGrace(Duration.ofSeconds(5)));
    java.net.Socket kept = ConnectionLimitsTest.connect(h);
    ConnectionLimitsTest.send(kept, "GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n");
    assertThat(readOneResponse(kept)).startsWith("HTTP/1.1 200");
    Probe.entered = new CountDownLatch(1);
    java.net.Socket gated = ConnectionLimitsTest.connect(h);
    ConnectionLimitsTest.send(gated, "GET /gated HTTP/1.1\r\nHost: localhost\r\n\r\n");
    Probe.entered.await();
    CompletableFuture<Void> closing = CompletableFuture.runAsync(h.emulator::close);
    Eventually.until("shutdown begun", () -> newRequestIsRefused(h));
    ConnectionLimitsTest.send(
        kept, "POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 7000000\r\n\r\n");
    assertThat(ConnectionLimitsTest.readUntilClosed(kept)).contains("HTTP/1.1 503");
    assertThat(ConnectionLimitsTest.writesFailWithin(kept, Duration.ofSeconds(3)))
        .as("closed without reading the declared body")
        .isTrue();
    Probe.gate.countDown();
    closing.get();
    kept.close();
    gated.close();
  }

  /** Reads one response with a Content-Length from a kept-alive connection. */
  private static String readOneResponse(java.net.Socket s) throws java.io.IOException {
    java.io.InputStream in = s.getInputStream();
    StringBuilder head = new StringBuilder();
    while (head.indexOf("\r\n\r\n") < 0) {
      head.append((char) in.read());
    }
    String lower = head.toString().toLowerCase(java.util.Locale.ROOT);
    int at = lower.indexOf("content-length:") + "content-length:".length();
    int length = Integer.parseInt(lower.substring(at, lower.indexOf('\r', at)).trim());
    return head + new String(in.readNBytes(length), java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private static boolean newRequestIsRefused(Harness h) {
    try {
      return h.get("/hello").statusCode() == 503;
    } catch (java.io.UncheckedIOException e) {
      return true;
    }
  }

  @Test
  void eventStillInFlightAfterTheGracePeriodIsRequeuedAndReported() throws Exception {
    Harness h = new Harness(Harness.fast().shutdownGrace(Duration.ofMillis(200)));
    Probe.entered = new CountDownLatch(1);
    h.emulator.events().send("orders", "slow");
    h.emulator.events().send("orders", "queued-behind");
    Probe.entered.await();
    h.emulator.close();
    Probe.gate.countDown();
    assertThat(h.log)
        .anyMatch(
            l ->
                l.contains("1 invocation(s) cancelled")
                    && l.contains("requeued 1")
                    && l.contains("still queued and discarded (in-memory store) 2"));
  }

  @Test
  void closedEmulatorRefusesNewEvents() {
    Harness h = Harness.start();
    h.emulator.close();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> h.emulator.events().send("orders", "late"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("shutting down");
  }
}
