package dev.anyfn.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.maven.RepositoryUtils;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.DependencyManagement;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.ArtifactTypeRegistry;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.collection.DependencyCollectionException;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyNode;
import org.eclipse.aether.graph.Exclusion;

/**
 * Chooses the runtime dependencies that go into one provider's jar: the project's runtime class
 * path without what belongs to the other providers ({@link OtherProviders}: their adapters and
 * runtime libraries, wherever in the tree they come from, a function module's dependencies
 * included) and without whatever only those pulled in.
 *
 * <p>A dependency trail is not enough to tell "only pulled in by another adapter": Maven records
 * one trail per artifact, and Jackson reached through both anyfn-core and an adapter may be
 * recorded under the adapter. So the dependency graph is collected again with the other providers'
 * jars excluded everywhere, and Maven's own conflict resolution decides what remains.
 */
final class ProviderClasspath {
  static final String ANYFN_GROUP = "dev.anyfn";

  private ProviderClasspath() {}

  /**
   * The resolved runtime artifacts of {@code project} that a jar without {@code others} needs, in
   * the project's class path order. The project's own dependencies of {@code leftOutGroups}
   * (libraries it declares only for another adapter) are left out too, with what only they pull in;
   * such a library that another dependency needs stays.
   */
  static List<Artifact> select(
      MavenProject project,
      RepositorySystem system,
      RepositorySystemSession session,
      OtherProviders others,
      Set<String> leftOutGroups)
      throws DependencyCollectionException {
    CollectRequest request = new CollectRequest();
    request.setRootArtifact(RepositoryUtils.toArtifact(project.getArtifact()));
    request.setRepositories(project.getRemoteProjectRepositories());
    ArtifactTypeRegistry types = session.getArtifactTypeRegistry();
    List<Exclusion> exclusions = new ArrayList<>();
    for (String adapter : others.adapters()) {
      exclusions.add(new Exclusion(ANYFN_GROUP, adapter, "*", "*"));
    }
    for (Artifact a : project.getArtifacts()) {
      if (others.own(a.getGroupId(), a.getArtifactId())) {
        exclusions.add(new Exclusion(a.getGroupId(), a.getArtifactId(), "*", "*"));
      }
    }
    for (org.apache.maven.model.Dependency declared : project.getDependencies()) {
      if (!isRoot(declared, others, leftOutGroups)) {
        continue;
      }
      Dependency dependency = RepositoryUtils.toDependency(declared, types);
      List<Exclusion> all = new ArrayList<>(dependency.getExclusions());
      all.addAll(exclusions);
      request.addDependency(dependency.setExclusions(all));
    }
    DependencyManagement management = project.getDependencyManagement();
    if (management != null) {
      for (org.apache.maven.model.Dependency managed : management.getDependencies()) {
        request.addManagedDependency(RepositoryUtils.toDependency(managed, types));
      }
    }
    DependencyNode root = system.collectDependencies(session, request).getRoot();
    return keep(project.getArtifacts(), reachable(root, others));
  }

  /**
   * As {@link #select(MavenProject, RepositorySystem, RepositorySystemSession, OtherProviders,
   * Set)}, then without the libraries of {@code adapterOnlyGroups} (only another adapter needs
   * them) that remain although nothing the jar holds refers to their package: neither the project's
   * {@code classes} nor a remaining jar outside those groups. A function module declares the AWS
   * SDK for {@code @SendsTo} on AWS as the packaging module does; a module or library that calls
   * the SDK itself keeps it.
   *
   * @throws IOException when a class or jar cannot be read
   */
  static List<Artifact> select(
      MavenProject project,
      RepositorySystem system,
      RepositorySystemSession session,
      OtherProviders others,
      Set<String> leftOutGroups,
      Set<String> adapterOnlyGroups,
      Path classes)
      throws DependencyCollectionException, IOException {
    List<Artifact> kept = select(project, system, session, others, leftOutGroups);
    Set<String> unreferenced = unreferenced(kept, adapterOnlyGroups, classes);
    if (unreferenced.isEmpty()) {
      return kept;
    }
    return select(project, system, session, others.andGroups(unreferenced), leftOutGroups);
  }

  /**
   * The groups of {@code groups} that an artifact of {@code kept} belongs to and that neither
   * {@code classes} nor a kept artifact outside {@code groups} refers to.
   */
  static Set<String> unreferenced(List<Artifact> kept, Set<String> groups, Path classes)
      throws IOException {
    Set<String> present = new TreeSet<>();
    List<Path> others = new ArrayList<>(List.of(classes));
    for (Artifact a : kept) {
      if (groups.contains(a.getGroupId())) {
        present.add(a.getGroupId());
      } else {
        others.add(a.getFile().toPath());
      }
    }
    if (!present.isEmpty()) {
      present.removeAll(ClassReferences.referrers(others, present).keySet());
    }
    return present;
  }

  /**
   * The entries of {@code groups} (groupId to the adapter that needs it) that some artifact of
   * {@code resolved} belongs to: the only ones worth looking for in the project's classes.
   */
  static Map<String, String> present(Map<String, String> groups, Collection<Artifact> resolved) {
    Map<String, String> present = new TreeMap<>();
    for (Artifact artifact : resolved) {
      String adapter = groups.get(artifact.getGroupId());
      if (adapter != null) {
        present.put(artifact.getGroupId(), adapter);
      }
    }
    return present;
  }

  /** Whether a dependency the project declares is collected for the provider's jar. */
  static boolean isRoot(
      org.apache.maven.model.Dependency declared,
      OtherProviders others,
      Set<String> leftOutGroups) {
    return isRuntimeScope(declared.getScope())
        && !others.own(declared.getGroupId(), declared.getArtifactId())
        && !leftOutGroups.contains(declared.getGroupId());
  }

  /**
   * The {@code groupId:artifactId} keys under {@code root}, not descending into what belongs to
   * {@code others}.
   */
  static Set<String> reachable(DependencyNode root, OtherProviders others) {
    Set<String> keys = new HashSet<>();
    collect(root, others, keys);
    return keys;
  }

  private static void collect(DependencyNode node, OtherProviders others, Set<String> keys) {
    for (DependencyNode child : node.getChildren()) {
      org.eclipse.aether.artifact.Artifact a = child.getArtifact();
      if (a == null || others.own(a.getGroupId(), a.getArtifactId())) {
        continue;
      }
      if (child.getDependency() != null && !isRuntimeScope(child.getDependency().getScope())) {
        continue;
      }
      if (keys.add(a.getGroupId() + ":" + a.getArtifactId())) {
        collect(child, others, keys);
      }
    }
  }

  /** The artifacts with runtime scope whose key is in {@code keys}, in their original order. */
  static List<Artifact> keep(Collection<Artifact> resolved, Set<String> keys) {
    List<Artifact> kept = new ArrayList<>();
    for (Artifact artifact : resolved) {
      if (isRuntimeScope(artifact.getScope())
          && artifact.getFile() != null
          && keys.contains(artifact.getGroupId() + ":" + artifact.getArtifactId())) {
        kept.add(artifact);
      }
    }
    return kept;
  }

  private static boolean isRuntimeScope(String scope) {
    return scope == null
        || scope.isEmpty()
        || Artifact.SCOPE_COMPILE.equals(scope)
        || Artifact.SCOPE_RUNTIME.equals(scope);
  }
}
