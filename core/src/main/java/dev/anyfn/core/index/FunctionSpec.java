package dev.anyfn.core.index;

import java.util.List;

/**
 * One {@code @ServerlessFunction} class as recorded in the index.
 *
 * @param name the function name
 * @param className the binary class name
 * @param memoryMb memory per instance
 * @param timeoutSeconds invocation timeout
 * @param maxInstances instance cap; 0 disables the function
 * @param initMethods {@code @OnInit} methods
 * @param shutdownMethods {@code @OnShutdown} methods
 * @param handlers the trigger methods in source order
 * @param cors the function's {@code @Cors}; null without one
 * @param sendsTo the queues of the function's {@code @SendsTo}, in declared order; empty without
 * @param publishesTo the topics of the function's {@code @SendsTo}, in declared order; empty
 *     without
 */
public record FunctionSpec(
    String name,
    String className,
    int memoryMb,
    int timeoutSeconds,
    int maxInstances,
    List<MethodRef> initMethods,
    List<MethodRef> shutdownMethods,
    List<HandlerSpec> handlers,
    CorsSpec cors,
    List<String> sendsTo,
    List<String> publishesTo) {
  /** Copies the lists. */
  public FunctionSpec {
    sendsTo = sendsTo == null ? List.of() : List.copyOf(sendsTo);
    publishesTo = publishesTo == null ? List.of() : List.copyOf(publishesTo);
    initMethods = initMethods == null ? List.of() : List.copyOf(initMethods);
    shutdownMethods = shutdownMethods == null ? List.of() : List.copyOf(shutdownMethods);
    handlers = List.copyOf(handlers);
  }

  /** A function without {@code @Cors} or {@code @SendsTo}. */
  public FunctionSpec(
      String name,
      String className,
      int memoryMb,
      int timeoutSeconds,
      int maxInstances,
      List<MethodRef> initMethods,
      List<MethodRef> shutdownMethods,
      List<HandlerSpec> handlers) {
    this(
        name,
        className,
        memoryMb,
        timeoutSeconds,
        maxInstances,
        initMethods,
        shutdownMethods,
        handlers,
        null,
        List.of(),
        List.of());
  }

  /** Whether the function sends to a queue or publishes to a topic ({@code @SendsTo}). */
  public boolean sends() {
    return !sendsTo.isEmpty() || !publishesTo.isEmpty();
  }

  /**
   * Whether a handler takes events: a trigger other than an HTTP route or a direct invocation.
   * Google deploys such a function event-driven, with a shorter longest timeout.
   */
  public boolean takesEvents() {
    return triggers().stream()
        .anyMatch(t -> !(t instanceof TriggerSpec.Http) && !(t instanceof TriggerSpec.Invoke));
  }

  /** The triggers of every handler, in source order. */
  public List<TriggerSpec> triggers() {
    return handlers.stream().map(HandlerSpec::trigger).toList();
  }

  /** The handlers whose trigger is of this kind. */
  public List<HandlerSpec> handlers(TriggerSpec.Kind kind) {
    return handlers.stream().filter(h -> h.trigger().kind() == kind).toList();
  }
}
