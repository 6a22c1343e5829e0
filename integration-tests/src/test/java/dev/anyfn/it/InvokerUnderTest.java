package dev.anyfn.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One deployment of the deploy script running as Google runs it: {@code java -jar
 * java-function-invoker-2.0.0.jar} in a child JVM, with the jars of the deployment's {@code
 * --source} directory (what gcloud uploads) as the function class path, its {@code --entry-point}
 * as the target and its {@code --set-env-vars} as the environment, on a free loopback port.
 */
final class InvokerUnderTest implements AutoCloseable {
  private final ChildJvm child;
  private final int port;

  private InvokerUnderTest(ChildJvm child, int port) {
    this.child = child;
    this.port = port;
  }

  static InvokerUnderTest start(DeployScriptRun.Deployment deployment, Path work)
      throws IOException, InterruptedException {
    int port = ChildJvm.freePort();
    ChildJvm child =
        ChildJvm.start(
            deployment.name(),
            List.of(
                "-jar",
                Packaged.invokerJar().toString(),
                "--classpath",
                sourceClasspath(deployment.source()),
                "--target",
                deployment.entryPoint(),
                "--port",
                Integer.toString(port)),
            deployment.environment(),
            work.resolve(deployment.name()));
    try {
      child.awaitListening(port, Duration.ofSeconds(60));
    } catch (IOException | RuntimeException | InterruptedException e) {
      child.close();
      throw e;
    }
    return new InvokerUnderTest(child, port);
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
    return "http://127.0.0.1:" + port + path;
  }

  String output() {
    return child.output();
  }

  @Override
  public void close() {
    child.close();
  }
}
