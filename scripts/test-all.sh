#!/usr/bin/env bash
# The whole test suite, layer by layer: typecheck, lint, unit, integration on
# the embedded PostgreSQL and on a PostgreSQL server, browser tests in Debian's
# Chromium, and a short crash test. Ends with one "N passed, N failed" line.
#
# OILA_TEST_DATABASE_URL names the server (default postgresql://postgres@127.0.0.1:5432/postgres);
# without CI=true the server half is skipped when no server answers.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .oila-test/reports
rm -f .oila-test/reports/*.json

step() { printf '\n=== %s\n' "$*"; }
failures=()

# A fresh clone: install what the tests need.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci"; npm ci --no-audit --no-fund || exit 1
fi
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    step "installing Debian's chromium"
    (apt-get install -y -qq chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)) || failures+=("chromium install")
  else
    echo "Chromium is missing: sudo apt-get install chromium" >&2
  fi
fi

step "typecheck"; npx tsc --noEmit -p tsconfig.json || failures+=("typecheck")
step "lint"; npx eslint . || failures+=("lint")
step "unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=.oila-test/reports/unit.json || failures+=("unit")
step "integration tests on the embedded PostgreSQL"
npx vitest run --project integration --reporter=default --reporter=json --outputFile.json=.oila-test/reports/int-embedded.json || failures+=("integration (embedded)")

server_url="${OILA_TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
if node -e "const pg=require('pg');const c=new pg.Client({connectionString:process.argv[1]});c.connect().then(()=>c.query('select version()')).then(r=>{console.log(r.rows[0].version);return c.end()}).catch(()=>process.exit(1))" "$server_url"; then
  step "integration tests on the PostgreSQL server"
  OILA_TEST_DB=server OILA_TEST_DATABASE_URL="$server_url" npx vitest run --project integration --reporter=default --reporter=json --outputFile.json=.oila-test/reports/int-server.json || failures+=("integration (server)")
elif [ "${CI:-}" = true ]; then
  echo "no PostgreSQL server answers at $server_url" >&2; failures+=("integration (server): no server")
else
  echo "(no PostgreSQL server at $server_url: server integration tests skipped)"
fi

step "browser tests (Chromium)"
npx vite build --logLevel warn && PLAYWRIGHT_JSON_OUTPUT_NAME=.oila-test/reports/e2e.json npx playwright test --reporter=list,json || failures+=("browser")

step "crash test"
npx tsx bench/crash-test.ts --trials "${OILA_CRASH_TRIALS:-3}" | tee .oila-test/reports/crash.txt || failures+=("crash")

node scripts/summarise-tests.mjs
if [ ${#failures[@]} -gt 0 ]; then
  printf 'failed steps: %s\n' "${failures[*]}"
  exit 1
fi
