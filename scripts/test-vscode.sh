#!/usr/bin/env bash
# Runs the integration tests in two real VS Code versions: 1.100.3, the oldest that
# engines.vscode allows, and 1.139.1. Installs the runtimes that are missing, builds the
# extension and the tests, then runs two suites per version: the main one in a trusted
# workspace, and the Restricted Mode one (test/integration/untrusted) in a workspace that
# opens untrusted. Arguments go to run-vscode-tests.js (for example --verbose or --timeout
# 600). SKIP_BUILD=1 skips the build, for callers that have just built.
#
# Exit code: 0 when every run passed, otherwise the first failing run's exit code (124 for a
# timeout). The last stdout line adds up the 'N passed, N failed' summaries of all runs.
set -euo pipefail
cd "$(dirname "$0")/.."

# code-server version, Node major from npm (empty: the system Node), VS Code version
runtimes=(
  "4.100.3||1.100.3"
  "4.139.1|24|1.139.1"
)

# suite name, tests module, runner option
suites=(
  "main|out/test/integration/index|"
  "Restricted Mode|out/test/integration/untrusted/index|--trust"
)

log() { printf '[test-vscode] %s\n' "$*" >&2; }

install_runtimes() {
  local entry cs_version node_major
  for entry in "${runtimes[@]}"; do
    IFS='|' read -r cs_version node_major _ <<< "$entry"
    CS_VERSION="$cs_version" NODE_MAJOR="$node_major" bash scripts/install-vscode-test-runtime.sh
  done
}

build() {
  log "building the extension and the tests"
  node esbuild.mjs
  npx tsc -p .
}

main() {
  install_runtimes
  if [ "${SKIP_BUILD:-}" != 1 ]; then
    build
  fi

  local entry cs_version node_major vscode_version runtime_dir output summary
  local suite suite_name tests_path trust_option
  local status=0 passed=0 failed=0 results=()
  output="$(mktemp)"
  for entry in "${runtimes[@]}"; do
    IFS='|' read -r cs_version node_major vscode_version <<< "$entry"
    runtime_dir=".vscode-test/code-server-$cs_version${node_major:+-node$node_major}"
    for suite in "${suites[@]}"; do
      IFS='|' read -r suite_name tests_path trust_option <<< "$suite"
      log "running the $suite_name integration tests in VS Code $vscode_version"

      local code=0
      node scripts/run-vscode-tests.js --runtime "$runtime_dir" \
        --extensionDevelopmentPath . \
        --extensionTestsPath "$tests_path" \
        --workspace test/fixtures ${trust_option:+"$trust_option"} "$@" | tee "$output" || code=$?
      if [ "$code" -ne 0 ] && [ "$status" -eq 0 ]; then
        status=$code
      fi

      summary="$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$output" | tail -n 1 || true)"
      results+=("VS Code $vscode_version, $suite_name: ${summary:-no summary} (exit code $code)")
      if [[ $summary =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed ]]; then
        passed=$((passed + BASH_REMATCH[1]))
        failed=$((failed + BASH_REMATCH[2]))
      else
        # A run without a summary ended before the suite finished: count it as one failure.
        failed=$((failed + 1))
      fi
    done
  done
  rm -f "$output"

  printf '%s\n' "${results[@]}" >&2
  echo "$passed passed, $failed failed"
  return "$status"
}

main "$@"
