#!/usr/bin/env bash
# The main job on a fresh machine: install, build, then check the example channel files.
# examples/ holds one channel file that is broken on purpose, so `check` exits 1 there.
set -uo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund || exit $?
fi
node esbuild.mjs || exit $?

echo '$ skyvva-channel check examples/'
node dist/cli.js check examples/
status=$?
if [ "$status" -ne 1 ]; then
  echo "check examples/ exited $status; 1 was expected (one example is broken on purpose)." >&2
  exit 1
fi
echo '(exit 1 is expected: examples/half-migrated.skyvva.json is broken on purpose.)'
