package dev.anyfn.core;

import dev.anyfn.HttpRequest;
import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.TriggerSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every function of a deployment, loaded once from the compile-time index: no class path scanning,
 * reflection only here at startup. Immutable and thread-safe. The entry point of every adapter.
 */
public final class FunctionRuntime {
  private final RuntimeSettings settings;
  private final JsonCodec json;
  private final Map<String, FunctionDefinition> functions;
  private volatile Router<Target> router;

  private record Target(FunctionDefinition function, ResolvedHandler handler) {}

  private FunctionRuntime(
      RuntimeSettings settings, JsonCodec json, FunctionIndex index, ClassLoader loader) {
    this.settings = settings;
    this.json = json;
    Types types = new Types(loader, json);
    Map<String, FunctionDefinition> byName = new LinkedHashMap<>();
    for (FunctionSpec spec : index.functions()) {
      FunctionDefinition same = byName.get(spec.name());
      if (same != null) {
        throw new ConfigurationException(
            "Two functions are named '"
                + spec.name()
                + "': "
                + same.spec().className()
                + " and "
                + spec.className()
                + " (two modules on one class path can each hold one). Give one of them another"
                + " name in its @ServerlessFunction.");
      }
      FunctionDefinition fn = new FunctionDefinition(spec, types, settings, json);
      byName.put(spec.name(), fn);
    }
    this.functions = Map.copyOf(byName);
  }

  /**
   * Loads every function in the index resources of {@code loader}.
   *
   * @throws dev.anyfn.core.index.IndexFormatException when there is no readable index
   * @throws ConfigurationException when a class or method of the index is missing
   */
  public static FunctionRuntime load(ClassLoader loader, RuntimeSettings settings) {
    return of(FunctionIndex.load(loader), loader, settings);
  }

  /** Loads the functions of a given index. */
  public static FunctionRuntime of(
      FunctionIndex index, ClassLoader loader, RuntimeSettings settings) {
    return new FunctionRuntime(settings, JsonCodec.create(settings), index, loader);
  }

  /**
   * Builds the router {@link #route} uses now rather than on the first request.
   *
   * @throws ConfigurationException when two functions serve one method and path
   */
  public void checkRoutes() {
    router();
  }

  private Router<Target> router() {
    Router<Target> r = router;
    if (r == null) {
      synchronized (this) {
        if (router == null) {
          Router.Builder<Target> routes = Router.builder();
          for (FunctionDefinition fn : functions()) {
            for (ResolvedHandler h : fn.handlers()) {
              if (h.spec().trigger() instanceof TriggerSpec.Http http) {
                routes.add(
                    http.method(),
                    http.path(),
                    new Target(fn, h),
                    "function '" + fn.name() + "' (" + h.description() + ")");
              }
            }
          }
          router = routes.build();
        }
        r = router;
      }
    }
    return r;
  }

  /** The settings. */
  public RuntimeSettings settings() {
    return settings;
  }

  /** The JSON codec every function of this runtime uses. */
  public JsonCodec json() {
    return json;
  }

  /** Every function, sorted by name. */
  public List<FunctionDefinition> functions() {
    return functions.values().stream()
        .sorted(java.util.Comparator.comparing(FunctionDefinition::name))
        .toList();
  }

  /**
   * The function with this name.
   *
   * @throws ConfigurationException naming the functions that exist when there is none
   */
  public FunctionDefinition function(String name) {
    FunctionDefinition fn = functions.get(name);
    if (fn == null) {
      throw new ConfigurationException(
          "No function named '"
              + name
              + "'; this deployment has "
              + functions().stream().map(FunctionDefinition::name).toList()
              + ". Check the function name in the deployment configuration (ANYFN_FUNCTION).");
    }
    return fn;
  }

  /**
   * Routes a request across the HTTP routes of every function (what the emulator's single front
   * door does; a cloud adapter serves one function and routes with {@link
   * FunctionInstance#handleHttp(HttpRequest, dev.anyfn.Context)}). The shared router is built on
   * first use.
   *
   * @throws ConfigurationException when two functions serve the same method and path
   */
  public RouteMatch route(HttpRequest request) {
    // a CORS preflight goes to the function that would serve the method it asks about, if that
    // function has @Cors; it answers without calling a handler
    Optional<String> asked = CorsAnswers.preflightMethod(request);
    if (asked.isPresent()
        && router().route(asked.get(), request.pathSegments()) instanceof Router.Matched<Target> p
        && p.target().function().spec().cors() != null) {
      return RouteMatch.matched(p.target().function(), p.target().handler(), p.params(), false);
    }
    Router.Result<Target> r = router().route(request.method(), request.pathSegments());
    if (r instanceof Router.Matched<Target> m) {
      return RouteMatch.matched(m.target().function(), m.target().handler(), m.params(), m.head());
    }
    if (r instanceof Router.MethodNotAllowed<Target> n) {
      return RouteMatch.miss(n.allow());
    }
    return RouteMatch.miss(List.of());
  }
}
