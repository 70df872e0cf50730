#!/usr/bin/env bash
# Builds helm from the Go module proxy at the version pinned in lab/k8s/helm.env into
# a cache outside the work tree: ${DIEHARD_CACHE:-$HOME/.cache/diehard}/bin/helm-<v>/helm.
# Skipped when already built at that version. Prints the path of the helm binary.
#
#   lab/scripts/build-helm.sh            build it if missing
#   lab/scripts/build-helm.sh --check    exit 0 when it is built, 1 otherwise
set -euo pipefail

LAB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../k8s/helm.env
source "$LAB_DIR/k8s/helm.env"

exec "$LAB_DIR/scripts/build-go-tool.sh" helm "$HELM_VERSION" \
  helm.sh/helm/v3/cmd/helm helm.sh/helm/v3/internal/version.version "$@"
