package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PoolOverheadBenchmarkTest {
  private final PoolOverheadBenchmark bench = new PoolOverheadBenchmark();

  @BeforeEach
  void setUp() {
    bench.setUp();
  }

  @AfterEach
  void tearDown() {
    bench.tearDown();
  }

  @Test
  void directCallAndPoolAnswerTheSameHello() {
    HttpResponse direct = bench.directCall();
    HttpResponse pooled = bench.throughPool();
    HttpResponse logged = bench.throughPoolConsoleLog();

    assertThat(direct.statusCode()).isEqualTo(200);
    assertThat(direct.bodyText()).isEqualTo("hello");
    for (HttpResponse r : new HttpResponse[] {pooled, logged}) {
      assertThat(r.statusCode()).isEqualTo(direct.statusCode());
      assertThat(r.bodyText()).isEqualTo(direct.bodyText());
      assertThat(r.headers()).isEqualTo(direct.headers());
    }
  }

  @Test
  void everyMeasuredPoolCallRunsOnTheOneInstanceWarmedInSetup() {
    for (int i = 0; i < 100; i++) {
      bench.throughPool();
    }

    FunctionMetrics m = bench.poolMetrics();
    assertThat(m.coldStarts()).isEqualTo(1);
    assertThat(m.instances()).isEqualTo(1);
    // setup's warming call and its check that both sides agree, then the 100 above
    assertThat(m.invocations()).isEqualTo(102);
    assertThat(m.errors()).isZero();
    assertThat(m.timeouts()).isZero();
  }
}
