package dev.anyfn.bench.gcp;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue #5's benchmark, run by {@code bench/gcp/run.sh}: {@code GET /hello} through anyfn's {@code
 * HttpEntryPoint} (the jar and deploy script {@code anyfn:package} wrote) against a hand-written
 * {@code HttpFunction} (its own jar), both under Google's real invoker in child JVMs.
 *
 * <ol>
 *   <li>Cold start: process launch to the first 200, {@code --cold-starts} launches per variant,
 *       the variants alternating (and which goes first alternating too); median and p90.
 *   <li>Throughput and p99: {@code --rounds} rounds, each variant once per round in alternating
 *       order, each a fresh process loaded by {@code --threads} closed-loop clients for {@code
 *       --warmup} unrecorded then {@code --seconds} recorded seconds; the median of the rounds.
 * </ol>
 *
 * <p>Arguments: {@code --invoker <jar> --anyfn-jar <jar> --deploy-script <deploy.sh> --function
 * <name> --baseline-jar <jar> --baseline-target <class>} and optionally {@code --cold-starts 10
 * --rounds 3 --seconds 10 --warmup 5 --threads 8 --jvm-args "<args for the invoker JVMs>"}.
 */
public final class InvokerBenchmark {
  private static final int POLL_MILLIS = 5;

  private InvokerBenchmark() {}

  /** Runs the benchmark and prints the figures and ratios. */
  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parse(args);
    Path invokerJar = options.invokerJar();
    Deployment anyfn = options.anyfn();
    Deployment baseline = options.baseline();
    int coldStarts = options.number("cold-starts", 10);
    int rounds = options.number("rounds", 3);
    int seconds = options.number("seconds", 10);
    int warmup = options.number("warmup", 5);
    int threads = options.number("threads", 8);
    List<String> jvm = options.jvmArgs();
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    System.out.printf(
        "anyfn:    --target %s --classpath %s, env %s%nbaseline: --target %s --classpath %s%n"
            + "invoker JVM args: %s%n%n",
        anyfn.target(),
        anyfn.jar(),
        anyfn.environment(),
        baseline.target(),
        baseline.jar(),
        jvm.isEmpty() ? "(none)" : jvm);

    System.out.printf(
        "Cold start: process launch to first 200 on GET /hello, %d launches each, interleaved%n",
        coldStarts);
    Map<String, List<Double>> cold = new HashMap<>();
    Map<String, List<Double>> coldCpu = new HashMap<>();
    for (int i = 0; i < coldStarts; i++) {
      for (Deployment d : order(i, anyfn, baseline)) {
        try (RunningInvoker invoker = RunningInvoker.launch(invokerJar, d, jvm)) {
          RunningInvoker.ColdStart start = invoker.awaitFirst200(client, POLL_MILLIS);
          cold.computeIfAbsent(d.label(), k -> new ArrayList<>()).add(start.wallMillis());
          coldCpu.computeIfAbsent(d.label(), k -> new ArrayList<>()).add(start.cpuMillis());
          System.out.printf(
              "  launch %2d %-8s %7.1f ms  (CPU %7.1f ms)%n",
              i + 1, d.label(), start.wallMillis(), start.cpuMillis());
        }
      }
    }

    System.out.printf(
        "%nThroughput: %d closed-loop client threads, %d s warm-up then %d s measured,"
            + " %d rounds each, interleaved%n",
        threads, warmup, seconds, rounds);
    LoadGenerator load = new LoadGenerator(client, threads, HelloFunction.HELLO);
    Map<String, List<Double>> rps = new HashMap<>();
    Map<String, List<Double>> p99 = new HashMap<>();
    for (int r = 0; r < rounds; r++) {
      for (Deployment d : order(r, anyfn, baseline)) {
        try (RunningInvoker invoker = RunningInvoker.launch(invokerJar, d, jvm)) {
          invoker.awaitFirst200(client, POLL_MILLIS);
          LoadGenerator.Result result = load.run(invoker.hello(), warmup, seconds);
          rps.computeIfAbsent(d.label(), k -> new ArrayList<>()).add(result.requestsPerSecond());
          p99.computeIfAbsent(d.label(), k -> new ArrayList<>()).add(result.p99Millis());
          System.out.printf(
              "  round %d %-8s %9.0f req/s  p99 %6.2f ms  (%d requests)%n",
              r + 1, d.label(), result.requestsPerSecond(), result.p99Millis(), result.requests());
        }
      }
    }

    System.out.println();
    System.out.println(Report.of(cold, coldCpu, rps, p99).render());
  }

  /** Alternates which variant goes first, so neither always runs on a machine the other warmed. */
  private static List<Deployment> order(int i, Deployment a, Deployment b) {
    return i % 2 == 0 ? List.of(a, b) : List.of(b, a);
  }
}
