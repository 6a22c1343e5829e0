package dev.anyfn.local;

import dev.anyfn.Provider;
import java.util.Map;

/**
 * One function's metrics at the moment of a snapshot. Immutable.
 *
 * @param function the function name
 * @param invocations completed invocations, timeouts included, throttled calls excluded
 * @param coldStarts instances initialised successfully
 * @param throttles calls refused because every instance was busy or the function is disabled
 * @param errors invocations that failed in init or with an error outside the handler's mapping
 * @param timeouts invocations that outlived the function's timeout
 * @param instances instances alive now (warm or initialising)
 * @param maxInstances the function's instance cap
 * @param deliveries event deliveries attempted
 * @param retries event deliveries that were retries
 * @param deadLettered events moved to the dead-letter store
 * @param initMillis init duration percentiles, in milliseconds
 * @param durationMillis invocation duration percentiles, in milliseconds
 * @param memoryMb the memory setting
 * @param gbSeconds billed GB-seconds so far
 * @param estimatedCostUsd an estimate of what these invocations would cost on each provider, in US
 *     dollars, from list prices recorded on {@link MetricsSnapshot#pricesAsOf()}; not a bill (see
 *     {@link MetricsSnapshot#costNote()})
 */
public record FunctionMetrics(
    String function,
    long invocations,
    long coldStarts,
    long throttles,
    long errors,
    long timeouts,
    int instances,
    int maxInstances,
    long deliveries,
    long retries,
    long deadLettered,
    Percentiles initMillis,
    Percentiles durationMillis,
    int memoryMb,
    double gbSeconds,
    Map<Provider, Double> estimatedCostUsd) {

  /** Copies the map. */
  public FunctionMetrics {
    estimatedCostUsd = Map.copyOf(estimatedCostUsd);
  }

  /**
   * Percentiles of a duration, in milliseconds (0 when there are no samples).
   *
   * @param p50 median
   * @param p95 95th percentile
   * @param p99 99th percentile
   */
  public record Percentiles(double p50, double p95, double p99) {}
}
