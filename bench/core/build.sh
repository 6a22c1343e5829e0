#!/usr/bin/env bash
# Builds bench/core/target/benchmarks.jar. By default also builds the modules it depends on (-am);
# BENCH_ONLY=1 builds bench/core alone against the anyfn artifacts installed in ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/../.."
am=(-am)
if [[ "${BENCH_ONLY:-0}" == 1 ]]; then am=(); fi
mvn -q -o -pl bench/core "${am[@]}" package -DskipTests -Dspotless.check.skip=true 2>/dev/null \
  || mvn -q -pl bench/core "${am[@]}" package -DskipTests -Dspotless.check.skip=true
