#!/usr/bin/env bash
# The conformance kit: what a backend implementing api/openapi.yaml gets wrong, checked from the
# outside against any running server (README, "Writing your own backend").
#   scripts/conformance.sh https://community.example.com/api/v1
#   scripts/conformance.sh http://127.0.0.1:8080/api/v1     # the reference server (make run)
# 1. schemathesis over every operation as a guest, then signed in as a member: answers that do
#    not fit the contract (status codes, bodies, headers), server errors, refused valid data.
# 2. the journeys tagged @portable (Playwright, headless Chromium): the built app (dist/,
#    scripts/build-app.sh) served in front of the backend by end2end/support/app-proxy.mjs,
#    doing what members do without relying on the reference server's demo content.
# It needs open registration (POST /auth/register): the member of step 1 and the journeys' members
# are registered for the run. Or CONFORMANCE_LOGIN and CONFORMANCE_PASSWORD name an existing
# member (not staff) for step 1. CONFORMANCE_SESSION_COOKIE: the session cookie's name, when not
# veche_session. SCHEMATHESIS_EXAMPLES: examples per operation (40). CONFORMANCE_STEPS: which of
# "schemathesis journeys" to run (both).
# At the end it prints a report: each step, passed or failed, and what failed in it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
api="${1:?usage: scripts/conformance.sh <API base URL, e.g. https://community.example.com/api/v1>}"
api="${api%/}"
steps="${CONFORMANCE_STEPS:-schemathesis journeys}"
cookie_name="${CONFORMANCE_SESSION_COOKIE:-veche_session}"
work="$(mktemp -d)"
proxy_pid=""
trap '[ -z "$proxy_pid" ] || kill "$proxy_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
results=()

curl -fsS -o /dev/null "$api/health" || die "$api/health does not answer: is the backend running, and is this its API base URL?"

jar="$work/cookies"
# The CSRF token of the latest GET /auth/me (empty when the answer has none: the run then shows why).
token() { curl -fsS -b "$jar" -c "$jar" "$api/auth/me" | python3 -c 'import json,sys
try: print(json.load(sys.stdin)["csrf_token"])
except Exception: print("")' || true; }

# Runs schemathesis with the contract's checks; its output goes to $work/$1.log.
schemathesis_run() {
  local name=$1 session=$2
  shift 2
  local extra=()
  if [ -n "$session" ] && [ "$cookie_name" != veche_session ]; then extra=(--header "Cookie: $cookie_name=$session"); fi
  VECHE_CSRF="$(token)" VECHE_SESSION="$session" schemathesis --config-file "$ROOT/api/schemathesis.toml" \
    run "$ROOT/api/openapi.yaml" --url "$api" --checks all --max-examples "${SCHEMATHESIS_EXAMPLES:-40}" \
    --phases examples,coverage,fuzzing --suppress-health-check all --no-color "${extra[@]}" "$@" 2>&1 | tee "$work/$name.log"
  return "${PIPESTATUS[0]}"
}

if [[ " $steps " == *" schemathesis "* ]]; then
  say "contract tests (schemathesis) as a guest"
  if schemathesis_run guest ""; then results+=("pass|schemathesis as a guest|"); else results+=("FAIL|schemathesis as a guest|guest"); fi

  # A member of its own (the fuzzer leaves groups, renames itself and edits what it wrote), or the
  # one named for the run.
  if [ -n "${CONFORMANCE_LOGIN:-}" ]; then
    body="{\"login\":\"$CONFORMANCE_LOGIN\",\"password\":\"${CONFORMANCE_PASSWORD:?CONFORMANCE_PASSWORD}\"}"
    path=auth/login
  else
    handle="kit$(date +%s)"
    body="{\"handle\":\"$handle\",\"display_name\":\"Conformance kit\",\"email\":\"$handle@example.org\",\"password\":\"conformance-kit-1\",\"accept_charter\":true}"
    path=auth/register
  fi
  session=""
  if curl -fsS -b "$jar" -c "$jar" -H "X-CSRF-Token: $(token)" -H 'Content-Type: application/json' -d "$body" "$api/$path" > /dev/null; then
    session="$(awk -v name="$cookie_name" '$6 == name { print $7 }' "$jar")"
  fi
  if [ -z "$session" ]; then
    results+=("FAIL|schemathesis signed in as a member|POST $api/$path did not sign a member in (no cookie named $cookie_name): the kit needs open registration, or CONFORMANCE_LOGIN/CONFORMANCE_PASSWORD; CONFORMANCE_SESSION_COOKIE names another cookie")
  else
    say "contract tests (schemathesis) signed in as a member"
    # Signing out would end the session the run uses.
    if schemathesis_run member "$session" --exclude-operation-id logout; then
      results+=("pass|schemathesis signed in as a member|")
    else
      results+=("FAIL|schemathesis signed in as a member|member")
    fi
  fi
fi

if [[ " $steps " == *" journeys "* ]]; then
  "$ROOT/scripts/build-app.sh"
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  node "$ROOT/end2end/support/app-proxy.mjs" "$port" "$api" "$ROOT/dist" > "$work/proxy.log" 2>&1 &
  proxy_pid=$!
  wait_for_url "http://127.0.0.1:$port/api/v1/health" 30
  say "journeys that need no demo content (@portable), the app served in front of $api"
  if VECHE_URL="http://127.0.0.1:$port" PLAYWRIGHT_JSON_OUTPUT_FILE="$work/journeys.json" \
    npx playwright test --config end2end/playwright.config.ts --grep @portable --reporter=list,json; then
    results+=("pass|journeys (@portable)|")
  else
    results+=("FAIL|journeys (@portable)|journeys")
  fi
fi

say "conformance report for $api"
failed=0
for result in "${results[@]}"; do
  IFS='|' read -r status title detail <<< "$result"
  printf '  %-4s  %s\n' "$status" "$title"
  [ "$status" = pass ] && continue
  failed=1
  case "$detail" in
    guest | member) python3 "$ROOT/scripts/conformance_report.py" schemathesis "$work/$detail.log" ;;
    journeys) python3 "$ROOT/scripts/journey_failures.py" "$work/journeys.json" | sed 's/^/        /' ;;
    *) echo "        $detail" ;;
  esac
done
[ "$failed" = 0 ] || die "the backend at $api does not yet keep the contract: see the report above"
say "the backend at $api passed every check of the kit"
