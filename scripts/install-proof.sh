#!/usr/bin/env bash
# The proof that Diehard installs into a Backstage app it has never seen, twice: an app of
# the new frontend system and one of the legacy system (`create-app --legacy`). Packs
# Diehard's packages with `yarn pack`, then for each kind creates a brand-new app with
# @backstage/create-app (the release of backstage.json, from the npm registry, in a
# temporary folder), installs Diehard into it from those tarballs only, adds the features
# as the plugins' READMEs say, starts it on SQLite and checks in Debian's Chromium: the
# posture card and tab, the fleet page, the handoff review tab and page, Diehard's actions
# under /create/actions and its name field in the Tomcat template's form (the legacy app
# also in French).
#
# Cached in ~/.cache/diehard/install-proof (or $DIEHARD_CACHE/install-proof, the lab's cache too): the created apps,
# installed, keyed by the create-app version and kind, and the yarn cache of the created apps.
# Screenshots: test-results/screenshots/install-proof-*.png (install-proof-legacy-* for the
# legacy app); logs: test-results/install-proof/. DIEHARD_KEEP_PROOF=1 keeps the temporary
# apps (their folder is printed). DIEHARD_PROOF_KINDS="new" (or "legacy") proves one kind.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$DIEHARD_ROOT/scripts/toolchain.sh"
cd "$DIEHARD_ROOT"

# The create-app of Backstage's release 1.55.0; checked against the backstage.json of the
# app it creates, so a bump of backstage.json without this one fails with the reason.
CREATE_APP_VERSION=0.9.2
# create-app's ranges let a fresh app take @backstage/plugin-signals-backend 0.3.21 (the
# next release's), which calls httpRouter.addWebSocketHandler, absent from the
# backend-defaults 0.18 the same ranges allow: its backend then fails at start with or
# without Diehard. Pinned to the version of the 1.55.0 release (this repository's).
SIGNALS_BACKEND_VERSION=0.3.19

