package dev.anyfn.core;

import dev.anyfn.IdempotencyStore;
import dev.anyfn.InitContext;
import dev.anyfn.Log;
import dev.anyfn.Provider;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.logging.Level;

/**
 * The {@link InitContext} given to {@code @OnInit} methods. Thread-safe; only the idempotency store
 * changes, while the instance starts.
 */
public final class StartupContext implements InitContext {
  private final String functionName;
  private final RuntimeSettings settings;
  private final Log log;

  /** Set by {@link #useIdempotencyStore} during {@code @OnInit}; the settings' otherwise. */
  private volatile IdempotencyStore store;

  private volatile Duration keepResults = DEFAULT_KEEP_RESULTS;

  /** How long {@code Context.once} keeps a done key's result unless {@code @OnInit} says. */
  static final Duration DEFAULT_KEEP_RESULTS = Duration.ofHours(1);

  /** A context for starting an instance of {@code functionName} under these settings. */
  public StartupContext(String functionName, RuntimeSettings settings) {
    this(functionName, settings, null);
  }

  /**
   * A context for starting an instance of {@code functionName} whose log lines go to {@code
   * leveledLogSink}, each with its level ({@link Level#INFO}, {@link Level#WARNING} or {@link
   * Level#SEVERE}), as {@code InvocationContext.Builder.leveledLogSink} sends an invocation's: for
   * a logger that stores the level apart from the line, as Azure's does. Null: the settings' log
   * sink.
   */
  public StartupContext(
      String functionName, RuntimeSettings settings, BiConsumer<Level, String> leveledLogSink) {
    this.functionName = functionName;
    this.settings = settings;
    Consumer<String> lines = settings.logSink();
    this.log =
        new JsonLineLog(
            leveledLogSink != null ? leveledLogSink : (level, line) -> lines.accept(line),
            settings.provider(),
            functionName,
            null,
            null,
            null,
            Clock.systemUTC());
    this.store = settings.idempotencyStore().orElse(null);
  }

  @Override
  public String functionName() {
    return functionName;
  }

  @Override
  public Provider provider() {
    return settings.provider();
  }

  @Override
  public Map<String, String> environment() {
    return settings.environment();
  }

  @Override
  public Log log() {
    return log;
  }

  @Override
  public void useIdempotencyStore(IdempotencyStore store, Duration keepResults) {
    Objects.requireNonNull(store, "store");
    if (keepResults.isNegative() || keepResults.isZero()) {
      throw new IllegalArgumentException(
          "keepResults is " + keepResults + "; expected a positive duration, such as PT24H.");
    }
    this.store = store;
    this.keepResults = keepResults;
  }

  /** The store the instance started with; null when none is set. */
  IdempotencyStore idempotencyStore() {
    return store;
  }

  Duration keepResults() {
    return keepResults;
  }
}
