#!/usr/bin/env bash
# Both README commands start from a fresh clone: install the locked dependencies when they are missing or older
# than the lock file, so `npm run demo` works as well as `npm test` before anyone has run `npm ci`.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing dependencies (npm ci)…"
  npm ci --no-audit --no-fund
fi
