package dev.anyfn.gcp;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Google's real invoker ({@code com.google.cloud.functions.invoker.runner.Invoker}) in a child JVM,
 * launched from its own jar like on Google, with this module's test class path as the function
 * class path, an entry point and an environment. Tests talk to it on loopback.
 */
final class InvokerProcess implements AutoCloseable {
  private final Process process;
  private final int port;
  private final Path output;

  private InvokerProcess(Process process, int port, Path output) {
    this.process = process;
    this.port = port;
    this.output = output;
  }

  /** Starts the invoker; returns once it accepts connections. */
  static InvokerProcess start(String target, Map<String, String> env, Path output)
      throws IOException, InterruptedException {
    String invokerJar = System.getProperty("anyfn.gcp.invokerJar");
    if (invokerJar == null || !Files.isRegularFile(Path.of(invokerJar))) {
      throw new IllegalStateException(
          "System property anyfn.gcp.invokerJar does not name the invoker jar: " + invokerJar);
    }
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-Xmx192m", "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
    command.addAll(List.of("-cp", invokerJar, "com.google.cloud.functions.invoker.runner.Invoker"));
    command.addAll(List.of("--port", Integer.toString(port), "--target", target));
    command.addAll(List.of("--classpath", System.getProperty("java.class.path")));
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("ANYFN_"));
    pb.environment().putAll(env);
    InvokerProcess invoker = new InvokerProcess(pb.start(), port, output);
    invoker.awaitListening(Duration.ofSeconds(40));
    return invoker;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private void awaitListening(Duration timeout) throws IOException, InterruptedException {
    Instant end = Instant.now().plus(timeout);
    while (Instant.now().isBefore(end)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "The invoker exited with " + process.exitValue() + ":\n" + output());
      }
      try {
        new Socket(java.net.InetAddress.getLoopbackAddress(), port).close();
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    close();
    throw new IllegalStateException(
        "The invoker did not listen within " + timeout + ":\n" + output());
  }

  /** {@code http://127.0.0.1:<port>}. */
  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** What the invoker and the function printed so far. */
  String output() throws IOException {
    return Files.exists(output) ? Files.readString(output) : "";
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
