package dev.anyfn.azure;

import dev.anyfn.bench.azure.AzureInvocationBenchmark;
import dev.anyfn.bench.harness.Interleaved;
import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The bound of {@link AdapterPartsBenchmark#withoutRequestTranslation} as a ratio that survives a
 * busy machine: the generated entry, the hand-written function and the adapter without its request
 * translation, timed in rotating blocks in one JVM (as {@code InterleavedRatio} does), printing the
 * median per-round ratio of each to the hand-written function. If even the adapter without request
 * translation is above the target ratio, no work on the request translation alone can meet it.
 *
 * <p>Usage: {@code java -cp bench/azure/target/benchmarks.jar dev.anyfn.azure.FloorRatio [rounds]}
 */
public final class FloorRatio {
  private static final int BLOCK = 2_000;

  private FloorRatio() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    AzureInvocationBenchmark whole = new AzureInvocationBenchmark();
    whole.setUp();
    AdapterPartsBenchmark parts = new AdapterPartsBenchmark();
    parts.setUp();
    List<IntSupplier> sides =
        List.of(
            () -> whole.generatedEntry().getStatusCode(),
            () -> whole.handWritten().getStatusCode(),
            () -> parts.withoutRequestTranslation().getStatusCode());
    double[][] ns = Interleaved.time(sides, rounds, BLOCK, Duration.ofSeconds(5));
    System.out.printf(
        "interleaved, %d rounds of %d calls (medians): hand-written %.0f ns/op; generated entry"
            + " %.2fx; without request translation %.2fx of hand-written%n",
        rounds,
        BLOCK,
        Interleaved.median(ns, r -> r[1]),
        Interleaved.median(ns, r -> r[0] / r[1]),
        Interleaved.median(ns, r -> r[2] / r[1]));
  }
}
