package dev.anyfn.aws;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Interrupts an invoking thread shortly before its Lambda deadline, so a handler that blocks
 * interruptibly ends, its failure is logged and reported, and the runtime thread is not left with a
 * stray interrupt. Lambda itself stops the sandbox at the deadline; this only lets the adapter say
 * why first.
 *
 * <p>Watching costs one set insertion per invocation: a daemon thread, started on first use, looks
 * at the running invocations every {@value #TICK_MILLIS} ms, so the interrupt comes between {@link
 * #MARGIN} and {@code MARGIN - TICK} before the deadline. Thread-safe.
 */
final class DeadlineWatchdog {
  /** How long before the deadline the handler is interrupted, to leave time to report. */
  static final Duration MARGIN = Duration.ofMillis(150);

  static final long TICK_MILLIS = 25;

  private static final long MARGIN_NANOS = MARGIN.toNanos();

  private static final int RUNNING = 0;
  private static final int FINISHED = 1;
  private static final int TIMED_OUT = 2;

  /**
   * One invocation on the thread that made it. Guarded by its own monitor for the state change and
   * interrupt.
   */
  static final class Watch {
    final Thread caller = Thread.currentThread();
    final long alarmNanos;
    int state = RUNNING;

    private Watch(long alarmNanos) {
      this.alarmNanos = alarmNanos;
    }

    /** Whether the alarm has fired: the invocation is answered as timed out. */
    synchronized boolean timedOut() {
      return state == TIMED_OUT;
    }
  }

  /** The result of work run against a deadline. */
  record Outcome<T>(T value, boolean timedOut) {}

  private final Set<Watch> running = ConcurrentHashMap.newKeySet();
  private volatile Thread ticker;

  /**
   * Runs {@code work} on this thread, interrupting it if it is still running near the deadline,
   * {@code remainingMillis} from now.
   */
  <T> Outcome<T> run(long remainingMillis, Supplier<T> work) {
    return run(watch(remainingMillis), work);
  }

  /** A watch for an invocation on this thread, {@code remainingMillis} from its deadline. */
  Watch watch(long remainingMillis) {
    long left = TimeUnit.MILLISECONDS.toNanos(remainingMillis) - MARGIN_NANOS;
    return new Watch(System.nanoTime() + Math.max(0, left));
  }

  /**
   * Runs {@code work} on this thread, the watch's, interrupting it when the watch's alarm fires.
   */
  <T> Outcome<T> run(Watch watch, Supplier<T> work) {
    startTicker();
    running.add(watch);
    T value = null;
    boolean timedOut;
    try {
      value = work.get();
    } finally {
      running.remove(watch);
      synchronized (watch) {
        timedOut = watch.state == TIMED_OUT;
        watch.state = FINISHED;
        if (timedOut) {
          // The alarm fired: clear its interrupt so the runtime's next poll is not disturbed.
          Thread.interrupted();
        }
      }
    }
    return new Outcome<>(value, timedOut);
  }

  private void startTicker() {
    if (ticker != null) {
      return;
    }
    synchronized (this) {
      if (ticker == null) {
        Thread t = new Thread(this::tick, "anyfn-deadline-watchdog");
        t.setDaemon(true);
        t.start();
        ticker = t;
      }
    }
  }

  private void tick() {
    while (true) {
      try {
        Thread.sleep(TICK_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      for (Watch w : running) {
        if (now - w.alarmNanos >= 0) {
          synchronized (w) {
            if (w.state == RUNNING) {
              w.state = TIMED_OUT;
              w.caller.interrupt();
            }
          }
        }
      }
    }
  }
}
