package dev.anyfn.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where {@code anyfn:package} put this module's deployables, and the runtimes' jars, from the
 * system properties the failsafe configuration sets.
 */
final class Packaged {
  private Packaged() {}

  static Path target() {
    return Path.of(property("anyfn.it.target"));
  }

  static Path awsJar() {
    return existing(target().resolve(property("anyfn.it.artifactId") + "-aws.jar"));
  }

  static Path gcpJar() {
    return existing(target().resolve(property("anyfn.it.artifactId") + "-gcp.jar"));
  }

  static Path samTemplate() {
    return existing(target().resolve("anyfn/aws/template.yaml"));
  }

  static Path deployScript() {
    return existing(target().resolve("anyfn/gcp/deploy.sh"));
  }

  /** The journal the fulfilment function appends to, emptied for a fresh test class. */
  static Path freshJournal() throws IOException {
    Path journal = Path.of(property("anyfn.it.journal"));
    Files.deleteIfExists(journal);
    return journal;
  }

  /** The journal lines that contain {@code token}, in the order they were written. */
  static List<String> journalLines(Path journal, String token) throws IOException {
    if (!Files.exists(journal)) {
      return List.of();
    }
    return Files.readAllLines(journal).stream().filter(l -> l.contains(token)).toList();
  }

  /** AWS's runtime interface client and its own dependencies, as a class path. */
  static String runtimeInterfaceClientClasspath() {
    return property("anyfn.it.ricClasspath");
  }

  static Path invokerJar() {
    return existing(Path.of(property("anyfn.it.invokerJar")));
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank() || value.startsWith("${")) {
      throw new IllegalStateException(
          "System property "
              + name
              + " is '"
              + value
              + "'; expected the failsafe configuration of integration-tests/pom.xml to set it."
              + " Run these tests with: mvn -pl integration-tests verify");
    }
    return value;
  }

  private static Path existing(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          file
              + " does not exist; expected anyfn:package to have written it in the package phase.");
    }
    return file;
  }
}
