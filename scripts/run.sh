#!/usr/bin/env bash
# Sets everything up and opens Throughline. Arguments go to the app, e.g.
#   scripts/run.sh --workspace ~/Documents/q3.throughline
# Without one, the app opens its default workspace (a demo update on first run).
set -euo pipefail
. "$(dirname "$0")/common.sh"
cd "$ROOT"

THROUGHLINE_SKIP_TEST_TOOLS=1 bash scripts/setup.sh

step "Opening Throughline"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found: starting the app on a virtual display (Xvfb)."
  exec xvfb-run -a -s '-screen 0 1440x900x24' "$APP_BINARY" "$@"
fi
exec "$APP_BINARY" "$@"