cache="${DIEHARD_CACHE:-$HOME/.cache/diehard}/install-proof"
logs="$DIEHARD_ROOT/test-results/install-proof"
shots="$DIEHARD_ROOT/test-results/screenshots"
proof="$DIEHARD_ROOT/scripts/install-proof"
mkdir -p "$cache" "$logs" "$shots"
rm -f "$logs"/*.log "$shots"/install-proof-*.png

ensure_toolchain
# The created app's own yarn cache, not the one this repository shares: a cold run
# fetches what a team adopting Diehard would fetch.
export YARN_ENABLE_GLOBAL_CACHE=0 YARN_CACHE_FOLDER="$cache/yarn-cache"
# The new app's lockfile changes as Diehard is added; under CI=true yarn would refuse that.
export YARN_ENABLE_IMMUTABLE_INSTALLS=false
want="$(node -p 'require("./backstage.json").version')"
work="$(mktemp -d "${TMPDIR:-/tmp}/diehard-install-proof.XXXXXX")"
tarballs="$work/diehard-tarballs"
backend_pid=""
proof_cleanup() {
  if [ -n "$backend_pid" ]; then
    kill -- "-$backend_pid" 2>/dev/null || true
    wait "$backend_pid" 2>/dev/null || true
  fi
  if [ "${DIEHARD_KEEP_PROOF:-}" = 1 ]; then log "kept the apps in $work"; else rm -rf "$work"; fi
}
on_exit proof_cleanup
proof_started=$SECONDS

# fail_with LOG MESSAGE: the end of the step's log, then the message.
fail_with() {
  tail -n 30 "$1" >&2 || true
  die "$2 (log: ${1#"$DIEHARD_ROOT"/})"
}

step "type-checking and building Diehard's packages, packing each with yarn pack"
yarn tsc >"$logs/tsc.log" 2>&1 || fail_with "$logs/tsc.log" "yarn tsc failed: the packages' type declarations cannot be built"
# Packing rewrites each package.json for a moment (backstage-cli prepack): never beside
# another yarn run on this tree.
flock "${TMPDIR:-/tmp}/diehard-yarn.lock" \
  node scripts/pack-packages.mjs --build "$tarballs" >"$logs/pack.log" 2>&1 ||
  fail_with "$logs/pack.log" "packing Diehard's packages failed, or a tarball lacks what it needs"
grep '^|' "$logs/pack.log" >&2
step_done

# prove KIND: the whole proof in an app of KIND (new: create-app's default, the new frontend
# system; legacy: `create-app --legacy`), from the tarballs packed above.
prove() {
  local kind="$1" flag="" cached_app app configs
  cached_app="$cache/app-create-app-$CREATE_APP_VERSION"
  if [ "$kind" = legacy ]; then
    flag=--legacy
    cached_app="$cached_app-legacy"
  fi
  app="$work/app-$kind"

  step "a Backstage $want app of the $kind frontend system from @backstage/create-app@$CREATE_APP_VERSION${flag:+ $flag} (created and installed once, then from the cache)"
  if [ ! -f "$cached_app/.diehard-proof-ready" ]; then
    log "not cached: creating it from the npm registry (a few minutes)"
    rm -rf "$cached_app" "$cached_app.partial"
    BACKSTAGE_APP_NAME=diehard-proof npx --yes "@backstage/create-app@$CREATE_APP_VERSION" $flag \
      --path "$cached_app.partial" --skip-install >"$logs/create-app-$kind.log" 2>&1 ||
      fail_with "$logs/create-app-$kind.log" "@backstage/create-app@$CREATE_APP_VERSION $flag failed"
    got="$(node -p 'require(process.argv[1]).version' "$cached_app.partial/backstage.json")"
    [ "$got" = "$want" ] ||
      die "@backstage/create-app@$CREATE_APP_VERSION creates a Backstage $got app, backstage.json says $want: set CREATE_APP_VERSION in scripts/install-proof.sh to the create-app of release $want"
    node -e '
      const fs = require("node:fs");
      const [file, version] = process.argv.slice(1);
      const root = JSON.parse(fs.readFileSync(file, "utf8"));
      root.resolutions = { ...root.resolutions, "@backstage/plugin-signals-backend": version };
      fs.writeFileSync(file, JSON.stringify(root, null, 2) + "\n");
    ' "$cached_app.partial/package.json" "$SIGNALS_BACKEND_VERSION"
    (cd "$cached_app.partial" && yarn install) >"$logs/create-app-install-$kind.log" 2>&1 ||
      fail_with "$logs/create-app-install-$kind.log" "yarn install of the created app failed"
    touch "$cached_app.partial/.diehard-proof-ready"
    mv "$cached_app.partial" "$cached_app"
  fi
  cp -a --reflink=auto "$cached_app" "$app" || die "could not copy the cached app into $work"
  step_done

  step "installing Diehard into the $kind app from the tarballs only (yarn install)"
  # A tarball rebuilt with the same version must not be taken from an earlier run's cache.
  rm -f "$YARN_CACHE_FOLDER"/@diehard-*.zip
  node "$proof/wire.mjs" "$app" "$tarballs" $flag >&2 || die "could not add Diehard to the $kind app's package.json files, backend and frontend"
  (cd "$app" && yarn install) >"$logs/install-$kind.log" 2>&1 ||
    fail_with "$logs/install-$kind.log" "yarn install of Diehard's tarballs into the $kind app failed"
  node -e '
    const { lstatSync, readdirSync, realpathSync } = require("node:fs");
    const { join } = require("node:path");
    const [app, repo] = process.argv.slice(1);
    const dir = join(app, "node_modules/@diehard");
    const linked = readdirSync(dir).filter(
      p => lstatSync(join(dir, p)).isSymbolicLink() || realpathSync(join(dir, p)).startsWith(repo + "/"),
    );
    if (linked.length) { console.error(`linked, not installed from a tarball: ${linked.join(", ")}`); process.exit(1); }
    console.error(`installed from tarballs: ${readdirSync(dir).map(p => "@diehard/" + p).join(", ")}`);
  ' "$app" "$DIEHARD_ROOT" || die "a Diehard package in the $kind app is a link to this repository"
  step_done

  step "building the $kind app's frontend"
  mkdir -p "$app/proof-service/k8s"
  cp "$proof/fixtures/catalog-info.yaml" "$app/proof-service/"
  cp templates/tomcat-ha-service/template.yaml "$app/proof-service/template.yaml"
  cp plugins/ha-posture-common/corpus/service/eni-todo-ha/[0-9]*.yaml "$app/proof-service/k8s/"
  cp "$proof/fixtures/app-config.proof.yaml" "$app/"
  PROOF_PORT="$(node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
  export PROOF_PORT
  configs=(--config ../../app-config.yaml --config ../../app-config.proof.yaml)
  (cd "$app/packages/app" && yarn backstage-cli package build "${configs[@]}") >"$logs/app-build-$kind.log" 2>&1 ||
    fail_with "$logs/app-build-$kind.log" "the $kind app's frontend does not build with Diehard's plugins"
  step_done

  step "starting the $kind app's backend on SQLite, serving the frontend on port $PROOF_PORT"
  (cd "$app/packages/backend" && exec setsid yarn backstage-cli package start "${configs[@]}") >"$logs/backend-$kind.log" 2>&1 &
  backend_pid=$!
  deadline=$((SECONDS + 300))
  until curl -fs -o /dev/null "http://127.0.0.1:$PROOF_PORT/.backstage/health/v1/readiness"; do
    kill -0 "$backend_pid" 2>/dev/null || fail_with "$logs/backend-$kind.log" "the $kind app's backend exited before it was ready"
    ! grep -q 'Backend startup failed' "$logs/backend-$kind.log" ||
      fail_with "$logs/backend-$kind.log" "the $kind app's backend failed to start"
    [ "$SECONDS" -lt "$deadline" ] || fail_with "$logs/backend-$kind.log" "the $kind app's backend was not ready within 300 s"
    sleep 2
  done
  step_done

  step "checking the $kind app in Chromium (screenshots in test-results/screenshots/install-proof-*.png)"
  node "$proof/browse.mjs" "http://localhost:$PROOF_PORT" $flag ||
    die "the $kind app does not show all of Diehard (screenshots install-proof-*failed-*.png; backend log test-results/install-proof/backend-$kind.log)"
  step_done
  kill -- "-$backend_pid" 2>/dev/null || true
  wait "$backend_pid" 2>/dev/null || true
  backend_pid=""
}

for kind in ${DIEHARD_PROOF_KINDS:-new legacy}; do
  case "$kind" in
    new | legacy) prove "$kind" ;;
    *) die "DIEHARD_PROOF_KINDS: unknown kind '$kind' (new, legacy)" ;;
  esac
done

log "Diehard installed and seen working in brand-new Backstage $want apps (${DIEHARD_PROOF_KINDS:-new legacy}) in $((SECONDS - proof_started)) s"
