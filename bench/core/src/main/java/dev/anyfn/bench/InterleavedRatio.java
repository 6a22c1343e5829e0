package dev.anyfn.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * A second opinion for busy machines: times short blocks of {@link
 * CoreInvocationBenchmark#throughCore()} and {@link CoreInvocationBenchmark#directCall()}
 * alternately in one JVM, so that a load spike hits both sides of a pair alike, and prints the
 * median of the per-pair ratios. JMH (run.sh) remains the reference on a quiet machine.
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
    long warmUntil = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < warmUntil) {
      block(core);
      block(direct);
    }
    List<Double> ratios = new ArrayList<>();
    List<Double> coreNs = new ArrayList<>();
    List<Double> directNs = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      boolean coreFirst = i % 2 == 0;
      double first = block(coreFirst ? core : direct);
      double second = block(coreFirst ? direct : core);
      double c = coreFirst ? first : second;
      double d = coreFirst ? second : first;
      coreNs.add(c);
      directNs.add(d);
      ratios.add(c / d);
    }
    System.out.printf(
        "interleaved, %d pairs of %d calls: core %.0f ns/op, direct %.0f ns/op (medians);"
            + " median ratio core/direct = %.2fx%n",
        rounds, BLOCK, median(coreNs), median(directNs), median(ratios));
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
