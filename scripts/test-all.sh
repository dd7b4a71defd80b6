#!/usr/bin/env bash
# Runs every check the project has, in order: install, lint, format, typecheck, unit tests, build, end-to-end tests.
# On a fresh Debian/Ubuntu machine it first installs Chromium for Playwright (apt), then the npm packages.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NEXT_TELEMETRY_DISABLED=1

stage() {
  printf '\n==> %s\n' "$*"
}

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  stage "Installing Chromium with apt-get (not found at $CHROMIUM)"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi

stage "npm install"
npm install --no-audit --no-fund

stage "lint"
npm run lint

stage "format"
npm run format:check

stage "typecheck"
npm run typecheck

rm -rf .test-results && mkdir -p .test-results

stage "unit tests"
npm run test:unit -- --reporter=default --reporter=json --outputFile.json=.test-results/unit.json

stage "build"
npm run build

stage "end-to-end tests"
PLAYWRIGHT_JSON_OUTPUT_NAME=.test-results/e2e.json npm run test:e2e -- --reporter=list,json

stage "all checks passed"
node scripts/test-totals.mjs
