# Shared helpers for the repository's scripts: progress lines, timed steps, and a
# clear failure message that names the step which failed.
# shellcheck shell=bash

DIEHARD_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DIEHARD_ROOT

_diehard_step=""
_diehard_step_started=0

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }

die() {
  printf '\033[1;31mERROR\033[0m %s\n' "$*" >&2
  exit 1
}

# step "installing Node 22" -- prints the step, and remembers it so that a failure
# anywhere after this point is reported against it.
step() {
  _diehard_step="$1"
  _diehard_step_started=$SECONDS
  log "$1"
}

step_done() {
  log "done: ${_diehard_step} ($((SECONDS - _diehard_step_started)) s)"
  _diehard_step="" # a failure after this is not this step's
}

# on_exit "command": runs it when the script ends, whatever the outcome.
_diehard_cleanups=()
on_exit() { _diehard_cleanups+=("$1"); }

_diehard_on_exit() {
  local rc=$?
  local cleanup
  for cleanup in "${_diehard_cleanups[@]}"; do eval "$cleanup" || true; done
  if [ "$rc" -ne 0 ] && [ -n "$_diehard_step" ]; then
    printf '\033[1;31mFAILED\033[0m step "%s" (exit %s). The output above says why.\n' \
      "$_diehard_step" "$rc" >&2
  fi
}
trap _diehard_on_exit EXIT
