#!/usr/bin/env bash
# Sets up everything Throughline needs on a Debian/Ubuntu machine and builds
# the app: system packages, npm packages, tauri-driver, the front end, the
# desktop binary (with the front end embedded). Safe to run again.
set -euo pipefail
. "$(dirname "$0")/common.sh"
cd "$ROOT"
start=$SECONDS

step "System packages"
bash scripts/install-system-deps.sh

step "Rust toolchain"
if ! command -v cargo >/dev/null 2>&1; then
  echo "cargo was not found. Install Rust from rustup (the Rust toolchain installer) and run this again." >&2
  exit 1
fi
cargo --version

step "npm packages"
# `npm ci` refuses the lock file here because other platforms' optional
# Tauri CLI packages are never listed in it; `npm install` honours the lock
# file for everything it does list.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ] || [ package.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund --loglevel=error
else
  echo "node_modules is up to date"
fi

if [ "${THROUGHLINE_SKIP_TEST_TOOLS:-0}" != 1 ]; then
  step "tauri-driver (WebDriver bridge for end-to-end tests)"
  if ! command -v tauri-driver >/dev/null 2>&1; then
    cargo install tauri-driver --locked --version '^2'
  fi
  tauri-driver --help >/dev/null 2>&1 || true
  command -v tauri-driver
fi

if [ "${THROUGHLINE_SKIP_TEST_TOOLS:-0}" != 1 ]; then
  step "cargo-fuzz (the test command fuzzes the parsers briefly)"
  if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
  fi
  cargo fuzz --version
fi

if [ "${THROUGHLINE_SKIP_TEST_TOOLS:-0}" != 1 ]; then
  step "Python readers for the tests (python-pptx, in $PYTHON_TOOLS)"
  if [ ! -x "$PYTHON_TOOLS/bin/python" ]; then
    python3 -m venv "$PYTHON_TOOLS"
  fi
  if ! "$PYTHON_TOOLS/bin/python" -c 'import pptx' >/dev/null 2>&1; then
    "$PYTHON_TOOLS/bin/pip" install --quiet --disable-pip-version-check 'python-pptx==1.0.2'
  fi
  "$PYTHON_TOOLS/bin/python" -c 'import pptx; print("python-pptx", pptx.__version__)'
fi

step "Front end"
npm run --silent build:ui

step "Desktop app (debug build, front end embedded) and the test binaries"
# --all-targets builds with the same feature set as `cargo test`, so the
# dependencies (GTK, WebKit, Tauri) compile once, not once per feature set.
cargo build --workspace --all-targets --features "$APP_FEATURES"
echo "built $APP_BINARY"

echo "setup finished in $(elapsed "$start")"
