#!/usr/bin/env bash
# The three AWS benchmarks of issue #4, side by side in one run, each against a hand-written
# RequestStreamHandler, and (if it builds) against the same hello function on Spring Cloud Function:
#   1. per invocation (JMH): an HTTP API v2 event through dev.anyfn.aws.LambdaHandler vs by hand;
#   2. cold start: JVM launch -> first /response post, under AWS's runtime interface client;
#   3. deployment jar size.
# Usage: bench/aws/run.sh [cold-start runs per variant, default 10] [extra JMH args...]
# ANYFN_BENCH_UPSTREAM=skip uses the anyfn modules already in ~/.m2 instead of building them;
# JMH_JVM_OPTS is passed to the JMH runner's JVM (e.g. -Djmh.ignoreLock=true).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
aws=bench/aws
runs=${1:-10}
shift || true

# Offline first; online only when something must be downloaded (Spring, the first time).
mvn_quiet() { mvn -q -o "$@" >/dev/null 2>&1 || mvn -q "$@" >&2; }

echo "== building" >&2
if [[ "${ANYFN_BENCH_UPSTREAM:-build}" != skip ]]; then
  # The standalone projects read anyfn from ~/.m2, so the modules they use are installed.
  mvn_quiet -pl "$aws,maven-plugin" -am install -DskipTests -Dinvoker.skip=true \
    -Dspotless.check.skip=true
else
  mvn_quiet -pl "$aws" package -DskipTests -Dspotless.check.skip=true
fi
mvn_quiet -f "$aws/hello-anyfn/pom.xml" package -DskipTests
mvn_quiet -f "$aws/hello-handwritten/pom.xml" package -DskipTests
ric_cp=$(mktemp)
mvn_quiet -f "$aws/runtime-client/pom.xml" dependency:build-classpath -Dmdep.outputFile="$ric_cp"
spring_jar="$aws/spring-hello/target/spring-hello-1-aws.jar"
if ! mvn_quiet -f "$aws/spring-hello/pom.xml" package -DskipTests; then
  echo "spring-hello did not build; its figures are left out" >&2
  spring_jar=""
fi

anyfn_jar="$aws/hello-anyfn/target/anyfn-bench-hello-aws.jar"
hand_jar="$aws/hello-handwritten/target/hello-handwritten-aws.jar"
bench_jar="$aws/target/benchmarks.jar"

echo "== 1. per invocation (JMH)" >&2
jmh_out=$(mktemp)
# shellcheck disable=SC2086
ANYFN_FUNCTION=hello java ${JMH_JVM_OPTS:-} -jar "$bench_jar" AwsInvocationBenchmark -rf json -rff "$jmh_out" "$@" >&2

echo "== 2. cold start ($runs fresh JVMs per variant, interleaved)" >&2
variants=(
  "adapter|$anyfn_jar|dev.anyfn.aws.LambdaHandler::handleRequest|ANYFN_FUNCTION=hello"
  "handwritten|$hand_jar|dev.anyfn.bench.aws.handwritten.HandWrittenHelloHandler::handleRequest"
)
if [[ -n "$spring_jar" ]]; then
  variants+=("spring|$spring_jar|org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest|MAIN_CLASS=dev.anyfn.bench.spring.HelloApplication|SPRING_CLOUD_FUNCTION_DEFINITION=hello")
fi
cold_out=$(mktemp)
java -cp "$bench_jar" dev.anyfn.bench.aws.ColdStartBenchmark "$runs" "$(cat "$ric_cp")" \
  "${variants[@]}" >"$cold_out"

echo "== 3. deployment jar sizes" >&2
python3 - "$jmh_out" "$cold_out" "$anyfn_jar" "$hand_jar" "$spring_jar" <<'PY'
import json, os, sys
jmh, cold, anyfn_jar, hand_jar, spring_jar = sys.argv[1:6]
rows = {r["benchmark"].rsplit(".", 1)[1]: r["primaryMetric"] for r in json.load(open(jmh))}
a, h = rows["adapter"], rows["handWritten"]
print("1. per invocation, HTTP API v2 GET /hello (JMH, average time)")
print(f"   adapter      : {a['score']:8.0f} ± {a['scoreError']:.0f} ns/op")
print(f"   hand-written : {h['score']:8.0f} ± {h['scoreError']:.0f} ns/op")
print(f"   ratio adapter/hand-written = {a['score'] / h['score']:.2f}x (target <= 1.3x)")
c = {}
for line in open(cold):
    name, median, p90, n = line.split()
    c[name] = (float(median), float(p90), int(n))
print("2. cold start, JVM launch -> first /response post (runtime interface client 2.10.1)")
for name, (median, p90, n) in c.items():
    print(f"   {name:12s} : median {median:7.0f} ms, p90 {p90:7.0f} ms ({n} runs)")
print(f"   ratio adapter/hand-written = {c['adapter'][0] / c['handwritten'][0]:.2f}x (target <= 1.2x)")
if "spring" in c:
    print(f"   ratio spring/adapter = {c['spring'][0] / c['adapter'][0]:.2f}x")
print("3. deployment jar size, hello function")
sizes = {"adapter": anyfn_jar, "handwritten": hand_jar}
if spring_jar:
    sizes["spring"] = spring_jar
sizes = {k: os.path.getsize(v) for k, v in sizes.items()}
for name, size in sizes.items():
    print(f"   {name:12s} : {size / 1e6:6.2f} MB ({size} bytes)")
print(f"   ratio adapter/hand-written = {sizes['adapter'] / sizes['handwritten']:.2f}x")
if "spring" in sizes:
    print(f"   ratio spring/adapter = {sizes['spring'] / sizes['adapter']:.2f}x")
PY
