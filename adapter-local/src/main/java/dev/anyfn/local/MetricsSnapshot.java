package dev.anyfn.local;

import java.util.Map;
import java.util.Optional;

/**
 * Every function's metrics at one moment, plus the emulator's event totals. Immutable.
 *
 * @param functions metrics by function name
 * @param leakedThreads handler threads that ignored interruption after a timeout and still run
 * @param pricesAsOf the date of the list prices used for the cost estimates
 * @param costNote that every {@code estimatedCostUsd} is an estimate from that dated price list,
 *     not a bill, and where the prices come from
 */
public record MetricsSnapshot(
    Map<String, FunctionMetrics> functions, int leakedThreads, String pricesAsOf, String costNote) {
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
