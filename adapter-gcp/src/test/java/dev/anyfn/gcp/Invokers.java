package dev.anyfn.gcp;

import dev.anyfn.gcp.testing.ChildJvm;
import dev.anyfn.gcp.testing.InvokerCommand;
import dev.anyfn.gcp.testing.InvokerJvm;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Google's real invoker in a child JVM, launched from its own jar like on Google, with this
 * module's test class path as the function class path. Tests talk to it on loopback.
 */
final class Invokers {
  private Invokers() {}

  /**
   * Starts the invoker for {@code target} with {@code env}, its output in {@code <dir>/<name>.out};
   * returns once it accepts connections.
   */
  static InvokerJvm start(String name, String target, Map<String, String> env, Path dir)
      throws IOException, InterruptedException {
    String invokerJar = System.getProperty("anyfn.gcp.invokerJar");
    if (invokerJar == null) {
      throw new IllegalStateException(
          "System property anyfn.gcp.invokerJar is not set; expected the invoker jar, as this"
              + " module's surefire configuration sets it.");
    }
    InvokerCommand command =
        new InvokerCommand(
            Path.of(invokerJar),
            ChildJvm.SMALL,
            target,
            System.getProperty("java.class.path"),
            env);
    return InvokerJvm.start(name, command, dir, Duration.ofSeconds(40));
  }
}
