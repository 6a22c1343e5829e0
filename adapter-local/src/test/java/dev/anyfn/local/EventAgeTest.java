package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.local.fixtures.Probe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An event not yet delivered is kept as long as its cloud keeps it: under {@code aws} an SQS
 * message for the queue's 4-day retention, not Lambda's 6-hour age of asynchronous events.
 */
class EventAgeTest {
  private static final Duration IDLE = Duration.ofSeconds(10);

  private static Harness manualClock() {
    return new Harness(
        Harness.fast().clock(EmulatorClock.manual(Instant.parse("2026-01-01T00:00:00Z"))));
  }

  /** What the orders function saw ("body#attempt"), without the fixtures' schedule runs. */
  private static List<String> orders() {
    return Probe.seen.stream().filter(s -> s.matches(".*#\\d+")).toList();
  }

  /** Sends "slow", which holds the function's only instance, then {@code body}, which waits. */
  private static void throttle(Harness h, String body) throws InterruptedException {
    Probe.entered = new CountDownLatch(1);
    h.emulator.events().send("orders", "slow");
    assertThat(Probe.entered.await(5, TimeUnit.SECONDS)).isTrue();
    h.emulator.events().send("orders", body);
  }

  @Test
  void aThrottledQueueMessageStillWaitingAfterSixHoursIsDelivered() throws Exception {
    try (Harness h = manualClock()) {
      throttle(h, "second");

      h.emulator.clock().advance(Duration.ofHours(7));
      Probe.gate.countDown();
      h.emulator.events().awaitIdle(IDLE);

      assertThat(orders()).containsExactly("slow#1", "second#1");
      assertThat(h.emulator.events().deadLetters("orders")).isEmpty();
    }
  }

  @Test
  void aQueueMessageWaitingLongerThanSqsKeepsItIsSetAsideAsExpired() throws Exception {
    try (Harness h = manualClock()) {
      throttle(h, "second");

      h.emulator.clock().advance(Duration.ofDays(4).plusMinutes(1));
      Probe.gate.countDown();
      h.emulator.events().awaitIdle(IDLE);

      assertThat(orders()).containsExactly("slow#1");
      assertThat(h.emulator.events().deadLetters("orders"))
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.reason()).isEqualTo("expired");
                assertThat(d.attempts()).isZero();
                assertThat(d.firstError()).isEqualTo("older than the maximum event age PT96H");
              });
    }
  }

  @Test
  void aRedrivenDeadLetterGetsTheWholeAgeAgain() throws Exception {
    try (Harness h = manualClock()) {
      Probe.failInit = true;
      h.emulator.events().send("orders", "until-fixed");
      h.emulator.events().awaitIdle(IDLE);
      assertThat(h.emulator.events().deadLetters("orders")).hasSize(1);

      h.emulator.clock().advance(Duration.ofDays(5)); // the bug is fixed days later
      Probe.failInit = false;
      Probe.seen.clear();
      assertThat(h.emulator.events().redrive("orders")).isEqualTo(1);
      h.emulator.events().awaitIdle(IDLE);

      assertThat(orders()).containsExactly("until-fixed#1");
      assertThat(h.emulator.events().deadLetters("orders")).isEmpty();
    }
  }
}
