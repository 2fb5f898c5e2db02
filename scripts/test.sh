#!/usr/bin/env bash
# `make test`: sets up what is missing and runs every test Veche has, against real parts:
# the contract's lint, lint, unit and property tests, server integration tests on SQLite files,
# component tests in headless Chromium, the conformance kit (schemathesis and the @portable
# journeys), the fault scripts (kill -9 during writes, memory under hostile bodies) and the
# Playwright journeys against the reference server, the app against a mock generated from the
# contract, then the size report against the budgets.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh"
# Seconds, and a clear message, instead of a failed release build much later (Trunk's cargo runs
# offline and cannot download what a new machine's cache lacks).
check_crates_offline

say "the contract's lint (Spectral: OpenAPI rules and the contract's own conventions, .spectral.yaml)"
spectral lint api/openapi.yaml --fail-severity warn --quiet

say "formatting and lints"
cargo fmt --all -- --check
cargo clippy --quiet --workspace --all-targets -- -D warnings
cargo clippy --quiet -p veche -p veche-survey -p veche-nps-frame --target wasm32-unknown-unknown --all-targets -- -D warnings

say "unit, property and server integration tests"
cargo test --quiet --workspace
node --test end2end/unit/

say "component tests in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test -p veche --target wasm32-unknown-unknown --test browser --test markdown_dom
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test -p veche-survey --target wasm32-unknown-unknown --test browser

"$ROOT/scripts/build-app.sh"

say "starting the reference server on a fresh database"
work="$(mktemp -d)"
# A free port unless one is asked for: never a server someone else left running.
port="${VECHE_TEST_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
target_dir="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
cargo build --quiet -p veche-server
# A real SMTP server for the server's mail (aiosmtpd, from requirements-dev.txt; under a second to
# start): it keeps what it receives in a Maildir, where the journeys read their links.
smtp_port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
python3 -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$work/maildir" > "$work/smtp.log" 2>&1 &
smtp_pid=$!
# A real OpenID Connect provider (oidc-provider, from npm) for signing in with an organisation's
# account; the journeys set it up as staff would (/admin/sign-in), labelled "Corp account".
oidc_port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
node "$ROOT/end2end/support/oidc-provider.mjs" "$oidc_port" "http://127.0.0.1:$port/api/v1/auth/oidc/oidc/callback" > "$work/oidc.log" 2>&1 &
oidc_pid=$!
for _ in $(seq 1 100); do grep -q '^ready ' "$work/oidc.log" 2>/dev/null && break; sleep 0.1; done
grep -q '^ready ' "$work/oidc.log" || die "the test identity provider did not start: $(tail -n 5 "$work/oidc.log")"
VECHE_ADDR="127.0.0.1:$port" VECHE_PUBLIC_URL="http://127.0.0.1:$port" VECHE_DATABASE="$work/veche.sqlite3" VECHE_STATIC_DIR="$ROOT/dist" \
  VECHE_AUTH_ATTEMPTS_PER_MINUTE=100000 VECHE_WRITES_PER_MINUTE=100000 VECHE_SURVEY_ANSWERS_PER_HOUR=100000 \
  VECHE_SMTP_URL="smtp://127.0.0.1:$smtp_port" VECHE_MAIL_RETRY_SECONDS=1 \
  "$target_dir/debug/veche-server" > "$work/server.log" 2>&1 &
server_pid=$!
trap 'kill $server_pid $smtp_pid $oidc_pid 2>/dev/null || true; wait $server_pid $smtp_pid $oidc_pid 2>/dev/null || true' EXIT
wait_for_url "http://127.0.0.1:$port/api/v1/health" 60
kill -0 "$server_pid" 2>/dev/null || die "the reference server did not start: $(tail -n 5 "$work/server.log")"

say "the conformance kit against the reference server (schemathesis as guest and member, the @portable journeys)"
"$ROOT/scripts/conformance.sh" "http://127.0.0.1:$port/api/v1"

say "faults: kill -9 during bursts of writes, hostile bodies against the memory bound"
# Each starts its own server (the same program) on a database of its own; a few seconds each.
python3 "$ROOT/scripts/fault_kill.py" --server "$target_dir/debug/veche-server"
python3 "$ROOT/scripts/memory_bound.py" --server "$target_dir/debug/veche-server"

say "calendar files read by a real iCalendar parser"
python3 "$ROOT/scripts/check_ics.py" "http://127.0.0.1:$port"

say "end-to-end journeys (Playwright, headless Chromium; the @portable ones ran in the kit above)"
# Each Playwright worker starts its own server from VECHE_SERVER_BIN on a fresh database, with its
# own SMTP server and identity provider (end2end/support/fixtures.ts): no journey meets another's
# leftovers, and a failed one can be run again alone.
if ! VECHE_SERVER_BIN="$target_dir/debug/veche-server" \
  npx playwright test --config end2end/playwright.config.ts --grep-invert @portable; then
  python3 "$ROOT/scripts/journey_failures.py" "$ROOT/end2end/test-results/report.json"
  die "end-to-end journeys failed"
fi

say "the app against the contract's mock (Prism, random valid data, several seeds)"
"$ROOT/scripts/mock-test.sh"

say "size report"
# Every address opened cold is listed against its 200 KB budget; until the pages' code fits it
# (issue 19: the thread, idea, event and profile pages need far more), only `make size` fails
# over it, so this run stays a regression check of the budgets already met.
python3 "$ROOT/scripts/size_report.py" dist --routes-report-only

say "all tests passed"
