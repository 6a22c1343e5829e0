package dev.anyfn.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.local.Emulator;
import dev.anyfn.local.EmulatorClock;
import dev.anyfn.local.Profile;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@AnyfnTest(profile = Profile.GCP, manualClockStart = "2026-01-01T00:00:00Z", maxAttempts = 2)
class NestedClassesTest {
  private static Emulator outer;

  @BeforeAll
  static void rememberTheClasssEmulator(Emulator emulator) {
    outer = emulator;
  }

  @Test
  void theClassRunsOnItsEmulator(Emulator emulator) {
    assertThat(emulator).isSameAs(outer);
  }

  @Nested
  class WithoutSettingsOfItsOwn {
    @Test
    void runsOnTheEnclosingClasssEmulatorWithItsSettings(Emulator emulator, EmulatorClock clock) {
      assertThat(emulator).isSameAs(outer);
      assertThat(emulator.profile()).isEqualTo(Profile.GCP);
      assertThat(clock.isManual()).isTrue();
      assertThat(clock.instant()).isBefore(Instant.parse("2026-01-02T00:00:00Z"));
    }
  }

  @Nested
  @AnyfnTest(profile = Profile.AZURE)
  class WithSettingsOfItsOwn {
    @Test
    void getsAnEmulatorOfItsOwn(Emulator emulator) {
      assertThat(emulator).isNotSameAs(outer);
      assertThat(emulator.profile()).isEqualTo(Profile.AZURE);
    }
  }
}
