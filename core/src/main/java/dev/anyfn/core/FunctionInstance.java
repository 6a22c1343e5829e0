package dev.anyfn.core;

import dev.anyfn.Context;
import dev.anyfn.Event;
import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import dev.anyfn.IdempotencyStore;
import dev.anyfn.Log;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One initialised instance of a function's class: what a cloud keeps warm between invocations. Safe
 * to call from several threads at once exactly when the user's class is (Lambda calls it from one
 * thread at a time; Cloud Run functions may not).
 *
 * <p>The {@code handle...} methods never throw for anything a caller or a handler did: HTTP
 * failures become problem responses, event failures become {@link BatchOutcome} entries, invoke
 * failures become {@link InvokeOutcome} errors. An {@link Error} thrown by a handler marks the
 * instance unhealthy; the caller should retire it.
 *
 * <p>{@link #retire} runs the {@code @OnShutdown} methods once, when the last call in flight has
 * returned (at once when none is): never while a handler of this instance still runs, even one that
 * outlived its timeout.
 */
public final class FunctionInstance {
  private final FunctionDefinition definition;
  private final Object target;
  private final HttpDispatch http;
  private final EventDispatch events;
  private final IdempotencyStore idempotencyStore;
  private final Duration keepResults;
  private volatile boolean healthy = true;

  /** Calls in flight, plus {@link #RETIRED} once {@link #retire} was called. */
  private final AtomicInteger calls = new AtomicInteger();

  private static final int RETIRED = 1 << 30;
  private final AtomicBoolean shutDown = new AtomicBoolean();

  /** The instance's log from its start, where failures of its {@code @OnShutdown} methods go. */
  private final Log log;

  FunctionInstance(
      FunctionDefinition definition,
      Object target,
      IdempotencyStore idempotencyStore,
      Duration keepResults,
      Log log) {
    this.definition = definition;
    this.log = log;
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
    enter();
    try {
      return http.handle(request, context);
    } finally {
      leave();
    }
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
    enter();
    try {
      return http.handleRouted(match, request, context);
    } finally {
      leave();
    }
  }

  /**
   * Delivers a batch of events of one kind to the handler whose trigger matches them, item by item
   * (or whole, for a {@code List<QueueMessage>} handler).
   *
   * @throws NoMatchingTriggerException when the function has no trigger for these events
   */
  public BatchOutcome handleEvents(List<? extends Event> batch, Context context) {
    enter();
    try {
      return events.handle(batch, context);
    } finally {
      leave();
    }
  }

  /**
   * Delivers a batch to the handler of exactly this trigger, for adapters that know which trigger
   * fired (one deployment per trigger on Google and Azure; the emulator's schedules).
   *
   * @throws NoMatchingTriggerException when the function has no such trigger
   */
  public BatchOutcome handleEvents(
      dev.anyfn.core.index.TriggerSpec trigger, List<? extends Event> batch, Context context) {
    enter();
    try {
      return events.handle(trigger, batch, context);
    } finally {
      leave();
    }
  }

  /**
   * Calls the {@code @OnInvoke} handler with a JSON payload.
   *
   * @throws NoMatchingTriggerException when the function has no {@code @OnInvoke} handler
   */
  public InvokeOutcome invoke(byte[] payload, Context context) {
    enter();
    try {
      return events.invoke(payload, context);
    } finally {
      leave();
    }
  }

  /**
   * Takes this instance out of service: its {@code @OnShutdown} methods run once, on the thread
   * that calls this when no call is in flight, else on the thread whose call returns last; what one
   * throws is logged. Later calls of this method do nothing. A call that begins after this one is
   * refused with {@link RetiredException}, its handler not run.
   */
  public void retire() {
    int before = calls.getAndUpdate(c -> c | RETIRED);
    if (before == 0) {
      shutDown();
    }
  }

  /** Whether {@link #retire} was called. */
  public boolean retired() {
    return (calls.get() & RETIRED) != 0;
  }

  /**
   * Thrown by a call on an instance that was {@linkplain #retire retired} after the caller took it
   * and before the call began (another thread retired it, for instance after a handler threw an
   * {@link Error}). The handler did not run: take the function's current instance and call again.
   */
  public static final class RetiredException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    RetiredException(String function) {
      super(
          "This instance of function '"
              + function
              + "' was retired before the call began; the handler did not run. Call the"
              + " function's current instance.");
    }
  }

  /**
   * Counts a call in, unless the instance was retired: its {@code @OnShutdown} may have run
   * already, so no handler may start on it.
   */
  private void enter() {
    if ((calls.incrementAndGet() & RETIRED) != 0) {
      leave();
      throw new RetiredException(definition.name());
    }
  }

  private void leave() {
    if (calls.decrementAndGet() == RETIRED) {
      shutDown();
    }
  }

  private void shutDown() {
    if (shutDown.compareAndSet(false, true)) {
      for (Throwable t : definition.shutdown(target)) {
        log.error("An @OnShutdown method of function '" + definition.name() + "' failed", t);
      }
    }
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
