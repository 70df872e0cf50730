#!/usr/bin/env bash
# Builds the lab's Kubernetes binaries (etcd, kube-apiserver, kube-controller-manager,
# kube-scheduler, kubectl, kwok) from the Go module proxy at the versions pinned in
# lab/k8s/versions.env, into a cache outside the work tree:
#   ${DIEHARD_CACHE:-$HOME/.cache/diehard}/bin/kubernetes-<v>/, etcd-<v>/, kwok-<v>/
# A group already built at its pinned version is skipped. Prints the bin directories.
#
#   lab/scripts/build-k8s.sh            build what is missing
#   lab/scripts/build-k8s.sh --check    exit 0 when everything is built, 1 otherwise
set -euo pipefail

LAB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../../scripts/lib.sh
source "$LAB_DIR/../scripts/lib.sh"
# shellcheck source=../k8s/versions.env
source "$LAB_DIR/k8s/versions.env"

CACHE="${DIEHARD_CACHE:-$HOME/.cache/diehard}"
BIN_ROOT="$CACHE/bin"
JOBS="${DIEHARD_BUILD_JOBS:-2}"

K8S_DIR="$BIN_ROOT/kubernetes-$KUBERNETES_VERSION"
ETCD_DIR="$BIN_ROOT/etcd-$ETCD_VERSION"
KWOK_DIR="$BIN_ROOT/kwok-$KWOK_VERSION"

built() { [ -f "$1/.complete" ]; }
kwok_built() { built "$KWOK_DIR" && [ -f "$KWOK_DIR/stages/pod-ready.yaml" ]; }

if [ "${1:-}" = "--check" ]; then
  built "$K8S_DIR" && built "$ETCD_DIR" && kwok_built
  exit
fi

command -v go >/dev/null ||
  die "no Go toolchain on PATH: install Go 1.$GO_MIN_MINOR or newer (the lab builds Kubernetes $KUBERNETES_VERSION, etcd $ETCD_VERSION and kwok $KWOK_VERSION from source)"
GO_MINOR="$(go env GOVERSION | sed -E 's/^go1\.([0-9]+).*/\1/')"
[ "$GO_MINOR" -ge "$GO_MIN_MINOR" ] 2>/dev/null ||
  die "Go $(go env GOVERSION) is too old: the pinned etcd $ETCD_VERSION and kwok $KWOK_VERSION need Go 1.$GO_MIN_MINOR or newer"

# One build at a time (the CLI, a jest worker and install-prereqs.sh may all ask).
mkdir -p "$BIN_ROOT"
exec 9>"$BIN_ROOT/.build.lock"
flock 9

export GOTOOLCHAIN=local CGO_ENABLED=0
export GOFLAGS="${GOFLAGS:+$GOFLAGS }-buildvcs=false"

# wrapper_module <dir> <module> <version>: a throw-away module that requires <module>.
# Tools whose go.mod uses relative replaces cannot be built with `go install pkg@v`.
wrapper_module() {
  rm -rf "$1" && mkdir -p "$1"
  printf 'module diehard.local/labtools\n\ngo 1.24\n\nrequire %s %s\n' "$2" "$3" >"$1/go.mod"
}

# build_group <out-dir> <label> <go-build args...>: builds into a temp dir, then
# renames it into place so that an interrupted build never looks complete.
build_group() {
  local out="$1" label="$2"
  shift 2
  local tmp="$out.partial"
  rm -rf "$tmp" && mkdir -p "$tmp"
  step "building $label (go build -p $JOBS; cold: many minutes on 2 cores)"
  nice -n 10 go build -p "$JOBS" -trimpath -o "$tmp/" "$@" ||
    die "go build of $label failed (see the compiler output above)"
  # A main package at a /vN module path is named after the element before it.
  if [ -f "$tmp/server" ]; then mv "$tmp/server" "$tmp/etcd"; fi
  date -u +%FT%TZ >"$tmp/.complete"
  rm -rf "$out" && mv "$tmp" "$out"
  step_done
}

WORK="$(mktemp -d "${TMPDIR:-/tmp}/diehard-k8s-build.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

if ! built "$ETCD_DIR"; then
  wrapper_module "$WORK/etcd" go.etcd.io/etcd/server/v3 "$ETCD_VERSION"
  (cd "$WORK/etcd" && step "resolving etcd $ETCD_VERSION modules" &&
    go get "go.etcd.io/etcd/server/v3@$ETCD_VERSION" && step_done &&
    build_group "$ETCD_DIR" "etcd $ETCD_VERSION" \
      -ldflags "-s -w" go.etcd.io/etcd/server/v3)
