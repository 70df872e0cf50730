#!/usr/bin/env bash
# Starts the Diehard portal on http://localhost:3000 with the embedded default:
# SQLite under data/, the demo catalog, guest sign-in. Installs what it needs first.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$DIEHARD_ROOT/scripts/toolchain.sh"
source "$DIEHARD_ROOT/scripts/deps.sh"

cd "$DIEHARD_ROOT"
ensure_toolchain
ensure_node_modules
mkdir -p data/sqlite

step "starting the portal: frontend on http://localhost:3000, backend on http://localhost:7007 (Ctrl-C stops both)"
exec yarn start
