package dev.anyfn.core;

import dev.anyfn.Context;
import dev.anyfn.Event;
import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import dev.anyfn.IdempotencyStore;
import java.time.Duration;
import java.util.List;

/**
 * One initialised instance of a function's class: what a cloud keeps warm between invocations. Safe
 * to call from several threads at once exactly when the user's class is (Lambda calls it from one
 * thread at a time; Cloud Run functions may not).
 *
 * <p>The {@code handle...} methods never throw for anything a caller or a handler did: HTTP
 * failures become problem responses, event failures become {@link BatchOutcome} entries, invoke
 * failures become {@link InvokeOutcome} errors. An {@link Error} thrown by a handler marks the
 * instance unhealthy; the caller should retire it.
 */
public final class FunctionInstance {
  private final FunctionDefinition definition;
  private final Object target;
  private final HttpDispatch http;
  private final EventDispatch events;
  private final IdempotencyStore idempotencyStore;
  private final Duration keepResults;
  private volatile boolean healthy = true;

  FunctionInstance(
      FunctionDefinition definition,
      Object target,
      IdempotencyStore idempotencyStore,
      Duration keepResults) {
    this.definition = definition;
    this.target = target;
    this.idempotencyStore = idempotencyStore;
    this.keepResults = keepResults;
    this.http = new HttpDispatch(definition, this);
    this.events = new EventDispatch(definition, this);
  }

  /** The function this is an instance of. */
  public FunctionDefinition definition() {
    return definition;
  }

  /** Routes the request among this function's routes and answers it. */
  public HttpResponse handleHttp(HttpRequest request, Context context) {
    return http.handle(request, context);
  }

  /**
   * Answers a request already routed by {@link FunctionRuntime#route(HttpRequest)} to this
   * instance's function.
   *
   * @throws IllegalArgumentException if the match is a miss or belongs to another function
   */
  public HttpResponse handleHttp(RouteMatch match, HttpRequest request, Context context) {
    if (match.function().orElse(null) != definition) {
      throw new IllegalArgumentException(
          "The route match is not for function " + definition.name());
    }
    return http.handleRouted(match, request, context);
  }

  /**
   * Delivers a batch of events of one kind to the handler whose trigger matches them, item by item
   * (or whole, for a {@code List<QueueMessage>} handler).
   *
   * @throws NoMatchingTriggerException when the function has no trigger for these events
   */
  public BatchOutcome handleEvents(List<? extends Event> batch, Context context) {
    return events.handle(batch, context);
  }

  /**
   * Delivers a batch to the handler of exactly this trigger, for adapters that know which trigger
   * fired (one deployment per trigger on Google and Azure; the emulator's schedules).
   *
   * @throws NoMatchingTriggerException when the function has no such trigger
   */
  public BatchOutcome handleEvents(
      dev.anyfn.core.index.TriggerSpec trigger, List<? extends Event> batch, Context context) {
    return events.handle(trigger, batch, context);
  }

  /**
   * Calls the {@code @OnInvoke} handler with a JSON payload.
   *
   * @throws NoMatchingTriggerException when the function has no {@code @OnInvoke} handler
   */
  public InvokeOutcome invoke(byte[] payload, Context context) {
    return events.invoke(payload, context);
  }

  /** Runs the {@code @OnShutdown} methods; failures are returned, not thrown. */
  public List<Throwable> shutdown() {
    return definition.shutdown(target);
  }

  /** False once a handler threw an {@link Error}: retire this instance. */
  public boolean healthy() {
    return healthy;
  }

  Object target() {
    return target;
  }

  /** Where {@code Context.once} keeps its records; null when none is set. */
  IdempotencyStore idempotencyStore() {
    return idempotencyStore;
  }

  Duration keepResults() {
    return keepResults;
  }

  void markUnhealthy() {
    healthy = false;
  }
}
