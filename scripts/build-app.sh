#!/usr/bin/env bash
# Builds the release app into dist/, then the NPS survey's frame page into dist/embed/frame/
# (after the app: its build empties dist/), and stores brotli and gzip copies beside each file,
# which the server sends to browsers that accept them.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

check_crates_offline

# Nothing to do when dist/ was built from exactly these sources with these tools: a second
# `make run` starts in seconds. VECHE_REBUILD=1 builds anyway.
stamp="$ROOT/.veche-app-build"
inputs=""
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  inputs="$( { rustc -V; trunk --version; wasm-bindgen --version; git ls-files -co --exclude-standard -- \
    .cargo Cargo.toml Cargo.lock Trunk.toml index.html package-lock.json public src style crates vendor widget \
    scripts/build-app.sh scripts/lib.sh scripts/css_bundles.py scripts/split_wasm.py scripts/wasm_opt_batch.mjs scripts/precompress.py \
    | grep -v '/build/' | xargs -d '\n' sha256sum; } | sha256sum | cut -d' ' -f1)"
fi
if [ -n "$inputs" ] && [ "${VECHE_REBUILD:-0}" != 1 ] && [ -f dist/index.html ] && [ -f dist/embed/frame/index.html ] \
   && [ "$(cat "$stamp" 2>/dev/null)" = "$inputs" ]; then
  say "the app in dist/ is up to date with its sources"
  exit 0
fi
rm -f "$stamp"

# Both bundles are built with their own std (-Zbuild-std, from rust-src) so that a panic is a
# trap where it happens (-Cpanic=immediate-abort): without the panic machinery (messages,
# formatting, file names) the app's first load is about 18 KB brotli smaller and the frame about
# 7 KB. Both flags are unstable, hence RUSTC_BOOTSTRAP on the stable toolchain. RUSTFLAGS replaces
# the flags in .cargo/config.toml, so it repeats them. Debug builds (the component tests) keep
# panic messages.
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
echo "$inputs" > "$stamp"
