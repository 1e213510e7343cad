#!/usr/bin/env bash
# Times the same 50-slide deck through `throughline` and through Marp CLI
# (headless Chromium), side by side: PDF deck and 50 PNGs, median of 5
# alternating runs. Not part of the test command (it installs Chromium and
# takes minutes). Usage: scripts/compare-marp.sh [RUNS]
set -euo pipefail
. "$(dirname "$0")/common.sh"
cd "$ROOT"
RUNS="${1:-5}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

step "Chromium and Marp CLI (outside the project's dependencies)"
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
MARP_DIR="${MARP_DIR:-$HOME/.cache/throughline/marp}"
if ! "$MARP_DIR/node_modules/.bin/marp" --version >/dev/null 2>&1; then
  rm -rf "$MARP_DIR"
  npm install --prefix "$MARP_DIR" --no-audit --no-fund --loglevel=error @marp-team/marp-cli >/dev/null
fi
MARP="$MARP_DIR/node_modules/.bin/marp"
export CHROME_PATH=/usr/bin/chromium
export CHROME_NO_SANDBOX=1

step "throughline (release build)"
cargo build --release -q -p throughline-cli
CLI="$CARGO_TARGET_DIR/release/throughline"

step "The same 50 slides for both"
mkdir -p "$WORK/stories" "$WORK/out"
{
  echo "---"; echo "marp: true"; echo "paginate: true"; echo "---"
} > "$WORK/deck.md"
for i in $(seq -w 1 50); do
  cat > "$WORK/stories/$i.md" <<STORY
---
title: "Update $i: setup checklist lifts week-one activation by 9 points"
audience: Exec staff
priority: Net revenue retention
date: 2026-11-23
---

## Context
Two competitors now bundle guided onboarding into their free tiers, and 38% of churned accounts never finished setup.

## Conflict
Sales wants a 30-day trial, but a longer trial adds support hours without fixing the day-three drop-off.

## Resolution
The Growth squad ships the checklist to every new workspace by 15 December and keeps the 14-day trial.

## Evidence
Six-week A/B test across 3,920 workspaces: 41% activated in week one against 32% without.

\`\`\`metric
value: 41%
unit: week-one activation
baseline: 32% without the checklist
window: 6 weeks
\`\`\`

\`\`\`chart
kind: line
title: Week-one activation rose 9 points
highlight: With checklist
unit: %

Week,Without checklist,With checklist
W1,31.5,33
W2,32,35.5
W3,31.8,37.9
W4,32.3,39.6
W5,32.1,40.4
W6,32,41
\`\`\`
STORY
  # A separator between slides, not after the last (that would add a blank one).
  [ "$i" = 01 ] || printf '\n---\n' >> "$WORK/deck.md"
  cat >> "$WORK/deck.md" <<SLIDE

# Update $i: setup checklist lifts week-one activation by 9 points

**Context** Two competitors now bundle guided onboarding into their free tiers, and 38% of churned accounts never finished setup.
**Conflict** Sales wants a 30-day trial, but a longer trial adds support hours without fixing the day-three drop-off.
**Resolution** The Growth squad ships the checklist to every new workspace by 15 December and keeps the 14-day trial.
**Evidence** Six-week A/B test across 3,920 workspaces: 41% activated in week one against 32% without.

| Week | Without | With |
|---|---|---|
| W1 | 31.5 | 33 |
| W6 | 32 | 41 |
SLIDE
done

now() { date +%s.%N; }
# A run that fails would time nothing: stop the comparison instead.
time_it() {
  local start; start=$(now)
  if ! "$@" >"$WORK/last.log" 2>&1; then cat "$WORK/last.log" >&2; echo "failed: $*" >&2; exit 1; fi
  echo "$(now) - $start" | bc -l
}
ours_pdf() { "$CLI" export "$WORK"/stories/*.md --pdf "$WORK/out/ours.pdf"; }
marp_pdf() { "$MARP" --no-stdin --pdf --allow-local-files "$WORK/deck.md" -o "$WORK/out/marp.pdf"; }
ours_png() { "$CLI" export "$WORK"/stories/*.md --png "$WORK/out/"; }
marp_png() { "$MARP" --no-stdin --images png --allow-local-files "$WORK/deck.md" -o "$WORK/out/marp.png"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

step "Timing ($RUNS alternating runs each)"
declare -A T
for kind in pdf png; do
  ours=(); marp=()
  for _ in $(seq "$RUNS"); do
    ours+=("$(time_it "ours_$kind")")
    marp+=("$(time_it "marp_$kind")")
  done
  T[ours_$kind]=$(printf '%s\n' "${ours[@]}" | median)
  T[marp_$kind]=$(printf '%s\n' "${marp[@]}" | median)
  printf '%s: throughline %.3f s, Marp %.3f s, ratio %.3f\n' "$kind" "${T[ours_$kind]}" "${T[marp_$kind]}" \
    "$(echo "${T[ours_$kind]} / ${T[marp_$kind]}" | bc -l)"
done
echo "throughline: $(pdfinfo "$WORK/out/ours.pdf" | grep Pages), $(ls "$WORK"/out/[0-9]*.png | wc -l) PNGs"
echo "Marp:        $(pdfinfo "$WORK/out/marp.pdf" | grep Pages), $(ls "$WORK"/out/marp*.png | wc -l) PNGs"
