package dev.anyfn.local;

import dev.anyfn.Event;
import dev.anyfn.core.BatchOutcome;
import dev.anyfn.core.InitFailedException;
import dev.anyfn.core.index.TriggerSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Delivers queued events to their consumers at least once: takes ready events in batches when the
 * consumer has a free instance (throttling leaves them queued and never counts as a failure),
 * retries failures with exponential backoff and jitter, dead-letters after the maximum attempts, on
 * a permanent failure, or past the maximum event age. One dispatcher thread; handlers run on the
 * {@link Workers}. Thread-safe.
 */
final class EventHub {
  private final Map<String, EventQueue> queues = new LinkedHashMap<>();
  private final EmulatorClock clock;
  private final LogSink log;
  private final ToIntFunction<TriggerSpec> maxAttempts;
  private final ToIntFunction<TriggerSpec.Kind> perInstance;
  private final Duration backoffBase;
  private final Duration backoffMax;
  private final Function<TriggerSpec, Duration> maxEventAge;
  private final Duration visibilityTimeout;
  private final AtomicLong ids = new AtomicLong();
  private final Thread dispatcher;
  private volatile boolean capacityWanted;
  private boolean accepting = true;
  private boolean running = true;
  private boolean paused;
  private long requeuedAtShutdown;

  EventHub(
      EmulatorClock clock,
      LogSink log,
      ToIntFunction<TriggerSpec> maxAttempts,
      ToIntFunction<TriggerSpec.Kind> perInstance,
      Duration backoffBase,
      Duration backoffMax,
      Function<TriggerSpec, Duration> maxEventAge,
      Duration visibilityTimeout) {
    this.clock = clock;
    this.log = log;
    this.maxAttempts = maxAttempts;
    this.perInstance = perInstance;
    this.backoffBase = backoffBase;
    this.backoffMax = backoffMax;
    this.maxEventAge = maxEventAge;
    this.visibilityTimeout = visibilityTimeout;
    this.dispatcher = new Thread(this::dispatchLoop, "anyfn-events");
    this.dispatcher.setDaemon(true);
  }

  /** Delivery attempts of an event of this trigger before it is dead-lettered. */
  int maxAttempts(TriggerSpec trigger) {
    return maxAttempts.applyAsInt(trigger);
  }

  /**
   * A delivery queue of {@code trigger}'s events for {@code consumer}, whose handler of that
   * trigger takes them, with the trigger's attempts and age and the events of its kind one instance
   * takes at once; add it with {@link #add}.
   */
  EventQueue newQueue(String name, InstancePool consumer, int batchSize, TriggerSpec trigger) {
    TriggerSpec.Kind kind = trigger.kind();
    return new EventQueue(
        name,
        consumer,
        trigger,
        batchSize,
        maxAttempts(trigger),
        perInstance.applyAsInt(kind),
        maxEventAge.apply(trigger));
  }

  /**
   * {@code name}, or, when another trigger of {@code consumer} reads the same bucket or table
   * ({@code sameSource}), {@code name} with the trigger's kinds, so that each trigger has a queue
   * of its own.
   */
  static String apart(
      String name, InstancePool consumer, Predicate<TriggerSpec> sameSource, List<String> kinds) {
    long readers = consumer.function().spec().triggers().stream().filter(sameSource).count();
    return readers > 1 ? name + "/" + String.join(",", kinds) : name;
  }

  synchronized void add(EventQueue q) {
    queues.put(q.name, q);
  }

  void start() {
    dispatcher.start();
  }

  synchronized List<EventQueue> queues() {
    return List.copyOf(queues.values());
  }

  String newId() {
    return "evt-" + ids.incrementAndGet();
  }

  /**
   * Accepts an event into a delivery queue.
   *
   * @throws IllegalStateException once the emulator is shutting down
   */
  synchronized void enqueue(
      EventQueue q, String id, byte[] body, Map<String, String> attributes, EventFactory factory) {
    if (!accepting) {
      throw new IllegalStateException(
          "The emulator is shutting down and accepts no more events; event for "
              + q.name
              + " refused.");
    }
    q.ready.add(new Envelope(id, body, attributes, factory::create, clock.instant()));
    notifyAll();
  }

  /** Builds the neutral event for a delivery attempt. */
  interface EventFactory {
    Event create(int attempt);
  }

  synchronized void wake() {
    notifyAll();
  }

  /**
   * An invocation ended and freed capacity. Wakes the dispatcher only when a queue is waiting for
   * capacity, so that HTTP traffic does not contend for the hub's lock on every request.
   */
  void capacityFreed() {
    if (capacityWanted) {
      synchronized (this) {
        capacityWanted = false;
        notifyAll();
      }
    }
  }

