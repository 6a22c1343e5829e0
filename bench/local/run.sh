#!/usr/bin/env bash
# The emulator's benchmarks (issue #3, Performance), each against a baseline in the same run:
#   pool        JMH: GET /hello on a warm instance through the emulator's instance pool versus
#               FunctionInstance.handleHttp called directly; prints the ratio (median of the
#               measurement iterations, robust to a busy machine's spikes, next to JMH's mean) and
#               allocation per call (gc profiler), which does not depend on machine load.
#   throughput  the emulator (gcp profile, 80 requests per instance) and Google's
#               java-function-invoker 2.0.0 serving the equivalent HttpFunction take turns in
#               fresh JVMs: throughput, p99, process start
#               to first 200, server CPU per request; medians of the rounds and their ratios.
#               Load from wrk when it is on the PATH (apt-get install wrk), else from a Java load
#               generator in the benchmark's JVM (--load java forces it).
# Usage: bench/local/run.sh [pool [JMH args] | throughput [--rounds 3] [--seconds 5]
#                           [--connections 32] [--warmup 10] [--compare-classes DIR]
#                           [--load wrk|java]]   (no argument: both)
# Builds bench/local/target first, offline if it can. By default also builds the modules it
# depends on (-am); BENCH_ONLY=1 builds bench/local alone against the artifacts in ~/.m2.
# Run on a quiet machine: other load skews the ratios.
set -euo pipefail
cd "$(dirname "$0")/../.."
what=${1:-all}
if [[ $# -gt 0 ]]; then shift; fi
case "$what" in
  all | pool | throughput) ;;
  *) echo "Unknown benchmark '$what'; expected pool, throughput or nothing (both)." >&2; exit 2 ;;
esac
if [[ "$what" == all && $# -gt 0 ]]; then
  echo "Options ($*) go to one benchmark: run.sh pool [JMH args] or run.sh throughput [options]." >&2
  exit 2
fi
am=(-am)
if [[ "${BENCH_ONLY:-0}" == 1 ]]; then am=(); fi
flags=(-q -pl bench/local "${am[@]}" package -DskipTests -Dspotless.check.skip=true)
mvn -o "${flags[@]}" 2>/dev/null || mvn "${flags[@]}"
t=bench/local/target

if [[ "$what" == all || "$what" == pool ]]; then
  out=$(mktemp)
  java -jar "$t/benchmarks.jar" PoolOverheadBenchmark -prof gc -rf json -rff "$out" "$@"
  python3 - "$out" <<'PY'
import json, statistics, sys
rows = {r["benchmark"].rsplit(".", 1)[1]: r for r in json.load(open(sys.argv[1]))}

def figures(name):
    p = rows[name]["primaryMetric"]
    raw = [x for fork in p["rawData"] for x in fork]
    sec = rows[name].get("secondaryMetrics", {})
    alloc = sec.get("gc.alloc.rate.norm", {}).get("score", float("nan"))
    return statistics.median(raw), p["score"], p["scoreError"], alloc

labels = {
    "directCall": "FunctionInstance.handleHttp directly (baseline)",
    "throughPool": "through the instance pool, REPORT lines discarded",
    "throughPoolOnWorker": "pool, handed to a worker thread (events), lines discarded",
    "throughPoolConsoleLog": "through the instance pool, REPORT lines to a ConsoleLog",
}
for name, label in labels.items():
    if name in rows:
        med, mean, err, alloc = figures(name)
        print(f"{label:56s} median {med:8.0f} ns/op  mean {mean:8.0f} ± {err:.0f}  {alloc:6.0f} B/op")
base = figures("directCall")
for name in ("throughPool", "throughPoolConsoleLog", "throughPoolOnWorker"):
    if name in rows:
        f = figures(name)
        print(f"ratio {name}/directCall = {f[0] / base[0]:.2f}x by median time,"
              f" {f[1] / base[1]:.2f}x by mean; overhead {f[0] - base[0]:.0f} ns per request;"
              f" allocation {f[3] / base[3]:.2f}x (+{f[3] - base[3]:.0f} B)")
PY
  rm -f "$out"
fi

if [[ "$what" == all || "$what" == throughput ]]; then
  cd bench/local
  java -cp target/benchmarks.jar dev.anyfn.local.bench.ThroughputBench \
    --invoker-jar target/invoker/java-function-invoker.jar --invoker-classpath target/classes "$@"
fi
