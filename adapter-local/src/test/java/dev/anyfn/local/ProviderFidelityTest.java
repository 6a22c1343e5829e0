package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.core.index.TriggerSpec;
import dev.anyfn.local.fixtures.Probe;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a profile follows what its cloud does with the resources anyfn deploys. */
class ProviderFidelityTest {
  private static final Duration IDLE = Duration.ofSeconds(20);

  private static final TriggerSpec.Storage CREATED_ONLY =
      new TriggerSpec.Storage("photos", List.of("CREATED"));
  private static final TriggerSpec.Storage WITH_DELETIONS =
      new TriggerSpec.Storage("photos", List.of("CREATED", "DELETED"));

  @Test
  void underAzureAStorageTriggerTakingDeletionsIsTriedThirtyTimesAsEventGridRetries() {
    // uploads takes CREATED and DELETED of photos: Azure serves it through an Event Grid
    // subscription, whose default retry policy makes 30 delivery attempts.
    try (Harness h = new Harness(Harness.fast().profile(Profile.AZURE))) {
      h.emulator.events().putObject("photos", "failing.jpg", new byte[] {1}, "image/jpeg");
      h.emulator.events().awaitIdle(IDLE);

      assertThat(Probe.seen).hasSize(30);
      assertThat(h.emulator.events().deadLetters("photos"))
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.attempts()).isEqualTo(30);
                assertThat(d.reason()).isEqualTo("max_attempts");
              });
    }
  }

  @Test
  void underAzureABlobTriggerIsTriedFiveTimesAndAnEventGridOneThirty() {
    assertThat(Profile.AZURE.deliveryAttempts(CREATED_ONLY)).isEqualTo(5);
    assertThat(Profile.AZURE.deliveryAttempts(WITH_DELETIONS)).isEqualTo(30);
    assertThat(Profile.AWS.deliveryAttempts(WITH_DELETIONS)).isEqualTo(3);
    assertThat(Profile.GCP.deliveryAttempts(WITH_DELETIONS)).isEqualTo(1);
  }

  @Test
  void underAzureAnEventGridStorageEventExpiresAfterEventGridsDayWhileABlobWaits() {
    assertThat(Profile.AZURE.maxEventAge(WITH_DELETIONS)).isEqualTo(Duration.ofHours(24));
    assertThat(Profile.AZURE.maxEventAge(CREATED_ONLY)).isEqualTo(Profile.NO_AGE_LIMIT);
  }
}
