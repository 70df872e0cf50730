#!/usr/bin/env bash
# Builds kustomize from the Go module proxy at the version pinned in lab/k8s/kustomize.env into
# a cache outside the work tree: ${DIEHARD_CACHE:-$HOME/.cache/diehard}/bin/kustomize-<v>/kustomize.
# Skipped when already built at that version. Prints the path of the kustomize binary.
#
#   lab/scripts/build-kustomize.sh            build it if missing
#   lab/scripts/build-kustomize.sh --check    exit 0 when it is built, 1 otherwise
set -euo pipefail

LAB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../k8s/kustomize.env
source "$LAB_DIR/k8s/kustomize.env"

exec "$LAB_DIR/scripts/build-go-tool.sh" kustomize "$KUSTOMIZE_VERSION" \
  sigs.k8s.io/kustomize/kustomize/v5 sigs.k8s.io/kustomize/api/provenance.version "$@"
