package dev.anyfn.bench.gcp;

import java.util.Arrays;
import java.util.List;

/** Order statistics over measured values (nearest-rank). */
final class Samples {
  private Samples() {}

  /** The {@code p} quantile (0 &lt; p &le; 1) of {@code values} by nearest rank. */
  static long percentile(long[] values, double p) {
    if (values.length == 0) {
      throw new IllegalArgumentException("No samples to take a percentile of.");
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[rank(sorted.length, p)];
  }

  /** The {@code p} quantile (0 &lt; p &le; 1) of {@code values} by nearest rank. */
  static double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("No samples to take a percentile of.");
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted[rank(sorted.length, p)];
  }

  /** The median: the mean of the two middle values for an even count. */
  static double median(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("No samples to take a median of.");
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static int rank(int n, double p) {
    return Math.max(0, Math.min(n - 1, (int) Math.ceil(n * p) - 1));
  }
}
