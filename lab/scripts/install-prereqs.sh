#!/usr/bin/env bash
# Installs what the HA lab needs on a fresh Debian 12 machine (run as root): Debian's
# packages for the registry, Galera, PostgreSQL, Tomcat and the platform images, then
# the Kubernetes binaries and helm built from the Go module proxy (cached by version, see
# build-k8s.sh, build-helm.sh and build-kustomize.sh).
# Each part is skipped quickly when already in place.
#
#   lab/scripts/install-prereqs.sh              packages + Kubernetes and helm builds
#   lab/scripts/install-prereqs.sh --no-build   packages only
set -euo pipefail

LAB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../../scripts/lib.sh
source "$LAB_DIR/../scripts/lib.sh"

PACKAGES=(
  openssl          # the lab's CA and server certificates
  apache2-utils    # htpasswd -B (the registry accepts bcrypt only)
  docker-registry  # the private OCI registry
  mariadb-server   # Galera nodes (mariadbd, mariadb client)
  galera-4         # the wsrep provider
  rsync            # Galera state snapshot transfer
  postgresql       # the portal's production database
  tomcat10         # Tomcat 10.1 for generated apps
  util-linux       # flock, used to serialise concurrent `lab up`
  git              # the lab's git server runs `git http-backend`
  mmdebstrap       # the platform base images (Maven, Tomcat) from Debian packages
  skopeo           # pushes them into the lab's registry
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || die "the lab needs Debian packages (${missing[*]}); run this script as root"
  step "apt-get update"
  apt-get -o DPkg::Lock::Timeout=600 update -q >/dev/null
  step_done
  step "installing ${missing[*]}"
  # Services must not start on Debian's default ports: the lab runs its own instances.
  # A policy-rc.d that answers 101 keeps invoke-rc.d from starting them.
  created_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    created_policy=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q \
    --no-install-recommends "${missing[@]}" >/dev/null || {
    [ -z "$created_policy" ] || rm -f /usr/sbin/policy-rc.d
    die "apt-get install ${missing[*]} failed"
  }
  [ -z "$created_policy" ] || rm -f /usr/sbin/policy-rc.d
  step_done
else
  log "Debian packages already installed (${PACKAGES[*]})"
fi

if [ "${1:-}" != "--no-build" ]; then
  "$LAB_DIR/scripts/build-k8s.sh" >/dev/null
  log "Kubernetes binaries ready ($(. "$LAB_DIR/k8s/versions.env" && echo "$KUBERNETES_VERSION, etcd $ETCD_VERSION, kwok $KWOK_VERSION"))"
  helm="$("$LAB_DIR/scripts/build-helm.sh")"
  log "helm ready ($(. "$LAB_DIR/k8s/helm.env" && echo "$HELM_VERSION"): $helm)"
  kustomize="$("$LAB_DIR/scripts/build-kustomize.sh")"
  log "kustomize ready ($(. "$LAB_DIR/k8s/kustomize.env" && echo "$KUSTOMIZE_VERSION"): $kustomize)"
fi
