#!/usr/bin/env bash
# Regenerates resources/geo/countries-110m.json from the npm package world-atlas.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
version="${WORLD_ATLAS_VERSION:-2.0.2}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "world-atlas@$version" >/dev/null && tar xzf world-atlas-*.tgz)
node "$root/tools/geo/build.js" "$tmp/package/countries-110m.json" "$root/resources/world/countries.tsv" \
  "$root/resources/geo/countries-110m.json" "$version"
