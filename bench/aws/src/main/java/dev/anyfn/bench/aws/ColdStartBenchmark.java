package dev.anyfn.bench.aws;

import dev.anyfn.aws.RuntimeApiServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Cold start under AWS's own runtime interface client: the time from launching a fresh JVM ({@code
 * com.amazonaws.services.lambda.runtime.api.client.AWSLambda <handler>}, with {@code
 * AWS_LAMBDA_RUNTIME_API} pointing at a {@link RuntimeApiServer} that already holds one HTTP API
 * event) to the moment the runtime posts its first {@code /response}. The variants are launched
 * interleaved, in a rotating order, so machine noise falls on all of them alike.
 *
 * <p>Usage: {@code ColdStartBenchmark <runs> <runtime-client-classpath> <variant>...}, each variant
 * {@code name|deployment-jar|handler[|NAME=value...]} (extra environment variables). Prints one
 * line per variant: {@code name median-ms p90-ms runs}. The child JVMs get the flags Lambda's Java
 * runtimes use ({@code -XX:TieredStopAtLevel=1}, SerialGC, CDS on).
 */
public final class ColdStartBenchmark {
  private static final long WAIT_SECONDS = 120;
  private static final List<String> JVM_FLAGS =
      List.of(
          "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

  private ColdStartBenchmark() {}

  /** One way of serving the hello function. */
  record Variant(String name, String jar, String handler, Map<String, String> environment) {
    static Variant parse(String spec) {
      String[] parts = spec.split("\\|");
      if (parts.length < 3) {
        throw new IllegalArgumentException(
            "Variant '"
                + spec
                + "' has "
                + parts.length
                + " parts; expected name|deployment-jar|handler[|NAME=value...].");
      }
      Map<String, String> env = new LinkedHashMap<>();
      for (String pair : Arrays.asList(parts).subList(3, parts.length)) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException(
              "Environment entry '" + pair + "' of variant '" + parts[0] + "' is not NAME=value.");
        }
        env.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
      if (!Files.isRegularFile(Path.of(parts[1]))) {
        throw new IllegalArgumentException(
            "The deployment jar of variant '"
                + parts[0]
                + "' does not exist: "
                + parts[1]
                + ". Build it first (bench/aws/run.sh does).");
      }
      return new Variant(parts[0], parts[1], parts[2], Map.copyOf(env));
    }
  }

  /**
   * Runs the benchmark.
   *
   * @param args runs, the runtime client's class path, then the variants
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      throw new IllegalArgumentException(
          "Usage: ColdStartBenchmark <runs> <runtime-client-classpath> <variant>...");
    }
    int runs = Integer.parseInt(args[0]);
    String clientClasspath = args[1];
    List<Variant> variants = new ArrayList<>();
    for (String spec : Arrays.asList(args).subList(2, args.length)) {
      variants.add(Variant.parse(spec));
    }
    byte[] event;
    try (InputStream in =
        ColdStartBenchmark.class.getResourceAsStream("/events/http-api-v2-hello.json")) {
      event = in.readAllBytes();
    }
    Path logs = Files.createTempDirectory("anyfn-cold-start");
    Map<String, List<Double>> millis = new LinkedHashMap<>();
    variants.forEach(v -> millis.put(v.name(), new ArrayList<>()));
    for (int run = 0; run < runs; run++) {
      for (int i = 0; i < variants.size(); i++) {
        Variant v = variants.get((run + i) % variants.size());
        Path log = logs.resolve(v.name() + ".log");
        double ms = launch(v, clientClasspath, event, "cold-" + run, log);
        millis.get(v.name()).add(ms);
        System.err.printf("run %d %-12s %.0f ms%n", run, v.name(), ms);
      }
    }
    for (Map.Entry<String, List<Double>> e : millis.entrySet()) {
      List<Double> sorted = e.getValue().stream().sorted().toList();
      System.out.printf(
          "%s %.1f %.1f %d%n",
          e.getKey(), percentile(sorted, 50), percentile(sorted, 90), sorted.size());
    }
  }

  /** Nearest-rank percentile of sorted values. */
  static double percentile(List<Double> sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  /**
   * The first post, failing at once (not after the timeout) when the runtime reports an init error
   * or the child JVM exits.
   */
  private static RuntimeApiServer.Posted await(
      Variant v,
      CompletableFuture<RuntimeApiServer.Posted> posted,
      RuntimeApiServer api,
      Process child,
      Path log)
      throws Exception {
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (System.nanoTime() < giveUp) {
      try {
        return posted.get(50, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (api.initError.isDone() || !child.isAlive()) {
          break;
        }
      }
    }
    throw new IllegalStateException(
        v.name()
            + " posted no response"
            + (child.isAlive() ? " within " + WAIT_SECONDS + " s" : " and exited")
            + ". Init error: "
            + api.initError.getNow("none")
            + ". Child output:\n"
            + Files.readString(log, StandardCharsets.UTF_8));
  }

  /** Milliseconds from launching the JVM to the first response post. */
  private static double launch(
      Variant v, String clientClasspath, byte[] event, String requestId, Path log)
      throws Exception {
    try (RuntimeApiServer api = new RuntimeApiServer()) {
      CompletableFuture<RuntimeApiServer.Posted> posted =
          api.enqueue(requestId, event, 30_000, "Root=1-5e6722a7-cc56xmpl46db7ae02d4da47e");
      // Stamped on the server thread that receives the post, not when this thread wakes up.
      CompletableFuture<Long> postedAt = posted.thenApply(p -> System.nanoTime());
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(JVM_FLAGS);
      command.add("-cp");
      command.add(v.jar() + java.io.File.pathSeparator + clientClasspath);
      command.add("com.amazonaws.services.lambda.runtime.api.client.AWSLambda");
      command.add(v.handler());
      ProcessBuilder pb = new ProcessBuilder(command);
      pb.environment().put("AWS_LAMBDA_RUNTIME_API", api.address());
      pb.environment().put("AWS_LAMBDA_FUNCTION_NAME", "hello");
      pb.environment().put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
      pb.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
      pb.environment().putAll(v.environment());
      pb.redirectErrorStream(true).redirectOutput(log.toFile());
      long start = System.nanoTime();
      Process child = pb.start();
      try {
        RuntimeApiServer.Posted answer = await(v, posted, api, child, log);
        long end = postedAt.get();
        if (answer.isError() || !answer.body().contains("hello")) {
          throw new IllegalStateException(
              v.name()
                  + " posted "
                  + answer.kind()
                  + " '"
                  + answer.body()
                  + "'; expected a response with the body hello. Child output:\n"
                  + Files.readString(log, StandardCharsets.UTF_8));
        }
        return (end - start) / 1e6;
      } finally {
        child.destroy();
        if (!child.waitFor(10, TimeUnit.SECONDS)) {
          child.destroyForcibly().waitFor();
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Could not launch " + v.name() + ": " + e.getMessage(), e);
    }
  }
}
