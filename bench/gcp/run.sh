#!/usr/bin/env bash
# Issue #5's benchmark: GET /hello through anyfn's HttpEntryPoint versus a hand-written
# HttpFunction, both under Google's real invoker (java-function-invoker 2.0.0) in child JVMs
# started from its own jar with --classpath <deployed jar>, in one run with the variants
# interleaved. Prints cold start (launch to first 200) median and p90, throughput and p99, and the
# ratios anyfn/baseline.
#
# Usage: bench/gcp/run.sh [--cold-starts 10] [--rounds 3] [--seconds 10] [--warmup 5]
#                         [--threads 8] [--jvm-args "<args for both invoker JVMs>"]
#        bench/gcp/run.sh classes [--list 2]
#            instead counts, by origin, the classes the anyfn variant loads up to its first 200
#            that the hand-written one does not (-Xlog:class+load); --list 2 also names them.
# BENCH_SKIP_BUILD=1 reuses bench/gcp/target from an earlier build.
set -euo pipefail
cd "$(dirname "$0")/../.."
main=dev.anyfn.bench.gcp.InvokerBenchmark
if [[ "${1:-}" == classes ]]; then
  main=dev.anyfn.bench.gcp.ClassLoadComparison
  shift
fi
if [[ "${BENCH_SKIP_BUILD:-}" != 1 ]]; then
  # the adapter, core and Maven plugin from this tree, then bench/gcp packaged by anyfn:package
  flags=(-q -pl bench/gcp -am install -DskipTests -Dinvoker.skip -Darchetype.test.skip=true
         -Dspotless.check.skip=true)
  mvn -o "${flags[@]}" 2>/dev/null || mvn "${flags[@]}"
fi
t=bench/gcp/target
exec java -cp "$t/classes:$t/invoker/anyfn-adapter-gcp-tests.jar" "$main" \
  --invoker "$t/invoker/java-function-invoker.jar" \
  --deploy-script "$t/anyfn/gcp/deploy.sh" \
  --function hello \
  --anyfn-jar "$t/anyfn/gcp/source/anyfn-bench-gcp-gcp.jar" \
  --baseline-jar "$t/anyfn-bench-gcp-0.1.0-SNAPSHOT-baseline.jar" \
  --baseline-target dev.anyfn.bench.gcp.baseline.HelloHttpFunction \
  "$@"
