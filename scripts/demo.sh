#!/usr/bin/env bash
# `npm run demo` from a fresh clone: dependencies and Chromium first, then the demo itself. `exec` hands the
# terminal to the demo, so Ctrl-C reaches it directly and it stops the sandbox and the browser it started.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/ensure-chromium.sh
exec node_modules/.bin/tsx scripts/demo.ts "$@"
