package dev.anyfn.local;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
  private final int maxLeakedThreads;
  private final LogSink log;
  private volatile Runnable onRelease = () -> {};

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
    // Every invocation arms a timeout that is cancelled when it completes: drop cancelled ones.
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

  ScheduledFuture<?> schedule(Runnable task, Duration delay) {
    return timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  void every(Runnable task, Duration period) {
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
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
  void watchForLeak(
      java.util.concurrent.atomic.AtomicBoolean ended,
      Thread thread,
      String function,
      String requestId) {
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

  private void waitForEnd(java.util.concurrent.atomic.AtomicBoolean ended) {
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
