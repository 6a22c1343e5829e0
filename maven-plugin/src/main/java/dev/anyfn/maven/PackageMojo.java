package dev.anyfn.maven;

import dev.anyfn.core.index.FunctionIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Writes one deployable package per selected cloud provider: {@code
 * target/<artifactId>-<provider>.jar} (the project's classes and runtime dependencies, without the
 * other providers' adapters) and the provider's descriptors under {@code target/anyfn/<provider>/}
 * (SAM template, deploy script, Azure {@code host.json}). Fails before writing anything if a
 * selected provider cannot deploy one of the functions.
 */
@Mojo(
    name = "package",
    defaultPhase = LifecyclePhase.PACKAGE,
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public class PackageMojo extends AbstractMojo {
  /** The directory holding generated Azure entry classes, left out of the other jars. */
  static final String AZURE_GENERATED = "dev/anyfn/generated/azure/";

  /** Fallback when {@code project.build.outputTimestamp} is unset: 1980-01-01T00:00:02Z. */
  static final Instant DEFAULT_TIMESTAMP = Instant.parse("1980-01-01T00:00:02Z");

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  /**
   * The providers to package for, comma-separated: {@code aws}, {@code gcp}, {@code azure}. Unset:
   * every provider whose adapter ({@code dev.anyfn:anyfn-adapter-<provider>}) the project depends
   * on.
   */
  @Parameter(property = "anyfn.providers")
  private String providers;

  /** Environment variables set on every deployed function. */
  @Parameter private Map<String, String> environment = Map.of();

  /** Entry timestamp of the jars, for reproducible builds. */
  @Parameter(defaultValue = "${project.build.outputTimestamp}")
  private String outputTimestamp;

  /** Skips packaging. */
  @Parameter(property = "anyfn.package.skip", defaultValue = "false")
  private boolean skip;

  private final RepositorySystem repositorySystem;

  /** Created by Maven, which injects the resolver and then the parameters. */
  @Inject
  public PackageMojo(RepositorySystem repositorySystem) {
    this.repositorySystem = repositorySystem;
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    try {
      packageAll();
    } catch (LinkageError e) {
      // A packager whose adapter lacks a class on the plugin's class path: name both.
      throw new MojoExecutionException(
          "An anyfn packager could not load a class ("
              + e
              + "). The anyfn adapters on the plugin's class path must have the same version as"
              + " the anyfn-maven-plugin; check its <dependencies>.",
          e);
    }
  }

  private void packageAll() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("anyfn:package skipped (anyfn.package.skip=true)");
      return;
    }
    Packagers packagers = Packagers.load(PackageMojo.class.getClassLoader());
    List<String> selected;
    try {
      selected = packagers.toPackage(providers, anyfnDependencies());
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException(e.getMessage(), e);
    }
    Path classes = Path.of(project.getBuild().getOutputDirectory());
    List<ProjectFunctions.Source> sources = functionSources(classes);
    FunctionIndex index = ProjectFunctions.read(classes, sources);
    List<ProjectFunctions.Source> packagedClasses = ProjectFunctions.packagedClasses(sources);
    NeededRelease needed;
    try {
      needed = NeededRelease.of(packagedClasses);
    } catch (IOException e) {
      throw new MojoExecutionException("Reading the class file versions: " + e, e);
    }
    int javaRelease = needed.release();
    String azureJava = AzureStaging.javaVersionProblem(project.getBuildPlugins(), javaRelease);
    Map<String, List<Artifact>> dependencies =
        new ProviderDependencies(
                project, repositorySystem, session.getRepositorySession(), packagers, getLog())
            .choose(selected, classes);
    refuseUndeployable(
        packagers, selected, index, needed, packagedClasses, azureJava, dependencies);
    warn(packagers, selected, index, packagedClasses, sources);
    PackageWriter writer =
        new PackageWriter(
            project,
            classes,
            Path.of(project.getBuild().getDirectory()),
            index,
            environment == null ? Map.of() : environment,
            javaRelease,
            timestamp(outputTimestamp),
            getLog());
    for (String provider : selected) {
      writer.write(provider, packagers.packager(provider), dependencies.get(provider));
    }
    if (!selected.isEmpty()) {
      writer.copyOpenApi(selected.get(0));
    }
    if (selected.contains("azure")) {
      String untrimmed = AzureStaging.untrimmedWarning(project.getBuildPlugins());
      if (untrimmed != null) {
        getLog().warn(untrimmed);
      }
    }
  }

  /**
   * Fails, before anything is written, when a selected provider cannot deploy the package: a
   * function it cannot run, a Java release it cannot run ({@code azureJava}: the Azure plugin's
   * setting, or null), a class its runtime needs missing from its {@code dependencies}. A refused
   * release says which class needs it.
   */
  private void refuseUndeployable(
      Packagers packagers,
      List<String> selected,
      FunctionIndex index,
      NeededRelease needed,
      List<ProjectFunctions.Source> packagedClasses,
      String azureJava,
      Map<String, List<Artifact>> dependencies)
      throws MojoFailureException {
    int javaRelease = needed.release();
    Map<String, List<String>> buildProblems = new HashMap<>();
    if (azureJava != null) {
      buildProblems.computeIfAbsent("azure", p -> new ArrayList<>()).add(azureJava);
    }
    for (String provider : selected) {
      ClassPresence present =
          new ClassPresence(
              dependencies.get(provider).stream().map(a -> a.getFile().toPath()).toList());
      List<String> missing = packagers.packager(provider).classPathProblems(index, present::has);
      if (!missing.isEmpty()) {
        buildProblems.computeIfAbsent(provider, p -> new ArrayList<>()).addAll(missing);
      }
    }
    String problems =
        packagers.portabilityProblems(
            index,
            selected,
            javaRelease,
            environment == null ? Map.of() : environment,
            buildProblems);
    if (!problems.isEmpty()) {
      boolean releaseRefused =
          azureJava != null
              || selected.stream()
                  .anyMatch(p -> packagers.packager(p).javaReleaseProblem(javaRelease).isPresent());
      throw new MojoFailureException(
          releaseRefused ? problems + needed.where(packagedClasses.get(0)) : problems);
    }
  }

  /** The selected packagers' warnings, then the {@code Context.once} one. */
  private void warn(
      Packagers packagers,
      List<String> selected,
      FunctionIndex index,
      List<ProjectFunctions.Source> packagedClasses,
      List<ProjectFunctions.Source> sources)
      throws MojoExecutionException {
    for (String provider : selected) {
      for (String warning : packagers.packager(provider).warnings(index)) {
        getLog().warn("anyfn: " + provider + ": " + warning);
      }
    }
    try {
      idempotencyStoreWarning(packagedClasses, sources).ifPresent(getLog()::warn);
    } catch (IOException e) {
      throw new MojoExecutionException("Reading the classes packaged: " + e, e);
    }
  }

  /**
   * Where the package's functions may be: the project's classes, then each runtime dependency that
   * is not anyfn's own (a function module of a multi-module build holds an index of its own).
   */
  private List<ProjectFunctions.Source> functionSources(Path classes) {
    List<ProjectFunctions.Source> sources = new ArrayList<>();
    sources.add(new ProjectFunctions.Source(PackageWriter.shown(project, classes), classes));
    for (Artifact a : project.getArtifacts()) {
      if (a.getFile() != null
          && a.getArtifactHandler().isAddedToClasspath()
          && !ProviderClasspath.ANYFN_GROUP.equals(a.getGroupId())
          && (a.getScope() == null
              || Artifact.SCOPE_COMPILE.equals(a.getScope())
              || Artifact.SCOPE_RUNTIME.equals(a.getScope()))) {
        sources.add(new ProjectFunctions.Source(a.getId(), a.getFile().toPath()));
      }
    }
    return sources;
  }

  /** The artifactIds of the project's {@code dev.anyfn} runtime dependencies. */
  private Set<String> anyfnDependencies() {
    return anyfnDependencies(project.getArtifacts());
  }

  /** The artifactIds of the {@code dev.anyfn} artifacts among {@code artifacts}. */
  static Set<String> anyfnDependencies(Collection<Artifact> artifacts) {
    Set<String> ids = new java.util.HashSet<>();
    for (Artifact a : artifacts) {
      if (ProviderClasspath.ANYFN_GROUP.equals(a.getGroupId())) {
        ids.add(a.getArtifactId());
      }
    }
    return ids;
  }

  /** Whether a file of the project's classes belongs in {@code provider}'s jar. */
  static boolean belongsTo(String provider, String classesEntry) {
    return provider.equals("azure") || !classesEntry.startsWith(AZURE_GENERATED);
  }

  /**
   * The jar entry timestamp from {@code project.build.outputTimestamp}: ISO-8601 or seconds since
   * the epoch; {@link #DEFAULT_TIMESTAMP} when unset (Maven treats a single character as unset).
   */
  static Instant timestamp(String outputTimestamp) throws MojoFailureException {
    if (outputTimestamp == null || outputTimestamp.strip().length() < 2) {
      return DEFAULT_TIMESTAMP;
    }
    String value = outputTimestamp.strip();
    try {
      if (value.chars().allMatch(Character::isDigit)) {
        return Instant.ofEpochSecond(Long.parseLong(value));
      }
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new MojoFailureException(
          "project.build.outputTimestamp is '"
              + value
              + "'; expected an ISO-8601 date-time such as 2026-11-27T00:00:00Z or seconds since"
              + " the epoch.",
          e);
    }
  }

  /**
   * A warning when a class calls {@code Context.once} and none sets an idempotency store: the
   * emulator keeps one of its own, so the tests pass, and every deployed call fails.
   */
  static Optional<String> idempotencyStoreWarning(Path classes) throws IOException {
    List<ProjectFunctions.Source> project =
        List.of(new ProjectFunctions.Source("target/classes", classes));
    return idempotencyStoreWarning(project, project);
  }

  /**
   * As {@link #idempotencyStoreWarning(Path)} for a package of several modules: a class of {@code
   * packagedClasses} (the project's classes, then the function modules) that calls {@code
   * Context.once}, and no class of {@code packaged} (those and every other dependency packaged with
   * them, where a shared {@code @OnInit} helper may live) that sets a store. A class of the
   * project's own classes is named by its path, one of a dependency with the dependency too.
   */
  static Optional<String> idempotencyStoreWarning(
      List<ProjectFunctions.Source> packagedClasses, List<ProjectFunctions.Source> packaged)
      throws IOException {
    Optional<String> caller = firstNaming(packagedClasses, "dev/anyfn/Context", "once");
    if (caller.isEmpty()
        || firstNaming(packaged, "dev/anyfn/InitContext", "useIdempotencyStore").isPresent()) {
      return Optional.empty();
    }
    return Optional.of(
        "anyfn: "
            + caller.get()
            + " calls Context.once, but no class of the project sets an idempotency store: deployed,"
            + " once fails on every call (only the emulator keeps a store of its own). Set one in an"
            + " @OnInit method with init.useIdempotencyStore(store, keepResults), such as"
            + " anyfn-idempotency-dynamodb's DynamoDbIdempotencyStore or"
            + " anyfn-idempotency-postgres's PostgresIdempotencyStore.");
  }

  /**
   * The first class of {@code sources} that names {@code owner}'s {@code member}: its path, after
   * its module's name unless it is among the project's own classes (the first source).
   */
  private static Optional<String> firstNaming(
      List<ProjectFunctions.Source> sources, String owner, String member) throws IOException {
    for (int i = 0; i < sources.size(); i++) {
      ProjectFunctions.Source source = sources.get(i);
      Optional<String> found =
          ClassReferences.readAsDirectory(
              source.file(), root -> ClassReferences.firstNaming(root, owner, member));
      if (found.isPresent()) {
        return i == 0 ? found : Optional.of(found.get() + " (in " + source.origin() + ")");
      }
    }
    return Optional.empty();
  }
}
