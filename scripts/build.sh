#!/usr/bin/env bash
# Build the release wasm package into www/pkg/: cargo → wasm-bindgen → wasm-opt → a load check in Node.
#
#   WASM_OPT=0 scripts/build.sh    skip wasm-opt (for debugging the unoptimised module)
#   scripts/build.sh --check-size  only the size check, on the module already built
#
# The later steps are skipped when cargo's output and the tools are unchanged, so a warm build
# takes a few seconds. The build fails when the module is over its size budget: gzip -9 is what
# a page served compressed downloads (the raw size does not count). WASM_GZIP_BUDGET sets the
# budget in bytes, for a test of the check.
set -euo pipefail

cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# The wasm's budget: 150 KB gzip -9.
BUDGET="${WASM_GZIP_BUDGET:-150000}"

CRATE=backprop_playground
PKG=www/pkg
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
RAW="$TARGET_DIR/wasm32-unknown-unknown/release/$CRATE.wasm"
OUT="$PKG/${CRATE}_bg.wasm"
WASM_OPT_BIN=node_modules/.bin/wasm-opt
# The features rustc enables by default for wasm32-unknown-unknown, plus SIMD (.cargo/config.toml);
# Node 20 and Chromium have them all.
# The producers and target-features sections only describe the toolchain; browsers ignore them.
# --converge repeats the passes until the module stops shrinking: 0.75 KB less for 6 s more, same
# training speed. (-Oz instead of -O3 saves about 5 KB more but trains about 3 % slower, measured
# with benches/train-wasm.mjs.)
# --low-memory-unused lets wasm-opt fold constant offsets into loads and stores (x + 8 → offset=8),
# which it may do only if no address below 1 KB is ever used: Rust's module puts its data at 1 MB
# and its stack below, growing down from there, so only a stack 1,023 KB deep would reach it.
# 0.9 KB less gzip (1.8 KB of code).
WASM_OPT_FLAGS=(-O3 --converge --low-memory-unused --enable-simd --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue
  --enable-call-indirect-overlong --strip-producers --strip-target-features)

# Prints the module's size; fails, saying by how much, when its gzip -9 size is over the budget.
check_size() {
  local wasm_bytes gzip_bytes js_bytes
  if ! [[ "$BUDGET" =~ ^[0-9]+$ ]]; then
    echo "build: error: WASM_GZIP_BUDGET must be a whole number of bytes, not '$BUDGET'" >&2
    return 1
  fi
  if [ ! -f "$OUT" ]; then
    echo "build: error: $OUT is missing: build it first (make build)" >&2
    return 1
  fi
  wasm_bytes="$(wc -c <"$OUT")"
  gzip_bytes="$(gzip -9 -c <"$OUT" | wc -c)"
  js_bytes="$(wc -c <"$PKG/$CRATE.js" 2>/dev/null || echo 0)"
  printf 'build: %s: %d bytes (%d gzip -9, budget %d); JS glue %d bytes\n' "$OUT" "$wasm_bytes" "$gzip_bytes" "$BUDGET" "$js_bytes"
  if [ "$gzip_bytes" -gt "$BUDGET" ]; then
    printf 'build: error: %s is %d bytes gzip -9, %d over its budget of %d bytes\n' \
      "$OUT" "$gzip_bytes" $((gzip_bytes - BUDGET)) "$BUDGET" >&2
    return 1
  fi
}

if [ "${1:-}" = --check-size ]; then
  check_size
  exit
fi

scripts/setup.sh build

# The page's JavaScript libraries from node_modules (npm packages, pinned by package-lock.json),
# copied where the page and scripts/serve.mjs reach them: www/vendor/ (not committed). The
# one-file build bundles them from there.
echo "build: www/vendor/ (qrcode-generator)"
mkdir -p www/vendor
cp node_modules/qrcode-generator/dist/qrcode.mjs www/vendor/qrcode-generator.mjs

# `cargo build` silently drops LTO for a cdylib + rlib crate (cargo #9672); building the library
# alone as a cdylib keeps it.
echo "build: cargo rustc (release, wasm32)"
cargo rustc --lib --crate-type cdylib --target wasm32-unknown-unknown --release

use_wasm_opt=0
if [ "${WASM_OPT:-1}" != 0 ]; then
  if [ -x "$WASM_OPT_BIN" ]; then
    use_wasm_opt=1
  else
    echo "build: warning: $WASM_OPT_BIN not found (npm package binaryen); skipping wasm-opt"
  fi
fi

# Everything the package depends on besides cargo's output, to decide whether to redo the rest.
stamp="$(
  {
    sha256sum "$RAW" scripts/build.sh
    wasm-bindgen --version
    if [ "$use_wasm_opt" = 1 ]; then "$WASM_OPT_BIN" --version; fi
  } | sha256sum | cut -d' ' -f1
)"
if [ -f "$OUT" ] && [ -f "$PKG/$CRATE.js" ] && [ "$(cat "$PKG/.stamp" 2>/dev/null)" = "$stamp" ]; then
  echo "build: $PKG is up to date"
else
  rm -rf "$PKG"
  echo "build: wasm-bindgen --target web → $PKG/"
  wasm-bindgen --target web --out-dir "$PKG" "$RAW"
  if [ "$use_wasm_opt" = 1 ]; then
    echo "build: wasm-opt ${WASM_OPT_FLAGS[*]}"
    "$WASM_OPT_BIN" "${WASM_OPT_FLAGS[@]}" "$OUT" -o "$OUT.opt"
    mv "$OUT.opt" "$OUT"
  fi
  if ! node scripts/check-wasm.mjs "$PKG"; then
    echo "build: the package does not load; WASM_OPT=0 builds it without wasm-opt to tell whether that step broke it" >&2
    exit 1
  fi
  echo "$stamp" >"$PKG/.stamp"
fi

check_size

# The page's ES modules in one file (www/bundle.js), which index.html loads.
node scripts/bundle.mjs
