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

/**
 * Removes from the Azure staging folder's {@code lib/} (written by Microsoft's {@code
 * azure-functions:package}, which copies every runtime dependency) the jars an Azure deployment
 * does not need: the other providers' adapters and runtime libraries ({@link OtherProviders},
 * wherever in the dependency tree they come from) and whatever only they pull in, and the libraries
 * a project or its function modules declare only for another adapter (the AWS SDK, unless a class
 * packaged with it uses it), computed from the dependency graph as for {@code
 * target/<artifactId>-azure.jar}. Runs in the {@code package} phase and must come after {@code
 * azure-functions:package}: declare the anyfn plugin after Microsoft's. Refuses first a staging
 * folder where two functions take one HTTP route ({@link AzureRoutes}). Then completes the staged
 * host.json, which is the project's own, with the settings of anyfn's (written by {@code
 * anyfn:package}) that it leaves unset: the functions' timeout, the route prefix and the HTTP
 * concurrency per instance.
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

  /**
   * The providers {@code anyfn:package} packages for ({@code anyfn.providers}); when azure is not
   * among them, the staging folder is removed instead of trimmed.
   */
  @Parameter(property = "anyfn.providers")
  private String providers;

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
    Path staging = staging();
    Packagers packagers = Packagers.load(TrimAzureStagingMojo.class.getClassLoader());
    if (!azureSelected(packagers)) {
      removeUnselected(staging);
      return;
    }
    Path lib = staging.resolve("lib");
    if (!Files.isDirectory(lib)) {
      throw new MojoFailureException(
          "No Azure staging folder at "
              + lib.getParent()
              + " (expected its lib/ folder, written by azure-functions:package earlier in this"
              + " phase). Check that azure-functions:package runs in the package phase, or set"
              + " anyfn.azure.stagingDirectory to the folder it writes.");
    }
    refuseClashingRoutes(staging);
    Set<String> keys = keptJars(packagers);
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
    new StagedHostJson(getLog())
        .complete(
            staging,
            PackageWriter.descriptors(Path.of(project.getBuild().getDirectory()), "azure")
                .resolve("host.json"));
  }

  /**
   * The {@code groupId:artifactId} of each jar the Azure package keeps, computed from the
   * dependency graph as for {@code target/<artifactId>-azure.jar}.
   */
  private Set<String> keptJars(Packagers packagers) throws MojoExecutionException {
    List<Artifact> kept =
        new ProviderDependencies(
                project, repositorySystem, session.getRepositorySession(), packagers, getLog())
            .of("azure", Path.of(project.getBuild().getOutputDirectory()));
    Set<String> keys = new HashSet<>();
    for (Artifact a : kept) {
      keys.add(a.getGroupId() + ":" + a.getArtifactId());
    }
    return keys;
  }

  /**
   * Refuses a staging folder where two functions take one HTTP route, which one function app cannot
   * serve: the function modules of a multi-module build each generated their entries alone.
   */
  private void refuseClashingRoutes(Path staging)
      throws MojoExecutionException, MojoFailureException {
    List<String> clashes;
    try {
      clashes = AzureRoutes.clashes(staging);
    } catch (IOException e) {
      throw new MojoExecutionException(
          "Reading the function.json files in " + staging + ": " + e, e);
    }
    if (!clashes.isEmpty()) {
      throw new MojoFailureException(
          "The Azure staging folder "
              + staging
              + " cannot be deployed as one function app, which serves a route from one function: "
              + String.join("; ", clashes)
              + ". Each module's compilation generated the Azure entries of its own functions, and"
              + " one with a single HTTP function gives it the catch-all route. Keep the HTTP"
              + " functions in one module, or give every module that has any at least two (each"
              + " then serves under its function's name, as target/anyfn/azure/openapi.json"
              + " says).");
    }
  }

  private void warnLeftAlone(String selection, Path staging, String why) {
    getLog().warn("anyfn: " + selection + ", but " + staging + " was left as it is: it " + why);
  }

  private boolean azureSelected(Packagers packagers) throws MojoFailureException {
    try {
      return packagers
          .toPackage(providers, PackageMojo.anyfnDependencies(project.getArtifacts()))
          .contains("azure");
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
  }

  /**
   * Removes the staging folder that {@code azure-functions:package} wrote although azure is not
   * among the selected providers: anyfn neither trimmed nor checked it (names, schedules,
   * host.json), so it must not look deployable.
   */
  private void removeUnselected(Path staging) throws MojoExecutionException {
    AzureStaging.Removal removal;
    try {
      removal = AzureStaging.removeUnselected(staging, Path.of(project.getBuild().getDirectory()));
    } catch (IOException e) {
      throw new MojoExecutionException("Removing " + staging + " failed: " + e, e);
    }
    String selection =
        providers == null || providers.isBlank()
            ? "azure is not packaged (the project does not depend on anyfn-adapter-azure)"
            : "azure is not among the selected providers (anyfn.providers=" + providers + ")";
    switch (removal) {
      case ABSENT -> getLog().info("anyfn: " + selection + "; no Azure staging folder to trim.");
      case REMOVED ->
          getLog()
              .info(
                  "anyfn: "
                      + selection
                      + ": removed "
                      + staging
                      + ", which azure-functions:package wrote and anyfn did not check. Add"
                      + " -Dfunctions.skip=true to skip that goal too.");
      case NOT_A_STAGING_FOLDER ->
          warnLeftAlone(
              selection,
              staging,
              "holds no host.json, so it is not a staging folder of azure-functions:package. Check"
                  + " appName or anyfn.azure.stagingDirectory.");
      case OUTSIDE_BUILD_DIRECTORY ->
          warnLeftAlone(
              selection,
              staging,
              "lies outside the build directory (or is reached through a symbolic link); anyfn did"
                  + " not trim or check it. Do not deploy it, or package with azure selected.");
    }
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
