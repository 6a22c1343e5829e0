package dev.anyfn.bench.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SamplesTest {
  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(Samples.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    assertThat(Samples.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
  }

  @Test
  void percentilesAreNearestRank() {
    long[] values = new long[100];
    for (int i = 0; i < 100; i++) {
      values[i] = 100 - i; // 100 down to 1
    }
    assertThat(Samples.percentile(values, 0.99)).isEqualTo(99);
    assertThat(Samples.percentile(values, 1.0)).isEqualTo(100);
    assertThat(Samples.percentile(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0), 0.9))
        .isEqualTo(9.0);
  }
}
