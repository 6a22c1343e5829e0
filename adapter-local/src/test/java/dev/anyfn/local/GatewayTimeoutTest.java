package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.local.fixtures.Probe;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The cloud's HTTP front door stops waiting before a long function timeout does: API Gateway's HTTP
 * API after 30 s, Azure's load balancer after 230 s. The caller gets the front door's answer and
 * the function runs on. The fixture {@code faulty} has a 1 s timeout; the front door here waits 300
 * ms in its place, so that the test does not wait 30 s.
 */
class GatewayTimeoutTest {
  @Test
  void underAwsTheCallerGets503AtTheGatewayTimeoutWhileTheFunctionRunsOn() {
    Emulator.Builder aws =
        Harness.fast().profile(Profile.AWS).gatewayTimeout(Duration.ofMillis(300));
    try (Harness h = new Harness(aws)) {
      HttpResponse<String> r = h.get("/sleep");

      // 503 from the gateway at 300 ms; the function's own timeout at 1 s would answer 504
      assertThat(r.statusCode()).isEqualTo(503);
      assertThat(r.body())
          .contains("\"error\":\"gateway_timeout\"")
          .contains("API Gateway stopped waiting")
          .contains("function 'faulty' (timeout 1 s) runs on");
      Eventually.until(
          "the function's own timeout is logged",
          () -> h.log.stream().anyMatch(l -> l.contains("Task timed out")));
    }
  }

  @Test
  void aFunctionThatTimesOutFirstIsAnsweredByItsOwnTimeout() {
    // gcp: Cloud Run waits as long as the function may run
    try (Harness h = new Harness(Harness.fast().profile(Profile.GCP))) {
      HttpResponse<String> r = h.get("/sleep");

      assertThat(r.statusCode()).isEqualTo(504);
      assertThat(r.body()).contains("\"error\":\"timeout\"");
    }
  }

  @Test
  void aFastAnswerIsNotTouchedByTheGateway() {
    Emulator.Builder aws =
        Harness.fast().profile(Profile.AWS).gatewayTimeout(Duration.ofMillis(300));
    try (Harness h = new Harness(aws)) {
      assertThat(h.get("/ok").statusCode()).isEqualTo(200);
      assertThat(Probe.inits.get()).isEqualTo(1);
    }
  }
}
