#!/usr/bin/env bash
# Measures a 50-slide deck PDF through the whole `throughline` process (release
# build): one warm-up, then the median of RUNS runs (default 5), and its peak
# memory. Not part of the test command: a timing is a measurement, not a test.
#   scripts/bench-deck.sh [RUNS]
set -euo pipefail
. "$(dirname "$0")/common.sh"
cd "$ROOT"
RUNS="${1:-5}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

step "throughline (release build)"
cargo build --release -q -p throughline-cli
CLI="$CARGO_TARGET_DIR/release/throughline"

step "50 stories"
for i in $(seq -w 1 50); do
  sed "s/^title: \(.*\)$/title: \1 ($i)/" tests/fixtures/stories/activation.md >"$WORK/story-$i.md"
done

run() { "$CLI" export "$WORK"/story-*.md --pdf "$WORK/deck.pdf"; }
run # warm-up
times=()
for _ in $(seq "$RUNS"); do
  start=$(date +%s.%N)
  run
  end=$(date +%s.%N)
  times+=("$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", b - a}')")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
peak="(GNU time not installed)"
if [ -x /usr/bin/time ]; then
  peak=$( { /usr/bin/time -f '%M KiB' "$CLI" export "$WORK"/story-*.md --pdf "$WORK/deck.pdf"; } 2>&1 | tail -n 1)
fi
pages=$(pdfinfo "$WORK/deck.pdf" | awk '/^Pages:/ {print $2}')
tagged=$(pdfinfo "$WORK/deck.pdf" | awk '/^Tagged:/ {print $2}')
printf 'deck: %s pages (tagged: %s), median %.3f s over %s runs (%s), peak RSS %s, %s cores\n' \
  "$pages" "$tagged" "$median" "$RUNS" "${times[*]}" "$peak" "$(nproc)"
