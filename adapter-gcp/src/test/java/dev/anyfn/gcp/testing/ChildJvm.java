package dev.anyfn.gcp.testing;

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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A program in its own JVM ({@code java} of the running JVM), in its own working directory, with
 * exactly the given environment on top of the inherited one minus any {@code ANYFN_*} variable of
 * the caller's own environment. Its output (stdout and stderr) goes to {@code
 * <directory>/<name>.out}.
 */
public final class ChildJvm implements AutoCloseable {
  /** Small, quickly started children: several run side by side on a 2-core machine. */
  public static final List<String> SMALL =
      List.of("-Xmx192m", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

  private static final int OUTPUT_TAIL = 8_000;

  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  private final String name;
  private final Process process;
  private final Path output;
  private final long startedNanos;

  private ChildJvm(String name, Process process, Path output, long startedNanos) {
    this.name = name;
    this.process = process;
    this.output = output;
    this.startedNanos = startedNanos;
  }

  /**
   * Starts {@code java <arguments>} in {@code directory} (created if absent); does not wait.
   *
   * @param name names the child in messages and its output file
   * @param arguments JVM options, then the main class or {@code -jar} and the program's arguments
   */
  public static ChildJvm start(
      String name, List<String> arguments, Map<String, String> environment, Path directory)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
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
    long started = System.nanoTime();
    return new ChildJvm(name, pb.start(), output, started);
  }

  /**
   * A loopback port nobody listens on right now, and one this JVM has not handed out before.
   *
   * <p>Google's invoker binds with {@code SO_REUSEPORT}: two invokers started side by side on the
   * same port would both listen, and the kernel would share the connections out between them, so a
   * request meant for one deployment could reach another. The kernel may hand the same free port to
   * two callers when the first has not bound it yet; remembering every port handed out prevents it.
   */
  public static int freePort() throws IOException {
    return unseen(
        () -> {
          try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
          }
        });
  }

  /** The first port of {@code ports} not handed out before by this JVM. */
  static int unseen(PortSource ports) throws IOException {
    for (int attempt = 0; attempt < 1_000; attempt++) {
      int port = ports.next();
      if (HANDED_OUT.add(port)) {
        return port;
      }
    }
    throw new IOException("No loopback port left that this JVM has not handed out already.");
  }

  /** Where {@link #unseen} takes its candidates from. */
  interface PortSource {
    int next() throws IOException;
  }

  /**
   * Returns once the child accepts connections on {@code port}.
   *
   * @throws IllegalStateException when it exits first or does not listen within {@code timeout}; it
   *     holds the tail of the child's output. The child is left running: close it.
   */
  public void awaitListening(int port, Duration timeout) throws InterruptedException {
    Instant end = Instant.now().plus(timeout);
    while (Instant.now().isBefore(end)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name + " exited with " + process.exitValue() + " before listening:\n" + outputTail());
      }
      try {
        new Socket(InetAddress.getLoopbackAddress(), port).close();
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException(
        name + " did not listen on port " + port + " within " + timeout + ":\n" + outputTail());
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The exit value, once the child has exited. */
  public Optional<Integer> exitValue() {
    return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
  }

  public String name() {
    return name;
  }

  /** {@link System#nanoTime()} just before the process was started. */
  public long startedNanos() {
    return startedNanos;
  }

  /** The CPU time the process has used so far, where the platform reports it. */
  public Optional<Duration> cpuTime() {
    return process.info().totalCpuDuration();
  }

  /** The file the child's output goes to. */
  public Path outputFile() {
    return output;
  }

  /** Everything the child printed so far ({@code ""} before it printed anything). */
  public String output() throws IOException {
    return Files.exists(output) ? Files.readString(output) : "";
  }

  /**
   * The last {@value #OUTPUT_TAIL} characters the child printed, headed by its name and file: for
   * failure messages, so it never throws.
   */
  public String outputTail() {
    try {
      String all = output();
      String tail = all.length() <= OUTPUT_TAIL ? all : all.substring(all.length() - OUTPUT_TAIL);
      return "---- output of " + name + " (" + output + ") ----\n" + tail;
    } catch (IOException e) {
      return "---- output of " + name + " unreadable: " + e + " ----";
    }
  }

  /**
   * Stops the child: destroy, then forcibly after 10 s; returns once it has exited or 20 s passed.
   */
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
