package dev.anyfn.local.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Throughput and p99 latency of {@link HelloFunction} on the emulator (full instance pool, gcp
 * profile with 80 concurrent requests per instance, as Cloud Run serves a function deployed with
 * {@code --concurrency 80} and a whole vCPU, up to 10 instances) against Google's
 * java-function-invoker 2.0.0 serving the equivalent {@link HelloHttpFunction}, each in its own
 * JVM, over keep-alive HTTP/1.1 on loopback, loaded by wrk when it is on the PATH (a load generator
 * in C that costs the 2-core machine little), else by a Java load generator in this JVM ({@code
 * --load java}); plus the time from process start to the first 200. The servers take turns for
 * {@code --rounds} rounds (a fresh JVM each round) and the medians are compared, so that load from
 * elsewhere on the machine hits both alike. {@code --compare-classes DIR} adds a third server: the
 * emulator with the classes in {@code DIR} (an earlier build of adapter-local's target/classes)
 * ahead of its own, to measure a change against its baseline in the same run. Each server is loaded
 * for {@code --warmup} seconds (10 by default: after 2 the JIT compilers are still busy) before the
 * measured window; the time to the first 200 is taken on the cold JVM before that. The emulator
 * runs on this JVM's class path; the invoker loads {@link HelloHttpFunction} from {@code
 * --invoker-classpath} (by default where this class was loaded from). Run {@code bench/local/run.sh
 * throughput [options]}, or by hand from bench/local after {@code mvn package}:
 *
 * <pre>
 * java -cp target/benchmarks.jar dev.anyfn.local.bench.ThroughputBench \
 *     --invoker-jar target/invoker/java-function-invoker.jar --invoker-classpath target/classes \
 *     [--connections 32] [--seconds 5] [--rounds 3] [--warmup 10] [--compare-classes DIR]
 *     [--load wrk|java]
 * </pre>
 *
 * Server logs go to {@code target/bench-<port>.log} under the working directory.
 */
public final class ThroughputBench {
  /**
   * By name: the class implements Google's HttpFunction, which only the invoker supplies at run
   * time, so this JVM must not load it.
   */
  private static final String HELLO_HTTP_FUNCTION = "dev.anyfn.local.bench.HelloHttpFunction";

  private ThroughputBench() {}

  /**
   * One server's figures. {@code cpuMicrosPerRequest} is the server process's CPU time (user and
   * system) over the measured window divided by the requests it answered: less sensitive to other
   * load on the machine than throughput, which is what the ratios compare.
   */
  record Result(
      String name,
      double requestsPerSecond,
      double p99Millis,
      long startMillis,
      double cpuMicrosPerRequest) {}

  record Server(String name, List<String> command, int port, String path) {}

