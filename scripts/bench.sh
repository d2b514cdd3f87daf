#!/usr/bin/env bash
# Builds, then runs every benchmark in bench/ and prints its JSON result. BENCHMARKS.md records
# the figures with the machine they were taken on.
set -euo pipefail
cd "$(dirname "$0")/.."
node esbuild.mjs
npx tsc -p .
for bench in out/bench/*.bench.js; do
  printf '\n== %s\n' "$(basename "$bench" .js)"
  node --expose-gc "$bench"
done
