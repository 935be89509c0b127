#!/usr/bin/env bash
# End-to-end tests drive Debian's Chromium; nothing is downloaded at test run time except this package.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ]; then exit 0; fi
for c in /usr/bin/chromium /usr/bin/chromium-browser; do [ -x "$c" ] && exit 0; done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium (apt-get install -y chromium)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium is missing: run 'sudo apt-get install -y chromium' (or set CHROMIUM_PATH=/path/to/chromium) and run the tests again." >&2
exit 1
