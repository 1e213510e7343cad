# Shared settings for the project's scripts. Source it; do not run it.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT

# Rust from rustup, when it is not on PATH yet (fresh shells on a new machine).
if ! command -v cargo >/dev/null 2>&1 && [ -f "$HOME/.cargo/env" ]; then
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi
export PATH="$HOME/.cargo/bin:$PATH"

# One cargo target dir outside the clone, so a fresh clone (CI) reuses the
# compiled dependencies. Cargo keys every artefact by its inputs, so sharing
# it between clones is safe.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/throughline/target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

# Python readers the tests check files with (python-pptx), in a virtual
# environment of the project's own outside the clone; scripts/setup.sh
# makes it.
PYTHON_TOOLS="${PYTHON_TOOLS:-$HOME/.cache/throughline/venv}"
export PYTHON_TOOLS

APP_FEATURES="throughline-app/custom-protocol"
APP_BINARY="$CARGO_TARGET_DIR/debug/throughline-app"
export APP_FEATURES APP_BINARY

step() { printf '\n==> %s\n' "$*"; }
elapsed() { printf '%ds' "$(( SECONDS - ${1:-0} ))"; }
