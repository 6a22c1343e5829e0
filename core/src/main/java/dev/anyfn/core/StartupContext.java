package dev.anyfn.core;

import dev.anyfn.InitContext;
import dev.anyfn.Log;
import dev.anyfn.Provider;
import java.time.Clock;
import java.util.Map;

/** The {@link InitContext} given to {@code @OnInit} methods. Immutable and thread-safe. */
public final class StartupContext implements InitContext {
  private final String functionName;
  private final RuntimeSettings settings;
  private final Log log;

  /** A context for starting an instance of {@code functionName} under these settings. */
  public StartupContext(String functionName, RuntimeSettings settings) {
    this.functionName = functionName;
    this.settings = settings;
    this.log = new JsonLineLog(settings.logSink(), functionName, null, Clock.systemUTC());
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
}
