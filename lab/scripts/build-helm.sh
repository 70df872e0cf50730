#!/usr/bin/env bash
# Builds helm from the Go module proxy at the version pinned in lab/k8s/helm.env into
# a cache outside the work tree: ${DIEHARD_CACHE:-$HOME/.cache/diehard}/bin/helm-<v>/helm.
# Skipped when already built at that version. Prints the path of the helm binary.
#
#   lab/scripts/build-helm.sh            build it if missing
#   lab/scripts/build-helm.sh --check    exit 0 when it is built, 1 otherwise
set -euo pipefail

LAB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../../scripts/lib.sh
source "$LAB_DIR/../scripts/lib.sh"
# shellcheck source=../k8s/helm.env
source "$LAB_DIR/k8s/helm.env"
# shellcheck source=../k8s/versions.env
source "$LAB_DIR/k8s/versions.env"

BIN_ROOT="${DIEHARD_CACHE:-$HOME/.cache/diehard}/bin"
OUT="$BIN_ROOT/helm-$HELM_VERSION"
JOBS="${DIEHARD_BUILD_JOBS:-2}"

built() { [ -f "$OUT/.complete" ] && [ -x "$OUT/helm" ]; }

if [ "${1:-}" = "--check" ]; then
  built
  exit
fi

if ! built; then
  command -v go >/dev/null ||
    die "no Go toolchain on PATH: install Go 1.$GO_MIN_MINOR or newer (the lab builds helm $HELM_VERSION from source)"

  # One build at a time, shared with build-k8s.sh.
  mkdir -p "$BIN_ROOT"
  exec 9>"$BIN_ROOT/.build.lock"
  flock 9
fi

if ! built; then
  export GOTOOLCHAIN=local CGO_ENABLED=0
  export GOFLAGS="${GOFLAGS:+$GOFLAGS }-buildvcs=false"
  tmp="$OUT.partial"
  rm -rf "$tmp" && mkdir -p "$tmp"
  step "building helm $HELM_VERSION (go install -p $JOBS; cold: a few minutes on 2 cores)"
  # helm's version package is stamped so that `helm version` names the pinned release.
  GOBIN="$tmp" nice -n 10 go install -p "$JOBS" -trimpath \
    -ldflags "-s -w -X helm.sh/helm/v3/internal/version.version=$HELM_VERSION" \
    "helm.sh/helm/v3/cmd/helm@$HELM_VERSION" ||
    die "go install of helm $HELM_VERSION failed (see the compiler output above)"
  date -u +%FT%TZ >"$tmp/.complete"
  rm -rf "$OUT" && mv "$tmp" "$OUT"
  step_done
fi

echo "$OUT/helm"
