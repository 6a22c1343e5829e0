package dev.anyfn.core.packaging;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where and what a {@link ProviderPackager} writes.
 *
 * @param outputDirectory {@code target/anyfn/<provider>/}, created by the caller
 * @param projectDirectory the project's base directory
 * @param artifactId the project's artifactId
 * @param artifactPath the provider jar, e.g. {@code target/shop-aws.jar}
 * @param environment environment variables to set on every function
 * @param javaRelease the Java release the project's classes need ({@link JavaReleases})
 */
public record PackagingContext(
    Path outputDirectory,
    Path projectDirectory,
    String artifactId,
    Path artifactPath,
    Map<String, String> environment,
    int javaRelease) {
  /** Copies the map. */
  public PackagingContext {
    environment = Map.copyOf(environment);
  }

  /** A context for classes that need no more than {@link JavaReleases#MINIMUM}. */
  public PackagingContext(
      Path outputDirectory,
      Path projectDirectory,
      String artifactId,
      Path artifactPath,
      Map<String, String> environment) {
    this(
        outputDirectory,
        projectDirectory,
        artifactId,
        artifactPath,
        environment,
        JavaReleases.MINIMUM);
  }
}
