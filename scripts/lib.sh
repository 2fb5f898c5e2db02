# Shared by Veche's scripts: paths, logging, and "install only what is missing".
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${VECHE_CACHE:-$HOME/.cache/veche}"
TRUNK_VERSION="0.21.14"
WASM_SPLIT_VERSION="0.2.4"
# Where `cargo install` puts programs (CARGO_HOME may point elsewhere than ~/.cargo).
CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
export PATH="$CARGO_BIN:$HOME/.cargo/bin:$ROOT/node_modules/.bin:$CACHE/venv/bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf '\033[31merror: %s\033[0m\n' "$*" >&2; exit 1; }

# Runs a command as root (directly, or through sudo when there is one).
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root for: $*"; fi
}

# The wasm-bindgen version Cargo.lock pins: the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

# Waits until a URL answers, or fails after $2 seconds.
wait_for_url() {
  local url=$1 seconds=${2:-60}
  for _ in $(seq 1 "$((seconds * 4))"); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    sleep 0.25
  done
  die "$url did not answer within ${seconds}s"
}

# The manifest of the standard library's source (rust-src), whose own crates release builds
# need: they rebuild std (-Zbuild-std, scripts/build-app.sh).
std_manifest() {
  echo "$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
}

# Fails at once, with what to do, when a crate the release build needs is not in cargo's cache:
# Trunk runs cargo with --offline (Trunk.toml), which cannot download anything. Takes a second.
check_crates_offline() {
  RUSTC_BOOTSTRAP=1 cargo metadata --quiet --offline --locked --format-version 1 --manifest-path "$(std_manifest)" >/dev/null 2>&1 \
    || die "the standard library's own crates (for -Zbuild-std) are not in cargo's cache at ${CARGO_HOME:-$HOME/.cargo}: run scripts/setup.sh, which fetches them"
  cargo metadata --quiet --offline --locked --format-version 1 --manifest-path "$ROOT/Cargo.toml" >/dev/null 2>&1 \
    || die "Veche's crates are not all in cargo's cache at ${CARGO_HOME:-$HOME/.cargo}: run scripts/setup.sh, which fetches them"
}
