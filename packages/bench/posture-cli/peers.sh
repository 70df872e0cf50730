#!/usr/bin/env bash
# Builds the peer checkers the benchmark compares against, from the Go module proxy, at
# pinned versions, into a cache outside the work tree. A binary already in the cache is
# reused. Prints one line per peer: "<name> <version> <path>" or "<name> <version> MISSING <why>".
# Source nothing; run it: bench.sh calls it.
set -uo pipefail

CACHE="${DIEHARD_CACHE:-$HOME/.cache/diehard}"
BIN="$CACHE/bin"
mkdir -p "$BIN"

# name|module path of the main package|pinned version (the latest release of each, 2025-12)
# Polaris tags its releases without the "v" Go needs (10.1.3), so it is pinned by the commit of
# that tag; the proxy turns a commit into a pseudo-version.
PEERS=(
  "kube-score|github.com/zegl/kube-score/cmd/kube-score|v1.20.0"
  "kube-linter|golang.stackrox.io/kube-linter/cmd/kube-linter|v0.8.1"
  "polaris|github.com/fairwindsops/polaris|e2df222"
)

build_one() { # <name> <pkg> <version>
  local name="$1" pkg="$2" version="$3"
  local out="$BIN/$name-$version"
  if [ -x "$out" ]; then
    echo "$name $version $out"
    return 0
  fi
  local tmp
  tmp="$(mktemp -d)"
  # -p 1: the machine's cores are shared; a peer build must not take them all.
  if GOBIN="$tmp" GOFLAGS=-buildvcs=false nice -n 10 go install -p 1 "$pkg@$version" >"$tmp/log" 2>&1; then
    mv "$tmp/$(basename "$pkg")" "$out"
    echo "$name $version $out"
  else
    # The first line that says why (the module proxy's answer), else the last line.
    echo "$name $version MISSING $( (grep -m 1 -E '40[34]|not available|error' "$tmp/log" || tail -n 1 "$tmp/log") | tr -s ' \t' ' ')"
  fi
  rm -rf "$tmp"
}

for p in "${PEERS[@]}"; do
  IFS='|' read -r name pkg version <<<"$p"
  build_one "$name" "$pkg" "$version"
done
