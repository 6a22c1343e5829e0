package dev.anyfn.local;

import dev.anyfn.core.FunctionDefinition;
import dev.anyfn.core.FunctionInstance;
import dev.anyfn.core.InvocationContext;
import dev.anyfn.core.MessageSender;
import dev.anyfn.core.RuntimeSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * The instances of one function, created on demand up to {@code maxInstances}, each serving up to
 * {@code concurrency} invocations at once. An invocation that outlives the timeout is answered as a
 * timeout, its thread interrupted and its instance retired; an instance whose init fails is never
 * kept; an instance whose handler threw an {@link Error} is discarded. The pool accounts for its
 * slots (leases, releases, retirement, scale to zero); each invocation runs as an {@link
 * Invocation}, which initialises, calls and times out. Thread-safe.
 */
final class InstancePool {
  private final FunctionDefinition function;
  private final RuntimeSettings settings;
  private final int maxInstances;
  private final int concurrency;
  private final Duration timeout;
  private final Workers workers;
  private final EmulatorClock clock;
  private final FunctionStats stats;
  private final LogSink log;

  /** How handlers' messages are sent; null for a function without {@code @SendsTo}. */
  private volatile MessageSender sender;

  private final List<Slot> slots = new ArrayList<>();
  private int nextSlotId = 1;
  private int inFlight;

  InstancePool(
      FunctionDefinition function,
      RuntimeSettings settings,
      int maxInstances,
      int concurrency,
      Duration timeout,
      Workers workers,
      EmulatorClock clock,
      LogSink log) {
    this.function = function;
    this.settings = settings;
    this.maxInstances = maxInstances;
    this.concurrency = concurrency;
    this.timeout = timeout;
    this.workers = workers;
    this.clock = clock;
    this.log = log;
    this.stats = new FunctionStats(function.name(), function.spec().memoryMb());
  }

  /** Sends the messages of this function's handlers through {@code sender}, if it declares any. */
  void sendThrough(MessageSender sender) {
    this.sender = function.spec().sends() ? sender : null;
  }

