package dev.anyfn.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.junit.fixtures.Greeter;
import dev.anyfn.local.EmulatorClock;
import dev.anyfn.local.EventApi;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@AnyfnTest(manualClockStart = "2026-01-01T00:00:00Z")
class ManualClockTest {

  @Test
  void schedulesFireWhenTheTestAdvancesTheClock(EmulatorClock clock, EventApi events) {
    Greeter.received.clear();
    clock.advance(Duration.ofSeconds(59));
    events.awaitIdle(Duration.ofSeconds(10));
    assertThat(Greeter.received).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    events.awaitIdle(Duration.ofSeconds(10));
    assertThat(Greeter.received).containsExactly("tick 2026-01-01T00:01:00Z");
  }
}
