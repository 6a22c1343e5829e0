package dev.anyfn.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.collection.DependencyCollectionException;

/**
 * Chooses the runtime dependencies that go into each provider's jar ({@link ProviderClasspath}):
 * the project's, without the other providers' runtime libraries, and without the libraries only
 * another provider's adapter needs unless a class or resource of the project refers to them. Says
 * in the build log what each jar left out or kept, and why. One instance serves one execution of
 * {@code anyfn:package}; it keeps no state between calls, and is used on that execution's thread
 * only, as the Maven log it writes to is.
 */
final class ProviderDependencies {
  private final MavenProject project;
  private final RepositorySystem repositorySystem;
  private final RepositorySystemSession session;
  private final Packagers packagers;
  private final Log log;

  ProviderDependencies(
      MavenProject project,
      RepositorySystem repositorySystem,
      RepositorySystemSession session,
      Packagers packagers,
      Log log) {
    this.project = project;
    this.repositorySystem = repositorySystem;
    this.session = session;
    this.packagers = packagers;
    this.log = log;
  }

  /**
   * The runtime dependencies of each of the {@code selected} providers' jars, by provider, logging
   * what each left out or kept; {@code classes} are the project's classes, whose references to a
   * library only another adapter needs keep it.
   *
   * @throws MojoExecutionException when the dependencies cannot be collected or their classes read
   */
  Map<String, List<Artifact>> choose(List<String> selected, Path classes)
      throws MojoExecutionException {
    Set<String> anyAdapterOnly = new TreeSet<>();
    selected.forEach(provider -> anyAdapterOnly.addAll(adapterOnly(provider).keySet()));
    Map<String, String> referrers = referrers(classes, anyAdapterOnly); // once for all packages
    Map<String, List<Artifact>> dependencies = new HashMap<>();
    for (String provider : selected) {
      Map<String, String> groups = adapterOnly(provider);
      Set<String> leftOut = new TreeSet<>(groups.keySet());
      leftOut.removeAll(referrers.keySet());
      OtherProviders others = packagers.others(provider);
      List<Artifact> jars = dependencies(provider, others, leftOut, groups.keySet(), classes);
      dependencies.put(provider, jars);
      logOtherProvidersLibraries(provider, others);
      groups.forEach(
          (group, adapter) -> logAdapterOnlyGroup(provider, group, adapter, referrers, jars));
    }
    return dependencies;
  }

  /**
   * The runtime dependencies of {@code provider}'s jar, chosen as {@link #choose} chooses them, for
   * a goal that needs them again without logging them again.
   *
   * @throws MojoExecutionException when the dependencies cannot be collected or their classes read
   */
  List<Artifact> of(String provider, Path classes) throws MojoExecutionException {
    Set<String> groups = adapterOnly(provider).keySet();
    Set<String> leftOut = new TreeSet<>(groups);
    leftOut.removeAll(referrers(classes, groups).keySet());
    return dependencies(provider, packagers.others(provider), leftOut, groups, classes);
  }

  /** The runtime dependencies that go into {@code provider}'s jar. */
  private List<Artifact> dependencies(
      String provider,
      OtherProviders others,
      Set<String> leftOutGroups,
      Set<String> adapterOnlyGroups,
      Path classes)
      throws MojoExecutionException {
    try {
      return ProviderClasspath.select(
          project, repositorySystem, session, others, leftOutGroups, adapterOnlyGroups, classes);
    } catch (DependencyCollectionException e) {
      throw new MojoExecutionException(
          "Collecting the " + provider + " runtime dependencies failed: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new MojoExecutionException(
          "Reading the classes of the " + provider + " runtime dependencies failed: " + e, e);
    }
  }

  /**
   * The libraries only the other providers' adapters need that the project has, each with the
   * adapter that needs it: what {@code provider}'s package may leave out.
   */
  private Map<String, String> adapterOnly(String provider) {
    return ProviderClasspath.present(
        packagers.otherAdaptersGroups(provider), project.getArtifacts());
  }

  /**
   * Of the libraries only other adapters need ({@code groups}), those a class or resource of the
   * project refers to, each with the first such class: the provider's jar keeps those and leaves
   * out the others.
   */
  static Map<String, String> referrers(Path classes, Set<String> groups)
      throws MojoExecutionException {
    try {
      return ClassReferences.referrers(classes, groups);
    } catch (IOException e) {
      throw new MojoExecutionException("Reading the classes in " + classes + ": " + e, e);
    }
  }

  /** Names the other providers' runtime libraries that {@code provider}'s package left out. */
  private void logOtherProvidersLibraries(String provider, OtherProviders others) {
    List<String> left =
        project.getArtifacts().stream()
            .filter(a -> !ProviderClasspath.ANYFN_GROUP.equals(a.getGroupId()))
            .filter(a -> others.own(a.getGroupId(), a.getArtifactId()))
            .map(a -> a.getGroupId() + ":" + a.getArtifactId())
            .sorted()
            .toList();
    if (!left.isEmpty()) {
      // debug: most of them only the other adapters pulled in, on every build
      log.debug(
          "anyfn: "
              + provider
              + ": left out "
              + String.join(", ", left)
              + ", which only another provider's runtime loads");
    }
  }

  /** Says what became of the project's jars of {@code group}, which only {@code adapter} needs. */
  private void logAdapterOnlyGroup(
      String provider,
      String group,
      String adapter,
      Map<String, String> referrers,
      List<Artifact> kept) {
    long declared =
        project.getArtifacts().stream().filter(a -> group.equals(a.getGroupId())).count();
    long keptCount = kept.stream().filter(a -> group.equals(a.getGroupId())).count();
    String referrer = referrers.get(group);
    if (referrer == null && declared > keptCount) {
      log.info(
          "anyfn: "
              + provider
              + ": left out "
              + (declared - keptCount)
              + " jar(s) of "
              + group
              + ", which only "
              + adapter
              + " uses here (no class or resource of the project refers to "
              + group
              + ")");
    } else if (referrer != null && keptCount > 0) {
      log.info(
          "anyfn: "
              + provider
              + ": keeps "
              + keptCount
              + " jar(s) of "
              + group
              + ", which "
              + adapter
              + " uses, because "
              + referrer
              + " refers to "
              + group
              + " too");
    }
  }
}
