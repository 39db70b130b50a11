#!/usr/bin/env bash
# Installs xmllint (Debian's libxml2-utils) when it is missing: the unit tests validate the JUnit
# XML of `kora-ops test --format junit` against test/fixtures/junit/junit-10.xsd with it.
set -euo pipefail
command -v xmllint >/dev/null && exit 0
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
$SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends libxml2-utils >&2
command -v xmllint >/dev/null
