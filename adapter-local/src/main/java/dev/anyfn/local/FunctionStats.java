package dev.anyfn.local;

import java.util.Arrays;

/** Counters and timing samples of one function. Thread-safe. */
final class FunctionStats {
  private static final int SAMPLES = 10_000;

  private final String name;
  private final int memoryMb;
  private long invocations;
  private long coldStarts;
  private long throttles;
  private long errors;
  private long timeouts;
  private long billedMillis;
  private long deliveries;
  private long retries;
  private long deadLettered;
  private final Reservoir init = new Reservoir();
  private final Reservoir duration = new Reservoir();

  FunctionStats(String name, int memoryMb) {
    this.name = name;
    this.memoryMb = memoryMb;
  }

  synchronized void invocation(long nanos) {
    invocations++;
    billedMillis += Math.max(1, (nanos + 999_999) / 1_000_000);
    duration.add(nanos);
  }

  synchronized void coldStart(long initNanos) {
    coldStarts++;
    init.add(initNanos);
  }

  synchronized void initFailure(long initNanos) {
    init.add(initNanos);
  }

  synchronized void throttle() {
    throttles++;
  }

  synchronized void error() {
    errors++;
  }

  synchronized void timeout() {
    timeouts++;
    invocations++;
  }

  synchronized void delivery(boolean retry) {
    deliveries++;
    if (retry) {
      retries++;
    }
  }

  synchronized void deadLettered() {
    deadLettered++;
  }

  synchronized FunctionMetrics snapshot(int instances, int maxInstances) {
    double gbSeconds = billedMillis / 1000.0 * memoryMb / 1024.0;
    return new FunctionMetrics(
        name,
        invocations,
        coldStarts,
        throttles,
        errors,
        timeouts,
        instances,
        maxInstances,
        deliveries,
        retries,
        deadLettered,
        init.percentiles(),
        duration.percentiles(),
        memoryMb,
        gbSeconds,
        Pricing.estimate(invocations, billedMillis, memoryMb));
  }

  /** The latest samples, for percentiles. Guarded by the owner's lock. */
  private static final class Reservoir {
    private final long[] values = new long[SAMPLES];
    private int count;

    void add(long v) {
      values[count % SAMPLES] = v;
      count++;
    }

    FunctionMetrics.Percentiles percentiles() {
      int n = Math.min(count, SAMPLES);
      if (n == 0) {
        return new FunctionMetrics.Percentiles(0, 0, 0);
      }
      long[] sorted = Arrays.copyOf(values, n);
      Arrays.sort(sorted);
      return new FunctionMetrics.Percentiles(
          at(sorted, 0.50) / 1e6, at(sorted, 0.95) / 1e6, at(sorted, 0.99) / 1e6);
    }

    private static long at(long[] sorted, double q) {
      int i = (int) Math.ceil(q * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
  }
}
