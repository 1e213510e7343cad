#!/usr/bin/env bash
# Idle memory of the app against the engine's own floor: the PSS of all the
# app's processes (the app and the WebKit processes it starts) 8 s after
# launch under Xvfb, with a fresh home, in both WebKit compositing modes —
# beside the same figure for a blank WebKitGTK 4.1 window (a GTK host
# showing an empty page, scripts/blank-webview.py). Release build. Not part
# of the test command: a measurement, not a test.
#   scripts/bench-memory.sh
set -euo pipefail
. "$(dirname "$0")/common.sh"
cd "$ROOT"
WAIT="${WAIT_SECONDS:-8}"

step "packages for the blank window (python3-gi, WebKitGTK 4.1 bindings)"
# Debian's own Python: the bindings are Debian packages.
PY=/usr/bin/python3
if ! "$PY" -c 'import gi; gi.require_version("WebKit2", "4.1")' 2>/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    python3-gi gir1.2-webkit2-4.1 gir1.2-gtk-3.0 >/dev/null
fi

step "the app (release build, front end embedded)"
npm run --silent build:ui >/dev/null
cargo build --release -q -p throughline-app --features "$APP_FEATURES"
APP="$CARGO_TARGET_DIR/release/throughline-app"

# PSS (KiB) of a process and all its descendants.
tree_pss() {
  local pids=("$1") i=0 total=0
  while [ $i -lt ${#pids[@]} ]; do
    for child in $(cat /proc/"${pids[$i]}"/task/*/children 2>/dev/null); do pids+=("$child"); done
    i=$((i + 1))
  done
  for pid in "${pids[@]}"; do
    kb=$(awk '/^Pss:/ {print $2}' /proc/"$pid"/smaps_rollup 2>/dev/null || echo 0)
    total=$((total + ${kb:-0}))
  done
  echo "$total"
}

# Launches a command with a fresh home, waits, prints its tree's PSS in MB.
measure() {
  local home; home="$(mktemp -d)"
  HOME="$home" XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache" \
    "$@" >/dev/null 2>&1 &
  local pid=$!
  sleep "$WAIT"
  local kb; kb=$(tree_pss "$pid")
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  rm -rf "$home"
  awk -v kb="$kb" 'BEGIN {printf "%.0f", kb / 1024}'
}

run_all() {
  for mode in on off; do
    # Set either way: left unset, the app chooses by itself (off where GL
    # is software, src-tauri/src/engine.rs). WebKit reads "0" as on.
    if [ "$mode" = off ]; then export WEBKIT_DISABLE_COMPOSITING_MODE=1; else export WEBKIT_DISABLE_COMPOSITING_MODE=0; fi
    blank=$(measure "$PY" scripts/blank-webview.py)
    app=$(measure "$APP")
    printf 'compositing %-3s  blank WebKitGTK window %4s MB PSS  ·  Throughline %4s MB PSS  ·  difference %4s MB\n' \
      "$mode" "$blank" "$app" "$((app - blank))"
  done
}

step "idle PSS, ${WAIT} s after launch"
if [ -z "${DISPLAY:-}" ]; then
  # A display of our own (xvfb-run's shell would drop exported functions).
  display=":$(( 90 + RANDOM % 9 ))"
  Xvfb "$display" -screen 0 1440x900x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  trap 'kill "$xvfb" 2>/dev/null || true' EXIT
  export DISPLAY="$display"
  sleep 1
fi
if command -v dbus-run-session >/dev/null 2>&1 && [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  export -f run_all measure tree_pss
  export APP WAIT PY
  dbus-run-session -- bash -c run_all
else
  run_all
fi
