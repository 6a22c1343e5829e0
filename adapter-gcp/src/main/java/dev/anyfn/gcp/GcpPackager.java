package dev.anyfn.gcp;

import dev.anyfn.core.ResourceNames;
import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.packaging.JavaReleases;
import dev.anyfn.core.packaging.PackagingContext;
import dev.anyfn.core.packaging.ProviderPackager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Writes {@code target/anyfn/gcp/deploy.sh} and {@code target/anyfn/gcp/source/} (the jar alone, as
 * {@code gcloud functions deploy --source} uploads it). Found by the anyfn Maven plugin through
 * {@link java.util.ServiceLoader}; not for user code. Stateless and thread-safe.
 */
public final class GcpPackager implements ProviderPackager {

  /** For {@link java.util.ServiceLoader}. */
  public GcpPackager() {}

  @Override
  public Optional<String> javaReleaseProblem(int javaRelease) {
    return JavaReleases.beyondManagedRuntimes(javaRelease, "Cloud Run functions");
  }

  @Override
  public String provider() {
    return "gcp";
  }

  @Override
  public String adapterArtifactId() {
    return "anyfn-adapter-gcp";
  }

  /**
   * Drops google-cloudevent-types' generated classes of every Google service but Firestore (about
   * 4,700 of its entries): the adapter decodes only Firestore's protobuf payloads (Pub/Sub and
   * Storage events arrive as JSON), and a smaller jar opens faster on every cold start.
   */
  @Override
  public boolean keepsDependencyEntry(String entryName) {
    return !entryName.startsWith(EVENT_TYPES) || entryName.startsWith(FIRESTORE_TYPES);
  }

  private static final String EVENT_TYPES = "com/google/events/";
  private static final String FIRESTORE_TYPES = "com/google/events/cloud/firestore/";

  /** The longest timeout of an event-driven deployment (9 minutes). */
  static final int MAX_EVENT_TIMEOUT_SECONDS = 540;

  /** The longest timeout of an HTTP deployment (60 minutes). */
  static final int MAX_HTTP_TIMEOUT_SECONDS = 3600;

  @Override
  public List<String> warnings(FunctionIndex index) {
    GcpDeploymentPlan plan = GcpDeploymentPlan.of(index);
    List<String> warnings = new ArrayList<>(plan.overcommitted());
    warnings.addAll(plan.heldWarnings());
    warnings.addAll(plan.staleWarnings());
    return warnings;
  }

  @Override
  public List<String> portabilityProblems(FunctionIndex index) {
    List<String> problems = new ArrayList<>(GcpDeploymentPlan.of(index).problems());
    for (FunctionSpec fn : index.functions()) {
      boolean events = fn.takesEvents();
      int max = events ? MAX_EVENT_TIMEOUT_SECONDS : MAX_HTTP_TIMEOUT_SECONDS;
      if (fn.timeoutSeconds() > max) {
        problems.add(
            "Function '"
                + fn.name()
                + "' has a timeout of "
                + fn.timeoutSeconds()
                + " s, but Cloud Run functions allow at most "
                + max
                + " s for "
                + (events ? "an event-driven deployment" : "an HTTP deployment")
                + ". Use timeoutSeconds = "
                + max
                + " or less.");
      }
    }
    return problems;
  }

  @Override
  public List<String> environmentProblems(FunctionIndex index, Map<String, String> environment) {
    List<String> problems = new ArrayList<>();
    ResourceNames.environmentProblem(
            environment, "choose it when deploying: PREFIX=dev- target/anyfn/gcp/deploy.sh")
        .ifPresent(problems::add);
    if (environment.containsKey(GcpSettings.PROJECT)) {
      problems.add(
          "<environment> sets "
              + GcpSettings.PROJECT
              + ", which deploy.sh sets itself, to the project it deploys to, for every"
              + " function. Remove it, and choose the project when deploying:"
              + " PROJECT=<project> target/anyfn/gcp/deploy.sh.");
    }
    return problems;
  }

  @Override
  public Optional<String> deployCommand(String descriptors) {
    return Optional.of(
        "PROJECT=<project> "
            + descriptors
            + "/deploy.sh (for a stage beside others, add PREFIX=dev-; ALLOW_UNAUTHENTICATED=true"
            + " makes HTTP functions public)");
  }

  @Override
  public void writeDescriptors(FunctionIndex index, PackagingContext context) throws IOException {
    Path jar = context.artifactPath();
    if (!Files.isRegularFile(jar)) {
      throw new IOException(
          "The Google jar "
              + jar
              + " does not exist; build it (mvn package) before writing the deploy script.");
    }
    Path source = context.outputDirectory().resolve("source");
    Files.createDirectories(source);
    try (Stream<Path> old = Files.list(source)) {
      for (Path p : old.toList()) {
        Files.deleteIfExists(p); // the source directory must hold the jar and nothing else
      }
    }
    Files.copy(jar, source.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    Path script = context.outputDirectory().resolve("deploy.sh");
    Files.writeString(script, DeployScript.render(GcpDeploymentPlan.of(index), context));
    try {
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      if (!script.toFile().setExecutable(true, false)) {
        throw new IOException("Cannot make " + script + " executable.", e);
      }
    }
  }
}
