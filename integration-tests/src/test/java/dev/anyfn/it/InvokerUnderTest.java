package dev.anyfn.it;

import dev.anyfn.gcp.testing.ChildJvm;
import dev.anyfn.gcp.testing.GcloudDeploy;
import dev.anyfn.gcp.testing.InvokerCommand;
import dev.anyfn.gcp.testing.InvokerJvm;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One deployment of the deploy script running as Google runs it: {@code java -jar
 * java-function-invoker-2.0.0.jar} in a child JVM, with the jars of the deployment's {@code
 * --source} directory (what gcloud uploads) as the function class path, its {@code --entry-point}
 * as the target and its {@code --set-env-vars} as the environment, on a free loopback port.
 */
final class InvokerUnderTest implements AutoCloseable {
  private final InvokerJvm invoker;

  private InvokerUnderTest(InvokerJvm invoker) {
    this.invoker = invoker;
  }

  static InvokerUnderTest start(GcloudDeploy deployment, Path work)
      throws IOException, InterruptedException {
    return start(deployment, work, Map.of());
  }

  /** As {@link #start(GcloudDeploy, Path)}, with {@code more} variables in its environment. */
  static InvokerUnderTest start(GcloudDeploy deployment, Path work, Map<String, String> more)
      throws IOException, InterruptedException {
    InvokerCommand command =
        InvokerCommand.of(
            Packaged.invokerJar(),
            ChildJvm.SMALL,
            deployment,
            sourceClasspath(deployment.source()));
    for (Map.Entry<String, String> variable : more.entrySet()) {
      command = command.withVariable(variable.getKey(), variable.getValue());
    }
    return new InvokerUnderTest(
        InvokerJvm.start(
            deployment.name(), command, work.resolve(deployment.name()), Duration.ofSeconds(60)));
  }

  /** Every jar of the source directory: Google builds the function's class path from them. */
  static String sourceClasspath(Path source) throws IOException {
    List<String> jars = new ArrayList<>();
    try (Stream<Path> files = Files.list(source)) {
      files
          .filter(f -> f.toString().endsWith(".jar"))
          .sorted()
          .forEach(f -> jars.add(f.toString()));
    }
    if (jars.isEmpty()) {
      throw new IllegalStateException("The deployment source " + source + " holds no jar.");
    }
    return String.join(File.pathSeparator, jars);
  }

  String url(String path) {
    return invoker.baseUrl() + path;
  }

  /** The tail of what the invoker printed, headed by its name: for failure messages. */
  String output() {
    return invoker.jvm().outputTail();
  }

  @Override
  public void close() {
    invoker.close();
  }
}
