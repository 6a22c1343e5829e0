package dev.anyfn.bench;

import dev.anyfn.bench.harness.Interleaved;
import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * A second opinion for busy machines: times short blocks of {@link
 * CoreInvocationBenchmark#throughCore()}, {@link CoreInvocationBenchmark#directCall()} and {@link
 * CoreInvocationBenchmark#throughCoreFromRawParts()} in turn in one JVM, so that a load spike hits
 * every side of a round alike, and prints the median of the per-round ratios of the core to the
 * direct call, and of the per-round extra cost of building the request and context from raw parts.
 * JMH (run.sh) remains the reference on a quiet machine.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.anyfn.bench.InterleavedRatio [rounds]}
 */
public final class InterleavedRatio {
  private static final int BLOCK = 2_000;

  private InterleavedRatio() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    CoreInvocationBenchmark b = new CoreInvocationBenchmark();
    b.setUp();
    IntSupplier core = () -> b.throughCore().statusCode();
    IntSupplier direct = () -> b.directCall().length;
    IntSupplier raw = () -> b.throughCoreFromRawParts().statusCode();
    double[][] ns =
        Interleaved.time(List.of(core, direct, raw), rounds, BLOCK, Duration.ofSeconds(5));
    System.out.printf(
        "interleaved, %d rounds of %d calls each: core %.0f ns/op, direct %.0f ns/op, from raw"
            + " parts %.0f ns/op (medians); median ratio core/direct = %.2fx; median cost of"
            + " building request+context = %.0f ns/op%n",
        rounds,
        BLOCK,
        Interleaved.median(ns, r -> r[0]),
        Interleaved.median(ns, r -> r[1]),
        Interleaved.median(ns, r -> r[2]),
        Interleaved.median(ns, r -> r[0] / r[1]),
        Interleaved.median(ns, r -> r[2] - r[0]));
  }
}
