#!/usr/bin/env bash
# Builds Diehard's own container image without a container runtime and pushes it to the
# lab's registry (`yarn image:build [--skip-backend-build] [--no-cache]`). The image:
# packages/backend/src/deploy/__testUtils__/image; how to deploy it: deploy/diehard/README.md.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
# shellcheck source=scripts/toolchain.sh
source "$DIEHARD_ROOT/scripts/toolchain.sh"
ensure_toolchain
cd "$DIEHARD_ROOT"

build_backend=1
args=()
for arg in "$@"; do
  case "$arg" in
  --skip-backend-build) build_backend=0 ;;
  --no-cache) args+=("$arg") ;;
  *) die "unknown option $arg (known: --skip-backend-build, --no-cache)" ;;
  esac
done

if [ "$build_backend" = 1 ]; then
  step "building the backend bundle (yarn build:backend)"
  yarn build:backend >/dev/null
  step_done
fi
step "building and pushing the image"
node --require @backstage/cli-node/config/nodeTransform.cjs \
  packages/backend/src/deploy/__testUtils__/image/cli.ts ${args[@]+"${args[@]}"}
step_done
