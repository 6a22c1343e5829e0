package dev.anyfn.maven;

import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.packaging.JavaReleases;
import dev.anyfn.core.packaging.ProviderPackager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * The provider packagers on the plugin's own class path (one per adapter, found with {@link
 * ServiceLoader}), and the checks that run before anything is written. Immutable.
 */
final class Packagers {
  /** The providers anyfn ships adapters for, in packaging order. */
  static final List<String> KNOWN_PROVIDERS = List.of("aws", "gcp", "azure");

  private final Map<String, ProviderPackager> byProvider;

  Packagers(Iterable<ProviderPackager> packagers) {
    Map<String, ProviderPackager> map = new TreeMap<>();
    for (ProviderPackager packager : packagers) {
      map.putIfAbsent(packager.provider(), packager);
    }
    this.byProvider = java.util.Collections.unmodifiableMap(map);
  }

  /** The packagers registered on {@code loader}. */
  static Packagers load(ClassLoader loader) {
    return new Packagers(ServiceLoader.load(ProviderPackager.class, loader));
  }

  /**
   * Parses a comma-separated provider list such as {@code aws,gcp}.
   *
   * @throws IllegalArgumentException naming the unknown or missing providers
   */
  List<String> select(String providers) {
    Set<String> selected = new LinkedHashSet<>();
    for (String part : providers.split(",")) {
      String provider = part.trim().toLowerCase(Locale.ROOT);
      if (!provider.isEmpty()) {
        selected.add(provider);
      }
    }
    if (selected.isEmpty()) {
      throw new IllegalArgumentException(
          "anyfn.providers is empty; expected a comma-separated list of "
              + String.join(", ", providerIds())
              + ", e.g. -Danyfn.providers=aws,gcp.");
    }
    List<String> missing = new ArrayList<>();
    for (String provider : selected) {
      if (!byProvider.containsKey(provider)) {
        missing.add(provider);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(missingMessage(missing));
    }
    return List.copyOf(selected);
  }

  private String missingMessage(List<String> missing) {
    StringBuilder message = new StringBuilder();
    for (String provider : missing) {
      message.append("No anyfn packager for provider '").append(provider).append("' on the ");
      message.append("anyfn-maven-plugin's class path (found: ");
      message.append(byProvider.isEmpty() ? "none" : String.join(", ", byProvider.keySet()));
      message.append("). ");
      if (KNOWN_PROVIDERS.contains(provider)) {
        message.append("Add dev.anyfn:").append(defaultAdapterArtifactId(provider));
        message.append(" to the plugin's <dependencies>, or leave '").append(provider);
        message.append("' out of anyfn.providers.");
      } else {
        message.append("Expected one of ").append(String.join(", ", KNOWN_PROVIDERS));
        message.append("; check the spelling in anyfn.providers.");
      }
      message.append('\n');
    }
    return message.toString().strip();
  }

  /**
   * Which providers to package for a project whose runtime dependencies have {@code
   * dependencyArtifactIds} (the {@code dev.anyfn} ones suffice). With no explicit selection, every
   * provider whose adapter the project depends on; with one, the selection, refused when a selected
   * provider's adapter is missing (its jar could not run).
   *
   * @param asked {@code anyfn.providers}, or null/blank for "every provider the project has an
   *     adapter for"
   * @throws IllegalArgumentException naming the missing adapter and how to add it
   */
  List<String> toPackage(String asked, Set<String> dependencyArtifactIds) {
    boolean explicit = asked != null && !asked.isBlank();
    List<String> candidates =
        explicit ? select(asked) : providerIds().stream().filter(byProvider::containsKey).toList();
    List<String> out = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String provider : candidates) {
      if (dependencyArtifactIds.contains(packager(provider).adapterArtifactId())) {
        out.add(provider);
      } else {
        missing.add(provider);
      }
    }
    if (explicit && !missing.isEmpty()) {
      throw new IllegalArgumentException(
          "anyfn.providers selects "
              + String.join(", ", missing)
              + " but the project does not depend on "
              + adapters(missing)
              + ", so that jar could not run. Add the dependency, or leave "
              + String.join(", ", missing)
              + " out of anyfn.providers.");
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "The project depends on no anyfn adapter, so there is nothing to package. Add at least"
              + " one of "
              + adapters(candidates)
              + " as a dependency.");
    }
    return List.copyOf(out);
  }

  private String adapters(List<String> providers) {
    List<String> names = new ArrayList<>();
    for (String provider : providers) {
      names.add(ProviderClasspath.ANYFN_GROUP + ":" + packager(provider).adapterArtifactId());
    }
    return String.join(", ", names);
  }

  /** Whether the packager of {@code provider} is at hand. */
  boolean has(String provider) {
    return byProvider.containsKey(provider);
  }

  /** The packager of a provider returned by {@link #select}. */
  ProviderPackager packager(String provider) {
    ProviderPackager packager = byProvider.get(provider);
    if (packager == null) {
      throw new IllegalArgumentException(missingMessage(List.of(provider)));
    }
    return packager;
  }

  /**
   * The adapter artifactIds of every provider other than {@code provider}: what its jar leaves out.
   * Uses the packagers' own {@link ProviderPackager#adapterArtifactId()} and, for a known provider
   * whose packager is absent, the standard {@code anyfn-adapter-<provider>} name.
   */
  Set<String> otherAdapters(String provider) {
    Set<String> others = new java.util.TreeSet<>();
    for (String id : providerIds()) {
      if (!id.equals(provider)) {
        ProviderPackager packager = byProvider.get(id);
        others.add(packager == null ? defaultAdapterArtifactId(id) : packager.adapterArtifactId());
      }
    }
    return others;
  }

  /**
   * What {@code provider}'s artifact leaves out wherever it comes from: the other providers'
   * adapters ({@link #otherAdapters}) and runtime libraries.
   */
  OtherProviders others(String provider) {
    return OtherProviders.than(provider, otherAdapters(provider));
  }

  /**
   * The groupIds of libraries that only the other providers' adapters need ({@link
   * ProviderPackager#adapterOnlyGroups()}), each with the adapter that needs it: what {@code
   * provider}'s package may leave out.
   */
  Map<String, String> otherAdaptersGroups(String provider) {
    Map<String, String> groups = new TreeMap<>();
    byProvider.forEach(
        (id, packager) -> {
          if (!id.equals(provider)) {
            packager.adapterOnlyGroups().forEach(g -> groups.put(g, packager.adapterArtifactId()));
          }
        });
    return groups;
  }

  private Set<String> providerIds() {
    Set<String> ids = new LinkedHashSet<>(KNOWN_PROVIDERS);
    ids.addAll(byProvider.keySet());
    return ids;
  }

  static String defaultAdapterArtifactId(String provider) {
    return "anyfn-adapter-" + provider;
  }

  /**
   * Every portability problem of every selected provider, as one message naming provider, function
   * and reason; empty when everything is deployable.
   */
  String portabilityProblems(FunctionIndex index, List<String> providers) {
    return portabilityProblems(index, providers, JavaReleases.MINIMUM, Map.of(), Map.of());
  }

  /**
   * Every portability problem of every selected provider, including a Java runtime for classes that
   * need {@code javaRelease}, the {@code environment} every function gets, and {@code moreProblems}
   * found by the build (by provider).
   */
  String portabilityProblems(
      FunctionIndex index,
      List<String> providers,
      int javaRelease,
      Map<String, String> environment,
      Map<String, List<String>> moreProblems) {
    List<String> lines = new ArrayList<>();
    for (String provider : providers) {
      ProviderPackager packager = packager(provider);
      packager
          .javaReleaseProblem(javaRelease)
          .ifPresent(problem -> lines.add("  - " + provider + ": " + problem));
      for (String problem : packager.environmentProblems(index, environment)) {
        lines.add("  - " + provider + ": " + problem);
      }
      for (String problem : moreProblems.getOrDefault(provider, List.of())) {
        lines.add("  - " + provider + ": " + problem);
      }
      for (String problem : packager.portabilityProblems(index)) {
        lines.add("  - " + provider + ": " + problem);
      }
    }
    if (lines.isEmpty()) {
      return "";
    }
    return "anyfn cannot package these functions for every selected provider:\n"
        + String.join("\n", lines)
        + "\nChange the functions named above, or package only the providers that can deploy them,"
        + " e.g. -Danyfn.providers="
        + String.join(",", providers.stream().filter(p -> !hasProblem(p, lines)).toList())
            .transform(s -> s.isEmpty() ? "<provider>" : s)
        + ".";
  }

  private static boolean hasProblem(String provider, List<String> lines) {
    return lines.stream().anyMatch(l -> l.startsWith("  - " + provider + ": "));
  }
}
