package dev.anyfn.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The Azure staging folder that Microsoft's {@code azure-functions:package} writes, and which of
 * the jars it copied into its {@code lib/} the Azure deployment does not need: Microsoft's plugin
 * copies every runtime dependency, including the other providers' adapters and whatever only they
 * pull in. Which jars those are comes from the dependency graph ({@link ProviderClasspath}); a jar
 * in {@code lib/} is matched to its artifact by the file name the plugin copied it under, which is
 * the resolved artifact file's own name.
 */
final class AzureStaging {
  static final String AZURE_PLUGIN_GROUP = "com.microsoft.azure";
  static final String AZURE_PLUGIN_ARTIFACT = "azure-functions-maven-plugin";
  static final String ANYFN_PLUGIN_ARTIFACT = "anyfn-maven-plugin";
  static final String TRIM_GOAL = "trim-azure-staging";

  private AzureStaging() {}

  /**
   * The runtime artifacts of the project that are not in {@code kept} (the artifacts an Azure
   * deployment needs, by {@code groupId:artifactId}), in class path order.
   */
  static List<Artifact> unneeded(Collection<Artifact> resolved, Set<String> kept) {
    List<Artifact> unneeded = new ArrayList<>();
    for (Artifact a : resolved) {
      if (isRuntime(a.getScope())
          && a.getFile() != null
          && !kept.contains(a.getGroupId() + ":" + a.getArtifactId())) {
        unneeded.add(a);
      }
    }
    return unneeded;
  }

  /**
   * Deletes from {@code lib} the copies of {@code unneeded}, and returns the files deleted. Files
   * of other artifacts, and files the plugin did not write, stay.
   */
  static List<Path> trim(Path lib, List<Artifact> unneeded) throws IOException {
    List<Path> removed = new ArrayList<>();
    for (Artifact a : unneeded) {
      Path copy = lib.resolve(a.getFile().getName());
      if (Files.isRegularFile(copy)) {
        Files.delete(copy);
        removed.add(copy);
      }
    }
    return removed;
  }

  /** What {@link #removeUnselected} did. */
  enum Removal {
    ABSENT,
    REMOVED,
    OUTSIDE_BUILD_DIRECTORY,
    NOT_A_STAGING_FOLDER
  }

