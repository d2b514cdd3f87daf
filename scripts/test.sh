#!/usr/bin/env bash
# The whole test run: lint, type check, unit tests (schema drift and property tests included),
# then the integration tests in a real VS Code on the oldest and newest supported versions, and
# the packaged .vsix installed into both.
# Installs what the VS Code tests need and skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$1"; }

step 'build'
rm -rf out
node esbuild.mjs
npx tsc -p .

step 'lint'
npx eslint .
npx prettier --check . >/dev/null || { npx prettier --list-different .; exit 1; }

step 'unit tests'
node --test --test-reporter=spec --test-concurrency=2 out/test/unit/

step 'VS Code integration tests'
SKIP_BUILD=1 bash scripts/test-vscode.sh

step 'packaged extension'
bash scripts/test-vsix.sh
