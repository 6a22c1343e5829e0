package dev.anyfn.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The emulator's clock: schedules fire and idle instances retire by it. The system clock follows
 * real time; a manual clock moves only when a test calls {@link #advance(Duration)}, which fires
 * every schedule that came due and retires instances idle for longer than the idle time.
 * Thread-safe.
 */
public final class EmulatorClock extends Clock {
  private final boolean manual;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private volatile Instant now;

  private EmulatorClock(boolean manual, Instant start) {
    this.manual = manual;
    this.now = start;
  }

  /** Real time, in UTC. */
  public static EmulatorClock system() {
    return new EmulatorClock(false, null);
  }

  /** A clock standing still at {@code start} until it is advanced. */
  public static EmulatorClock manual(Instant start) {
    return new EmulatorClock(true, start);
  }

  /** Whether only {@link #advance(Duration)} moves this clock. */
  public boolean isManual() {
    return manual;
  }

  /**
   * Moves a manual clock forward and runs what came due (schedules, scale-in) before returning.
   *
   * @throws IllegalStateException for the system clock
   * @throws IllegalArgumentException for a negative duration
   */
  public void advance(Duration duration) {
    if (!manual) {
      throw new IllegalStateException(
          "The system clock cannot be advanced; build the emulator with"
              + " .clock(EmulatorClock.manual(start)) to control time in tests.");
    }
    if (duration.isNegative()) {
      throw new IllegalArgumentException("Cannot move the clock back by " + duration + ".");
    }
    synchronized (this) {
      now = now.plus(duration);
    }
    for (Runnable r : listeners) {
      r.run();
    }
  }

  void onAdvance(Runnable listener) {
    listeners.add(listener);
  }

  @Override
  public Instant instant() {
    return manual ? now : Instant.now();
  }

  /** As {@code instant().toEpochMilli()}, without making an {@code Instant} on the system clock. */
  @Override
  public long millis() {
    return manual ? now.toEpochMilli() : System.currentTimeMillis();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException(
        "The emulator clock is always UTC; convert with instant().atZone(zone).");
  }
}
