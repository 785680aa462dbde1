#!/usr/bin/env bash
# Prints the path of the pinned Node 24 binary, the runtime runners start the bundles with
# (`runs.using: node24`), installing it first into DIR when it is not there yet.
#   bash scripts/node24.sh [DIR]     (default DIR: ~/.cache/asc-actions/node24)
# Used by .ci/run (bundles on Node 24) and by `npm run bench:node24`.
set -euo pipefail
# Pinned: a new Node 24 release changes what CI runs only when this line changes.
NODE24_VERSION=24.22.1
dir="${1:-${XDG_CACHE_HOME:-$HOME/.cache}/asc-actions/node24}"
case "$(uname -m)" in x86_64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) arch="$(uname -m)" ;; esac
node24="$dir/node_modules/node-linux-$arch/bin/node"
if [ ! -x "$node24" ] || [ "$("$node24" --version)" != "v$NODE24_VERSION" ]; then
  mkdir -p "$dir"
  npm install --no-save --no-audit --no-fund --prefix "$dir" "node-linux-$arch@$NODE24_VERSION" >/dev/null
fi
test "$("$node24" --version)" = "v$NODE24_VERSION" || {
  echo "expected Node $NODE24_VERSION, got $("$node24" --version)" >&2
  exit 1
}
echo "$node24"
