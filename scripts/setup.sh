#!/usr/bin/env bash
# Install what the build and the tests need, skipping whatever is already there.
#
#   scripts/setup.sh build   wasm32 target, wasm-bindgen-cli (version from Cargo.lock), npm packages
#   scripts/setup.sh test    all of the above, plus Debian's chromium for the browser tests and,
#                            when no font covers Chinese, Debian's fonts-noto-cjk
#
# Every check is cheap, so a second run finishes in about a second.
set -euo pipefail

cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

MODE="${1:-build}"
case "$MODE" in
  build | test) ;;
  *) echo "usage: $0 build|test" >&2; exit 2 ;;
esac

log() { printf 'setup: %s\n' "$*"; }

# Root runs apt-get directly; anyone else goes through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# rustup's wasm32 target: the release build compiles for it.
ensure_wasm_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    return
  fi
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
}

# The wasm-bindgen crate version the lock file pins; the CLI must match it exactly.
locked_wasm_bindgen_version() {
  if [ ! -f Cargo.lock ]; then
    # Resolves dependencies without building; existing lock files are left alone.
    cargo metadata --format-version 1 >/dev/null
  fi
  awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

# wasm-bindgen-cli at exactly the crate's version.
ensure_wasm_bindgen_cli() {
  local want have
  want="$(locked_wasm_bindgen_version)"
  if [ -z "$want" ]; then
    echo "setup: no wasm-bindgen package found in Cargo.lock" >&2
    exit 1
  fi
  have="$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)"
  if [ "$have" = "$want" ]; then
    return
  fi
  log "installing wasm-bindgen-cli $want (found: ${have:-none}); this takes about 6 minutes on 2 cores"
  # --locked fails on some registry mirrors (its lock file names crates they lack); retry without.
  if ! cargo install wasm-bindgen-cli --version "$want" --locked; then
    log "cargo install --locked failed; retrying without --locked"
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

# npm packages (binaryen's wasm-opt, playwright-core, esbuild for make dist), reinstalled only when
# the lock file changed.
ensure_npm_packages() {
  local stamp=node_modules/.package-lock.json
  if [ -f "$stamp" ] && [ "$stamp" -nt package-lock.json ] && [ "$stamp" -nt package.json ]; then
    return
  fi
  if [ -f package-lock.json ]; then
    log "installing npm packages (npm ci)"
    npm ci --no-audit --no-fund
  else
    log "installing npm packages (npm install)"
    npm install --no-audit --no-fund
  fi
  # npm ci may leave the hidden lock file with the tarball's old time stamp.
  touch "$stamp"
}

# Debian's chromium for the headless browser tests. Never Debian's binaryen: its wasm-opt breaks
# wasm-bindgen output; the npm package is used instead.
ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then
    return
  fi
  log "installing Debian's chromium (apt-get update first)"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
}

# A font for Chinese text: Debian's headless chromium brings none, and the page's Chinese messages
# would draw as empty boxes. Skipped when fontconfig knows a Chinese font already (or, without
# fc-list, when Noto Sans CJK's file is there); fontconfig comes along to make fc-list work.
ensure_cjk_font() {
  if command -v fc-list >/dev/null; then
    if [ -n "$(fc-list :lang=zh family)" ]; then
      return
    fi
  elif [ -e /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ]; then
    return
  fi
  log "installing Debian's fonts-noto-cjk: no font for Chinese found (apt-get update first)"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y fontconfig fonts-noto-cjk
}

ensure_wasm_target
ensure_wasm_bindgen_cli
ensure_npm_packages
if [ "$MODE" = test ]; then
  ensure_chromium
  ensure_cjk_font
fi
