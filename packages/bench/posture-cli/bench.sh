#!/usr/bin/env bash
# Runs a posture CLI benchmark with the project's Node 22 (yarn bench:posture-cli [what] [options]):
#   (none)  bench.mjs: against kube-score, kube-linter, Polaris, and recall   [--workloads N] [--runs N]
#   cpu     cpu.mjs: start time (built vs TypeScript bin) and CPU against the YAML parse alone
#   scale   scale.mjs: one growing file and hostile input
set -euo pipefail
cd "$(dirname "$0")/../../.."
# shellcheck source=/dev/null
source scripts/lib.sh
# shellcheck source=/dev/null
source scripts/toolchain.sh
ensure_toolchain
case "${1:-}" in
  cpu) shift; exec node packages/bench/posture-cli/cpu.mjs "$@" ;;
  scale) shift; exec node packages/bench/posture-cli/scale.mjs "$@" ;;
  *) exec node packages/bench/posture-cli/bench.mjs "$@" ;;
esac
