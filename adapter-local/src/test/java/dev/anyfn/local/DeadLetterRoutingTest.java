package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.local.fixtures.Probe;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each profile retries and sets aside failing events as its cloud does with anyfn's descriptors.
 */
class DeadLetterRoutingTest {
  static final Duration IDLE = Duration.ofSeconds(10);

  @ParameterizedTest
  @EnumSource(Profile.class)
  void underEveryProfileAQueuesDeadLettersGoToTheFunctionReadingItsPoisonQueue(Profile profile) {
    try (Harness h = new Harness(Harness.fast().profile(profile))) {
      String id = h.emulator.events().send("refunds", "r-1", Map.of("tenant", "acme"));
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen)
          .containsSubsequence("refund:r-1#1", "refund:r-1#5")
          .doesNotContain("refund:r-1#6")
          .containsOnlyOnce("refunds-poison:r-1:" + id + ":{tenant=acme}");
      assertThat(h.emulator.events().deadLetters("refunds")).isEmpty();
      assertThat(h.emulator.metrics().function("refunds").deadLettered()).isEqualTo(1);
      assertThat(h.logged("moved to queue refunds-poison after 5 attempt(s)")).isTrue();
      assertThat(h.logged("QUEUE refunds -> refunds (dead letters to queue refunds-poison)"))
          .isTrue();
      assertThat(h.logged("QUEUE orders -> orders\n")).as("orders-poison is read by none").isTrue();
    }
  }

  @Test
  void withNoFunctionReadingTheDeadLetterQueueDeadLettersStayInTheEmulatorsStore() {
    try (Harness h = new Harness(Harness.fast().profile(Profile.GCP))) {
      h.emulator.events().send("orders", "poison");
      h.emulator.events().awaitIdle(IDLE);
      assertThat(h.emulator.events().deadLetters("orders"))
          .singleElement()
          .satisfies(d -> assertThat(d.attempts()).isEqualTo(5));
    }
  }

  @Test
  void underAwsATopicEventIsTriedThreeTimesAsLambdaRetriesAnAsynchronousEventTwice() {
    try (Harness h = new Harness(Harness.fast().profile(Profile.AWS))) {
      h.emulator.events().publish("refund-requests", "q-1");
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen)
          .filteredOn(s -> s.startsWith("requested:"))
          .containsExactly("requested:q-1#1", "requested:q-1#2", "requested:q-1#3");
      assertThat(h.emulator.events().deadLetters("topic/refund-requests/refunds"))
          .singleElement()
          .satisfies(d -> assertThat(d.reason()).isEqualTo("max_attempts"));
    }
  }

  @Test
  void underGoogleATopicEventIsTriedOnceSinceOnlyQueueDeploymentsRetry() {
    try (Harness h = new Harness(Harness.fast().profile(Profile.GCP))) {
      h.emulator.events().publish("refund-requests", "q-2");
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen)
          .filteredOn(s -> s.startsWith("requested:"))
          .containsExactly("requested:q-2#1");
    }
  }

  @Test
  void underAzureATopicMessageIsDeliveredUpToServiceBusMaxDeliveryCount() {
    try (Harness h = new Harness(Harness.fast().profile(Profile.AZURE))) {
      h.emulator.events().publish("refund-requests", "q-3");
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen).filteredOn(s -> s.startsWith("requested:")).hasSize(10);
    }
  }

  @Test
  void anExplicitMaxAttemptsAppliesToEveryKindOfEvent() {
    try (Harness h = new Harness(Harness.fast().profile(Profile.AWS).maxAttempts(2))) {
      h.emulator.events().publish("refund-requests", "q-4");
      h.emulator.events().send("refunds", "r-4");
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen)
          .filteredOn(s -> s.contains("-4#"))
          .containsExactlyInAnyOrder(
              "requested:q-4#1", "requested:q-4#2", "refund:r-4#1", "refund:r-4#2");
    }
  }
}
