#!/usr/bin/env bash
# `make run`: sets up what is missing, builds the app, and serves it with the reference server
# and its demo community on http://127.0.0.1:8080 (override with VECHE_ADDR).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh" --run
"$ROOT/scripts/build-app.sh"
say "building the reference server"
cargo build --quiet --profile server -p veche-server
target_dir="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
export VECHE_DATABASE="${VECHE_DATABASE:-$ROOT/data/veche.sqlite3}"
export VECHE_STATIC_DIR="${VECHE_STATIC_DIR:-$ROOT/dist}"
say "Veche is starting on http://${VECHE_ADDR:-127.0.0.1:8080}  (demo sign-ins: see README; Ctrl-C stops)"
exec "$target_dir/server/veche-server"
