package dev.anyfn.bench;

import java.util.ArrayList;
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
  private static volatile int sink;

  private InterleavedRatio() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    CoreInvocationBenchmark b = new CoreInvocationBenchmark();
    b.setUp();
    IntSupplier core = () -> b.throughCore().statusCode();
    IntSupplier direct = () -> b.directCall().length;
    IntSupplier raw = () -> b.throughCoreFromRawParts().statusCode();
    List<IntSupplier> calls = List.of(core, direct, raw);
    long warmUntil = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < warmUntil) {
      for (IntSupplier call : calls) {
        block(call);
      }
    }
    List<Double> ratios = new ArrayList<>();
    List<Double> buildNs = new ArrayList<>();
    List<Double> coreNs = new ArrayList<>();
    List<Double> directNs = new ArrayList<>();
    List<Double> rawNs = new ArrayList<>();
    double[] ns = new double[calls.size()];
    for (int i = 0; i < rounds; i++) {
      // Each round starts with a different call, so none always runs first after a pause.
      for (int k = 0; k < calls.size(); k++) {
        int which = (i + k) % calls.size();
        ns[which] = block(calls.get(which));
      }
      coreNs.add(ns[0]);
      directNs.add(ns[1]);
      rawNs.add(ns[2]);
      ratios.add(ns[0] / ns[1]);
      buildNs.add(ns[2] - ns[0]);
    }
    System.out.printf(
        "interleaved, %d rounds of %d calls each: core %.0f ns/op, direct %.0f ns/op, from raw"
            + " parts %.0f ns/op (medians); median ratio core/direct = %.2fx; median cost of"
            + " building request+context = %.0f ns/op%n",
        rounds,
        BLOCK,
        median(coreNs),
        median(directNs),
        median(rawNs),
        median(ratios),
        median(buildNs));
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
