#!/usr/bin/env bash
# The whole test run: lint, type check, unit tests (schema drift and property tests included),
# then the integration tests in a real VS Code on the oldest and newest supported versions, and
# the packaged .vsix installed into both.
# Installs what the VS Code tests need and skips what is already there. The last line adds up
# the passed and failed tests of all three stages.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$1"; }

logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT

step 'build'
rm -rf out
node esbuild.mjs
npx tsc -p .

step 'lint'
npx eslint .
npx prettier --check . >/dev/null || { npx prettier --list-different .; exit 1; }

step 'unit tests'
node --test --test-reporter=spec --test-concurrency=2 out/test/unit/ | tee "$logs/unit.log"

step 'VS Code integration tests'
SKIP_BUILD=1 bash scripts/test-vscode.sh | tee "$logs/vscode.log"

step 'packaged extension'
bash scripts/test-vsix.sh | tee "$logs/vsix.log"

# node's spec reporter ends with 'ℹ pass N' and 'ℹ fail N'; test-vscode.sh and test-vsix.sh
# close with the total of their runs as 'N passed, N failed'.
unit_passed="$(sed -n 's/^ℹ pass \([0-9]*\)$/\1/p' "$logs/unit.log" | tail -1)"
unit_failed="$(sed -n 's/^ℹ fail \([0-9]*\)$/\1/p' "$logs/unit.log" | tail -1)"
read -r vscode_passed vscode_failed < <(
  grep -E '^[0-9]+ passed, [0-9]+ failed$' "$logs/vscode.log" | tail -1 | awk '{print $1, $3}')
read -r vsix_passed vsix_failed < <(
  grep -E '^[0-9]+ passed, [0-9]+ failed$' "$logs/vsix.log" | tail -1 | awk '{print $1, $3}')
echo
echo "unit: $unit_passed passed; VS Code: $vscode_passed passed; installed .vsix: $vsix_passed passed"
echo "$((unit_passed + vscode_passed + vsix_passed)) passed, $((unit_failed + vscode_failed + vsix_failed)) failed"