  private void dispatchLoop() {
    synchronized (this) {
      while (running) {
        long now = System.nanoTime();
        long nextWake = now + 1_000_000_000L;
        for (EventQueue q : queues.values()) {
          q.promote(now);
          expireStuck(q, now);
          if (accepting && !paused) {
            dispatch(q);
          }
          if (!q.delayed.isEmpty()) {
            nextWake = Math.min(nextWake, q.delayed.peek().visibleAtNanos);
          }
        }
        long waitMillis = Math.max(1, (nextWake - System.nanoTime()) / 1_000_000);
        try {
          wait(waitMillis);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private void dispatch(EventQueue q) {
    while (!q.ready.isEmpty()) {
      Instant now = clock.instant();
      Envelope head = q.ready.peek();
      if (Duration.between(head.firstReceived, now).compareTo(q.maxAge) > 0) {
        q.ready.poll();
        head.failed("older than the maximum event age " + q.maxAge);
        deadLetter(q, head, "expired");
        continue;
      }
      if (q.inFlight.size() >= q.maxInFlight) {
        return; // a singleton still running: completed() wakes the dispatcher
      }
      if (q.ordered && !q.delayed.isEmpty()) {
        return; // an earlier event waits for its retry: the later ones wait behind it
      }
      // Set before trying: capacity freed after a failed try then sees it and wakes us.
      capacityWanted = true;
      var lease = q.consumer.tryAcquire(q, q.perInstance);
      if (lease.isEmpty()) {
        return; // throttled: stays queued, not a failure
      }
      List<Envelope> batch = q.take();
      long t = System.nanoTime();
      List<Event> events = new ArrayList<>(batch.size());
      for (Envelope e : batch) {
        e.attempts++;
        e.inFlightSinceNanos = t;
        q.inFlight.add(e);
        q.consumer.stats().delivery(e.attempts > 1);
        events.add(e.event.apply(e.attempts));
      }
      String requestId = "evt-req-" + ids.incrementAndGet();
      q.consumer
          .invoke(
              lease.get(),
              requestId,
              (instance, ctx) -> instance.handleEvents(q.trigger, events, ctx))
          .whenComplete((outcome, failure) -> completed(q, batch, outcome, failure));
    }
  }

  /** An in-flight event whose delivery never completed goes back after the visibility timeout. */
  private void expireStuck(EventQueue q, long now) {
    if (q.inFlight.isEmpty()) {
      return;
    }
    long limit = Math.max(visibilityTimeout.toNanos(), q.consumer.timeout().toNanos() * 2);
    for (Envelope e : List.copyOf(q.inFlight)) {
      if (now - e.inFlightSinceNanos > limit) {
        q.inFlight.remove(e);
        e.failed("visibility timeout expired");
        retryOrDeadLetter(q, e);
      }
    }
  }

  private synchronized void completed(
      EventQueue q, List<Envelope> batch, BatchOutcome outcome, Throwable failure) {
    Set<Envelope> stillHere = new HashSet<>();
    for (Envelope e : batch) {
      if (q.inFlight.remove(e)) {
        stillHere.add(e);
      }
    }
    Map<Integer, BatchOutcome.ItemFailure> failed = new LinkedHashMap<>();
    String whole = null;
    if (failure != null) {
      Throwable cause =
          failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
              ? failure.getCause()
              : failure;
      whole =
          cause instanceof InstancePool.TimedOut
              ? "timed out"
              : cause instanceof InitFailedException
                  ? "init failed: " + cause.getMessage()
                  : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    } else {
      for (BatchOutcome.ItemFailure f : outcome.failures()) {
        failed.put(f.index(), f);
      }
    }
    for (int i = 0; i < batch.size(); i++) {
      Envelope e = batch.get(i);
      if (!stillHere.contains(e)) {
        continue; // already requeued by the visibility timeout or at shutdown
      }
      BatchOutcome.ItemFailure f = failed.get(i);
      if (whole != null) {
        e.failed(whole);
        retryOrDeadLetter(q, e);
      } else if (f == null) {
        q.delivered++;
      } else if (f.permanent()) {
        e.failed(f.reason());
        deadLetter(q, e, f.code());
      } else {
        e.failed(f.reason());
        retryOrDeadLetter(q, e);
      }
    }
    notifyAll();
  }

  private void retryOrDeadLetter(EventQueue q, Envelope e) {
    if (e.attempts >= q.maxAttempts) {
      deadLetter(q, e, "max_attempts");
      return;
    }
    long base = backoffBase.toNanos() << Math.min(20, e.attempts - 1);
    long capped = Math.min(base, backoffMax.toNanos());
    // Jitter: between half and all of the backoff, so a retry storm spreads out.
    long delay = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    e.visibleAtNanos = System.nanoTime() + delay;
    q.delayed.add(e);
  }

  private void deadLetter(EventQueue q, Envelope e, String reason) {
    if (accepting && q.forward(e)) {
      log.warn(
          "Event "
              + e.id
              + " of "
              + q.name
              + " moved to queue "
              + q.deadLetterQueue
              + " after "
              + e.attempts
              + " attempt(s) ("
              + reason
              + "): "
              + e.lastError);
      return;
    }
    q.deadLetter(e, reason, clock.instant());
    log.warn(
        "Event "
            + e.id
            + " of "
            + q.name
            + " dead-lettered after "
            + e.attempts
            + " attempt(s) ("
            + reason
            + "): "
            + e.lastError);
  }

  synchronized List<DeadLetter> deadLetters(String queue) {
    return List.copyOf(queue(queue).deadLetters);
  }

  /** Moves every dead letter of a queue back to it, attempts reset; returns how many. */
  synchronized int redrive(String queue) {
    EventQueue q = queue(queue);
    int n = q.deadEnvelopes.size();
    Instant now = clock.instant();
    for (Envelope e : q.deadEnvelopes) {
      e.firstReceived = now; // a redriven event gets its cloud's whole age again, as attempts
      e.attempts = 0;
      e.firstError = null;
      e.lastError = null;
      q.ready.add(e);
    }
    q.deadEnvelopes.clear();
    q.deadLetters.clear();
    notifyAll();
    return n;
  }

  /** The delivery queue of that name, if there is one. */
  synchronized Optional<EventQueue> find(String name) {
    return Optional.ofNullable(queues.get(name));
  }

  EventQueue queue(String name) {
    EventQueue q = queues.get(name);
    if (q == null) {
      throw new IllegalArgumentException(
          "No delivery queue named '" + name + "'; the emulator has " + queues.keySet() + ".");
    }
    return q;
  }

  /** Whether {@code q} holds an event that waits for delivery (not one in flight). */
  synchronized boolean hasWaiting(EventQueue q) {
    return !q.ready.isEmpty() || !q.delayed.isEmpty();
  }

  /** Pending events of consumable queues plus running invocations; zero when idle. */
  synchronized int pendingWork() {
    int n = 0;
    for (EventQueue q : queues.values()) {
      if (q.consumable()) {
        n += q.pending();
      }
    }
    return n;
  }

  synchronized String describePending() {
    StringBuilder b = new StringBuilder();
    for (EventQueue q : queues.values()) {
      if (q.pending() > 0) {
        b.append(q.name)
            .append(": ")
            .append(q.ready.size())
            .append(" ready, ")
            .append(q.delayed.size())
            .append(" waiting to retry, ")
            .append(q.inFlight.size())
            .append(" in flight; ");
      }
    }
    return b.toString();
  }

  /** Stops taking new events and new deliveries. */
  synchronized void stopAccepting() {
    accepting = false;
    notifyAll();
  }

  /** Waits for in-flight deliveries until the deadline; true when none remain. */
  synchronized boolean awaitInFlight(long deadlineNanos) throws InterruptedException {
    while (true) {
      int inFlight = 0;
      for (EventQueue q : queues.values()) {
        inFlight += q.inFlight.size();
      }
      if (inFlight == 0) {
        return true;
      }
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  /**
   * Forgets every event: delivers nothing new, waits for the deliveries in flight until the
   * deadline, then drops what is ready, waiting to retry or dead-lettered, including what those
   * deliveries left behind. A delivery still running at the deadline is forgotten too: its outcome,
   * when it comes, is ignored.
   *
   * @return whether every delivery in flight ended before the deadline
   */
  synchronized boolean clear(long deadlineNanos) throws InterruptedException {
    paused = true; // nothing is dispatched while the deliveries in flight end
    try {
      boolean ended = awaitInFlight(deadlineNanos);
      for (EventQueue q : queues.values()) {
        q.ready.clear();
        q.delayed.clear();
        q.inFlight.clear();
        q.deadEnvelopes.clear();
        q.deadLetters.clear();
      }
      return ended;
    } finally {
      paused = false;
      notifyAll();
    }
  }

  /** Puts still-in-flight events back in their queues; returns how many. */
  synchronized long requeueInFlight() {
    long n = 0;
    for (EventQueue q : queues.values()) {
      for (Envelope e : q.inFlight) {
        e.failed("cancelled at shutdown");
        q.ready.addFirst(e);
        n++;
      }
      q.inFlight.clear();
    }
    requeuedAtShutdown += n;
    return n;
  }

  synchronized void stop() {
    running = false;
    notifyAll();
  }

  synchronized Summary summary() {
    long delivered = 0;
    long dead = 0;
    long queued = 0;
    for (EventQueue q : queues.values()) {
      delivered += q.delivered;
      dead += q.deadLetters.size();
      queued += q.ready.size() + q.delayed.size();
    }
    return new Summary(delivered, dead, queued, requeuedAtShutdown);
  }

  record Summary(long delivered, long deadLettered, long stillQueued, long requeued) {}
}
