#!/usr/bin/env bash
# Builds and packs @diehard/ha-posture-cli, @diehard/plugin-ha-posture-common and
# @diehard/plugin-ha-posture-render-node (yarn pack, as they would be published), then installs
# the tarballs with npm into DEST, a folder outside the repository, as a user would:
# `npm install <cli.tgz> <common.tgz> <render.tgz>`.
# Offline: their third-party dependencies (js-yaml, yaml, zod…) are not fetched from a
# registry but linked from the versions this repository's node_modules resolves for each
# package, passed to the same `npm install --offline`.
# Usage: install-packed.sh DEST   (DEST must be empty or absent; prints the bin's path)
set -euo pipefail
dest="${1:?usage: install-packed.sh DEST}"
here="$(cd "$(dirname "$0")/.." && pwd)"
common="$here/../ha-posture-common"
render="$here/../ha-posture-render-node"
mkdir -p "$dest/tarballs"
dest="$(cd "$dest" && pwd)"

# The libraries' builds pack the type declarations `yarn tsc` writes.
if [ ! -f "$here/../../dist-types/plugins/ha-posture-common/src/index.d.ts" ] ||
  [ ! -f "$here/../../dist-types/plugins/ha-posture-render-node/src/index.d.ts" ]; then
  (cd "$here/../.." && yarn tsc >&2)
fi
for pkg in "$common" "$render" "$here"; do
  (cd "$pkg" && yarn backstage-cli package build >&2 && yarn pack --out "$dest/tarballs/%s-%v.tgz" >/dev/null)
done

# The third-party runtime dependencies of the packed packages, as each resolves them here.
links=$(node -e '
  const { dirname, join } = require("node:path");
  const seen = new Set();
  for (const dir of process.argv.slice(1)) {
    const deps = require(join(dir, "package.json")).dependencies ?? {};
    for (const name of Object.keys(deps)) {
      if (name.startsWith("@diehard/")) continue;
      seen.add(dirname(require.resolve(`${name}/package.json`, { paths: [dir] })));
    }
  }
  console.log([...seen].join("\n"));
' "$here" "$common" "$render")

cd "$dest"
[ -f package.json ] || echo '{ "name": "posture-cli-install-check", "private": true }' >package.json
# shellcheck disable=SC2086
npm install --offline --no-audit --no-fund --ignore-scripts --no-package-lock --loglevel=error \
  tarballs/*.tgz $links >&2
echo "$dest/node_modules/.bin/diehard-posture"
