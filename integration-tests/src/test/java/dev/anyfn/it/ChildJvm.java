package dev.anyfn.it;

import java.io.IOException;
import java.net.InetAddress;
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
 * A runtime started in its own JVM ({@code java} of the JVM running the tests), in its own working
 * directory, with exactly the given environment on top of the inherited one (minus any {@code
 * ANYFN_*} variable of the build's own environment). Its output goes to a file that {@link
 * #output()} reads, for assertion messages.
 */
final class ChildJvm implements AutoCloseable {
  private static final int OUTPUT_TAIL = 8_000;

  private final String name;
  private final Process process;
  private final Path output;

  private ChildJvm(String name, Process process, Path output) {
    this.name = name;
    this.process = process;
    this.output = output;
  }

  static ChildJvm start(
      String name, List<String> arguments, Map<String, String> environment, Path directory)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // small, quickly started children: several run side by side on a 2-core machine
    command.addAll(List.of("-Xmx192m", "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
    command.addAll(arguments);
    Files.createDirectories(directory);
    Path output = directory.resolve(name + ".out");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("ANYFN_"));
    pb.environment().putAll(environment);
    return new ChildJvm(name, pb.start(), output);
  }

  /** A loopback port nobody listens on right now. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Returns once the child accepts connections on {@code port}; fails with its output if not. */
  void awaitListening(int port, Duration timeout) throws IOException, InterruptedException {
    Instant end = Instant.now().plus(timeout);
    while (Instant.now().isBefore(end)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + " before listening:\n" + output());
      }
      try {
        new Socket(InetAddress.getLoopbackAddress(), port).close();
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException(
        name + " did not listen on port " + port + " within " + timeout + ":\n" + output());
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String name() {
    return name;
  }

  /** The last {@value #OUTPUT_TAIL} characters the child printed, headed by its name and file. */
  String output() {
    try {
      String all = Files.readString(output);
      String tail = all.length() <= OUTPUT_TAIL ? all : all.substring(all.length() - OUTPUT_TAIL);
      return "---- output of " + name + " (" + output + ") ----\n" + tail;
    } catch (IOException e) {
      return "---- output of " + name + " unreadable: " + e + " ----";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
