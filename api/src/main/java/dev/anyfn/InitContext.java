package dev.anyfn;

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
}
