package dev.anyfn.bench.azure;

import dev.anyfn.bench.harness.Interleaved;
import java.time.Duration;
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
    double[][] ns = Interleaved.time(sides, rounds, BLOCK, Duration.ofSeconds(5));
    System.out.printf(
        "interleaved, %d rounds of %d calls (medians): generated %.0f ns/op, hand-written %.0f"
            + " ns/op, core alone %.0f ns/op; adapter share (generated - core) %.0f ns/op;"
            + " ratio generated/hand-written = %.2fx%n",
        rounds,
        BLOCK,
        Interleaved.median(ns, r -> r[0]),
        Interleaved.median(ns, r -> r[1]),
        Interleaved.median(ns, r -> r[2]),
        Interleaved.median(ns, r -> r[0] - r[2]),
        Interleaved.median(ns, r -> r[0] / r[1]));
  }
}
