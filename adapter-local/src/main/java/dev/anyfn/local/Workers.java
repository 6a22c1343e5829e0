package dev.anyfn.local;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads handlers run on, a timer for timeouts and sweeps, and the count of handler threads
 * that ignored interruption after a timeout ("leaked"). Past {@code maxLeakedThreads} no new
 * instances are created until leaked threads end. Thread-safe.
 */
final class Workers {
  private final ThreadPoolExecutor executor;
  private final ScheduledExecutorService timer;
  private final AtomicInteger leaked = new AtomicInteger();
  private final AtomicInteger stoppedRunning = new AtomicInteger();
  private final int maxLeakedThreads;
  private final LogSink log;
  private volatile Runnable onRelease = () -> {};
  private final Set<Deadline> deadlines = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean sweepStarted = new AtomicBoolean();

  /** How often armed deadlines are checked: a timeout fires at most this much late. */
  static final int DEADLINE_SWEEP_MILLIS = 10;

  Workers(int maxLeakedThreads, LogSink log) {
    this.maxLeakedThreads = maxLeakedThreads;
    this.log = log;
    AtomicInteger n = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "anyfn-handler-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    ScheduledThreadPoolExecutor t =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread th = new Thread(r, "anyfn-timer");
              th.setDaemon(true);
              return th;
            });
    t.setRemoveOnCancelPolicy(true);
    this.timer = t;
  }

  void onRelease(Runnable listener) {
    this.onRelease = listener;
  }

  void onRelease() {
    onRelease.run();
  }

  void execute(Runnable task) {
    executor.execute(task);
  }

  /** An action to run once, on the timer thread, unless cancelled before its deadline. */
  static final class Deadline {
    final long atNanos;
    final Runnable onExpiry;

    Deadline(long atNanos, Runnable onExpiry) {
      this.atNanos = atNanos;
      this.onExpiry = onExpiry;
    }
  }

  /**
   * Runs {@code onExpiry} on the timer thread once {@code delay} has passed, within {@value
   * #DEADLINE_SWEEP_MILLIS} ms, unless {@link #cancel} comes first. Every invocation arms one; a
   * set swept by the timer costs a request far less than a {@code schedule} and {@code cancel} on
   * the timer's queue, whose single lock every handler thread contended for.
   */
  Deadline deadline(Duration delay, Runnable onExpiry) {
    Deadline d = new Deadline(System.nanoTime() + delay.toNanos(), onExpiry);
    deadlines.add(d);
    if (!sweepStarted.get() && sweepStarted.compareAndSet(false, true)) {
      timer.scheduleWithFixedDelay(
          this::expireDeadlines,
          DEADLINE_SWEEP_MILLIS,
          DEADLINE_SWEEP_MILLIS,
          TimeUnit.MILLISECONDS);
    }
    return d;
  }

  /** Disarms a deadline; its action will not run unless it already started. */
  void cancel(Deadline d) {
    deadlines.remove(d);
  }

  private void expireDeadlines() {
    long now = System.nanoTime();
    for (Deadline d : deadlines) {
      if (now - d.atNanos >= 0 && deadlines.remove(d)) {
        try {
          d.onExpiry.run();
        } catch (RuntimeException | Error e) { // the sweep must go on: no timeout is missed
          log.warn("Timeout handling failed: " + e);
        }
      }
    }
  }

  void every(Runnable task, Duration period) {
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            task.run();
          } catch (RuntimeException | Error e) { // a failure would cancel every later run
            log.warn("Background task failed: " + e);
          }
        },
        period.toNanos(),
        period.toNanos(),
        TimeUnit.NANOSECONDS);
  }

  /**
   * After interrupting a timed-out handler's thread, counts it as leaked while {@code ended} stays
   * false.
   */
  void watchForLeak(AtomicBoolean ended, Thread thread, String function, String requestId) {
    timer.schedule(
        () -> {
          if (!ended.get()) {
            int now = leaked.incrementAndGet();
            log.warn(
                "The handler of function '"
                    + function
                    + "' (request "
                    + requestId
                    + ") ignored interruption after its timeout; thread "
                    + thread.getName()
                    + " is abandoned ("
                    + now
                    + " leaked, cap "
                    + maxLeakedThreads
                    + "). Make the handler respond to interruption or finish within its timeout.");
            waitForEnd(ended);
          }
        },
        200,
        TimeUnit.MILLISECONDS);
  }

  private void waitForEnd(AtomicBoolean ended) {
    timer.schedule(
        () -> {
          if (ended.get()) {
            leaked.decrementAndGet();
            onRelease();
          } else {
            waitForEnd(ended);
          }
        },
        200,
        TimeUnit.MILLISECONDS);
  }

  /** A handler stopped at its timeout runs on (its thread interrupted): counted until it ends. */
  void stoppedHandlerRuns() {
    stoppedRunning.incrementAndGet();
  }

  /** A handler counted by {@link #stoppedHandlerRuns} has ended. */
  void stoppedHandlerEnded() {
    stoppedRunning.decrementAndGet();
  }

  /**
   * Waits until every handler stopped at its timeout has ended, so that what it still logs comes
   * before the deadline; whether they all ended by then.
   */
  boolean awaitStoppedHandlers(long deadlineNanos) throws InterruptedException {
    while (stoppedRunning.get() > 0) {
      if (System.nanoTime() - deadlineNanos >= 0) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  int leakedThreads() {
    return leaked.get();
  }

  boolean leakedThreadCapReached() {
    return leaked.get() >= maxLeakedThreads;
  }

  void shutdown() {
    timer.shutdownNow();
    executor.shutdownNow();
  }
}
