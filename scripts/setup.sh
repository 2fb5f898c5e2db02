#!/usr/bin/env bash
# Installs whatever Veche's build and tests need and is missing; safe to run any number of times.
#   scripts/setup.sh          everything (build + tests)
#   scripts/setup.sh --run    only what running the app needs
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

command -v cargo >/dev/null || die "Rust is not installed: see https://rustup.rs"
command -v rustup >/dev/null || die "rustup is not installed (Veche adds the wasm32 target and rust-src through it): see https://rustup.rs"
command -v node >/dev/null && command -v npm >/dev/null \
  || die "Node.js 20 or newer (with npm) is not installed: see https://nodejs.org or your system's nodejs package"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || die "Node.js $(node --version) is too old: Veche's tools need 20 or newer (https://nodejs.org)"
command -v python3 >/dev/null || die "Python 3 is not installed: install python3 (3.9 or newer) with its venv module"
python3 -c 'import venv, ensurepip' 2>/dev/null \
  || die "Python's venv module is missing: install it (on Debian or Ubuntu: apt-get install python3-venv)"

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

# Crates the builds need, downloaded now: Trunk runs cargo with --offline (Trunk.toml), and the
# release build rebuilds std, whose own crates come from std's lock file. A machine that built
# once has them in cargo's cache; a new one has none (check_crates_offline in lib.sh says which).
if ! (check_crates_offline) 2>/dev/null; then
  say "fetching the crates the builds need"
  cargo fetch --locked --manifest-path "$ROOT/Cargo.toml"
  RUSTC_BOOTSTRAP=1 cargo fetch --locked --manifest-path "$(std_manifest)"
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
# (the record beside the program found on PATH, wherever CARGO_HOME pointed when it was installed).
split_cli="$(command -v wasm-split-cli || true)"
if [ -z "$split_cli" ] || ! grep -q "wasm_split_cli_support $WASM_SPLIT_VERSION " "$(dirname "$split_cli")/../.crates2.json" 2>/dev/null; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION (a few minutes once)"
  cargo install --locked --features build-binary "wasm_split_cli_support@$WASM_SPLIT_VERSION"
fi

# npm packages (wasm-opt from binaryen, Playwright, axe, Lighthouse): only when the lock changed.
lock_stamp="node_modules/.veche-lock-sha"
lock_sha="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -f "$lock_stamp" ] || [ "$(cat "$lock_stamp")" != "$lock_sha" ]; then
  say "installing npm packages"
  # --engine-strict: a package that wants a newer Node.js than this machine's stops the install
  # here, by name, instead of a warning that scrolls by and a tool that breaks later.
  npm ci --no-audit --no-fund --engine-strict \
    || die "npm could not install the packages in package-lock.json with Node.js $(node --version) (an EBADENGINE line above names a package that needs a newer Node.js: upgrade Node.js, or pin that package to a version that supports $(node --version))"
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
  # ChromeDriver drives only the Chromium of its own version: both come from the same Debian
  # release, installed (or upgraded) together.
  browser_version() { "$1" --version 2>/dev/null | grep -oE '[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+' | head -n 1; }
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] \
     || [ "$(browser_version /usr/bin/chromium)" != "$(browser_version /usr/bin/chromedriver)" ]; then
    command -v apt-get >/dev/null \
      || die "the browser tests need Chromium and a ChromeDriver of the same version at /usr/bin/chromium and /usr/bin/chromedriver (Debian packages chromium and chromium-driver)"
    say "installing Chromium and ChromeDriver (Debian packages)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
    [ "$(browser_version /usr/bin/chromium)" = "$(browser_version /usr/bin/chromedriver)" ] \
      || die "Chromium $(browser_version /usr/bin/chromium) and ChromeDriver $(browser_version /usr/bin/chromedriver) differ: upgrade both (apt-get install chromium chromium-driver)"
  fi
fi
say "set-up complete"
