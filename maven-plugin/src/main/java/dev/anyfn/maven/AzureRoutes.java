package dev.anyfn.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The HTTP routes of an Azure staging folder, read from the {@code function.json} files Microsoft's
 * plugin wrote, and the ones two functions take: one function app serves a route from one function.
 * In a multi-module build each module's compilation generates the entries of its own functions, and
 * a module with a single HTTP function gives it the catch-all route {@code {*path}}; two such
 * modules clash.
 */
final class AzureRoutes {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One function's HTTP trigger: its route and methods (empty: every method). */
  record Route(String function, String route, Set<String> methods) {
    boolean overlaps(Route other) {
      return route.equalsIgnoreCase(other.route)
          && (methods.isEmpty()
              || other.methods.isEmpty()
              || methods.stream().anyMatch(other.methods::contains));
    }
  }

  private AzureRoutes() {}

  /**
   * Each pair of staged functions that take one route with a method in common, as a sentence; empty
   * when there is none.
   *
   * @throws IOException when a {@code function.json} cannot be read
   */
  static List<String> clashes(Path staging) throws IOException {
    List<Route> routes = routes(staging);
    List<String> clashes = new ArrayList<>();
    for (int i = 0; i < routes.size(); i++) {
      for (int j = i + 1; j < routes.size(); j++) {
        Route a = routes.get(i);
        Route b = routes.get(j);
        if (a.overlaps(b)) {
          clashes.add(
              a.function() + " and " + b.function() + " both take the route '" + a.route() + "'");
        }
      }
    }
    return clashes;
  }

  /** The HTTP triggers of the staged functions, by folder name. */
  static List<Route> routes(Path staging) throws IOException {
    List<Path> files;
    try (Stream<Path> dirs = Files.list(staging)) {
      files =
          dirs.map(d -> d.resolve("function.json")).filter(Files::isRegularFile).sorted().toList();
    }
    List<Route> routes = new ArrayList<>();
    for (Path file : files) {
      String function = file.getParent().getFileName().toString();
      for (JsonNode binding : JSON.readTree(file.toFile()).path("bindings")) {
        if ("httpTrigger".equals(binding.path("type").asText())) {
          Set<String> methods = new LinkedHashSet<>();
          binding.path("methods").forEach(m -> methods.add(m.asText().toUpperCase(Locale.ROOT)));
          routes.add(new Route(function, binding.path("route").asText(function), methods));
        }
      }
    }
    return routes;
  }
}
