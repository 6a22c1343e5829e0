package dev.anyfn.gcp.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** Google's invoker running an {@link InvokerCommand} in a child JVM on a free loopback port. */
public final class InvokerJvm implements AutoCloseable {
  private final ChildJvm jvm;
  private final int port;

  private InvokerJvm(ChildJvm jvm, int port) {
    this.jvm = jvm;
    this.port = port;
  }

  /**
   * Starts the invoker in {@code directory} (output in {@code <directory>/<name>.out}); does not
   * wait for it to listen.
   */
  public static InvokerJvm launch(String name, InvokerCommand command, Path directory)
      throws IOException {
    int port = ChildJvm.freePort();
    return new InvokerJvm(
        ChildJvm.start(name, command.arguments(port), command.environment(), directory), port);
  }

  /**
   * Starts the invoker and returns once it accepts connections.
   *
   * @throws IllegalStateException when it exits or does not listen within {@code timeout}; it holds
   *     the invoker's output, and the invoker is stopped
   */
  public static InvokerJvm start(
      String name, InvokerCommand command, Path directory, Duration timeout)
      throws IOException, InterruptedException {
    InvokerJvm invoker = launch(name, command, directory);
    try {
      invoker.jvm.awaitListening(invoker.port, timeout);
    } catch (RuntimeException | InterruptedException e) {
      invoker.close();
      throw e;
    }
    return invoker;
  }

  /** The child JVM: its output, CPU time, start time. */
  public ChildJvm jvm() {
    return jvm;
  }

  public int port() {
    return port;
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** {@code http://127.0.0.1:<port><path>}. */
  public URI uri(String path) {
    return URI.create(baseUrl() + path);
  }

  /** Everything the invoker and the function printed so far. */
  public String output() throws IOException {
    return jvm.output();
  }

  @Override
  public void close() {
    jvm.close();
  }
}
