#!/usr/bin/env bash
# Assembles target/dist: a jlink'd Java runtime, the shaded jar (with the kernels and the fatbin inside) and
# bin/relulab, so that a bare Linux x86-64 box with an NVIDIA driver can run relulab. Called by `mvn -Pdist package`.
set -euo pipefail

target="${1:?usage: build-dist.sh TARGET_DIR}"
here="$(cd "$(dirname "$0")" && pwd)"
dist="$target/dist"
limit_mb=60

# java.desktop is left out on purpose: only Jackson's optional java.beans support refers to it, behind a guard.
# java.sql stays for Jackson's date handling; jdk.unsupported for LWJGL (sun.misc.Unsafe); java.logging for the engines.
modules="java.base,java.logging,java.sql,jdk.unsupported"

rm -rf "$dist"
mkdir -p "$dist/lib" "$dist/bin"
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
    --output "$dist/runtime"
cp "$target/relulab.jar" "$dist/lib/relulab.jar"
cp "$here/relulab" "$dist/bin/relulab"
chmod +x "$dist/bin/relulab"

if ! unzip -l "$dist/lib/relulab.jar" kernels/relulab.fatbin >/dev/null 2>&1; then
    echo "relulab dist: no kernels/relulab.fatbin in the jar (nvcc was not on the PATH); the cuda engine will say so"
fi
size_mb=$(( $(du -sk "$dist" | cut -f1) / 1024 ))
if [ "$size_mb" -ge "$limit_mb" ]; then
    echo "relulab dist: $dist is $size_mb MB, over the $limit_mb MB limit" >&2
    exit 1
fi
echo "relulab dist: $dist ($size_mb MB): bin/relulab, lib/relulab.jar, runtime/ ($modules)"
