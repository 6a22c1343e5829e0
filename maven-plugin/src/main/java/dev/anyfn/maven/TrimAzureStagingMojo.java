package dev.anyfn.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.collection.DependencyCollectionException;

/**
 * Removes from the Azure staging folder's {@code lib/} (written by Microsoft's {@code
 * azure-functions:package}, which copies every runtime dependency) the jars an Azure deployment
 * does not need: the other providers' adapters and whatever only they pull in, and the libraries a
 * project declares only for another adapter (the AWS SDK, unless the project's classes use it),
 * computed from the dependency graph as for {@code target/<artifactId>-azure.jar}. Runs in the
 * {@code package} phase and must come after {@code azure-functions:package}: declare the anyfn
 * plugin after Microsoft's.
 */
@Mojo(
    name = "trim-azure-staging",
    defaultPhase = LifecyclePhase.PACKAGE,
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public class TrimAzureStagingMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  /**
   * The staging folder; by default {@code ${project.build.directory}/azure-functions/<appName>}
   * with the {@code appName} configured on {@code azure-functions-maven-plugin}.
   */
  @Parameter(property = "anyfn.azure.stagingDirectory")
  private File stagingDirectory;

  /** Skips trimming (the staging folder keeps every runtime dependency). */
  @Parameter(property = "anyfn.trimAzureStaging.skip", defaultValue = "false")
  private boolean skip;

  private final RepositorySystem repositorySystem;

  /** Created by Maven, which injects the resolver and then the parameters. */
  @Inject
  public TrimAzureStagingMojo(RepositorySystem repositorySystem) {
    this.repositorySystem = repositorySystem;
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("anyfn:trim-azure-staging skipped (anyfn.trimAzureStaging.skip=true)");
      return;
    }
    String order = AzureStaging.orderProblem(project.getBuildPlugins());
    if (order != null) {
      throw new MojoFailureException(order);
    }
    Path lib = staging().resolve("lib");
    if (!Files.isDirectory(lib)) {
      throw new MojoFailureException(
          "No Azure staging folder at "
              + lib.getParent()
              + " (expected its lib/ folder, written by azure-functions:package earlier in this"
              + " phase). Check that azure-functions:package runs in the package phase, or set"
              + " anyfn.azure.stagingDirectory to the folder it writes.");
    }
    Packagers packagers = Packagers.load(TrimAzureStagingMojo.class.getClassLoader());
    Set<String> leftOut =
        new HashSet<>(
            ProviderClasspath.present(
                    packagers.otherAdaptersGroups("azure"), project.getArtifacts())
                .keySet());
    leftOut.removeAll(
        PackageMojo.referrers(Path.of(project.getBuild().getOutputDirectory()), leftOut).keySet());
    List<Artifact> kept;
    try {
      kept =
          ProviderClasspath.select(
              project,
              repositorySystem,
              session.getRepositorySession(),
              packagers.otherAdapters("azure"),
              leftOut);
    } catch (DependencyCollectionException e) {
      throw new MojoExecutionException(
          "Collecting the azure runtime dependencies failed: " + e.getMessage(), e);
    }
    Set<String> keys = new HashSet<>();
    for (Artifact a : kept) {
      keys.add(a.getGroupId() + ":" + a.getArtifactId());
    }
    List<Path> removed;
    try {
      removed = AzureStaging.trim(lib, AzureStaging.unneeded(project.getArtifacts(), keys));
    } catch (IOException e) {
      throw new MojoExecutionException("Trimming " + lib + " failed: " + e, e);
    }
    getLog()
        .info(
            "anyfn: removed "
                + removed.size()
                + " jar(s) of other providers' adapters and their libraries from "
                + lib
                + (removed.isEmpty() ? "" : ": " + names(removed)));
  }

  private Path staging() throws MojoFailureException {
    if (stagingDirectory != null) {
      return stagingDirectory.toPath();
    }
    String appName = AzureStaging.appName(project.getBuildPlugins());
    if (appName == null) {
      throw new MojoFailureException(
          "No appName in the configuration of "
              + AzureStaging.AZURE_PLUGIN_ARTIFACT
              + ", so the staging folder is unknown. Set <appName> there, or set"
              + " anyfn.azure.stagingDirectory.");
    }
    return Path.of(project.getBuild().getDirectory(), "azure-functions", appName);
  }

  private static String names(List<Path> files) {
    StringBuilder b = new StringBuilder();
    for (Path f : files) {
      b.append(b.length() == 0 ? "" : ", ").append(f.getFileName());
    }
    return b.toString();
  }
}
