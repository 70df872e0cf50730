#!/usr/bin/env bash
# Runs the benchmark with the project's Node 22: bash plugins/ha-posture-cli/bench/bench.sh [--workloads N] [--runs N]
set -euo pipefail
cd "$(dirname "$0")/../../.."
# shellcheck source=/dev/null
source scripts/lib.sh
# shellcheck source=/dev/null
source scripts/toolchain.sh
ensure_toolchain
exec node plugins/ha-posture-cli/bench/bench.mjs "$@"
