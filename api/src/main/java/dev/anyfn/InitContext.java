package dev.anyfn;

import java.time.Duration;
import java.util.Map;

/** What an {@link OnInit} method knows while an instance starts. Thread-safe. */
public interface InitContext {
  /** The function's name. */
  String functionName();

  /** Where the function runs. */
  Provider provider();

  /** The environment variables of the instance, read once. */
  Map<String, String> environment();

  /** A structured logger for initialisation. */
  Log log();

  /**
   * Sets where {@link Context#once} keeps its records for this function's instance, and how long a
   * done key's result is kept (how late a duplicate may come: the queue's retention, say). Without
   * it, {@code once} works on the emulator (in memory) and fails on a cloud.
   *
   * @throws IllegalArgumentException when {@code keepResults} is not positive
   */
  default void useIdempotencyStore(IdempotencyStore store, Duration keepResults) {
    throw new UnsupportedOperationException(
        getClass().getName() + " cannot set an idempotency store; anyfn's InitContext can.");
  }
}
