package dev.anyfn.maven;

import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.packaging.OpenApiDocuments;
import dev.anyfn.core.packaging.PackagingContext;
import dev.anyfn.core.packaging.ProviderPackager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * Writes a project's deployable packages once {@code anyfn:package} has checked them: per provider,
 * {@code target/<artifactId>-<provider>.jar} (the project's classes, without the Azure entry
 * classes outside the Azure jar, and the dependencies chosen for it) with the entry timestamp
 * given, and the provider's descriptors under {@code target/anyfn/<provider>/}; then the OpenAPI
 * document beside them. Says in the build log where each went and how to deploy it. Holds only what
 * it is given; one instance serves one execution of {@code anyfn:package}, on that execution's
 * thread, as the Maven log it writes to is.
 */
final class PackageWriter {
  private final MavenProject project;
  private final Path classes;
  private final Path target;
  private final FunctionIndex index;
  private final Map<String, String> environment;
  private final int javaRelease;
  private final Instant timestamp;
  private final Log log;

  /**
   * A writer of {@code project}'s packages.
   *
   * @param classes the project's classes
   * @param target the build directory the packages go into
   * @param index the functions the packages deploy
   * @param environment the variables set on every deployed function
   * @param javaRelease the Java release the packaged classes need
   * @param timestamp the jars' entry timestamp
   */
  PackageWriter(
      MavenProject project,
      Path classes,
      Path target,
      FunctionIndex index,
      Map<String, String> environment,
      int javaRelease,
      Instant timestamp,
      Log log) {
    this.project = project;
    this.classes = classes;
    this.target = target;
    this.index = index;
    this.environment = environment;
    this.javaRelease = javaRelease;
    this.timestamp = timestamp;
    this.log = log;
  }

  /**
   * Writes {@code provider}'s jar, {@code target/<artifactId>-<provider>.jar}, of the project's
   * classes and {@code dependencies}, and its descriptors, and says where they are and how to
   * deploy them.
   *
   * @throws MojoFailureException when the packager refuses the jar (too large for the provider)
   * @throws MojoExecutionException when a file cannot be written
   */
  void write(String provider, ProviderPackager packager, List<Artifact> dependencies)
      throws MojoExecutionException, MojoFailureException {
    Path jar = jar(provider);
    writeJar(provider, packager, dependencies, jar);
    Path descriptors = descriptors(target, provider);
    try {
      Files.createDirectories(descriptors);
      packager.writeDescriptors(
          index,
          new PackagingContext(
              descriptors,
              project.getBasedir().toPath(),
              project.getArtifactId(),
              jar,
              environment,
              javaRelease));
    } catch (IOException e) {
      throw new MojoExecutionException(
          "Writing the " + provider + " descriptors into " + descriptors + " failed: " + e, e);
    }
    String shown = shown(descriptors);
    log.info("anyfn: " + provider + " -> " + shown(jar) + ", " + shown);
    packager.deployCommand(shown).ifPresent(command -> log.info("anyfn:   deploy: " + command));
  }

  private Path jar(String provider) {
    return target.resolve(project.getArtifactId() + "-" + provider + ".jar");
  }

  private void writeJar(
      String provider, ProviderPackager packager, List<Artifact> dependencies, Path jar)
      throws MojoExecutionException, MojoFailureException {
    FatJar fat = new FatJar(timestamp);
    try {
      fat.addDirectory(classes, name -> PackageMojo.belongsTo(provider, name));
      for (Artifact dependency : dependencies) {
        // a function module's jar holds its Azure entry classes, which only the Azure jar needs
        fat.addJar(
            dependency.getFile().toPath(),
            name -> PackageMojo.belongsTo(provider, name) && packager.keepsDependencyEntry(name));
      }
      Optional<String> tooLarge = packager.artifactProblem(fat.uncompressedSize());
      if (tooLarge.isPresent()) {
        throw new MojoFailureException(
            "anyfn cannot package for " + provider + ": " + tooLarge.get());
      }
      fat.writeTo(jar);
    } catch (IOException e) {
      throw new MojoExecutionException("Writing " + jar + " failed: " + e, e);
    }
    log.debug("anyfn: " + jar.getFileName() + " from " + fat.sources());
  }

  /**
   * Writes the OpenAPI document {@code provider}'s jar holds (the routes of every function it
   * deploys) to {@code target/anyfn/openapi.json}, beside the descriptors; nothing when no function
   * has a route.
   */
  void copyOpenApi(String provider) throws MojoExecutionException {
    Path jar = jar(provider);
    Path file = target.resolve("anyfn").resolve("openapi.json");
    try {
      Optional<byte[]> document = OpenApiDocuments.inJar(jar);
      Files.deleteIfExists(file);
      if (document.isPresent()) {
        Files.createDirectories(file.getParent());
        Files.write(file, document.get());
        log.info("anyfn: OpenAPI document of the routes -> " + shown(file));
      }
    } catch (IOException e) {
      throw new MojoExecutionException("Writing " + file + " failed: " + e, e);
    }
  }

  /**
   * Where {@code anyfn:package} writes a provider's descriptors: {@code target/anyfn/<provider>}.
   */
  static Path descriptors(Path target, String provider) {
    return target.resolve("anyfn").resolve(provider);
  }

  /** {@code dir} as the user would type it: relative to the project, with forward slashes. */
  static String shown(MavenProject project, Path dir) {
    Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
    Path p = dir.toAbsolutePath().normalize();
    return (p.startsWith(base) ? base.relativize(p) : p).toString().replace('\\', '/');
  }

  private String shown(Path dir) {
    return shown(project, dir);
  }
}
