#!/usr/bin/env bash
# The main job on a fresh machine: install, build and check the example channel files. Then it
# sends a test message twice on the Client-Credentials example against the in-process
# Salesforce emulator and confirms the audit-log lines that prove the flow and the session reuse.
# examples/ contains one channel file that is broken on purpose, so `check` exits 1 there.
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

work=$(mktemp -d "${TMPDIR:-/tmp}/skyvva-start.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
channel=examples/acme-client-credentials.skyvva.json

# Runs one send against the emulator on the shared temporary cache and keeps its transcript.
send_once() {
  local transcript=$1
  echo
  echo "\$ skyvva-channel send $channel --emulator --cache-dir <temporary folder>"
  node dist/cli.js send "$channel" --emulator --cache-dir "$work/cache" | tee "$transcript"
  local code=${PIPESTATUS[0]}
  if [ "$code" -ne 0 ]; then
    echo "send exited $code; 0 was expected." >&2
    exit 1
  fi
}

# Fails unless the transcript contains the line.
expect_line() {
  local transcript=$1 text=$2
  if ! grep -qF -- "$text" "$transcript"; then
    echo "The audit log of $(basename "$transcript" .log) lacks \"$text\"." >&2
    exit 1
  fi
}

send_once "$work/first-send.log"
send_once "$work/second-send.log"

for transcript in "$work/first-send.log" "$work/second-send.log"; do
  expect_line "$transcript" 'Begin session handling (SKYVVA version 2.3.6)'
  expect_line "$transcript" '  OAuth2Flow: Client-Credentials'
done
expect_line "$work/first-send.log" 'Pick up new session id from Salesforce'
expect_line "$work/second-send.log" 'Session Id from Cache'

echo
echo 'The three lines to check are there: the module version line, OAuth2Flow: Client-Credentials'
echo 'in the parameter dump, a new session on the first send and the cached one on the second.'
