package dev.anyfn.gcp.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Throughput, p99 latency and cold start of {@code GET /hello} under Google's real invoker: the
 * anyfn adapter ({@code HttpEntryPoint} serving {@code gcp-web}) against a hand-written {@link
 * HelloHttpFunction}, in one run, alternating. Not run by the build. Run from {@code adapter-gcp/}
 * after {@code mvn test-compile}:
 *
 * <pre>
 * CP=target/test-classes:target/classes:$(mvn -q dependency:build-classpath \
 *     -DexcludeArtifactIds=java-function-invoker -Dmdep.outputFile=/dev/stdout)
 * java -cp "$CP" dev.anyfn.gcp.bench.InvokerBench \
 *   ~/.m2/repository/com/google/cloud/functions/invoker/java-function-invoker/2.0.0/java-function-invoker-2.0.0.jar \
 *   [seconds per round, default 10] [client threads, default 8] [rounds, default 2]
 * </pre>
 */
public final class InvokerBench {
  private InvokerBench() {}

  private record Result(double requestsPerSecond, double p99Millis) {}

  /** The entry point. */
  public static void main(String[] args) throws Exception {
    Path invokerJar = Path.of(args[0]);
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    String adapter = "dev.anyfn.gcp.HttpEntryPoint";
    String baseline = HelloHttpFunction.class.getName();
    List<Double> adapterRps = new ArrayList<>();
    List<Double> baselineRps = new ArrayList<>();
    List<Double> adapterP99 = new ArrayList<>();
    List<Double> baselineP99 = new ArrayList<>();
    List<Double> adapterCold = new ArrayList<>();
    List<Double> baselineCold = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      for (String target : List.of(adapter, baseline)) {
        boolean isAdapter = target.equals(adapter);
        int port = 18_000 + round * 2 + (isAdapter ? 0 : 1);
        long launched = System.nanoTime();
        Process p = launch(invokerJar, target, port);
        try {
          double coldMillis = awaitFirst200(port, launched);
          Result r = load(port, seconds, threads);
          System.out.printf(
              "round %d %-9s cold start %7.1f ms  %9.0f req/s  p99 %6.2f ms%n",
              round + 1,
              isAdapter ? "anyfn" : "baseline",
              coldMillis,
              r.requestsPerSecond(),
              r.p99Millis());
          (isAdapter ? adapterRps : baselineRps).add(r.requestsPerSecond());
          (isAdapter ? adapterP99 : baselineP99).add(r.p99Millis());
          (isAdapter ? adapterCold : baselineCold).add(coldMillis);
        } finally {
          p.destroy();
          p.waitFor(10, TimeUnit.SECONDS);
        }
      }
    }
    System.out.printf(
        "throughput ratio anyfn/baseline %.3f (target >= 0.9)%n"
            + "p99 ratio anyfn/baseline %.3f%n"
            + "cold start ratio anyfn/baseline %.3f (target <= 1.2)%n",
        mean(adapterRps) / mean(baselineRps),
        mean(adapterP99) / mean(baselineP99),
        mean(adapterCold) / mean(baselineCold));
  }

  private static Process launch(Path invokerJar, String target, int port) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String jvmArgs = System.getProperty("bench.jvmArgs", "").replace("{target}", target);
    if (!jvmArgs.isBlank()) {
      command.addAll(List.of(jvmArgs.trim().split("\\s+")));
    }
    command.addAll(
        List.of(
            "-cp",
            invokerJar.toString(),
            "com.google.cloud.functions.invoker.runner.Invoker",
            "--port",
            Integer.toString(port),
            "--target",
            target,
            "--classpath",
            System.getProperty("java.class.path")));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.redirectOutput(Files.createTempFile("invoker-bench", ".log").toFile());
    pb.environment().putAll(Map.of("ANYFN_FUNCTION", "gcp-web"));
    return pb.start();
  }

  private static double awaitFirst200(int port, long launchedNanos) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest hello =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello")).build();
    long deadline = launchedNanos + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      try {
        if (client.send(hello, BodyHandlers.discarding()).statusCode() == 200) {
          return (System.nanoTime() - launchedNanos) / 1e6;
        }
      } catch (IOException notYet) {
        Thread.sleep(5);
      }
    }
    throw new IllegalStateException("No 200 from port " + port + " within 60 s");
  }

  private static Result load(int port, int seconds, int threads) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest hello =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello")).build();
    runFor(client, hello, 5, threads); // warm-up: let C2 compile both paths
    long start = System.nanoTime();
    long[] latencies = runFor(client, hello, seconds, threads);
    double elapsed = (System.nanoTime() - start) / 1e9;
    Arrays.sort(latencies);
    double p99 =
        latencies[(int) Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.99) - 1)]
            / 1e6;
    return new Result(latencies.length / elapsed, p99);
  }

  private static long[] runFor(HttpClient client, HttpRequest request, int seconds, int threads)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<Future<long[]>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(
          pool.submit(
              () -> {
                long[] samples = new long[1024];
                int n = 0;
                while (System.nanoTime() < end) {
                  long s = System.nanoTime();
                  int status = client.send(request, BodyHandlers.ofByteArray()).statusCode();
                  if (status != 200) {
                    throw new IllegalStateException("status " + status);
                  }
                  if (n == samples.length) {
                    samples = Arrays.copyOf(samples, n * 2);
                  }
                  samples[n++] = System.nanoTime() - s;
                }
                return Arrays.copyOf(samples, n);
              }));
    }
    List<long[]> parts = new ArrayList<>();
    for (Future<long[]> f : futures) {
      parts.add(f.get());
    }
    pool.shutdown();
    return parts.stream().flatMapToLong(Arrays::stream).toArray();
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }
}
