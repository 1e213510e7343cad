#!/usr/bin/env bash
# Fuzzes the parsers: the table/CSV import, the story Markdown import and
# chart → SVG, each for a bounded time, starting from the committed corpus
# (fuzz/corpus/<target>). New inputs go to a scratch directory, so the
# checkout is not changed. A crash fails the run and leaves its input in
# fuzz/artifacts/<target>/; turn it into a named regression test.
#
#   scripts/fuzz.sh                      # every target, 12 s each
#   FUZZ_SECONDS=600 scripts/fuzz.sh     # the long runs
#   scripts/fuzz.sh story_import         # one target
#
# Runs on stable Rust without a sanitizer (`-s none`); for AddressSanitizer
# use a nightly toolchain: `cd fuzz && cargo +nightly fuzz run <target>`.
set -euo pipefail
. "$(dirname "$0")/common.sh"
cd "$ROOT/fuzz"

SECONDS_PER_TARGET="${FUZZ_SECONDS:-12}"
FUZZ_TARGET_DIR="${FUZZ_TARGET_DIR:-$HOME/.cache/throughline/fuzz-target}"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(table_import story_import chart_svg workspace_open decoders)

# Seeds kept elsewhere in the repository, read but never written: the
# workspace fixtures of every schema version.
seeds_for() {
  case "$1" in
    workspace_open) echo "$ROOT/crates/store/tests/fixtures" ;;
  esac
}

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "cargo-fuzz is missing: scripts/setup.sh installs it (cargo install cargo-fuzz --locked)" >&2
  exit 1
fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

step "build the fuzz targets"
cargo fuzz build -s none --target-dir "$FUZZ_TARGET_DIR"
total_runs=0
for target in "${targets[@]}"; do
  step "fuzz $target for ${SECONDS_PER_TARGET}s"
  corpus="corpus/$target"
  mkdir -p "$corpus" "$scratch/$target"
  log="$scratch/$target.log"
  if ! cargo fuzz run -s none --target-dir "$FUZZ_TARGET_DIR" "$target" "$scratch/$target" "$corpus" $(seeds_for "$target") -- \
      -max_total_time="$SECONDS_PER_TARGET" -print_final_stats=1 -timeout=10 -rss_limit_mb=4096 >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "FAILED: fuzz target $target found a crash; its input is in fuzz/artifacts/$target/" >&2
    exit 1
  fi
  runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -n 1)
  [ "${runs:-0}" -gt 0 ] || { tail -n 40 "$log" >&2; echo "FAILED: fuzz target $target ran no input" >&2; exit 1; }
  corpus_size=$(find "$corpus" $(seeds_for "$target") -type f | wc -l)
  echo "  $target: $runs executions in ${SECONDS_PER_TARGET}s from $corpus_size corpus inputs, no crash"
  total_runs=$(( total_runs + runs ))
done
echo "fuzz executions: $total_runs"
