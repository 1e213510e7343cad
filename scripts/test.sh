#!/usr/bin/env bash
# Sets everything up and runs the whole test suite:
#   static checks (rustfmt, clippy, eslint, svelte-check),
#   Rust unit and integration tests (real SQLite files),
#   the parsers fuzzed for a bounded time (cargo fuzz, scripts/fuzz.sh),
#   front-end unit tests (Vitest),
#   end-to-end tests that drive the real app window through WebDriver
#   (tauri-driver + WebKitWebDriver) on a virtual display.
# A suite that cannot start, or runs no test, fails the run.
set -euo pipefail
. "$(dirname "$0")/common.sh"
cd "$ROOT"
start=$SECONDS
LOGS="$(mktemp -d)"
trap 'rm -rf "$LOGS"' EXIT

bash scripts/setup.sh

declare -A COUNTS
fail() { echo "FAILED: $*" >&2; exit 1; }
require_tests() { # suite count
  [ "$2" -gt 0 ] || fail "$1 ran no test"
  COUNTS[$1]=$2
}

step "Static checks"
cargo fmt --all -- --check || fail "cargo fmt: run 'cargo fmt --all'"
cargo clippy --workspace --all-targets --features "$APP_FEATURES" -- -D warnings || fail "clippy"
npm run --silent lint:ui || fail "eslint"
npm run --silent check:ui || fail "svelte-check"

step "Rust tests"
cargo test --workspace --features "$APP_FEATURES" 2>&1 | tee "$LOGS/cargo.log"
rust_count=$(grep -Eo '^test result: ok\. [0-9]+ passed' "$LOGS/cargo.log" | awk '{s+=$4} END {print s+0}')
require_tests "rust" "$rust_count"

step "Fuzzing the parsers (bounded: ${FUZZ_SECONDS:-12}s per target)"
bash scripts/fuzz.sh 2>&1 | tee "$LOGS/fuzz.log"
fuzz_count=$(grep -Ec '^  [a-z_]+: [0-9]+ executions in .*no crash$' "$LOGS/fuzz.log" || true)
[ "$fuzz_count" = 5 ] || fail "fuzzing: expected 5 fuzz targets to run, $fuzz_count did"
COUNTS[fuzz]=$fuzz_count
fuzz_runs=$(grep -Eo '^fuzz executions: [0-9]+' "$LOGS/fuzz.log" | grep -Eo '[0-9]+$')

step "Front-end unit tests (Vitest)"
npm run --silent test:ui 2>&1 | tee "$LOGS/vitest.log"
ui_count=$(sed -E 's/\x1b\[[0-9;]*m//g' "$LOGS/vitest.log" | grep -E '^\s*Tests\s+[0-9]+ passed' | grep -Eo '[0-9]+ passed' | head -1 | awk '{print $1}')
require_tests "ui" "${ui_count:-0}"

step "End-to-end tests (real window, WebDriver, Xvfb)"
export THROUGHLINE_APP_BINARY="$APP_BINARY"
# A hung window must not hold CI for its 90 minutes: the whole e2e run gets 30.
e2e=(timeout --kill-after=30 1800 npm run --silent test:e2e)
if command -v dbus-run-session >/dev/null 2>&1; then e2e=(dbus-run-session -- "${e2e[@]}"); fi
if [ -z "${DISPLAY:-}" ] || [ "${CI:-}" = "true" ]; then
  e2e=(xvfb-run -a -s '-screen 0 1440x900x24' "${e2e[@]}")
fi
"${e2e[@]}" 2>&1 | tee "$LOGS/e2e.log"
e2e_failed=$(grep -E '^# fail [0-9]+' "$LOGS/e2e.log" | awk '{print $3}')
e2e_count=$(grep -E '^# pass [0-9]+' "$LOGS/e2e.log" | awk '{print $3}')
[ "${e2e_failed:-1}" = 0 ] || fail "end-to-end tests"
require_tests "e2e" "${e2e_count:-0}"

step "Summary"
total=0
for suite in rust ui e2e; do
  printf '  %-5s %4d tests passed\n' "$suite" "${COUNTS[$suite]}"
  total=$(( total + COUNTS[$suite] ))
done
printf '  %-5s %4d targets fuzzed, %s executions, no crash\n' fuzz "${COUNTS[fuzz]}" "$fuzz_runs"
echo "  whole run took $(elapsed "$start")"
echo "total: $total passed, 0 failed"