  /** Thrown through a failed invocation future when the invocation outlived its timeout. */
  static final class TimedOut extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TimedOut(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * One instance, or the place of one being initialised. {@link #ready} is thread-safe; the rest is
   * guarded by the pool's lock.
   */
  static final class Slot {
    final int id;
    final CompletableFuture<FunctionInstance> ready = new CompletableFuture<>();
    int inFlight;

    /** Invocations in flight per group of {@link #tryAcquire(Object, int)}, when it has any. */
    final Map<Object, Integer> inFlightByGroup = new HashMap<>(4);

    Instant lastUsed;
    boolean retired;

    Slot(int id, Instant now) {
      this.id = id;
      this.lastUsed = now;
    }
  }

  /** A claim on one unit of an instance's concurrency; give it to {@link #invoke} exactly once. */
  final class Lease {
    final Slot slot;

    /** Whether this lease created its slot, so that its invocation initialises the instance. */
    final boolean mustInitialise;

    private final Object group;

    private Lease(Slot slot, boolean mustInitialise, Object group) {
      this.slot = slot;
      this.mustInitialise = mustInitialise;
      this.group = group;
    }
  }

  String name() {
    return function.name();
  }

  FunctionDefinition function() {
    return function;
  }

  FunctionStats stats() {
    return stats;
  }

  int maxInstances() {
    return maxInstances;
  }

  /** The most invocations that may run at once: every instance busy to its concurrency. */
  long maxConcurrentInvocations() {
    return (long) maxInstances * concurrency;
  }

  Duration timeout() {
    return timeout;
  }

  RuntimeSettings settings() {
    return settings;
  }

  /** How handlers' messages are sent; null for a function without {@code @SendsTo}. */
  MessageSender sender() {
    return sender;
  }

  Workers workers() {
    return workers;
  }

  EmulatorClock clock() {
    return clock;
  }

  LogSink log() {
    return log;
  }

  /**
   * Claims capacity: a warm instance with room, else a new instance if below the maximum, else
   * empty (throttled). Never blocks.
   */
  java.util.Optional<Lease> tryAcquire() {
    return tryAcquire(null, concurrency);
  }

  /**
   * As {@link #tryAcquire()}, for an invocation of {@code group} (an event source), of which one
   * instance runs at most {@code perInstance} at once within its concurrency: on Azure an instance
   * runs 100 HTTP requests but 24 messages of one Storage queue.
   */
  synchronized java.util.Optional<Lease> tryAcquire(Object group, int perInstance) {
    if (perInstance >= concurrency) {
      group = null; // the instance's concurrency is the tighter limit: nothing to count per group
    }
    Slot best = null;
    for (Slot s : slots) {
      if (!s.retired
          && s.inFlight < concurrency
          && (group == null || s.inFlightByGroup.getOrDefault(group, 0) < perInstance)
          && (best == null || s.inFlight > best.inFlight)) {
        best = s; // pack requests onto the busiest instance with room, as Cloud Run does
      }
    }
    boolean created = false;
    if (best == null) {
      if (slots.size() >= maxInstances || perInstance < 1 || workers.leakedThreadCapReached()) {
        return java.util.Optional.empty();
      }
      best = new Slot(nextSlotId++, clock.instant());
      slots.add(best);
      created = true;
    }
    best.inFlight++;
    inFlight++;
    if (group != null) {
      best.inFlightByGroup.merge(group, 1, Integer::sum);
    }
    return java.util.Optional.of(new Lease(best, created, group));
  }

  /** Counts a throttled call and says why it was throttled. */
  String throttled() {
    stats.throttle();
    if (maxInstances == 0) {
      return "Function '" + name() + "' has maxInstances = 0 (disabled); every call is throttled.";
    }
    if (workers.leakedThreadCapReached() && instances() < maxInstances) {
      return "Too many handler threads ignored interruption after a timeout; new instances are"
          + " refused until they end, and the warm instances of function '"
          + name()
          + "' are busy.";
    }
    return "All "
        + maxInstances
        + " instances of function '"
        + name()
        + "' are busy (maxInstances = "
        + maxInstances
        + ", concurrency "
        + concurrency
        + " per instance).";
  }

  /**
   * Runs {@code call} on the leased instance on a worker thread, initialising the instance first if
   * this lease created it. The future fails with {@link InitFailedException} or {@link TimedOut};
   * it never fails because of what the handler threw (the core maps that).
   */
  <T> CompletableFuture<T> invoke(
      Lease lease, String requestId, BiFunction<FunctionInstance, InvocationContext, T> call) {
    return new Invocation<>(this, lease, requestId, call).start(null);
  }

  /**
   * As {@link #invoke}, but runs {@code call} on the calling thread and returns when it has ended;
   * {@code done} gets the value or the failure ({@link InitFailedException} or {@link TimedOut}),
   * exactly once. For callers that own a thread per request anyway, such as the HTTP server: no
   * hand-off to a worker thread and back. The timeout is enforced alike: at the deadline {@code
   * done} gets {@link TimedOut} on the timer thread while the calling thread, interrupted, is still
   * inside the handler (one that ignores interruption keeps the thread, as it would keep a worker
   * thread, and is counted as leaked).
   */
  <T> void invokeHere(
      Lease lease,
      String requestId,
      BiFunction<FunctionInstance, InvocationContext, T> call,
      BiConsumer<? super T, ? super Throwable> done) {
    new Invocation<>(this, lease, requestId, call).start(done);
  }

  /**
   * Marks a slot retired: no new work goes to it, and its instance's {@code @OnShutdown} runs once
   * the calls admitted to it have been released (here, or by {@link #release}) and the instance's
   * last call has returned, a timed-out one included.
   */
  void retire(Slot slot, String why) {
    boolean idle;
    synchronized (this) {
      if (slot.retired) {
        return;
      }
      slot.retired = true;
      slots.remove(slot);
      idle = slot.inFlight == 0;
    }
    log.line("Instance " + slot.id + " of function '" + name() + "' retired: " + why);
    if (idle) {
      retireInstance(slot);
    }
  }

  synchronized boolean isRetiredAndIdle(Slot slot) {
    return slot.retired && slot.inFlight == 0;
  }

  /** Gives the lease's unit of concurrency back; the last call of a retired slot retires it. */
  void release(Lease lease) {
    Slot slot = lease.slot;
    boolean lastOfRetired;
    synchronized (this) {
      slot.inFlight--;
      inFlight--;
      if (lease.group != null) {
        slot.inFlightByGroup.merge(lease.group, -1, (a, b) -> a + b == 0 ? null : a + b);
      }
      slot.lastUsed = clock.instant();
      // A call admitted to the slot may not have entered the instance yet: the instance retires
      // once the last admitted call is released, not before.
      lastOfRetired = slot.retired && slot.inFlight == 0;
      notifyAll();
    }
    if (lastOfRetired) {
      retireInstance(slot);
    }
    workers.onRelease();
  }

  /** Retires instances idle for at least {@code idle}: scale to zero. */
  void retireIdle(Instant now, Duration idle) {
    List<Slot> idleSlots = new ArrayList<>();
    synchronized (this) {
      for (Slot s : List.copyOf(slots)) {
        if (s.inFlight == 0 && s.ready.isDone() && !s.lastUsed.plus(idle).isAfter(now)) {
          s.retired = true;
          slots.remove(s);
          idleSlots.add(s);
        }
      }
    }
    for (Slot s : idleSlots) {
      log.line(
          "Instance "
              + s.id
              + " of function '"
              + name()
              + "' retired after "
              + idle.toMillis()
              + " ms idle (scale to zero)");
      retireInstance(s);
    }
  }

  /**
   * Retires the slot's instance, if it started, on a worker thread, so that no caller waits for its
   * {@code @OnShutdown}; the core runs it then, or when the instance's last call returns.
   */
  CompletableFuture<Void> retireInstance(Slot slot) {
    if (!slot.ready.isDone() || slot.ready.isCompletedExceptionally()) {
      return CompletableFuture.completedFuture(null);
    }
    FunctionInstance instance = slot.ready.join();
    try {
      return CompletableFuture.runAsync(instance::retire, workers::execute);
    } catch (RejectedExecutionException e) { // the emulator has stopped: on this thread, then
      instance.retire();
      return CompletableFuture.completedFuture(null);
    }
  }

  /** Current instances (including ones initialising). */
  synchronized int instances() {
    return slots.size();
  }

  /** Invocations running now. */
  synchronized int inFlight() {
    return inFlight;
  }

  /** Waits until nothing runs or the deadline passes; true when drained. */
  synchronized boolean awaitDrained(long deadlineNanos) throws InterruptedException {
    while (inFlight > 0) {
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  /**
   * Retires every instance at shutdown; the future completes when the {@code @OnShutdown} of the
   * idle ones has run (a busy one's runs when its last call returns).
   */
  CompletableFuture<Void> retireAll() {
    List<Slot> idle = new ArrayList<>();
    synchronized (this) {
      for (Slot s : slots) {
        s.retired = true;
        if (s.inFlight == 0) {
          idle.add(s); // a busy one retires when its last call is released
        }
      }
      slots.clear();
    }
    return CompletableFuture.allOf(
        idle.stream().map(this::retireInstance).toArray(CompletableFuture[]::new));
  }
}
