package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EmulatorClockTest {
  @Test
  void manualClockMillisStandStillUntilAdvanced() {
    EmulatorClock clock = EmulatorClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
    long start = clock.millis();

    clock.advance(Duration.ofMillis(1500));

    assertThat(start).isEqualTo(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
    assertThat(clock.millis()).isEqualTo(start + 1500).isEqualTo(clock.instant().toEpochMilli());
  }

  @Test
  void systemClockMillisAreTheWallClock() {
    EmulatorClock clock = EmulatorClock.system();

    long before = System.currentTimeMillis();
    long read = clock.millis();
    long after = System.currentTimeMillis();

    assertThat(read).isBetween(before, after);
  }
}
