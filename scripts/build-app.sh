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
# The frame has a 60 KB budget. Its std is built along with it (-Zbuild-std, from rust-src) so
# that a panic is a trap where it happens (-Cpanic=immediate-abort): without the panic machinery
# (messages, formatting, file names) the frame is about 7 KB brotli smaller. Both flags are
# unstable, hence RUSTC_BOOTSTRAP on the stable toolchain; a target directory of its own keeps
# these flags from rebuilding the app's dependencies.
RUSTC_BOOTSTRAP=1 \
  CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort" \
  CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}/frame" \
  trunk build --release --config widget/Trunk.toml
python3 "$ROOT/scripts/precompress.py" dist
