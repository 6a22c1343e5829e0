#!/usr/bin/env bash
# Cold start: launches fresh JVMs that each serve one request, a text-only hello through the core
# (index read, runtime loaded, GET /hello answered) versus the same method called directly, and a
# JSON route through the core for scale; prints the medians and the ratios, all measured in the same
# run, and how many jackson-databind classes each mode loaded before answering.
# Usage: bench/core/coldstart.sh [runs, default 20] [extra JVM flags for the children...]
set -euo pipefail
cd "$(dirname "$0")/../.."
bench/core/build.sh
java -cp bench/core/target/benchmarks.jar dev.anyfn.bench.ColdStart "$@"
