#!/usr/bin/env bash
# Installs the packaged .vsix into the VS Code test runtimes (1.100.3 and 1.139.1) and checks in
# each that the installed extension activates on a channel file and publishes diagnostics. The
# development extension of these runs is a test-only stub without contributions, because VS
# Code runs extension tests only beside a development extension. Arguments go to
# run-vscode-tests.js. SKIP_PACKAGE=1 takes the existing .vsix instead of packaging again.
#
# Exit code: 0 when every version passed, otherwise the first failing run's exit code.
set -euo pipefail
cd "$(dirname "$0")/.."

runtimes=(
  "code-server-4.100.3|1.100.3"
  "code-server-4.139.1-node24|1.139.1"
)

log() { printf '[test-vsix] %s\n' "$*" >&2; }

version="$(node -p "require('./package.json').version")"
vsix="skyvva-channel-tools-$version.vsix"
if [ "${SKIP_PACKAGE:-}" != 1 ]; then
  log "packaging $vsix"
  npm run --silent package >/dev/null
fi
[ -f "$vsix" ] || { log "$vsix not found: run npm run package"; exit 2; }

npx tsc -p .
cp test/vsix/package.json out/test/vsix/package.json

status=0
passed=0
failed=0
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for entry in "${runtimes[@]}"; do
  IFS='|' read -r runtime vscode_version <<< "$entry"
  runtime_dir=".vscode-test/$runtime"
  node_bin="$(node -p "require('./$runtime_dir/runtime.json').node")"
  server="$(node -p "require('./$runtime_dir/runtime.json').entry")"
  extensions="$work/$runtime/extensions"
  mkdir -p "$extensions"

  log "installing $vsix into VS Code $vscode_version"
  # EXTENSIONS_GALLERY={} turns the marketplace off, so the install reads only the file.
  EXTENSIONS_GALLERY='{}' "$node_bin" "$server" --user-data-dir "$work/$runtime/user-data" \
    --extensions-dir "$extensions" --install-extension "$PWD/$vsix" >&2

  code=0
  node scripts/run-vscode-tests.js --runtime "$runtime_dir" \
    --extensionDevelopmentPath out/test/vsix --extensionTestsPath out/test/vsix/index \
    --workspace test/fixtures --extensions-dir "$extensions" "$@" | tee "$work/run.log" ||
    code=${PIPESTATUS[0]}
  log "VS Code $vscode_version: exit code $code"
  summary="$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$work/run.log" | tail -1 || true)"
  if [ -n "$summary" ]; then
    passed=$((passed + $(echo "$summary" | awk '{print $1}')))
    failed=$((failed + $(echo "$summary" | awk '{print $3}')))
  else
    failed=$((failed + 1)) # the run ended before its tests reported
  fi
  if [ "$code" -ne 0 ] && [ "$status" -eq 0 ]; then
    status=$code
  fi
done
echo "$passed passed, $failed failed"
exit "$status"
