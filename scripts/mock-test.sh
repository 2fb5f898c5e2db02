#!/usr/bin/env bash
# The app against a backend no one here wrote: a mock generated from api/openapi.yaml alone
# (Stoplight Prism in dynamic mode: random data valid by the contract), one seed after another.
# end2end/mock/routes.spec.ts visits every address of the route table as guest, member and staff
# and fails on any page error, wasm trap or blank main area; end2end/support/app-proxy.mjs serves dist/
# in front of Prism and plays the role (README, "Writing your own backend").
#   scripts/mock-test.sh              # seeds 1 2 3 (MOCK_SEEDS="4 5" picks others)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$ROOT/scripts/build-app.sh"

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
work="$(mktemp -d)"
pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  pids=()
}
trap 'stop; rm -rf "$work"' EXIT

failed=()
for seed in ${MOCK_SEEDS:-1 2 3}; do
  say "the app against Prism's random data, seed $seed"
  prism_port="$(free_port)"
  proxy_port="$(free_port)"
  prism mock "$ROOT/api/openapi.yaml" --dynamic --seed "$seed" --port "$prism_port" --verboseLevel warn > "$work/prism-$seed.log" 2>&1 &
  pids+=($!)
  node "$ROOT/end2end/support/app-proxy.mjs" "$proxy_port" "http://127.0.0.1:$prism_port" "$ROOT/dist" --play-roles > "$work/proxy-$seed.log" 2>&1 &
  pids+=($!)
  # Prism answers 401 to a guest's health check only if something is wrong: it is public.
  wait_for_url "http://127.0.0.1:$proxy_port/api/v1/health" 60
  if ! VECHE_MOCK_URL="http://127.0.0.1:$proxy_port" VECHE_MOCK_SEED="$seed" \
    npx playwright test --config end2end/mock/playwright.config.ts; then
    failed+=("$seed")
  fi
  stop
done
[ ${#failed[@]} -eq 0 ] || die "the app failed against the contract's mock with seed(s) ${failed[*]} (each failure above names the address and role)"
say "every route rendered against the contract's mock (seeds ${MOCK_SEEDS:-1 2 3})"
