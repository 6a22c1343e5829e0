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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Throughput and p99 latency of a hello-world function on the emulator (full instance pool, gcp
 * profile: 80 concurrent requests per instance, up to the fixture's 10 instances) against Google's
 * java-function-invoker 2.0.0 serving the equivalent {@link HelloHttpFunction}, side by side in one
 * run, each in its own JVM, over keep-alive HTTP/1.1 on loopback. Also the time from process start
 * to the first 200. Not run by the tests:
 *
 * <pre>
 * mvn -f adapter-local/pom.xml test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.anyfn.local.bench.ThroughputBench \
 *     [--connections 32] [--seconds 5] [--invoker-jar PATH]
 * </pre>
 */
public final class ThroughputBench {
  private ThroughputBench() {}

  record Result(String name, double requestsPerSecond, double p99Millis, long startMillis) {}

  public static void main(String[] args) throws Exception {
    int connections = 32;
    int seconds = 5;
    String invokerJar =
        System.getProperty("user.home")
            + "/.m2/repository/com/google/cloud/functions/invoker/java-function-invoker/2.0.0/"
            + "java-function-invoker-2.0.0.jar";
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--connections" -> connections = Integer.parseInt(args[i + 1]);
        case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
        case "--invoker-jar" -> invokerJar = args[i + 1];
        default -> throw new IllegalArgumentException("Unknown option " + args[i]);
      }
    }
    String classpath = System.getProperty("java.class.path");
    String testClasses = findTestClasses(classpath);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    Result emulator =
        run(
            "anyfn emulator",
            List.of(
                java,
                "-cp",
                classpath,
                "dev.anyfn.local.EmulatorMain",
                "--port",
                "18081",
                "--idle-timeout",
                "10m",
                "--profile",
                "gcp"),
            18081,
            "/hello",
            connections,
            seconds);
    Result invoker =
        run(
            "java-function-invoker 2.0.0",
            List.of(
                java,
                "-jar",
                invokerJar,
                "--classpath",
                testClasses,
                "--target",
                HelloHttpFunction.class.getName(),
                "--port",
                "18082"),
            18082,
            "/",
            connections,
            seconds);
    System.out.printf(
        Locale.ROOT,
        "%nthroughput ratio (emulator / invoker): %.2fx%np99 ratio (emulator / invoker): %.2fx%n"
            + "start-to-first-200 ratio: %.2fx%n",
        emulator.requestsPerSecond() / invoker.requestsPerSecond(),
        emulator.p99Millis() / invoker.p99Millis(),
        (double) emulator.startMillis() / invoker.startMillis());
  }

  private static String findTestClasses(String classpath) {
    for (String entry : classpath.split(File.pathSeparator)) {
      if (entry.endsWith("test-classes")) {
        return entry;
      }
    }
    throw new IllegalStateException("target/test-classes is not on the class path: " + classpath);
  }

  private static Result run(
      String name, List<String> command, int port, String path, int connections, int seconds)
      throws Exception {
    long t0 = System.nanoTime();
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(new File("target/bench-" + port + ".log")))
            .start();
    try {
      long start = awaitFirst200(port, path, t0);
      load(port, path, connections, 2); // warm-up
      long[][] latencies = new long[connections][];
      long count = load(port, path, connections, seconds, latencies);
      long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).toArray();
      Arrays.sort(all);
      double p99 = all.length == 0 ? 0 : all[(int) Math.ceil(all.length * 0.99) - 1] / 1e6;
      Result r = new Result(name, count / (double) seconds, p99, start);
      System.out.printf(
          Locale.ROOT,
          "%-30s %10.0f req/s   p99 %7.2f ms   first 200 after %5d ms%n",
          name,
          r.requestsPerSecond(),
          r.p99Millis(),
          r.startMillis());
      return r;
    } finally {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
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
