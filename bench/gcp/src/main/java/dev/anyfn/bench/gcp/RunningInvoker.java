package dev.anyfn.bench.gcp;

import dev.anyfn.gcp.testing.InvokerCommand;
import dev.anyfn.gcp.testing.InvokerJvm;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Google's invoker in a child JVM, started the way Google starts it: from its own jar, with {@code
 * --classpath <deployed jar> --target <entry point>} and the deployment's environment, in a fresh
 * temporary working directory (so paths in {@code --jvm-args} must be absolute).
 */
final class RunningInvoker implements AutoCloseable {
  private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);

  private final InvokerJvm invoker;
  private final Path directory;
  private final URI hello;

  private RunningInvoker(InvokerJvm invoker, Path directory) {
    this.invoker = invoker;
    this.directory = directory;
    this.hello = invoker.uri("/hello");
  }

  /** Launches the invoker for {@code deployment} on a free port; does not wait for it. */
  static RunningInvoker launch(Path invokerJar, Deployment deployment, List<String> jvmArgs)
      throws IOException {
    InvokerCommand command =
        new InvokerCommand(
            invokerJar.toAbsolutePath(),
            jvmArgs,
            deployment.target(),
            deployment.jar().toAbsolutePath().toString(),
            deployment.environment());
    Path directory = Files.createTempDirectory("anyfn-gcp-bench-" + deployment.label() + "-");
    return new RunningInvoker(InvokerJvm.launch(deployment.label(), command, directory), directory);
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
    long launchedNanos = invoker.jvm().startedNanos();
    long deadline = launchedNanos + STARTUP_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!invoker.jvm().isAlive()) {
        throw failure(
            "exited with " + invoker.jvm().exitValue().orElseThrow() + " before answering");
      }
      try {
        int status = client.send(request, BodyHandlers.discarding()).statusCode();
        if (status == 200) {
          double wall = (System.nanoTime() - launchedNanos) / 1e6;
          Duration cpu =
              invoker
                  .jvm()
                  .cpuTime()
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
        "The invoker at "
            + hello
            + " "
            + what
            + ". Its output ("
            + invoker.jvm().outputFile()
            + "):\n"
            + invoker.output());
  }

  /** Stops the process (forcibly after 10 s) and deletes its working directory and output. */
  @Override
  public void close() throws IOException {
    invoker.close();
    Deployment.deleteTree(directory);
  }
}
