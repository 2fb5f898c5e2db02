#!/usr/bin/env bash
# `make stream-bench`: builds the release server and runs scripts/stream_bench.py against it
# (5,000 streams, or STREAMS; see that script). Loopback only; a benchmark, not a test.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
say "building the release server"
cargo build --release --quiet -p veche-server
python3 scripts/stream_bench.py --server "${CARGO_TARGET_DIR:-$ROOT/target}/release/veche-server" \
  --streams "${STREAMS:-5000}" "$@"
