#!/usr/bin/env bash
# Builds the release app into dist/, then the NPS survey's frame page into dist/embed/frame/
# (after the app: its build empties dist/), and stores brotli and gzip copies beside each file,
# which the server sends to browsers that accept them.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
say "building the app (release)"
trunk build --release
say "building the survey frame (release)"
trunk build --release --config widget/Trunk.toml
python3 "$ROOT/scripts/precompress.py" dist
