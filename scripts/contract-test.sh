#!/usr/bin/env bash
# Runs schemathesis over every operation of api/openapi.yaml against a running server, once as
# a guest and once signed in as a demo member, with the CSRF token the contract says to send.
#   scripts/contract-test.sh http://127.0.0.1:18080
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
base="${1:?server URL}"
api="$base/api/v1"
jar="$(mktemp)"
token() { curl -fsS -b "$jar" -c "$jar" "$api/auth/me" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])'; }

run() {
  schemathesis --config-file "$ROOT/api/schemathesis.toml" run "$ROOT/api/openapi.yaml" --url "$api" \
    --checks all --max-examples "${SCHEMATHESIS_EXAMPLES:-40}" --phases examples,coverage,fuzzing \
    --suppress-health-check all --no-color "$@"
}

say "schemathesis as a guest"
VECHE_CSRF="$(token)" VECHE_SESSION="" run

# Signed in as a member of its own, registered for the run: the fuzzer leaves groups, renames
# itself and edits what it wrote, and the journeys that run after it rely on the demo members
# (anna in the closed group, her reply there) being as the demo made them.
say "schemathesis signed in (a member registered for the run)"
handle="contract$(date +%s)"
curl -fsS -b "$jar" -c "$jar" -H "X-CSRF-Token: $(token)" -H 'Content-Type: application/json' \
  -d "{\"handle\":\"$handle\",\"display_name\":\"Contract tests\",\"email\":\"$handle@example.org\",\"password\":\"contract-tests-1\",\"accept_charter\":true}" \
  "$api/auth/register" > /dev/null
session="$(awk '$6 == "veche_session" { print $7 }' "$jar")"
# Signing out would end the session the run uses.
VECHE_CSRF="$(token)" VECHE_SESSION="$session" run --exclude-operation-id logout
