#!/usr/bin/env bash
# Runs the core benchmark and prints the ratio of the core path to the direct-call baseline,
# both measured in the same JVM run. Usage: bench/core/run.sh [extra JMH args]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -o -pl bench/core -am package -DskipTests -Dspotless.check.skip=true 2>/dev/null \
  || mvn -q -pl bench/core -am package -DskipTests -Dspotless.check.skip=true
out=$(mktemp)
java -jar bench/core/target/benchmarks.jar CoreInvocationBenchmark -rf json -rff "$out" "$@"
python3 - "$out" <<'PY'
import json, sys
rows = {r["benchmark"].rsplit(".", 1)[1]: r["primaryMetric"] for r in json.load(open(sys.argv[1]))}
core, base = rows["throughCore"], rows["directCall"]
print(f"core path : {core['score']:.0f} ± {core['scoreError']:.0f} ns/op")
print(f"direct    : {base['score']:.0f} ± {base['scoreError']:.0f} ns/op")
print(f"ratio core/direct = {core['score'] / base['score']:.2f}x (target <= 1.3x)")
PY