  public static void main(String[] args) throws Exception {
    int connections = 32;
    int seconds = 5;
    int rounds = 3;
    int warmup = 10;
    String compareClasses = null;
    String loader = onPath("wrk") ? "wrk" : "java";
    String invokerClasspath = null;
    String invokerJar =
        System.getProperty("user.home")
            + "/.m2/repository/com/google/cloud/functions/invoker/java-function-invoker/2.0.0/"
            + "java-function-invoker-2.0.0.jar";
    for (int i = 0; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Option " + args[i] + " needs a value.");
      }
      switch (args[i]) {
        case "--connections" -> connections = Integer.parseInt(args[i + 1]);
        case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--invoker-jar" -> invokerJar = args[i + 1];
        case "--invoker-classpath" -> invokerClasspath = args[i + 1];
        case "--compare-classes" -> compareClasses = args[i + 1];
        case "--load" -> loader = args[i + 1];
        case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
        default ->
            throw new IllegalArgumentException(
                "Unknown option "
                    + args[i]
                    + "; expected --connections, --seconds, --rounds, --invoker-jar,"
                    + " --invoker-classpath, --compare-classes, --load or --warmup.");
      }
    }
    if (!loader.equals("wrk") && !loader.equals("java")) {
      throw new IllegalArgumentException(
          "--load " + loader + ": expected wrk (the default when wrk is on the PATH) or java.");
    }
    if (loader.equals("wrk") && !onPath("wrk")) {
      throw new IllegalArgumentException(
          "--load wrk: no wrk on the PATH; install it (Debian: apt-get install wrk) or pass --load"
              + " java.");
    }
    System.out.printf(
        Locale.ROOT,
        "load: %s, %d connections, %d s warm-up then %d s measured per server per round%n",
        loader.equals("wrk") ? "wrk (1 thread)" : "Java load generator (a thread per connection)",
        connections,
        warmup,
        seconds);
    if (!new File(invokerJar).isFile()) {
      throw new IllegalArgumentException(
          "No invoker jar at "
              + invokerJar
              + "; fetch it with mvn dependency:get"
              + " -Dartifact=com.google.cloud.functions.invoker:java-function-invoker:2.0.0"
              + " or pass --invoker-jar PATH.");
    }
    String classpath = System.getProperty("java.class.path");
    if (invokerClasspath == null) {
      invokerClasspath =
          Path.of(ThroughputBench.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toString();
    }
    if (!new File(invokerClasspath).exists()) {
      throw new IllegalArgumentException(
          "No class path for the invoker at "
              + invokerClasspath
              + "; pass --invoker-classpath with the directory or jar that holds "
              + HELLO_HTTP_FUNCTION
              + " (bench/local/target/classes after mvn package).");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    List<Server> servers = new ArrayList<>();
    servers.add(emulator("anyfn emulator", java, classpath, 18081));
    servers.add(
        new Server(
            "java-function-invoker 2.0.0",
            List.of(
                java,
                "-jar",
                invokerJar,
                "--classpath",
                invokerClasspath,
                "--target",
                HELLO_HTTP_FUNCTION,
                "--port",
                "18082"),
            18082,
            "/"));
    if (compareClasses != null) {
      if (!new File(compareClasses, "dev/anyfn/local/EmulatorMain.class").isFile()) {
        throw new IllegalArgumentException(
            "--compare-classes "
                + compareClasses
                + " holds no dev/anyfn/local/EmulatorMain.class; pass an earlier build's"
                + " adapter-local/target/classes.");
      }
      servers.add(
          emulator(
              "emulator (" + compareClasses + ")",
              java,
              compareClasses + File.pathSeparator + classpath,
              18083));
    }

    Map<String, List<Result>> results = new LinkedHashMap<>();
    for (int round = 1; round <= rounds; round++) {
      System.out.printf(Locale.ROOT, "round %d of %d%n", round, rounds);
      for (Server s : servers) {
        results
            .computeIfAbsent(s.name(), k -> new ArrayList<>())
            .add(run(s, connections, warmup, seconds, loader.equals("wrk")));
      }
    }
    System.out.printf(Locale.ROOT, "%nmedians of %d rounds:%n", rounds);
    Map<String, Result> medians = new LinkedHashMap<>();
    results.forEach((name, list) -> medians.put(name, median(name, list)));
    medians.values().forEach(ThroughputBench::print);
    Result invoker = medians.get(servers.get(1).name());
    for (Server s : servers) {
      if (s == servers.get(1)) {
        continue;
      }
      Result r = medians.get(s.name());
      System.out.printf(
          Locale.ROOT,
          "%n%s / invoker: throughput %.2fx, p99 %.2fx, start-to-first-200 %.2fx,"
              + " CPU per request %.2fx%n",
          s.name(),
          r.requestsPerSecond() / invoker.requestsPerSecond(),
          r.p99Millis() / invoker.p99Millis(),
          (double) r.startMillis() / invoker.startMillis(),
          r.cpuMicrosPerRequest() / invoker.cpuMicrosPerRequest());
    }
  }

  private static Server emulator(String name, String java, String classpath, int port) {
    return new Server(
        name,
        List.of(
            java,
            "-cp",
            classpath,
            "dev.anyfn.local.EmulatorMain",
            "--port",
            String.valueOf(port),
            "--idle-timeout",
            "10m",
            "--profile",
            "gcp",
            "--concurrency",
            "80"),
        port,
        "/hello");
  }

  private static Result median(String name, List<Result> list) {
    double[] rps = list.stream().mapToDouble(Result::requestsPerSecond).sorted().toArray();
    double[] p99 = list.stream().mapToDouble(Result::p99Millis).sorted().toArray();
    long[] start = list.stream().mapToLong(Result::startMillis).sorted().toArray();
    double[] cpu = list.stream().mapToDouble(Result::cpuMicrosPerRequest).sorted().toArray();
    int m = list.size() / 2;
    return new Result(name, rps[m], p99[m], start[m], cpu[m]);
  }

  private static void print(Result r) {
    System.out.printf(
        Locale.ROOT,
        "%-36s %8.0f req/s  p99 %6.2f ms  first 200 after %5d ms  CPU %6.1f us/request%n",
        r.name(),
        r.requestsPerSecond(),
        r.p99Millis(),
        r.startMillis(),
        r.cpuMicrosPerRequest());
  }

  private static Result run(Server server, int connections, int warmup, int seconds, boolean wrk)
      throws Exception {
    long t0 = System.nanoTime();
    Process process =
        new ProcessBuilder(server.command())
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(
                    new File("target/bench-" + server.port() + ".log")))
            .start();
    try {
      long start = awaitFirst200(server.port(), server.path(), t0);
      Result r;
      if (wrk) {
        if (warmup > 0) {
          wrk(server.port(), server.path(), connections, warmup);
        }
        long cpu0 = cpuNanos(process);
        double[] measured = wrk(server.port(), server.path(), connections, seconds);
        long cpu = cpuNanos(process) - cpu0;
        double requests = measured[0] * seconds;
        r =
            new Result(
                server.name(),
                measured[0],
                measured[1],
                start,
                requests == 0 ? 0 : cpu / 1000.0 / requests);
      } else {
        if (warmup > 0) {
          load(server.port(), server.path(), connections, warmup);
        }
        long[][] latencies = new long[connections][];
        long cpu0 = cpuNanos(process);
        long count = load(server.port(), server.path(), connections, seconds, latencies);
        long cpu = cpuNanos(process) - cpu0;
        long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        double p99 = all.length == 0 ? 0 : all[(int) Math.ceil(all.length * 0.99) - 1] / 1e6;
        r =
            new Result(
                server.name(),
                count / (double) seconds,
                p99,
                start,
                count == 0 ? 0 : cpu / 1000.0 / count);
      }
      print(r);
      return r;
    } finally {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (new File(dir, command).canExecute()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs wrk (one thread, keep-alive) for {@code seconds}; returns requests per second and the p99
   * latency in milliseconds. Fails when any answer was not a 2xx or 3xx, or a socket failed.
   */
  static double[] wrk(int port, String path, int connections, int seconds) throws Exception {
    Process p =
        new ProcessBuilder(
                "wrk",
                "-t1",
                "-c" + connections,
                "-d" + seconds + "s",
                "--latency",
                "http://127.0.0.1:" + port + path)
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("wrk failed:\n" + out);
    }
    return parseWrk(out);
  }

  /** Requests per second and p99 in milliseconds from wrk's {@code --latency} report. */
  static double[] parseWrk(String out) {
    if (out.contains("Non-2xx or 3xx responses") || out.contains("Socket errors")) {
      throw new IllegalStateException("wrk saw failed requests under load:\n" + out);
    }
    double rps = Double.NaN;
    double p99 = Double.NaN;
    for (String line : out.split("\n")) {
      String t = line.strip();
      if (t.startsWith("Requests/sec:")) {
        rps = Double.parseDouble(t.substring("Requests/sec:".length()).strip());
      } else if (t.startsWith("99%")) {
        p99 = millis(t.substring(3).strip());
      }
    }
    if (Double.isNaN(rps) || Double.isNaN(p99)) {
      throw new IllegalStateException("Cannot read wrk's report:\n" + out);
    }
    return new double[] {rps, p99};
  }

  /** A wrk duration such as {@code 812.00us}, {@code 1.38ms} or {@code 1.02s}, in milliseconds. */
  static double millis(String duration) {
    if (duration.endsWith("us")) {
      return Double.parseDouble(duration.substring(0, duration.length() - 2)) / 1000;
    }
    if (duration.endsWith("ms")) {
      return Double.parseDouble(duration.substring(0, duration.length() - 2));
    }
    if (duration.endsWith("m")) {
      return Double.parseDouble(duration.substring(0, duration.length() - 1)) * 60_000;
    }
    if (duration.endsWith("s")) {
      return Double.parseDouble(duration.substring(0, duration.length() - 1)) * 1000;
    }
    throw new IllegalArgumentException("Not a wrk duration: " + duration);
  }

  private static long cpuNanos(Process process) {
    return process
        .info()
        .totalCpuDuration()
        .orElseThrow(() -> new IllegalStateException("The OS does not report process CPU time"))
        .toNanos();
  }

  private static long awaitFirst200(int port, String path, long t0) throws InterruptedException {
    while (true) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        if (request(
                s.getOutputStream(), s.getInputStream(), path.getBytes(StandardCharsets.US_ASCII))
            == 200) {
          return (System.nanoTime() - t0) / 1_000_000;
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(60)) {
        throw new IllegalStateException("No 200 on port " + port + " within 60 s");
      }
      Thread.sleep(5);
    }
  }

  private static long load(int port, String path, int connections, int seconds) throws Exception {
    return load(port, path, connections, seconds, new long[connections][]);
  }

  /** Each connection sends requests back to back for {@code seconds}; returns the total. */
  private static long load(int port, String path, int connections, int seconds, long[][] latencies)
      throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    byte[] pathBytes = path.getBytes(StandardCharsets.US_ASCII);
    List<Thread> threads = new ArrayList<>();
    long[] counts = new long[connections];
    for (int c = 0; c < connections; c++) {
      int id = c;
      Thread t =
          new Thread(
              () -> {
                long[] lat = new long[1 << 20];
                int n = 0;
                try (Socket s = new Socket("127.0.0.1", port)) {
                  s.setTcpNoDelay(true);
                  OutputStream out = new java.io.BufferedOutputStream(s.getOutputStream());
                  InputStream in = new java.io.BufferedInputStream(s.getInputStream());
                  while (System.nanoTime() < end && n < lat.length) {
                    long t1 = System.nanoTime();
                    int status = request(out, in, pathBytes);
                    if (status != 200) {
                      throw new IllegalStateException("answer " + status + " under load");
                    }
                    lat[n++] = System.nanoTime() - t1;
                  }
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
                counts[id] = n;
                latencies[id] = Arrays.copyOf(lat, n);
              });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    return Arrays.stream(counts).sum();
  }

  /** One keep-alive GET; returns the status after reading the whole response. */
  private static int request(OutputStream out, InputStream in, byte[] path) throws IOException {
    out.write("GET ".getBytes(StandardCharsets.US_ASCII));
    out.write(path);
    out.write(" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    StringBuilder head = new StringBuilder();
    while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed");
      }
      head.append((char) b);
    }
    String h = head.toString().toLowerCase(Locale.ROOT);
    int status = Integer.parseInt(h.substring(9, 12));
    int i = h.indexOf("content-length:");
    if (i >= 0) {
      int len = Integer.parseInt(h.substring(i + 15, h.indexOf("\r\n", i)).trim());
      in.readNBytes(len);
    } else if (h.contains("transfer-encoding: chunked")) {
      readChunked(in);
    }
    return status;
  }

  private static void readChunked(InputStream in) throws IOException {
    while (true) {
      StringBuilder line = new StringBuilder();
      int b;
      while ((b = in.read()) != '\n') {
        if (b < 0) {
          throw new IOException("connection closed");
        }
        line.append((char) b);
      }
      int size = Integer.parseInt(line.toString().trim(), 16);
      in.readNBytes(size + 2);
      if (size == 0) {
        return;
      }
    }
  }
}
