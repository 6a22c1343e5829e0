#!/usr/bin/env bash
# Fuzzes every @FuzzTest of the project with Jazzer (coverage-guided, libFuzzer-based), one test
# method at a time for the maxDuration its annotation gives (60 s). `mvn install` runs the same
# tests in regression mode only: the saved inputs under src/test/resources/<package>/<Class>Inputs.
# A finding stops the run and fails it; Jazzer saves the input that caused it in that directory,
# where it stays as a regression input once the bug is fixed (give it a name that says what it is).
# Usage: fuzz/run.sh [module ...]   (default: every module with fuzz tests). Linux, macOS, Windows
# x86_64 or arm64; the anyfn modules must be installed (mvn install -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
modules=("$@")
if [[ ${#modules[@]} -eq 0 ]]; then
  modules=(api processor core adapter-aws adapter-gcp adapter-azure)
fi
for module in "${modules[@]}"; do
  while IFS= read -r file; do
    class=$(basename "$file" .java)
    # The method names: the line after each @FuzzTest annotation declares the method.
    for method in $(grep -A1 '@FuzzTest' "$file" | sed -n 's/.* void \([A-Za-z0-9_]*\)(.*/\1/p'); do
      echo "== $module $class#$method"
      JAZZER_FUZZ=1 mvn -B -q -o test -pl "$module" -Dtest="$class#$method" \
        -Dspotless.check.skip=true -Dsurefire.failIfNoSpecifiedTests=false </dev/null
    done
  done < <(grep -rl '@FuzzTest' "$module/src/test/java")
done
echo "No findings."
