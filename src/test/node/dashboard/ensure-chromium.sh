#!/bin/sh
# Makes sure Debian's chromium is there for DashboardIT (run by Maven before the integration tests).
# It never downloads a browser of its own: as root it installs the distribution's package, otherwise it
# says what to do. It does not fail the build itself; DashboardIT fails, naming the missing browser.
set -u
BROWSER="${CHROMIUM:-/usr/bin/chromium}"
if [ -x "$BROWSER" ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "[dashboard] $BROWSER is missing: installing Debian's chromium with apt-get"
  if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; then
    exit 0
  fi
  echo "[dashboard] apt-get could not install chromium; DashboardIT will fail (-Dnope-sdk.skip=true skips it)" >&2
else
  echo "[dashboard] $BROWSER is missing and this is not root with apt-get: run 'sudo apt-get install chromium';" \
    "DashboardIT will fail (-Dnope-sdk.skip=true skips it)" >&2
fi
exit 0
