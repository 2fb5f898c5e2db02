#!/usr/bin/env bash
# Builds the release app into dist/ and stores brotli and gzip copies beside each file, which the
# server sends to browsers that accept them.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
say "building the app (release)"
trunk build --release
python3 "$ROOT/scripts/precompress.py" dist
