package dev.anyfn.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WrkReportTest {
  private static final String REPORT =
      """
      Running 6s test @ http://127.0.0.1:18081/hello
        1 threads and 32 connections
        Thread Stats   Avg      Stdev     Max   +/- Stdev
          Latency   514.91us  262.36us   7.24ms   85.99%
          Req/Sec    49.12k     3.10k   53.20k    80.00%
        Latency Distribution
           50%  480.00us
           75%  612.00us
           90%  790.00us
           99%    1.38ms
        294888 requests in 6.00s, 34.03MB read
      Requests/sec:  48881.31
      Transfer/sec:      5.67MB
      """;

  @Test
  void readsRequestsPerSecondAndP99InMilliseconds() {
    double[] r = ThroughputBench.parseWrk(REPORT);

    assertThat(r[0]).isEqualTo(48881.31);
    assertThat(r[1]).isEqualTo(1.38);
  }

  @Test
  void convertsEveryDurationUnitToMilliseconds() {
    assertThat(ThroughputBench.millis("728.00us")).isEqualTo(0.728);
    assertThat(ThroughputBench.millis("41.51ms")).isEqualTo(41.51);
    assertThat(ThroughputBench.millis("1.50s")).isEqualTo(1500.0);
    assertThat(ThroughputBench.millis("2.00m")).isEqualTo(120_000.0);
  }

  @Test
  void refusesARunWithFailedRequests() {
    String failed =
        REPORT.replace("Requests/sec:", "  Non-2xx or 3xx responses: 12\nRequests/sec:");

    assertThatThrownBy(() -> ThroughputBench.parseWrk(failed))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("failed requests");
  }

  @Test
  void refusesAReportWithoutFigures() {
    assertThatThrownBy(() -> ThroughputBench.parseWrk("unable to connect to 127.0.0.1:1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Cannot read");
  }
}
