package dev.anyfn.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Static routes, built once: the most specific template that matches the path wins, then the method
 * picks the route; a GET route also answers HEAD; a path with no route for the method is a 405 with
 * {@code Allow}. Nothing is cached per request, so unknown paths cost the same as known ones.
 *
 * @param <T> what a route leads to
 */
final class Router<T> {
  private final List<Entry<T>> entries;

  private Router(List<Entry<T>> entries) {
    this.entries = entries;
  }

  /** A template and the targets per method. */
  private record Entry<T>(RouteTemplate template, Map<String, T> byMethod) {}

  /** The outcome of routing. */
  sealed interface Result<T> {}

  /** A route matched. */
  record Matched<T>(T target, Map<String, String> params, boolean head) implements Result<T> {}

  /** No template matches the path. */
  record NotFound<T>() implements Result<T> {}

  /**
   * The path matches, the method does not.
   *
   * @param allow the methods the path answers, sorted
   */
  record MethodNotAllowed<T>(List<String> allow) implements Result<T> {}

  static <T> Builder<T> builder() {
    return new Builder<>();
  }

  Result<T> route(String method, List<String> segments) {
    for (Entry<T> e : entries) {
      Map<String, String> params = e.template.match(segments);
      if (params == null) {
        continue;
      }
      T target = e.byMethod.get(method);
      if (target != null) {
        return new Matched<>(target, params, false);
      }
      if (method.equals("HEAD") && e.byMethod.containsKey("GET")) {
        return new Matched<>(e.byMethod.get("GET"), params, true);
      }
      TreeSet<String> allow = new TreeSet<>(e.byMethod.keySet());
      if (allow.contains("GET")) {
        allow.add("HEAD");
      }
      return new MethodNotAllowed<>(List.copyOf(allow));
    }
    return new NotFound<>();
  }

  /**
   * The methods the path answers (HEAD where GET is), sorted; empty when no template matches it.
   */
  List<String> methods(List<String> segments) {
    Result<T> r = route("", segments); // no route has the empty method
    return r instanceof MethodNotAllowed<T> n ? n.allow() : List.of();
  }

  static final class Builder<T> {
    private final Map<String, RouteTemplate> templates = new TreeMap<>();
    private final Map<String, Map<String, T>> targets = new LinkedHashMap<>();
    private final Map<String, String> descriptions = new LinkedHashMap<>();

    /**
     * Adds a route.
     *
     * @throws ConfigurationException when the method and template are already routed
     */
    Builder<T> add(String method, String template, T target, String description) {
      RouteTemplate parsed = RouteTemplate.parse(template);
      String key = normalise(template);
      templates.putIfAbsent(key, parsed);
      Map<String, T> byMethod = targets.computeIfAbsent(key, k -> new LinkedHashMap<>());
      String routeKey = method + " " + key;
      if (byMethod.containsKey(method)) {
        throw new ConfigurationException(
            "Route "
                + method
                + " "
                + template
                + " is served twice: by "
                + descriptions.get(routeKey)
                + " and by "
                + description
                + ". Give one of them another path or method.");
      }
      byMethod.put(method, target);
      descriptions.put(routeKey, description);
      return this;
    }

    /** Template parameter names do not matter for identity: /a/{x} and /a/{y} are one path. */
    private static String normalise(String template) {
      return template.replaceAll("\\{[^}/]+\\+}", "{+}").replaceAll("\\{[^}/+]+}", "{}");
    }

    Router<T> build() {
      List<Entry<T>> list = new ArrayList<>();
      targets.forEach(
          (key, byMethod) ->
              list.add(new Entry<>(templates.get(key), Collections.unmodifiableMap(byMethod))));
      list.sort((a, b) -> a.template.compareTo(b.template));
      return new Router<>(List.copyOf(list));
    }
  }
}
