package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.local.fixtures.Probe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link EventApi#reset}: what one test leaves behind is gone before the next starts. */
class ResetTest {
  static final Duration IDLE = Duration.ofSeconds(10);

  @Test
  void resetDropsDeadLettersRetriesObjectsAndRowsAndDeliveryGoesOn() {
    // A retry waits ten minutes: only a reset can drop it before the test ends.
    Emulator.Builder slowRetries =
        Emulator.builder().retryBackoff(Duration.ofMinutes(10), Duration.ofMinutes(10));
    try (Harness h = new Harness(slowRetries)) {
      EventApi events = h.emulator.events();
      events.send("orders", "permanent");
      events.send("orders", "poison");
      events.putObject(
          "photos", "cats/1.jpg", "jpeg".getBytes(StandardCharsets.UTF_8), "image/jpeg");
      events.putRow("users", Map.of("id", 7), "{\"name\":\"Ada\"}");
      Eventually.until(
          "the poison order failed once and the permanent one is dead-lettered",
          () -> Probe.seen.contains("poison#1") && events.deadLetters("orders").size() == 1);

      assertThat(events.reset(IDLE)).isTrue();

      assertThat(events.deadLetters("orders")).isEmpty();
      assertThat(events.getObject("photos", "cats/1.jpg")).isEmpty();
      assertThat(events.deleteRow("users", Map.of("id", 7))).as("no row to delete").isEmpty();
      events.awaitIdle(Duration.ofSeconds(2)); // the waiting retry is gone
      events.send("orders", "after");
      events.awaitIdle(IDLE);
      assertThat(Probe.seen).contains("after#1").doesNotContain("poison#2");
    }
  }

  @Test
  void resetLetsARunningDeliveryFinishAndForgetsItsFailure() throws Exception {
    try (Harness h = new Harness(Harness.fast())) {
      EventApi events = deliveringAnOrderThatWillFail(h);

      CompletableFuture<Boolean> reset = CompletableFuture.supplyAsync(() -> events.reset(IDLE));
      Thread.sleep(200);
      assertThat(reset).as("waits for the running delivery").isNotDone();
      Probe.gate.countDown();

      assertThat(reset.get(10, TimeUnit.SECONDS)).isTrue();
      assertItsFailureLeftNothing(events);
    }
  }

  @Test
  void aDeliveryStillRunningAtTheDeadlineIsForgotten() throws Exception {
    try (Harness h = new Harness(Harness.fast())) {
      EventApi events = deliveringAnOrderThatWillFail(h);

      assertThat(events.reset(Duration.ofMillis(100))).isFalse();
      Probe.gate.countDown();

      Eventually.until("the forgotten delivery ended", () -> h.emulator.inFlight() == 0);
      assertItsFailureLeftNothing(events);
    }
  }

  @Test
  void resetWaitsForAHandlerStoppedAtItsTimeoutSoThatItsLastLinesComeBeforeIt() {
    try (Harness h = new Harness(Harness.fast())) {
      Probe.lateMillis = 1_500; // ignores interruption past its 1 s timeout, then logs
      assertThat(h.get("/late/a").statusCode()).isEqualTo(504);

      assertThat(h.emulator.events().reset(IDLE)).isTrue();

      assertThat(h.logged("after its invocation had timed out"))
          .as("the stopped handler's last line came before the reset returned")
          .isTrue();
    }
  }

  /** Sends an order whose handler waits at the gate and then fails; returns once it waits. */
  private static EventApi deliveringAnOrderThatWillFail(Harness h) throws InterruptedException {
    EventApi events = h.emulator.events();
    Probe.entered = new CountDownLatch(1);
    events.send("orders", "slow-poison");
    assertThat(Probe.entered.await(10, TimeUnit.SECONDS)).isTrue();
    return events;
  }

  private static void assertItsFailureLeftNothing(EventApi events) throws InterruptedException {
    Thread.sleep(200); // a retry would come within 40 ms
    assertThat(Probe.seen).containsExactly("slow-poison#1");
    assertThat(events.deadLetters("orders")).isEmpty();
    events.awaitIdle(Duration.ofSeconds(2));
  }
}
