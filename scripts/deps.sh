# Installs what the portal needs on a fresh Debian machine: the project's Node and
# yarn, build tools for native modules, and the workspace's node_modules.
# Source it after lib.sh and toolchain.sh.
# shellcheck shell=bash

apt_install() { # <package…>: installs the Debian packages that are missing
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' ||
      missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "missing Debian packages (${missing[*]}); run as root or install them first"
  log "apt-get install ${missing[*]}"
  if [ -z "${_diehard_apt_updated:-}" ]; then
    apt-get -o DPkg::Lock::Timeout=600 update -qq || die "apt-get update failed"
    _diehard_apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
    die "apt-get install ${missing[*]} failed"
}

ensure_node_modules() {
  step "installing the workspace's packages (yarn install; a cold install compiles better-sqlite3)"
  apt_install python3 make g++
  # The lock file is committed: a drift between package.json and yarn.lock is an error.
  flock "${TMPDIR:-/tmp}/diehard-yarn.lock" \
    yarn install --immutable --inline-builds >"$DIEHARD_ROOT/.tools/yarn-install.log" 2>&1 || {
    tail -30 "$DIEHARD_ROOT/.tools/yarn-install.log" >&2
    die "yarn install failed (full log: .tools/yarn-install.log)"
  }
  step_done
}