fi

if ! kwok_built; then
  wrapper_module "$WORK/kwok" sigs.k8s.io/kwok "$KWOK_VERSION"
  (cd "$WORK/kwok" && step "resolving kwok $KWOK_VERSION modules" &&
    go get "sigs.k8s.io/kwok/cmd/kwok@$KWOK_VERSION" && step_done &&
    build_group "$KWOK_DIR" "kwok $KWOK_VERSION" \
      -ldflags "-s -w -X sigs.k8s.io/kwok/pkg/consts.Version=$KWOK_VERSION" sigs.k8s.io/kwok/cmd/kwok)
  # KWOK's own stage definitions (fake kubelet behaviour), passed to it explicitly.
  src="$(cd "$WORK/kwok" && go list -m -f '{{.Dir}}' sigs.k8s.io/kwok)/kustomize/stage"
  mkdir -p "$KWOK_DIR/stages"
  cp "$src/node/fast/node-initialize.yaml" "$src/node/heartbeat-with-lease/node-heartbeat-with-lease.yaml" \
    "$src/pod/fast/pod-ready.yaml" "$src/pod/fast/pod-complete.yaml" "$src/pod/fast/pod-delete.yaml" \
    "$KWOK_DIR/stages/" || die "kwok $KWOK_VERSION: stage files not found under $src"
fi

if ! built "$K8S_DIR"; then
  dir="$WORK/kubernetes"
  wrapper_module "$dir" k8s.io/kubernetes "$KUBERNETES_VERSION"
  (
    cd "$dir"
    step "resolving Kubernetes $KUBERNETES_VERSION modules"
    # k8s.io/kubernetes points its staging modules (k8s.io/api, apimachinery, client-go,
    # …) at ./staging with version v0.0.0; replace each with its published v0.X.Y.
    gomod="$(go mod download -json "k8s.io/kubernetes@$KUBERNETES_VERSION" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')"
    [ -f "$gomod" ] || die "could not fetch the go.mod of k8s.io/kubernetes@$KUBERNETES_VERSION"
    staging_version="v0.${KUBERNETES_VERSION#v1.}"
    grep -E '^\s*k8s\.io/[a-z0-9-]+ => \./staging/' "$gomod" | awk '{print $1}' | sort -u >staging.txt
    [ -s staging.txt ] || die "no staging replaces found in the go.mod of k8s.io/kubernetes@$KUBERNETES_VERSION"
    while read -r m; do
      go mod edit -replace "$m=$m@$staging_version"
    done <staging.txt
    # Each package at the pinned version (a bare `go get pkg` would upgrade to the latest).
    go get "k8s.io/kubernetes/cmd/kube-apiserver@$KUBERNETES_VERSION" \
      "k8s.io/kubernetes/cmd/kube-controller-manager@$KUBERNETES_VERSION" \
      "k8s.io/kubernetes/cmd/kube-scheduler@$KUBERNETES_VERSION" \
      "k8s.io/kubernetes/cmd/kubectl@$KUBERNETES_VERSION"
    grep -q "k8s.io/kubernetes $KUBERNETES_VERSION" go.mod ||
      die "go get moved k8s.io/kubernetes off $KUBERNETES_VERSION: $(grep 'k8s.io/kubernetes ' go.mod)"
    step_done
    minor="${KUBERNETES_VERSION#v1.}" && minor="${minor%%.*}"
    ld="-s -w"
    for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
      ld="$ld -X $p.gitVersion=$KUBERNETES_VERSION -X $p.gitMajor=1 -X $p.gitMinor=$minor"
      ld="$ld -X $p.gitTreeState=clean -X $p.buildDate=1970-01-01T00:00:00Z"
    done
    build_group "$K8S_DIR" "Kubernetes $KUBERNETES_VERSION (kube-apiserver, kube-controller-manager, kube-scheduler, kubectl)" \
      -ldflags "$ld" k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager \
      k8s.io/kubernetes/cmd/kube-scheduler k8s.io/kubernetes/cmd/kubectl
  )
fi

echo "$K8S_DIR"
echo "$ETCD_DIR"
echo "$KWOK_DIR"
