#!/usr/bin/env bash
# Builds kustomize from the Go module proxy at the version pinned in lab/k8s/kustomize.env into
# a cache outside the work tree: ${DIEHARD_CACHE:-$HOME/.cache/diehard}/bin/kustomize-<v>/kustomize.
# Skipped when already built at that version. Prints the path of the kustomize binary.
#
#   lab/scripts/build-kustomize.sh            build it if missing
#   lab/scripts/build-kustomize.sh --check    exit 0 when it is built, 1 otherwise
set -euo pipefail

LAB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../../scripts/lib.sh
source "$LAB_DIR/../scripts/lib.sh"
# shellcheck source=../k8s/kustomize.env
source "$LAB_DIR/k8s/kustomize.env"
# shellcheck source=../k8s/versions.env
source "$LAB_DIR/k8s/versions.env"

BIN_ROOT="${DIEHARD_CACHE:-$HOME/.cache/diehard}/bin"
OUT="$BIN_ROOT/kustomize-$KUSTOMIZE_VERSION"
JOBS="${DIEHARD_BUILD_JOBS:-2}"

built() { [ -f "$OUT/.complete" ] && [ -x "$OUT/kustomize" ]; }

if [ "${1:-}" = "--check" ]; then
  built
  exit
fi

if ! built; then
  command -v go >/dev/null ||
    die "no Go toolchain on PATH: install Go 1.$GO_MIN_MINOR or newer (the lab builds kustomize $KUSTOMIZE_VERSION from source)"

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
  step "building kustomize $KUSTOMIZE_VERSION (go install -p $JOBS; cold: a few minutes on 2 cores)"
  # kustomize's provenance is stamped so that `kustomize version` names the pinned release.
  GOBIN="$tmp" nice -n 10 go install -p "$JOBS" -trimpath \
    -ldflags "-s -w -X sigs.k8s.io/kustomize/api/provenance.version=$KUSTOMIZE_VERSION" \
    "sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION" ||
    die "go install of kustomize $KUSTOMIZE_VERSION failed (see the compiler output above)"
  date -u +%FT%TZ >"$tmp/.complete"
  rm -rf "$OUT" && mv "$tmp" "$OUT"
  step_done
fi

echo "$OUT/kustomize"
