package dev.anyfn.local;

import java.util.Map;
import java.util.Optional;

/**
 * Every function's metrics at one moment, plus the emulator's event totals. Immutable.
 *
 * @param functions metrics by function name
 * @param leakedThreads handler threads that ignored interruption after a timeout and still run
 * @param pricesAsOf the date of the list prices used for the cost estimates
 */
public record MetricsSnapshot(
    Map<String, FunctionMetrics> functions, int leakedThreads, String pricesAsOf) {
  /** Copies the map. */
  public MetricsSnapshot {
    functions = Map.copyOf(functions);
  }

  /**
   * The metrics of one function.
   *
   * @throws IllegalArgumentException naming the functions when there is none by that name
   */
  public FunctionMetrics function(String name) {
    return Optional.ofNullable(functions.get(name))
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "No function named '"
                        + name
                        + "'; the emulator serves "
                        + new java.util.TreeSet<>(functions.keySet())
                        + "."));
  }
}
