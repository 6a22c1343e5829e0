package dev.anyfn.core;

import dev.anyfn.InitContext;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.HandlerSpec;
import dev.anyfn.core.index.MethodRef;
import dev.anyfn.core.index.TriggerSpec;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One function, resolved once from the index: its class, constructor, lifecycle methods, handlers
 * and routes. Immutable and thread-safe; creates {@link FunctionInstance}s.
 */
public final class FunctionDefinition {
  private final FunctionSpec spec;
  private final Class<?> type;
  private final MethodHandle constructor;
  private final List<MethodHandle> init;
  private final List<Boolean> initTakesContext;
  private final List<MethodHandle> shutdown;
  private final List<ResolvedHandler> handlers;
  private final Router<ResolvedHandler> router;
  private final RuntimeSettings settings;
  private final JsonCodec json;

  /** The triggers by description, made on the first {@link #trigger} (events that name one). */
  private volatile Map<String, TriggerSpec> triggersByDescription;

  FunctionDefinition(FunctionSpec spec, Types types, RuntimeSettings settings, JsonCodec json) {
    this.spec = spec;
    this.settings = settings;
    this.json = json;
    this.type = types.load(spec.className());
    MethodHandles.Lookup lookup = MethodHandles.publicLookup();
    try {
      this.constructor = lookup.findConstructor(type, MethodType.methodType(void.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new ConfigurationException(
          "Function class " + type.getName() + " has no public no-argument constructor.", e);
    }
    this.init = new ArrayList<>();
    this.initTakesContext = new ArrayList<>();
    for (MethodRef m : spec.initMethods()) {
      init.add(lifecycle(lookup, types, m));
      initTakesContext.add(!m.parameterTypes().isEmpty());
    }
    this.shutdown = new ArrayList<>();
    for (MethodRef m : spec.shutdownMethods()) {
      shutdown.add(lifecycle(lookup, types, m));
    }
    List<ResolvedHandler> resolved = new ArrayList<>();
    Router.Builder<ResolvedHandler> routes = Router.builder();
    for (HandlerSpec h : spec.handlers()) {
      ResolvedHandler handler = ResolvedHandler.resolve(type, h, types, json);
      resolved.add(handler);
      if (h.trigger() instanceof TriggerSpec.Http http) {
        routes.add(http.method(), http.path(), handler, handler.description());
      }
    }
    this.handlers = List.copyOf(resolved);
    this.router = routes.build();
  }

  private MethodHandle lifecycle(MethodHandles.Lookup lookup, Types types, MethodRef m) {
    Class<?>[] params = m.parameterTypes().stream().map(types::load).toArray(Class<?>[]::new);
    try {
      return lookup.findVirtual(type, m.name(), MethodType.methodType(void.class, params));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new ConfigurationException(
          "Lifecycle method " + type.getName() + "." + m.name() + " is missing or not public.", e);
    }
  }

  /** The function's name. */
  public String name() {
    return spec.name();
  }

  /** The index entry. */
  public FunctionSpec spec() {
    return spec;
  }

  /**
   * The trigger of this function whose {@link TriggerSpec#describe} is {@code description}: how a
   * deployment or an event names the trigger it serves. Looked up in a map made once, not by
   * describing every trigger per call.
   */
  public Optional<TriggerSpec> trigger(String description) {
    Map<String, TriggerSpec> byDescription = triggersByDescription;
    if (byDescription == null) {
      Map<String, TriggerSpec> made = new HashMap<>();
      for (TriggerSpec t : spec.triggers()) {
        made.putIfAbsent(t.describe(), t);
      }
      byDescription = Map.copyOf(made);
      triggersByDescription = byDescription; // a racing second make is harmless
    }
    return Optional.ofNullable(byDescription.get(description));
  }

  List<ResolvedHandler> handlers() {
    return handlers;
  }

  Router<ResolvedHandler> router() {
    return router;
  }

  RuntimeSettings settings() {
    return settings;
  }

  JsonCodec json() {
    return json;
  }

  /**
   * Creates and initialises an instance: the constructor, then every {@code @OnInit} method. This
   * is the cold start.
   *
   * @throws InitFailedException when the constructor or an init method throws
   */
  public FunctionInstance newInstance(InitContext context) {
    Object target;
    try {
      target = constructor.invoke();
      for (int i = 0; i < init.size(); i++) {
        if (initTakesContext.get(i)) {
          init.get(i).invoke(target, context);
        } else {
          init.get(i).invoke(target);
        }
      }
    } catch (Throwable t) {
      throw new InitFailedException(
          "Function '"
              + name()
              + "' failed to initialise: "
              + t.getClass().getName()
              + (t.getMessage() == null ? "" : ": " + t.getMessage()),
          t);
    }
    return context instanceof StartupContext startup
        ? new FunctionInstance(
            this, target, startup.idempotencyStore(), startup.keepResults(), context.log())
        : new FunctionInstance(
            this, target, null, StartupContext.DEFAULT_KEEP_RESULTS, context.log());
  }

  /** Runs the {@code @OnShutdown} methods of an instance; failures are returned, not thrown. */
  List<Throwable> shutdown(Object target) {
    List<Throwable> failures = new ArrayList<>();
    for (MethodHandle m : shutdown) {
      try {
        m.invoke(target);
      } catch (Throwable t) {
        failures.add(t);
      }
    }
    return failures;
  }

  @Override
  public String toString() {
    return "FunctionDefinition[" + name() + " " + type.getName() + "]";
  }
}
