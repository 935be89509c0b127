#!/usr/bin/env bash
# The one test command: unit, contract and end-to-end tests, from a fresh clone.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/ensure-chromium.sh
npx tsc --noEmit -p .
# Lint (ESLint with TypeScript and React hooks rules) and layout (Prettier) are part of the test command.
npx eslint .
npx prettier --check .
# Dead code: an export nothing imports, or a file nothing reaches, fails the run (config in knip.jsonc).
npx knip
npx wxt build
npx wxt build -b firefox
# Mozilla's add-ons linter (what web-ext lint runs) on the Firefox build: errors and unaccepted warnings fail.
npx tsx scripts/firefox-lint.ts
# Each run leaves a fresh traffic log of what Baton sent to the sandbox.
mkdir -p test-results && : > test-results/sandbox-traffic.jsonl
npx vitest run "$@"