  /**
   * Deletes the staging folder with everything in it, but only when it is really (symbolic links
   * resolved) a folder below {@code buildDirectory} and holds what Microsoft's plugin stages (a
   * {@code host.json}): a folder set elsewhere, reached through a link, or that is something else
   * may hold more than a build wrote. Links inside it are deleted, not followed.
   */
  static Removal removeUnselected(Path staging, Path buildDirectory) throws IOException {
    if (!Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
      return Removal.ABSENT;
    }
    Path build = buildDirectory.toAbsolutePath().normalize();
    Path folder = staging.toAbsolutePath().normalize();
    if (folder.equals(build) || !folder.startsWith(build)) {
      return Removal.OUTSIDE_BUILD_DIRECTORY;
    }
    for (Path p = folder; !p.equals(build); p = p.getParent()) {
      if (Files.isSymbolicLink(p)) {
        return Removal.OUTSIDE_BUILD_DIRECTORY; // what it points to may lie anywhere
      }
    }
    if (!Files.isRegularFile(folder.resolve("host.json"), LinkOption.NOFOLLOW_LINKS)) {
      return Removal.NOT_A_STAGING_FOLDER;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
    return Removal.REMOVED;
  }

  /** The {@code appName} configured on Microsoft's plugin or its package execution, or null. */
  static String appName(List<Plugin> buildPlugins) {
    Plugin azure = find(buildPlugins, AZURE_PLUGIN_GROUP, AZURE_PLUGIN_ARTIFACT);
    if (azure == null) {
      return null;
    }
    for (PluginExecution e : azure.getExecutions()) {
      String name = child(e.getConfiguration(), "appName");
      if (name != null && e.getGoals().contains("package")) {
        return name;
      }
    }
    return child(azure.getConfiguration(), "appName");
  }

  /**
   * Why this goal cannot run after {@code azure-functions:package} in this build, or null when it
   * does: Maven runs the executions of one phase in the order the plugins are declared, so the
   * anyfn plugin must come after Microsoft's.
   */
  static String orderProblem(List<Plugin> buildPlugins) {
    Plugin azure = find(buildPlugins, AZURE_PLUGIN_GROUP, AZURE_PLUGIN_ARTIFACT);
    if (azure == null) {
      return "No "
          + AZURE_PLUGIN_GROUP
          + ":"
          + AZURE_PLUGIN_ARTIFACT
          + " in this build: anyfn:trim-azure-staging trims the staging folder that its package"
          + " goal writes. Add that plugin with a package execution, or remove the"
          + " trim-azure-staging goal.";
    }
    int azureIndex = buildPlugins.indexOf(azure);
    int anyfnIndex =
        buildPlugins.indexOf(
            find(buildPlugins, ProviderClasspath.ANYFN_GROUP, ANYFN_PLUGIN_ARTIFACT));
    if (anyfnIndex >= 0 && anyfnIndex < azureIndex) {
      return "anyfn:trim-azure-staging runs before azure-functions:package: Maven runs the goals of"
          + " one phase in the order the plugins are declared, and "
          + ANYFN_PLUGIN_ARTIFACT
          + " is declared before "
          + AZURE_PLUGIN_ARTIFACT
          + ". Move the "
          + ANYFN_PLUGIN_ARTIFACT
          + " <plugin> after the "
          + AZURE_PLUGIN_ARTIFACT
          + " <plugin> in <build><plugins>.";
    }
    return null;
  }

  /**
   * A warning for a build whose Azure staging folder will keep every runtime dependency:
   * Microsoft's plugin is declared but no anyfn {@code trim-azure-staging} goal is bound; null
   * otherwise.
   */
  static String untrimmedWarning(List<Plugin> buildPlugins) {
    if (find(buildPlugins, AZURE_PLUGIN_GROUP, AZURE_PLUGIN_ARTIFACT) == null) {
      return null;
    }
    Plugin anyfn = find(buildPlugins, ProviderClasspath.ANYFN_GROUP, ANYFN_PLUGIN_ARTIFACT);
    if (anyfn != null) {
      for (PluginExecution e : anyfn.getExecutions()) {
        if (e.getGoals().contains(TRIM_GOAL)) {
          return null;
        }
      }
    }
    return "The Azure staging folder written by azure-functions:package will hold every runtime"
        + " dependency, including the other providers' adapters. To leave them out, declare "
        + ANYFN_PLUGIN_ARTIFACT
        + " after "
        + AZURE_PLUGIN_ARTIFACT
        + " and add the goal "
        + TRIM_GOAL
        + " after package.";
  }

  /**
   * Why the Java version configured on Microsoft's plugin ({@code <runtime><javaVersion>}) cannot
   * run classes compiled for {@code javaRelease}, or null when it can or none is configured.
   */
  static String javaVersionProblem(List<Plugin> buildPlugins, int javaRelease) {
    Plugin azure = find(buildPlugins, AZURE_PLUGIN_GROUP, AZURE_PLUGIN_ARTIFACT);
    if (azure == null || !(azure.getConfiguration() instanceof Xpp3Dom config)) {
      return null;
    }
    String configured = child(config.getChild("runtime"), "javaVersion");
    int version;
    try {
      version = configured == null ? Integer.MAX_VALUE : Integer.parseInt(configured);
    } catch (NumberFormatException e) {
      return null; // Microsoft's plugin reports a version it does not know
    }
    if (javaRelease <= version) {
      return null;
    }
    return "the classes are compiled for Java "
        + javaRelease
        + ", but "
        + AZURE_PLUGIN_ARTIFACT
        + " deploys the function app with <runtime><javaVersion>"
        + configured
        + "</javaVersion>, which cannot load them. Set <javaVersion> to a version Azure Functions"
        + " offers that is at least "
        + javaRelease
        + ", or compile for Java "
        + configured
        + " (<maven.compiler.release>"
        + configured
        + "</maven.compiler.release>).";
  }

  private static Plugin find(List<Plugin> plugins, String groupId, String artifactId) {
    for (Plugin p : plugins) {
      if (groupId.equals(p.getGroupId()) && artifactId.equals(p.getArtifactId())) {
        return p;
      }
    }
    return null;
  }

  private static String child(Object configuration, String name) {
    if (configuration instanceof Xpp3Dom dom) {
      Xpp3Dom child = dom.getChild(name);
      if (child != null && child.getValue() != null && !child.getValue().isBlank()) {
        return child.getValue().strip();
      }
    }
    return null;
  }

  private static boolean isRuntime(String scope) {
    return scope == null
        || scope.isEmpty()
        || Artifact.SCOPE_COMPILE.equals(scope)
        || Artifact.SCOPE_RUNTIME.equals(scope);
  }
}
