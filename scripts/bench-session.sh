#!/usr/bin/env bash
# The window at work, measured (release build, real WebKitGTK under Xvfb):
# the slide preview's refresh time and the writing column's scrolling in
# each way WebKit can draw here, then the memory of all the app's processes
# over a scripted session of typing, switching updates and exporting
# (BENCH_MINUTES, default 30). A measurement, not a test: the test command
# does not run it. Needs what scripts/setup.sh installs.
#   scripts/bench-session.sh                 # figures, then a 30-minute session
#   BENCH_MINUTES=0 scripts/bench-session.sh # the figures only
set -euo pipefail
. "$(dirname "$0")/common.sh"
cd "$ROOT"

step "the app (release build, front end embedded)"
npm run --silent build:ui >/dev/null
cargo build --release -q -p throughline-app --features "$APP_FEATURES"
export THROUGHLINE_APP_BINARY="$CARGO_TARGET_DIR/release/throughline-app"
export TAURI_WEBVIEW_AUTOMATION=true
# Ports of its own, so the test suite can run beside it.
export TAURI_DRIVER_PORT="${TAURI_DRIVER_PORT:-4455}"

run() { # label, then VAR=value… for the app
  local label="$1"; shift
  env BENCH_LABEL="$label" "$@" node scripts/bench/session.mjs
}

all() {
  # How WebKit draws: compositing with Skia on GL (software GL here),
  # compositing with Skia on the CPU, and no compositing. The app's own
  # choice on this machine (scripts' figures in src-tauri/src/engine.rs)
  # is the last.
  run "compositing, GPU painting" BENCH_MINUTES=0 WEBKIT_DISABLE_COMPOSITING_MODE=0 WEBKIT_SKIA_ENABLE_CPU_RENDERING=0
  run "compositing, CPU painting" BENCH_MINUTES=0 WEBKIT_DISABLE_COMPOSITING_MODE=0 WEBKIT_SKIA_ENABLE_CPU_RENDERING=1
  run "the app's choice" BENCH_MINUTES="${BENCH_MINUTES:-30}"
}

step "preview refresh, scrolling, memory over the session"
if [ -z "${DISPLAY:-}" ]; then
  export -f run all
  exec dbus-run-session -- xvfb-run -a -s '-screen 0 1440x900x24' bash -c 'set -euo pipefail; all'
else
  all
fi
