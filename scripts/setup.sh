#!/usr/bin/env bash
# Installs whatever Veche's build and tests need and is missing; safe to run any number of times.
#   scripts/setup.sh          everything (build + tests)
#   scripts/setup.sh --run    only what running the app needs
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

command -v cargo >/dev/null || die "Rust is not installed: see https://rustup.rs"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
fi

# The standard library's source: release builds of the app and the survey frame build their own
# std (scripts/build-app.sh).
if ! rustup component list --installed | grep -q '^rust-src'; then
  say "adding the Rust standard library's source"
  rustup component add rust-src || rustup component add rust-src
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (takes several minutes once)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

bindgen="$(wasm_bindgen_version)"
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen" ]; then
  say "installing wasm-bindgen-cli $bindgen (takes several minutes once)"
  # Not --locked: the CLI's own lock file pins a yanked crate for some versions.
  cargo install --force "wasm-bindgen-cli@$bindgen"
fi

# Cuts lazy pages out of the app's module (scripts/split_wasm.py); it has no --version flag,
# so cargo's own record of installed crates tells.
if ! grep -q "wasm_split_cli_support $WASM_SPLIT_VERSION " "$HOME/.cargo/.crates2.json" 2>/dev/null \
   || ! command -v wasm-split-cli >/dev/null; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (a few minutes once)"
  cargo install --locked --features build-binary "wasm_split_cli_support@$WASM_SPLIT_VERSION"
fi

# npm packages (wasm-opt from binaryen, Playwright, axe, Lighthouse): only when the lock changed.
lock_stamp="node_modules/.veche-lock-sha"
lock_sha="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -f "$lock_stamp" ] || [ "$(cat "$lock_stamp")" != "$lock_sha" ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund
  echo "$lock_sha" > "$lock_stamp"
fi

# Python tools (brotli for the size report and pre-compression; schemathesis, icalendar for tests).
req_sha="$(sha256sum requirements-dev.txt | cut -d' ' -f1)"
if [ ! -x "$CACHE/venv/bin/python" ] || [ "$(cat "$CACHE/venv/.veche-req-sha" 2>/dev/null)" != "$req_sha" ]; then
  say "installing Python packages into $CACHE/venv"
  mkdir -p "$CACHE"
  python3 -m venv "$CACHE/venv"
  "$CACHE/venv/bin/pip" install --quiet --disable-pip-version-check -r requirements-dev.txt
  echo "$req_sha" > "$CACHE/venv/.veche-req-sha"
fi

if [ "${1:-}" != "--run" ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    say "installing Chromium and ChromeDriver (Debian packages)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi
say "set-up complete"
