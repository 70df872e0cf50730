#!/usr/bin/env bash
# Measures each lab component in a private lab (its own state dir, ports shifted by
# DIEHARD_LAB_PORT_OFFSET) so that the shared lab is untouched:
#   cold    `up` from an empty state dir (binaries and packages already installed)
#   warm    `up` again while it runs (reuse)
#   restart `up` after `down`, state kept
#   memory  RSS of its processes and their children, right after the cold start
# Prints one markdown table row per component.
#
#   lab/scripts/measure.sh [component…]      default: postgres registry kubernetes galera tomcat
set -euo pipefail

LAB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DIEHARD_LAB_DIR="${MEASURE_LAB_DIR:-$(mktemp -d /tmp/diehard-lab-measure.XXXXXX)}"
export DIEHARD_LAB_PORT_OFFSET="${DIEHARD_LAB_PORT_OFFSET:-2000}"
lab() { node "$LAB_DIR/bin/diehard-lab" "$@"; }
trap 'lab down >/dev/null 2>&1 || true; rm -rf "$DIEHARD_LAB_DIR"' EXIT

seconds() { # runs "$@" quietly, prints its wall time in seconds
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || { echo "FAILED: $*" >&2; exit 1; }
  end=$(date +%s.%N)
  printf '%.1f' "$(echo "$end - $start" | bc)"
}

rss_mib() { # sum of RSS of the component's processes and their direct children
  local pids total=0 kb
  pids=$(lab status --json | jq -r --arg c "$1" '.[] | select(.name == $c) | .processes[] | select(.alive) | .pid')
  for p in $pids; do
    for q in $p $(pgrep -P "$p" || true); do
      kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$q/status" 2>/dev/null || echo 0)
      total=$((total + ${kb:-0}))
    done
  done
  echo $((total / 1024))
}

echo "| component | cold up (s) | warm up (s) | restart (s) | memory (MiB RSS) |"
echo "|---|---|---|---|---|"
components=("$@")
[ "${#components[@]}" -gt 0 ] || components=(postgres registry kubernetes galera tomcat)
for name in "${components[@]}"; do
  cold=$(seconds lab up "$name")
  sleep 2
  mem=$(rss_mib "$name")
  warm=$(seconds lab up "$name")
  lab down "$name" >/dev/null 2>&1
  restart=$(seconds lab up "$name")
  echo "| $name | $cold | $warm | $restart | $mem |"
done
