#!/usr/bin/env bash
# Runs the Azure per-invocation benchmark and prints the ratio of the generated entry method to the
# hand-written Azure function, both measured in the same JVM run, and the adapter's share (generated
# entry minus the core alone). Times are JMH's mean and the median of the measurement iterations
# (robust to the spikes of a busy machine). Then a second opinion that survives a busy machine:
# the three calls timed in rotating blocks in one JVM (InterleavedRatio; BENCH_NO_INTERLEAVED=1
# skips it; BENCH_ALTERNATE=N adds N alternating pairs of forks, see below). Usage:
# bench/azure/run.sh [extra JMH args]; with -prof gc it also prints the bytes
# allocated per call, which, unlike the times, do not depend on the load of the machine.
# Builds bench/azure and the anyfn modules it depends on (-am); set ANYFN_BENCH_NO_AM=1 to build
# only bench/azure against the anyfn snapshots already in the local repository. BENCH_JAVA_OPTS
# goes to the JMH launcher (e.g. -Djmh.ignoreLock=true while another JMH run holds the lock).
set -euo pipefail
cd "$(dirname "$0")/../.."
am=(-am)
if [[ "${ANYFN_BENCH_NO_AM:-}" == 1 ]]; then am=(); fi
mvn -q -o -pl bench/azure "${am[@]}" package -DskipTests -Dspotless.check.skip=true 2>/dev/null \
  || mvn -q -pl bench/azure "${am[@]}" package -DskipTests -Dspotless.check.skip=true
out=$(mktemp)
java ${BENCH_JAVA_OPTS:-} -jar bench/azure/target/benchmarks.jar AzureInvocationBenchmark -rf json -rff "$out" "$@"
python3 - "$out" <<'PY'
import json, statistics, sys
results = json.load(open(sys.argv[1]))
medians = {r["benchmark"].rsplit(".", 1)[1]:
           statistics.median([x for fork in r["primaryMetric"]["rawData"] for x in fork])
           for r in results}
rows = {r["benchmark"].rsplit(".", 1)[1]: r["primaryMetric"] for r in results}
alloc = {r["benchmark"].rsplit(".", 1)[1]: r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
         for r in results}
def line(label, name):
    m = rows[name]
    a = alloc[name]
    extra = f", {a['score']:.0f} B/op allocated" if a else ""
    print(f"{label}: {m['score']:.0f} ± {m['scoreError']:.0f} ns/op (median {medians[name]:.0f}){extra}")
gen, hand, core = rows["generatedEntry"], rows["handWritten"], rows["coreOnly"]
line("generated entry ", "generatedEntry")
line("hand-written    ", "handWritten")
line("core alone      ", "coreOnly")
print(f"  (reference, not a side of the ratio: the adapter adds about"
      f" {gen['score'] - core['score']:.0f} ns/op to the core)")
print(f"  (by median: adapter {medians['generatedEntry'] - medians['coreOnly']:.0f} ns/op,"
      f" ratio {medians['generatedEntry'] / medians['handWritten']:.2f}x)")
print(f"ratio generated/hand-written = {gen['score'] / hand['score']:.2f}x (target <= 1.3x)")
PY
# A third opinion, for a machine with slow spells that can last a whole fork: BENCH_ALTERNATE=N runs
# N pairs of single JMH forks, generated entry then hand-written, and prints each pair's ratio and
# their median (a spell then spoils a pair, not one side of every figure).
if [[ -n "${BENCH_ALTERNATE:-}" ]]; then
  pairs=$(mktemp -d)
  for ((i = 1; i <= BENCH_ALTERNATE; i++)); do
    for side in generatedEntry handWritten; do
      java ${BENCH_JAVA_OPTS:-} -jar bench/azure/target/benchmarks.jar \
        "AzureInvocationBenchmark.$side\$" -f 1 -rf json -rff "$pairs/$side-$i.json" "$@" >/dev/null
    done
  done
  python3 - "$pairs" "$BENCH_ALTERNATE" <<'PY'
import json, statistics, sys
d, n = sys.argv[1], int(sys.argv[2])
ratios = []
for i in range(1, n + 1):
    g = json.load(open(f"{d}/generatedEntry-{i}.json"))[0]["primaryMetric"]
    h = json.load(open(f"{d}/handWritten-{i}.json"))[0]["primaryMetric"]
    ratios.append(g["score"] / h["score"])
    print(f"pair {i}: generated {g['score']:.0f} ± {g['scoreError']:.0f} ns/op, hand-written"
          f" {h['score']:.0f} ± {h['scoreError']:.0f} ns/op, ratio {ratios[-1]:.2f}x")
print(f"alternating forks: median ratio generated/hand-written = {statistics.median(ratios):.2f}x"
      f" over {n} pairs (target <= 1.3x)")
PY
fi
if [[ "${BENCH_NO_INTERLEAVED:-}" != 1 ]]; then
  java ${BENCH_JAVA_OPTS:-} -cp bench/azure/target/benchmarks.jar dev.anyfn.bench.azure.InterleavedRatio
fi
