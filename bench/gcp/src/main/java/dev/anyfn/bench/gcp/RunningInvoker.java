package dev.anyfn.bench.gcp;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Google's invoker in a child JVM, started the way Google starts it: from its own jar, with {@code
 * --classpath <deployed jar> --target <entry point>} and the deployment's environment.
 */
final class RunningInvoker implements AutoCloseable {
  private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);

  private final Process process;
  private final Path log;
  private final URI hello;
  private final long launchedNanos;

  private RunningInvoker(Process process, Path log, URI hello, long launchedNanos) {
    this.process = process;
    this.log = log;
    this.hello = hello;
    this.launchedNanos = launchedNanos;
  }

  /** Launches the invoker for {@code deployment} on a free port; does not wait for it. */
  static RunningInvoker launch(Path invokerJar, Deployment deployment, List<String> jvmArgs)
      throws IOException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.addAll(List.of("-jar", invokerJar.toString()));
    command.addAll(List.of("--port", Integer.toString(port)));
    command.addAll(List.of("--target", deployment.target()));
    command.addAll(List.of("--classpath", deployment.jar().toString()));
    Path log = Files.createTempFile("anyfn-gcp-bench-" + deployment.label() + "-", ".log");
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("ANYFN_"));
    pb.environment().putAll(deployment.environment());
    long launched = System.nanoTime();
    Process process = pb.start();
    return new RunningInvoker(
        process, log, URI.create("http://127.0.0.1:" + port + "/hello"), launched);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  URI hello() {
    return hello;
  }

  /**
   * A cold start: wall-clock time from launch to the first 200, and the CPU time the process had
   * used by then (less disturbed than wall-clock time by other work on a busy machine).
   */
  record ColdStart(double wallMillis, double cpuMillis) {}

  /**
   * Polls {@code GET /hello} every {@code pollMillis} until it answers 200; returns the time from
   * launch to that answer and the CPU time the process used until then.
   *
   * @throws IllegalStateException when the process exits, answers something else, or does not
   *     answer within a minute; the message holds its output
   */
  ColdStart awaitFirst200(HttpClient client, int pollMillis)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(hello).timeout(Duration.ofSeconds(5)).build();
    long deadline = launchedNanos + STARTUP_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw failure("exited with " + process.exitValue() + " before answering");
      }
      try {
        int status = client.send(request, BodyHandlers.discarding()).statusCode();
        if (status == 200) {
          double wall = (System.nanoTime() - launchedNanos) / 1e6;
          Duration cpu =
              process
                  .info()
                  .totalCpuDuration()
                  .orElseThrow(
                      () ->
                          new IllegalStateException(
                              "This platform does not report a process's CPU time."));
          return new ColdStart(wall, cpu.toNanos() / 1e6);
        }
        throw failure("answered " + status + " instead of 200");
      } catch (ConnectException | HttpTimeoutException notListeningYet) {
        Thread.sleep(pollMillis);
      }
    }
    throw failure("did not answer 200 within " + STARTUP_LIMIT.toSeconds() + " s");
  }

  IllegalStateException failure(String what) throws IOException {
    return new IllegalStateException(
        "The invoker at " + hello + " " + what + ". Its output (" + log + "):\n" + output());
  }

  private String output() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  /** Stops the process (forcibly after 10 s) and deletes its log. */
  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    Files.deleteIfExists(log);
  }
}
