#!/usr/bin/env bash
# Runs a command without the environment an outer `npm run` leaves behind (npm_config_user_agent,
# npm_lifecycle_*, npm_package_*, npm_config_prefix, INIT_CWD, NODE, ...). An inner npm on another
# Node would otherwise pass the outer user agent on, and code-server's postinstall reads its Node
# version from there ("requires node v24 ... you are on node v20"). Registry, proxy and CA settings
# are kept: they describe the machine, not the outer npm.
#
#   bash scripts/lib/clean-npm-env.sh COMMAND [ARGS...]
set -euo pipefail

KEEP='^npm_config_(registry|proxy|https_proxy|http_proxy|noproxy|no_proxy|cafile|ca|strict_ssl|cache)$'

unset_args=()
for name in $(compgen -e); do
  case "$name" in
    npm_* | NPM_* | INIT_CWD | NODE)
      if ! [[ "$name" =~ $KEEP ]]; then unset_args+=(-u "$name"); fi
      ;;
  esac
done

exec env "${unset_args[@]}" "$@"
