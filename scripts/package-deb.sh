#!/usr/bin/env bash
# Builds the Debian package (release build: slow on two cores, so not part
# of the test command) and checks it: its dependencies, the desktop file,
# the .throughline MIME type and both binaries are in it; the binaries
# extracted from it start — the CLI exports a PNG, the app opens a window
# under Xvfb on the workspace given on its command line.
#
#   scripts/package-deb.sh          # the .deb lands in target/package/
set -euo pipefail
. "$(dirname "$0")/common.sh"
cd "$ROOT"
start=$SECONDS

step "Front end and npm packages"
THROUGHLINE_SKIP_TEST_TOOLS=1 bash scripts/install-system-deps.sh
[ -d node_modules ] || npm install --no-audit --no-fund --loglevel=error
npm run --silent build:ui

step "The CLI (release), to ship beside the app"
cargo build --release -p throughline-cli
mkdir -p target/package
cp "$CARGO_TARGET_DIR/release/throughline" target/package/throughline

step "The app and its package (tauri build --bundles deb)"
npm run --silent tauri -- build --bundles deb
deb="$(ls -t "$CARGO_TARGET_DIR"/release/bundle/deb/*.deb | head -1)"
cp "$deb" target/package/
deb="target/package/$(basename "$deb")"
echo "built $deb"

step "What the package says and holds"
info="$(dpkg-deb --info "$deb")"
contents="$(dpkg-deb --contents "$deb")"
echo "$info" | grep -E 'Package|Version|Depends'
fail=0
need() { if ! grep -q -- "$2" <<<"$1"; then echo "FAIL: $3"; fail=1; fi; }
need "$info" "libwebkit2gtk-4.1" "the package does not depend on WebKitGTK"
need "$info" "shared-mime-info" "the package does not depend on shared-mime-info"
need "$contents" "usr/bin/throughline-app" "the app binary is missing"
need "$contents" "usr/bin/throughline$" "the CLI binary is missing"
need "$contents" "usr/share/applications/.*\.desktop" "the desktop file is missing"
need "$contents" "usr/share/mime/packages/throughline.xml" "the MIME type is missing"
need "$contents" "usr/share/icons" "the icons are missing"

step "The binaries from the package start"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
dpkg-deb -x "$deb" "$tmp/root"
desktop="$(ls "$tmp"/root/usr/share/applications/*.desktop)"
need "$(cat "$desktop")" "MimeType=application/x-throughline" "the desktop file does not open .throughline files"
need "$(cat "$desktop")" "Exec=.* %f" "the desktop file does not pass the file it opens"
"$tmp/root/usr/bin/throughline" export tests/fixtures/stories/activation.md --png "$tmp/slide.png" >/dev/null
file "$tmp/slide.png" | grep -q "1920 x 1080" || { echo "FAIL: the packaged CLI did not export a 1920×1080 PNG"; fail=1; }
"$tmp/root/usr/bin/throughline" import tests/fixtures/stories/activation.md --workspace "$tmp/given.throughline" >/dev/null
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/data" XDG_CONFIG_HOME="$tmp/home/config"
mkdir -p "$HOME"
# The app, given the workspace as a file manager gives it (a bare path):
# its window must appear, and it must be on that workspace.
dbus-run-session -- xvfb-run -a -s '-screen 0 1280x800x24' bash -c '
  "$1" "$2" >/dev/null 2>&1 &
  app=$!
  for _ in $(seq 1 40); do
    if xdotool search --onlyvisible --name "Throughline" >/dev/null 2>&1; then
      echo "window" > "$3"
      break
    fi
    sleep 0.5
  done
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
' _ "$tmp/root/usr/bin/throughline-app" "$tmp/given.throughline" "$tmp/window" || true
[ -f "$tmp/window" ] || { echo "FAIL: the packaged app opened no window"; fail=1; }
log="$(cat "$XDG_DATA_HOME"/io.throughline.desktop/logs/*.log 2>/dev/null || true)"
need "$log" "starting on $tmp/given.throughline" "the packaged app did not open the workspace it was given"
if [ "$fail" -ne 0 ]; then exit 1; fi
echo "the package installs both binaries, the desktop entry and the file type, and they start ($(elapsed "$start"))"
