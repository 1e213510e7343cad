#!/usr/bin/env bash
# Runs the stock automerge-repo sync server a team uses, installed by the
# project's npm dependencies (scripts/setup.sh): PORT (default 3030) and
# DATA_DIR (default ./team-data) as the server reads them.
#
# The server has no accounts and listens on every interface: anyone who can
# reach it and knows a team id can read and change that team. Run it behind
# a TLS proxy (wss://) on a network you trust; its operator can read every
# shared journal, initiative and update in DATA_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
entry=node_modules/@automerge/automerge-repo-sync-server/src/index.js
if [ ! -f "$entry" ]; then
  echo "the sync server is not installed: run scripts/setup.sh (npm ci) first" >&2
  exit 2
fi
export PORT="${PORT:-3030}"
export DATA_DIR="${DATA_DIR:-$PWD/team-data}"
mkdir -p "$DATA_DIR"
exec node "$entry"
