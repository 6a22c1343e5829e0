package dev.anyfn.bench.harness;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.ToDoubleFunction;

/**
 * A second opinion for busy machines: times short blocks of calls of several sides in turn in one
 * JVM, each round starting with a different side, so that a load spike hits every side of a round
 * alike. Per-round figures (ratios, differences) are then taken from the same round and their
 * median reported. JMH remains the reference on a quiet machine.
 */
public final class Interleaved {
  private static volatile int sink;

  private Interleaved() {}

  /**
   * Warms every side for {@code warmup}, then times {@code rounds} rounds.
   *
   * @param sides the calls; each returns something derived from its result so it is not optimised
   *     away
   * @param block calls per timed block
   * @return {@code [round][side]} nanoseconds per call
   */
  public static double[][] time(List<IntSupplier> sides, int rounds, int block, Duration warmup) {
    long warmUntil = System.nanoTime() + warmup.toNanos();
    while (System.nanoTime() < warmUntil) {
      for (IntSupplier side : sides) {
        block(side, block);
      }
    }
    double[][] ns = new double[rounds][sides.size()];
    for (int round = 0; round < rounds; round++) {
      for (int k = 0; k < sides.size(); k++) {
        int side = (round + k) % sides.size();
        ns[round][side] = block(sides.get(side), block);
      }
    }
    return ns;
  }

  /** The median over the rounds of {@code perRound} (e.g. {@code r -> r[0] / r[1]}). */
  public static double median(double[][] rounds, ToDoubleFunction<double[]> perRound) {
    double[] values = new double[rounds.length];
    for (int i = 0; i < rounds.length; i++) {
      values[i] = perRound.applyAsDouble(rounds[i]);
    }
    Arrays.sort(values);
    return values[values.length / 2];
  }

  private static double block(IntSupplier call, int calls) {
    int acc = 0;
    long start = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      acc += call.getAsInt();
    }
    long elapsed = System.nanoTime() - start;
    sink += acc;
    return (double) elapsed / calls;
  }
}
