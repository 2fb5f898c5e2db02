#!/usr/bin/env bash
# Builds the release app into dist/, then the NPS survey's frame page into dist/embed/frame/
# (after the app: its build empties dist/), and stores brotli and gzip copies beside each file,
# which the server sends to browsers that accept them.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

# Both bundles are built with their own std (-Zbuild-std, from rust-src) so that a panic is a
# trap where it happens (-Cpanic=immediate-abort): without the panic machinery (messages,
# formatting, file names) the app's first load is about 18 KB brotli smaller and the frame about
# 7 KB. Both flags are unstable, hence RUSTC_BOOTSTRAP on the stable toolchain. RUSTFLAGS replaces
# the flags in .cargo/config.toml, so it repeats them. Debug builds (the component tests) keep
# panic messages.
check_crates_offline
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export RUSTFLAGS="--cfg erase_components -Clink-args=--emit-relocs -Zunstable-options -Cpanic=immediate-abort"

say "building the app (release)"
trunk build --release
say "building the survey frame (release)"
trunk build --release --config widget/Trunk.toml
# The embed loader (2 KB budget) is written to be read; companies' pages get it minified.
terser dist/embed/nps.js --compress --mangle --output dist/embed/nps.js
python3 "$ROOT/scripts/precompress.py" dist
