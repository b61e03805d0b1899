#!/usr/bin/env bash
# Every test suite in order: native (cargo test), the release wasm build, Node tests of the built
# package, then browser tests in headless Chromium. Later suites run even when an earlier one
# fails (except after a failed build, which they need). The last line is "N passed, N failed".
set -uo pipefail

cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

LOGS="$(mktemp -d)"
trap 'rm -rf "$LOGS"' EXIT
passed=0
failed=0
summary=()

# Print a banner for a suite.
banner() { printf '\n==== %s ====\n' "$1"; }

# Add a suite's counts to the totals; a non-zero exit with no failing test counts as one failure.
record() {
  local name="$1" rc="$2" pass="${3:-0}" fail="${4:-0}" seconds="$5" note=""
  if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then
    fail=1
    note=" (exited with status $rc)"
  fi
  passed=$((passed + pass))
  failed=$((failed + fail))
  summary+=("$(printf '%-28s %4d passed, %d failed  %4ds%s' "$name" "$pass" "$fail" "$seconds" "$note")")
}

# Sum the counts of cargo's "test result:" lines, one per test binary and doc-test run.
cargo_counts() {
  awk '/^test result:/ { for (i = 1; i < NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
       END { print p + 0, f + 0 }' "$1"
}

# Read the totals from a TAP report of node --test; cancelled tests count as failed.
tap_counts() {
  touch "$1"
  awk '/^# pass / { p = $3 } /^# fail / { f += $3 } /^# cancelled / { f += $3 } END { print p + 0, f + 0 }' "$1"
}

# Run node --test on the files of a folder: readable output on stdout, a TAP copy to parse.
# The shell expands the glob: Node 20's test runner takes file names, not patterns.
node_suite() {
  local name="$1" dir="$2" tap="$LOGS/$3.tap" start rc files
  banner "$name"
  start=$SECONDS
  files=("$dir"/*.test.mjs)
  if [ ! -e "${files[0]}" ]; then
    echo "no test files match $dir/*.test.mjs"
    record "$name" 1 0 0 0
    return
  fi
  node --test --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$tap" "${files[@]}"
  rc=$?
  read -r pass fail < <(tap_counts "$tap")
  record "$name" "$rc" "$pass" "$fail" $((SECONDS - start))
}

banner "setup"
if ! scripts/setup.sh test; then
  echo "setup failed: see the messages above"
  echo "0 passed, 1 failed"
  exit 1
fi

banner "native tests (cargo test --no-fail-fast: every test binary runs)"
start=$SECONDS
cargo test --workspace --no-fail-fast 2>&1 | tee "$LOGS/cargo.txt"
rc=${PIPESTATUS[0]}
read -r pass fail < <(cargo_counts "$LOGS/cargo.txt")
record "native (cargo test)" "$rc" "$pass" "$fail" $((SECONDS - start))

banner "release wasm build"
start=$SECONDS
scripts/build.sh 2>&1 | tee "$LOGS/build.txt"
build_rc=${PIPESTATUS[0]}
record "wasm build" "$build_rc" 0 0 $((SECONDS - start))

if [ "$build_rc" -eq 0 ]; then
  node_suite "node (tests/node)" tests/node node
  node_suite "browser (tests/e2e)" tests/e2e e2e
else
  summary+=("node and browser tests skipped: they need the wasm build")
fi

banner "summary"
printf '%s\n' "${summary[@]}"
grep '^build: www/pkg/' "$LOGS/build.txt" | tail -n 1
if [ -d tests/e2e/screenshots ]; then echo "screenshots: tests/e2e/screenshots/"; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
