#!/usr/bin/env bash
# Runs the core benchmark (JMH) and prints the ratio of the core path to the direct-call baseline,
# both measured in the same run. Time ratios use the median of the measurement iterations (robust to
# the spikes of a busy machine) next to JMH's mean; allocation per call (gc profiler) does not depend
# on machine load at all. Usage: bench/core/run.sh [extra JMH args]   (BENCH_ONLY=1: see build.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
bench/core/build.sh
out=$(mktemp)
java -jar bench/core/target/benchmarks.jar CoreInvocationBenchmark -prof gc -rf json -rff "$out" "$@"
python3 - "$out" <<'PY'
import json, statistics, sys
rows = {r["benchmark"].rsplit(".", 1)[1]: r for r in json.load(open(sys.argv[1]))}

def figures(name):
    r = rows[name]
    p = r["primaryMetric"]
    raw = [x for fork in p["rawData"] for x in fork]
    alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score", float("nan"))
    return statistics.median(raw), p["score"], p["scoreError"], alloc

labels = {
    "directCall": "direct call (baseline)",
    "throughCore": "through the core",
    "throughCoreFromRawParts": "through the core, request+context built as an adapter does",
    "buildFromRawParts": "request+context built alone (no core)",
}
base = figures("directCall")
for name, label in labels.items():
    if name in rows:
        med, mean, err, alloc = figures(name)
        print(f"{label:60s} median {med:7.0f} ns/op  mean {mean:7.0f} ± {err:.0f}  {alloc:6.0f} B/op")
core = figures("throughCore")
print(f"ratio core/direct = {core[0] / base[0]:.2f}x by median time, {core[1] / base[1]:.2f}x by mean"
      f" (target <= 1.3x); allocation {core[3] / base[3]:.2f}x")
if "throughCoreFromRawParts" in rows:
    raw = figures("throughCoreFromRawParts")
    print(f"ratio core-from-raw-parts/direct = {raw[0] / base[0]:.2f}x by median time (no target)")
PY
# A second opinion that survives a busy machine: the same calls timed in alternating blocks.
java -cp bench/core/target/benchmarks.jar dev.anyfn.bench.InterleavedRatio
