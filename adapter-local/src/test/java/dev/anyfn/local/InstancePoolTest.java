package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.local.fixtures.Probe;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class InstancePoolTest {

  @Test
  void firstRequestIsAColdStartAndLaterOnesReuseTheWarmInstance() {
    try (Harness h = Harness.start()) {
      assertThat(h.get("/hello").body()).isEqualTo("hello (cold)");
      assertThat(h.get("/hello").body()).isEqualTo("hello");
      assertThat(h.get("/hello").body()).isEqualTo("hello");
      FunctionMetrics m = h.emulator.metrics().function("hello");
      assertThat(m.coldStarts()).isEqualTo(1);
      assertThat(m.invocations()).isEqualTo(3);
      assertThat(m.instances()).isEqualTo(1);
      assertThat(Probe.inits.get()).isEqualTo(1);
      assertThat(h.log)
          .anyMatch(l -> l.startsWith("INIT function 'hello'") && l.contains("Init Duration"));
      assertThat(h.log)
          .filteredOn(l -> l.startsWith("REPORT") && l.contains("Function: hello"))
          .hasSize(3)
          .allMatch(l -> l.contains("Billed Duration") && l.contains("Memory Size: 512 MB"))
          .filteredOn(l -> l.contains("Init Duration"))
          .hasSize(1);
    }
  }

  @Test
  void concurrentFirstRequestsInitialiseEachInstanceExactlyOnceAndThrottleBeyondTheMaximum()
      throws Exception {
    try (Harness h = Harness.start()) {
      Probe.entered = new CountDownLatch(2);
      List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        inFlight.add(async(h, "/gated"));
      }
      Probe.entered.await();
      HttpResponse<String> third = h.get("/gated");
      assertThat(third.statusCode()).isEqualTo(429);
      assertThat(third.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(third.headers().firstValue("X-Anyfn-Reason"))
          .hasValue("ConcurrentInvocationLimitExceeded");
      assertThat(third.body()).contains("All 2 instances of function 'gated' are busy");
      Probe.gate.countDown();
      for (var f : inFlight) {
        assertThat(f.get().statusCode()).isEqualTo(200);
      }
      assertThat(Probe.inits.get()).isEqualTo(2);
      FunctionMetrics m = h.emulator.metrics().function("gated");
      assertThat(m.coldStarts()).isEqualTo(2);
      assertThat(m.throttles()).isEqualTo(1);
    }
  }

  @Test
  void underTheGoogleProfileEachInstanceServesOneRequestAsTheDeployScriptDeploysIt()
      throws Exception {
    try (Harness h = new Harness(Emulator.builder().profile(Profile.GCP))) {
      Probe.entered = new CountDownLatch(2);
      List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        inFlight.add(async(h, "/gated"));
      }
      Probe.entered.await();
      assertThat(h.get("/gated").statusCode()).isEqualTo(429);
      Probe.gate.countDown();
      for (var f : inFlight) {
        assertThat(f.get().statusCode()).isEqualTo(200);
      }
      assertThat(Probe.inits.get()).isEqualTo(2);
      assertThat(h.emulator.metrics().function("gated").instances()).isEqualTo(2);
    }
  }

  @Test
  void requestsArrivingDuringInitShareTheInstanceWhenTheProfileAllowsConcurrency()
      throws Exception {
    try (Harness h = new Harness(Emulator.builder().profile(Profile.AZURE))) {
      // Twenty in flight at once, all on the instance the first one started (the profile allows
      // 100).
      Probe.entered = new CountDownLatch(20);
      List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        inFlight.add(async(h, "/gated"));
      }
      Probe.entered.await();
      Probe.gate.countDown();
      for (var f : inFlight) {
        assertThat(f.get().statusCode()).isEqualTo(200);
      }
      assertThat(Probe.inits.get()).isEqualTo(1);
      assertThat(h.emulator.metrics().function("gated").instances()).isEqualTo(1);
    }
  }

  @Test
  void maxInstancesZeroThrottlesEveryCall() {
    try (Harness h = Harness.start()) {
      HttpResponse<String> r = h.get("/disabled");
      assertThat(r.statusCode()).isEqualTo(429);
      assertThat(r.headers().firstValue("X-Anyfn-Reason")).hasValue("ReservedFunctionConcurrency");
      assertThat(r.body()).contains("maxInstances = 0 (disabled)");
      assertThat(h.emulator.metrics().function("disabled").throttles()).isEqualTo(1);
    }
  }

  @Test
  void timeoutAnswers504AndTheInstanceIsNeverReused() {
    try (Harness h = Harness.start()) {
      assertThat(h.get("/ok").statusCode()).isEqualTo(200);
      HttpResponse<String> r = h.get("/sleep");
      assertThat(r.statusCode()).isEqualTo(504);
      assertThat(r.body()).contains("\"error\":\"timeout\"").contains("timeout of 1 s");
      assertThat(r.headers().firstValue("Connection"))
          .as("the timed-out handler may still hold the exchange; the connection is not reused")
          .hasValue("close");
      assertThat(h.logged("Task timed out after 1.00 seconds")).isTrue();
      assertThat(h.get("/ok").body()).isEqualTo("ok");
      assertThat(Probe.inits.get()).as("a fresh instance after the timeout").isEqualTo(2);
      assertThat(h.emulator.metrics().function("faulty").timeouts()).isEqualTo(1);
    }
  }

  @Test
  void handlerIgnoringInterruptionIsAbandonedWithAWarningAndLaterCallsGetANewInstance() {
    try (Harness h = Harness.start()) {
      Probe.spin = true;
      assertThat(h.get("/spin").statusCode()).isEqualTo(504);
      Eventually.until("leak warning", () -> h.logged("ignored interruption after its timeout"));
      assertThat(h.emulator.metrics().leakedThreads()).isEqualTo(1);
      assertThat(h.get("/ok").statusCode()).isEqualTo(200);
      assertThat(Probe.inits.get()).isEqualTo(2);
      Probe.spin = false;
      Eventually.until("leaked thread ends", () -> h.emulator.metrics().leakedThreads() == 0);
    }
  }

  @Test
  void anErrorDiscardsTheInstanceAndTheEmulatorKeepsServing() {
    try (Harness h = Harness.start()) {
      HttpResponse<String> r = h.get("/error");
      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(r.body()).doesNotContain("StackOverflowError");
      assertThat(h.get("/ok").statusCode()).isEqualTo(200);
      assertThat(Probe.inits.get()).isEqualTo(2);
    }
  }

  @Test
  void failedInitIsNotKeptAndTheNextCallInitialisesAgain() {
    try (Harness h = Harness.start()) {
      Probe.failInit = true;
      HttpResponse<String> r = h.get("/ok");
      assertThat(r.statusCode()).isEqualTo(502);
      assertThat(r.body()).contains("init_failed").doesNotContain("database unreachable");
      assertThat(h.logged("database unreachable")).isTrue();
      assertThat(h.emulator.metrics().function("faulty").instances()).isZero();
      Probe.failInit = false;
      assertThat(h.get("/ok").statusCode()).isEqualTo(200);
      assertThat(Probe.inits.get()).isEqualTo(2);
    }
  }

  @Test
  void idleInstancesAreRetiredAfterTheIdleTime() {
    EmulatorClock clock = EmulatorClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
    try (Harness h =
        new Harness(Emulator.builder().clock(clock).idleTimeout(Duration.ofMinutes(1)))) {
      h.get("/hello");
      clock.advance(Duration.ofSeconds(30));
      assertThat(h.emulator.metrics().function("hello").instances()).isEqualTo(1);
      clock.advance(Duration.ofSeconds(31));
      assertThat(h.emulator.metrics().function("hello").instances()).isZero();
      Eventually.until("shutdown hook ran", () -> Probe.shutdowns.get() == 1);
      assertThat(h.get("/hello").body()).isEqualTo("hello (cold)");
    }
  }

  @Test
  void clientDisconnectingMidRequestLeaksNoInstanceOrThread() throws Exception {
    try (Harness h = Harness.start()) {
      Probe.entered = new CountDownLatch(1);
      try (Socket s = new Socket("127.0.0.1", h.emulator.baseUri().getPort())) {
        OutputStream out = s.getOutputStream();
        out.write(
            "GET /gated HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        Probe.entered.await();
      }
      Probe.gate.countDown();
      h.emulator.events().awaitIdle(Duration.ofSeconds(5));
      assertThat(h.get("/gated").statusCode()).isEqualTo(200);
      FunctionMetrics m = h.emulator.metrics().function("gated");
      assertThat(m.instances()).isEqualTo(1);
      assertThat(m.invocations()).isEqualTo(2);
    }
  }

  static CompletableFuture<HttpResponse<String>> async(Harness h, String path) {
    return h.client.sendAsync(
        HttpRequest.newBuilder(h.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
