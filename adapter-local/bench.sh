#!/bin/sh
# Emulator throughput and start-to-first-200 against Google's java-function-invoker, side by side
# (see dev.anyfn.local.bench.ThroughputBench). Options are passed on, e.g.
#   adapter-local/bench.sh --rounds 5 --seconds 10
#   adapter-local/bench.sh --compare-classes /path/to/an/earlier/target/classes
# Run on a quiet machine: other load skews the ratios.
set -eu
cd "$(dirname "$0")"
mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
jar="$HOME/.m2/repository/com/google/cloud/functions/invoker/java-function-invoker/2.0.0/java-function-invoker-2.0.0.jar"
if [ ! -f "$jar" ]; then
  mvn -q dependency:get -Dartifact=com.google.cloud.functions.invoker:java-function-invoker:2.0.0 -Dtransitive=false
fi
exec java -cp "target/test-classes:target/classes:$(cat target/cp.txt)" dev.anyfn.local.bench.ThroughputBench "$@"
