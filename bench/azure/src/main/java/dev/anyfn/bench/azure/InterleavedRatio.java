package dev.anyfn.bench.azure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * A second opinion for busy machines: times short blocks of {@link
 * AzureInvocationBenchmark#generatedEntry()}, {@link AzureInvocationBenchmark#handWritten()} and
 * {@link AzureInvocationBenchmark#coreOnly()} in rotating order in one JVM, so that a load spike
 * hits every side of a round alike, and prints the median of the per-round ratio
 * generated/hand-written and of the per-round adapter share (generated - core alone). JMH ({@code
 * run.sh}) remains the reference on a quiet machine.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.anyfn.bench.azure.InterleavedRatio [rounds]}
 */
public final class InterleavedRatio {
  private static final int BLOCK = 2_000;
  private static volatile int sink;

  private InterleavedRatio() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    AzureInvocationBenchmark b = new AzureInvocationBenchmark();
    b.setUp();
    List<IntSupplier> sides =
        List.of(
            () -> b.generatedEntry().getStatusCode(),
            () -> b.handWritten().getStatusCode(),
            () -> b.coreOnly().statusCode());
    long warmUntil = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < warmUntil) {
      sides.forEach(InterleavedRatio::block);
    }
    List<Double> generated = new ArrayList<>();
    List<Double> hand = new ArrayList<>();
    List<Double> core = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    List<Double> shares = new ArrayList<>();
    double[] ns = new double[sides.size()];
    for (int round = 0; round < rounds; round++) {
      for (int k = 0; k < sides.size(); k++) {
        int side = (round + k) % sides.size();
        ns[side] = block(sides.get(side));
      }
      generated.add(ns[0]);
      hand.add(ns[1]);
      core.add(ns[2]);
      ratios.add(ns[0] / ns[1]);
      shares.add(ns[0] - ns[2]);
    }
    System.out.printf(
        "interleaved, %d rounds of %d calls (medians): generated %.0f ns/op, hand-written %.0f"
            + " ns/op, core alone %.0f ns/op; adapter share (generated - core) %.0f ns/op;"
            + " ratio generated/hand-written = %.2fx%n",
        rounds,
        BLOCK,
        median(generated),
        median(hand),
        median(core),
        median(shares),
        median(ratios));
  }

  private static double block(IntSupplier call) {
    int acc = 0;
    long start = System.nanoTime();
    for (int i = 0; i < BLOCK; i++) {
      acc += call.getAsInt();
    }
    long elapsed = System.nanoTime() - start;
    sink += acc;
    return (double) elapsed / BLOCK;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
