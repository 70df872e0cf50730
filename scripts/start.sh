#!/usr/bin/env bash
# Starts the Diehard portal on http://localhost:3000 with the embedded default:
# SQLite under data/, the demo catalog, guest sign-in. Installs what it needs first.
#   scripts/start.sh --lab   also starts the HA lab and connects the portal to its
#                            Kubernetes cluster and registry (app-config.lab.yaml).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$DIEHARD_ROOT/scripts/toolchain.sh"
source "$DIEHARD_ROOT/scripts/deps.sh"

cd "$DIEHARD_ROOT"
ensure_toolchain
ensure_node_modules
mkdir -p data/sqlite

config_args=()
if [ "${1:-}" = "--lab" ]; then
  step "starting the HA lab (first time: Debian packages and a Kubernetes build)"
  bash lab/scripts/install-prereqs.sh
  yarn lab up
  eval "$(yarn lab env)"
  config_args=(--config "$DIEHARD_ROOT/app-config.yaml" --config "$DIEHARD_ROOT/app-config.lab.yaml")
  step_done
fi

step "starting the portal: frontend on http://localhost:3000, backend on http://localhost:7007 (Ctrl-C stops both)"
exec yarn start "${config_args[@]}"
