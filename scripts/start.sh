#!/usr/bin/env bash
# Starts the Diehard portal on http://localhost:3000 against the HA lab on loopback
# (its Kubernetes cluster, private registry and git server): sign in as Guest, create
# a service from a template, see its posture live. Installs what it needs first; the
# first run on a machine builds the lab's Kubernetes binaries and the platform base
# images once (cached), later runs reuse them.
#   scripts/start.sh          the portal and the HA lab (app-config.yaml + app-config.lab.yaml)
#   scripts/start.sh --demo   the portal alone: the demo catalog, no cluster to deploy to
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$DIEHARD_ROOT/scripts/toolchain.sh"
source "$DIEHARD_ROOT/scripts/deps.sh"

with_lab=1
case "${1:-}" in
'' | --lab) ;;
--demo) with_lab="" ;;
*) die "unknown option \"$1\" (usage: scripts/start.sh [--demo])" ;;
esac

cd "$DIEHARD_ROOT"
ensure_toolchain
ensure_node_modules
mkdir -p data/sqlite

config_args=()
if [ -n "$with_lab" ]; then
  step "installing what the templates' actions run on this host (buildah: daemonless image builds)"
  apt_install buildah
  step_done

  step "the HA lab's prerequisites (first run: Debian packages, then Kubernetes built from Go modules, about 8 minutes on 2 cores)"
  bash lab/scripts/install-prereqs.sh
  step_done

  step "starting the HA lab (Kubernetes with fake nodes, registry, Galera, PostgreSQL, git server, OpenID Provider)"
  yarn lab up
  step_done

  step "the platform base images in the lab's registry (first run: built from Debian packages, a few minutes; then cached)"
  yarn lab images
  step_done

  eval "$(yarn lab env)"
  config_args=(--config "$DIEHARD_ROOT/app-config.yaml" --config "$DIEHARD_ROOT/app-config.lab.yaml")
fi

step "starting the portal: open http://localhost:3000 and sign in as Guest (Ctrl-C stops it; 'yarn lab down' stops the lab)"
exec yarn start "${config_args[@]}"
