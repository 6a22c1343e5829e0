package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.QueueMessage;
import dev.anyfn.local.fixtures.Probe;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * What happens to an instance taken out of service (timed out, or the emulator closing), and to a
 * handler that ignored the interruption and ran on: it commits nothing, and the instance's
 * {@code @OnShutdown} runs once, after its last call.
 */
class RetiredInstanceTest {
  @Test
  void aHandlerRunningOnPastItsTimeoutSendsNothingAndItsRetryRunsTheWorkAgain() {
    try (Harness h = new Harness(Harness.fast())) {
      Probe.lateMillis = 1_500; // the timeout is 1 s

      HttpResponse<String> timedOut = h.get("/late/a");
      assertThat(timedOut.statusCode()).isEqualTo(504);
      Eventually.until(
          "the late handler returns", () -> h.logged("after its invocation had timed out"));
      assertThat(h.emulator.events().unconsumed("late-out")).isEmpty();

      Probe.lateMillis = 0;
      HttpResponse<String> retry = h.get("/late/a");
      assertThat(retry.body()).isEqualTo("done a #2");
      assertThat(h.emulator.events().unconsumed("late-out"))
          .extracting(QueueMessage::bodyText)
          .containsExactly("sent a");
    }
  }

  @Test
  void anInstanceRetiredAfterATimeoutShutsDownOnceItsHandlerHasReturned() {
    try (Harness h = new Harness(Harness.fast())) {
      Probe.spin = true;
      assertThat(h.get("/spin").statusCode()).isEqualTo(504);
      assertThat(h.get("/ok").statusCode()).isEqualTo(200); // a new instance
      assertThat(Probe.faultyShutdowns).hasValue(0); // the old one's handler still runs

      Probe.spin = false;

      Eventually.until("the retired instance shut down", () -> Probe.faultyShutdowns.get() == 1);
      assertThat(Probe.inits).hasValue(2);
    }
  }

  @Test
  void closingTheEmulatorWaitsForTheShutdownHooksOfIdleInstances() {
    Harness h = new Harness(Harness.fast());
    assertThat(h.get("/hello").statusCode()).isEqualTo(200);
    Probe.shutdownMillis = 300;

    h.emulator.close();

    assertThat(Probe.shutdowns).hasValue(1);
  }

  @Test
  void threadsLeakedByOneFunctionLeaveWarmInstancesOfOthersServing() throws Exception {
    Emulator.Builder b = Harness.fast();
    b.maxLeakedThreads = 2;
    try (Harness h = new Harness(b)) {
      assertThat(h.get("/hello").statusCode()).isEqualTo(200);
      Probe.spin = true;
      CompletableFuture<HttpResponse<String>> one = InstancePoolTest.async(h, "/spin");
      CompletableFuture<HttpResponse<String>> two = InstancePoolTest.async(h, "/spin");
      assertThat(one.get().statusCode()).isEqualTo(504);
      assertThat(two.get().statusCode()).isEqualTo(504);
      Eventually.until("two leaked threads", () -> h.emulator.metrics().leakedThreads() == 2);

      assertThat(h.get("/hello").statusCode()).isEqualTo(200); // warm: served
      HttpResponse<String> cold = h.get("/ok"); // faulty's instances all retired: refused
      assertThat(cold.statusCode()).isEqualTo(429);
      assertThat(cold.body()).contains("new instances are refused");

      Probe.spin = false;
    }
  }
}
