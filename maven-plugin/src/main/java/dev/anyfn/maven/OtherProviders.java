package dev.anyfn.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What belongs in other providers' artifacts than the one being packaged, told by what a jar is
 * (its coordinates), wherever in the dependency tree it comes from: the other providers' anyfn
 * adapters and each provider's own runtime libraries (AWS's {@code aws-lambda-java-*}, Google's
 * Functions Framework and event types, Azure's Java function library), which only that provider's
 * runtime loads. The libraries a function calls itself (the AWS SDK's S3 client, ...) are not among
 * them. Immutable.
 */
final class OtherProviders {
  /**
   * Each known provider's own runtime libraries, as {@code groupId:artifactId} prefixes: a prefix
   * ending with ':' takes the whole group.
   */
  private static final Map<String, List<String>> RUNTIME_LIBRARIES =
      Map.of(
          "aws",
          List.of("com.amazonaws:aws-lambda-java-"),
          "gcp",
          List.of(
              "com.google.cloud.functions:",
              "com.google.cloud.functions.invoker:",
              "com.google.cloud:google-cloudevent-types"),
          "azure",
          List.of("com.microsoft.azure.functions:"));

  private final Set<String> adapters;
  private final List<String> libraries;

  private OtherProviders(Set<String> adapters, List<String> libraries) {
    this.adapters = Set.copyOf(adapters);
    this.libraries = List.copyOf(libraries);
  }

  /**
   * What {@code provider}'s artifact leaves out: the adapters {@code otherAdapters} (artifactIds of
   * {@code dev.anyfn}) and the runtime libraries of every known provider but {@code provider}.
   */
  static OtherProviders than(String provider, Set<String> otherAdapters) {
    List<String> libraries = new ArrayList<>();
    RUNTIME_LIBRARIES.forEach(
        (id, prefixes) -> {
          if (!id.equals(provider)) {
            libraries.addAll(prefixes);
          }
        });
    return new OtherProviders(otherAdapters, libraries);
  }

  /**
   * These and every library of {@code groups} (groupIds of libraries only another adapter needs,
   * which nothing packaged refers to).
   */
  OtherProviders andGroups(Set<String> groups) {
    List<String> more = new ArrayList<>(libraries);
    groups.forEach(group -> more.add(group + ":"));
    return new OtherProviders(adapters, more);
  }

  /** The artifactIds of the other providers' anyfn adapters. */
  Set<String> adapters() {
    return adapters;
  }

  /** Whether the jar {@code groupId:artifactId} belongs only in another provider's artifact. */
  boolean own(String groupId, String artifactId) {
    if (ProviderClasspath.ANYFN_GROUP.equals(groupId)) {
      return adapters.contains(artifactId);
    }
    String key = groupId + ":" + artifactId;
    return libraries.stream().anyMatch(key::startsWith);
  }
}
