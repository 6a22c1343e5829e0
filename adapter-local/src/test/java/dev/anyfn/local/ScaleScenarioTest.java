package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.local.fixtures.Probe;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The scenario: a burst of slow requests scales out, throttles, and scales back in. */
class ScaleScenarioTest {

  @Test
  void burstScalesOutToTheMaximumThrottlesBeyondItAndScalesInWhenIdle() throws Exception {
    EmulatorClock clock = EmulatorClock.manual(Instant.parse("2026-01-01T00:00:00Z"));
    try (Harness h =
        new Harness(Emulator.builder().clock(clock).idleTimeout(Duration.ofMinutes(2)))) {
      Probe.entered = new CountDownLatch(2);
      List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        burst.add(InstancePoolTest.async(h, "/gated"));
      }
      Probe.entered.await();
      int throttled = 0;
      for (int i = 0; i < 6; i++) {
        HttpResponse<String> r = h.get("/gated");
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        throttled++;
      }
      FunctionMetrics busy = h.emulator.metrics().function("gated");
      assertThat(busy.instances()).isEqualTo(2).isEqualTo(busy.maxInstances());
      assertThat(busy.coldStarts()).isEqualTo(2);
      assertThat(busy.throttles()).isEqualTo(throttled);
      Probe.gate.countDown();
      for (var f : burst) {
        assertThat(f.get().statusCode()).isEqualTo(200);
      }
      clock.advance(Duration.ofMinutes(3));
      FunctionMetrics idle = h.emulator.metrics().function("gated");
      assertThat(idle.instances()).isZero();
      assertThat(idle.invocations()).isEqualTo(2);
      assertThat(idle.durationMillis().p99()).isPositive();
      assertThat(idle.estimatedCostUsd())
          .containsKeys(dev.anyfn.Provider.AWS, dev.anyfn.Provider.GCP, dev.anyfn.Provider.AZURE);
    }
  }
}
