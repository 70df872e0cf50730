#!/usr/bin/env bash
# Runs every test the project has: type checks, unit and integration suites (jest,
# against the real HA lab on loopback), then browser tests of the built portal in
# Debian's Chromium. Installs what it needs first. .ci/run calls exactly this.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$DIEHARD_ROOT/scripts/toolchain.sh"
source "$DIEHARD_ROOT/scripts/deps.sh"

cd "$DIEHARD_ROOT"
export CI=true
results_dir="$DIEHARD_ROOT/test-results"
mkdir -p "$results_dir"
rm -f "$results_dir"/jest-*.json

ensure_toolchain

step "installing Debian packages for the tests (chromium, buildah, Maven and a JDK for generated projects, git)"
apt_install chromium buildah maven openjdk-17-jdk-headless git
step_done

step "installing the HA lab's prerequisites (Debian packages, Kubernetes binaries and helm built from Go modules and cached)"
bash lab/scripts/install-prereqs.sh
step_done

ensure_node_modules

on_exit 'log "stopping the HA lab"; yarn lab down >/dev/null 2>&1'

step "type-checking (tsc)"
yarn tsc
step_done

step "package metadata and public API reports (backstage-cli repo fix, backstage-repo-tools)"
yarn backstage-cli repo fix --publish --check ||
  die "a package's metadata is not publishable (run: yarn backstage-cli repo fix --publish)"
yarn test:api-reports ||
  die "a package's public API changed without its report (run: rm -rf dist-types && yarn tsc && yarn build:api-reports, commit report.api.md)"
step_done

step "unit and integration tests (jest through Backstage's CLI; the lab starts on demand)"
suite_rc=0
yarn backstage-cli repo test --json --outputFile="$results_dir/jest-unit.json" || suite_rc=$?
step_done

step "building the frontend for the browser tests"
yarn workspace app build >"$results_dir/app-build.log" 2>&1 || {
  tail -30 "$results_dir/app-build.log" >&2
  die "the frontend build failed (log: test-results/app-build.log)"
}
step_done

step "browser tests (Playwright driving Debian's Chromium; screenshots in test-results/screenshots)"
browser_rc=0
yarn test:browser --json --outputFile="$results_dir/jest-browser.json" || browser_rc=$?
step_done

step "install proof: Diehard from its tarballs in two brand-new Backstage apps, of the new and the legacy frontend system (create-app, SQLite, Chromium)"
proof_rc=0
bash scripts/install-proof.sh || proof_rc=$?
step_done

node scripts/summarize-jest.js "$results_dir"/jest-*.json
[ "$suite_rc" -eq 0 ] || die "unit or integration tests failed (see above)"
[ "$browser_rc" -eq 0 ] || die "browser tests failed (see above; screenshots in test-results/screenshots)"
[ "$proof_rc" -eq 0 ] || die "the install proof failed (see above; screenshots test-results/screenshots/install-proof-*.png, logs test-results/install-proof/)"
