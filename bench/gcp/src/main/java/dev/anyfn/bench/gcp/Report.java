package dev.anyfn.bench.gcp;

import java.util.List;
import java.util.Map;

/**
 * The summary: per variant the cold-start median and p90 (and the median CPU time used until the
 * first 200) and the median of the rounds' throughput and p99, then anyfn's ratio to the baseline
 * for each with the targets.
 */
record Report(
    Map<String, List<Double>> coldStartMillis,
    Map<String, List<Double>> coldStartCpuMillis,
    Map<String, List<Double>> requestsPerSecond,
    Map<String, List<Double>> p99Millis) {

  static Report of(
      Map<String, List<Double>> cold,
      Map<String, List<Double>> coldCpu,
      Map<String, List<Double>> rps,
      Map<String, List<Double>> p99) {
    return new Report(Map.copyOf(cold), Map.copyOf(coldCpu), Map.copyOf(rps), Map.copyOf(p99));
  }

  String render() {
    StringBuilder s = new StringBuilder("Summary\n");
    for (String v : List.of("anyfn", "baseline")) {
      s.append(
          String.format(
              "  %-8s cold start median %7.1f ms  p90 %7.1f ms  CPU median %7.1f ms"
                  + " | throughput %9.0f req/s  p99 %6.2f ms%n",
              v,
              Samples.median(coldStartMillis.get(v)),
              Samples.percentile(coldStartMillis.get(v), 0.9),
              Samples.median(coldStartCpuMillis.get(v)),
              Samples.median(requestsPerSecond.get(v)),
              Samples.median(p99Millis.get(v))));
    }
    s.append(
        String.format(
            "  throughput ratio anyfn/baseline      %.2fx (target >= 0.9x)%n",
            ratio(requestsPerSecond, 0.5)));
    s.append(
        String.format("  p99 latency ratio anyfn/baseline     %.2fx%n", ratio(p99Millis, 0.5)));
    s.append(
        String.format(
            "  cold start ratio anyfn/baseline      %.2fx median, %.2fx p90 (target <= 1.2x)",
            ratio(coldStartMillis, 0.5), ratio(coldStartMillis, 0.9)));
    s.append(
        String.format(
            "%n  cold start CPU time ratio anyfn/baseline %.2fx median",
            ratio(coldStartCpuMillis, 0.5)));
    return s.toString();
  }

  private static double ratio(Map<String, List<Double>> values, double p) {
    return p == 0.5
        ? Samples.median(values.get("anyfn")) / Samples.median(values.get("baseline"))
        : Samples.percentile(values.get("anyfn"), p)
            / Samples.percentile(values.get("baseline"), p);
  }
}
