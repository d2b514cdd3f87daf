#!/usr/bin/env bash
# Regenerates the README pictures in media/screenshots/ from a real VS Code 1.100.3: the
# Problems panel with a quick fix menu on examples/half-migrated.skyvva.json, and the audit log
# after Send Test Message on examples/acme-client-credentials.skyvva.json against the
# Salesforce emulator on loopback. SKIP_BUILD=1 skips the build.
#
# Each scene prints a ready line and then waits, and the runner's --timeout ends the run and
# takes the picture: a run that ended by itself would show the workbench after VS Code
# deactivated the extension. So exit code 124 with the ready line is the expected outcome.
set -euo pipefail
cd "$(dirname "$0")/.."

runtime_dir=".vscode-test/code-server-4.100.3"
output_dir="media/screenshots"
ready_line="SKYVVA screenshot scene ready"
# Seconds for VS Code to start and a scene to finish; the picture is taken when they end.
scene_seconds="${SCENE_SECONDS:-45}"

if [ ! -f "$runtime_dir/runtime.json" ]; then
  CS_VERSION=4.100.3 bash scripts/install-vscode-test-runtime.sh
fi
if [ "${SKIP_BUILD:-}" != 1 ]; then
  node esbuild.mjs
  npx tsc -p .
fi
mkdir -p "$output_dir"

# scene name, PNG file
scenes=(
  "problems|problems-quick-fix.png"
  "audit-log|audit-log.png"
)
output="$(mktemp)"
trap 'rm -f "$output"' EXIT
for entry in "${scenes[@]}"; do
  IFS='|' read -r scene file <<< "$entry"
  printf '[screenshots] %s -> %s\n' "$scene" "$output_dir/$file" >&2
  code=0
  SKYVVA_SCREENSHOT_SCENE="$scene" node scripts/run-vscode-tests.js \
    --runtime "$runtime_dir" \
    --extensionDevelopmentPath . \
    --extensionTestsPath out/test/integration/screenshots/index \
    --workspace examples \
    --timeout "$scene_seconds" \
    --screenshot "$output_dir/$file" "$@" > "$output" 2>&1 || code=$?
  if [ "$code" -ne 124 ] || ! grep -qx "$ready_line" "$output"; then
    cat "$output" >&2
    printf '[screenshots] scene %s was not ready (exit code %s); %s may be wrong.\n' \
      "$scene" "$code" "$output_dir/$file" >&2
    exit 1
  fi
  # The runner keeps the run directory of a run that did not exit 0; this one ended as planned.
  run_dir="$(sed -n 's/^\[run-vscode-tests\] logs kept in \(\S*\) .*/\1/p' "$output")"
  if [[ $run_dir == "${TMPDIR:-/tmp}"/vscode-test-run-* ]]; then
    rm -rf "$run_dir"
  fi
done
printf '[screenshots] done\n' >&2
