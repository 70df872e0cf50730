#!/usr/bin/env bash
# Builds a Go tool from the Go module proxy at a pinned version into a cache outside the
# work tree: ${DIEHARD_CACHE:-$HOME/.cache/diehard}/bin/<name>-<v>/<name>. Skipped when
# already built at that version. Prints the path of the binary. Called by build-helm.sh
# and build-kustomize.sh, which pin the version and name the module.
#
#   build-go-tool.sh NAME VERSION PACKAGE VERSION_SYMBOL            build it if missing
#   build-go-tool.sh NAME VERSION PACKAGE VERSION_SYMBOL --check    exit 0 when built, 1 otherwise
#
# VERSION_SYMBOL is the Go variable stamped with VERSION, so that `NAME version` names
# the pinned release.
set -euo pipefail

NAME="$1" VERSION="$2" PACKAGE="$3" VERSION_SYMBOL="$4"
shift 4

LAB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../../scripts/lib.sh
source "$LAB_DIR/../scripts/lib.sh"
# shellcheck source=../k8s/versions.env
source "$LAB_DIR/k8s/versions.env"

BIN_ROOT="${DIEHARD_CACHE:-$HOME/.cache/diehard}/bin"
OUT="$BIN_ROOT/$NAME-$VERSION"
JOBS="${DIEHARD_BUILD_JOBS:-2}"

built() { [ -f "$OUT/.complete" ] && [ -x "$OUT/$NAME" ]; }

if [ "${1:-}" = "--check" ]; then
  built
  exit
fi

if ! built; then
  command -v go >/dev/null ||
    die "no Go toolchain on PATH: install Go 1.$GO_MIN_MINOR or newer (the lab builds $NAME $VERSION from source)"

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
  step "building $NAME $VERSION (go install -p $JOBS; cold: a few minutes on 2 cores)"
  GOBIN="$tmp" nice -n 10 go install -p "$JOBS" -trimpath \
    -ldflags "-s -w -X $VERSION_SYMBOL=$VERSION" \
    "$PACKAGE@$VERSION" ||
    die "go install of $NAME $VERSION failed (see the compiler output above)"
  date -u +%FT%TZ >"$tmp/.complete"
  rm -rf "$OUT" && mv "$tmp" "$OUT"
  step_done
fi

echo "$OUT/$NAME"
