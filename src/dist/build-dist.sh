#!/usr/bin/env bash
# Assembles target/dist: a jlink'd Java runtime, the shaded jar (with the kernels and the fatbin inside) and
# bin/relulab, so that a bare Linux x86-64 box with an NVIDIA driver can run relulab. Called by `mvn -Pdist package`.
set -euo pipefail

target="${1:?usage: build-dist.sh TARGET_DIR}"
here="$(cd "$(dirname "$0")" && pwd)"
dist="$target/dist"
limit_mb=60

# The JDK modules the jar needs, as jdeps finds them (java.desktop: the figures' AWT and ImageIO; java.sql: Jackson;
# jdk.unsupported: LWJGL), plus java.logging, which the engines log through.
deps="$(jdeps --multi-release 17 --ignore-missing-deps --print-module-deps "$target/relulab.jar")"
modules="$(echo "$deps,java.logging" | tr ',' '\n' | sort -u | paste -sd, -)"
for m in java.base java.desktop; do
    case ",$modules," in *",$m,"*) ;; *) echo "relulab dist: jdeps did not list $m ($deps)" >&2; exit 1 ;; esac
done

rm -rf "$dist"
mkdir -p "$dist/lib" "$dist/bin"
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
    --output "$dist/runtime"
# the runtime's native libraries keep their dynamic symbols only (libjvm.so: 24 MB -> 20 MB); Java stack traces are
# unaffected, an hs_err file names fewer native frames
if command -v strip >/dev/null; then
    find "$dist/runtime" -name '*.so' -exec chmod u+w {} + -exec strip --strip-unneeded {} +
fi
# The figures' text goes through the JDK's libfontmanager, which links the system's FreeType and HarfBuzz; a bare
# GPU image may lack them, so copies of them and their libraries ride along in runtime/lib/fallback, which bin/relulab
# puts on LD_LIBRARY_PATH only when the system lacks one of them.
fallback="$dist/runtime/lib/fallback"
mkdir -p "$fallback"
for lib in $(ldd "$dist/runtime/lib/libfontmanager.so" | awk '/=> \//{print $3}'); do
    case "$(basename "$lib")" in
        libc.so*|libm.so*|libdl.so*|libpthread.so*|librt.so*|ld-linux*|libstdc++*|libgcc_s*) continue ;;
    esac
    case "$lib" in "$dist"/*) continue ;; esac
    cp -L "$lib" "$fallback/$(basename "$lib")"
done
cp "$target/relulab.jar" "$dist/lib/relulab.jar"
cp "$here/relulab" "$dist/bin/relulab"
chmod +x "$dist/bin/relulab"

if ! unzip -l "$dist/lib/relulab.jar" kernels/relulab.fatbin >/dev/null 2>&1; then
    echo "relulab dist: no kernels/relulab.fatbin in the jar (nvcc was not on the PATH); the cuda engine will say so"
fi
bytes="$(du -sb "$dist" | cut -f1)"
size="$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')"
if [ "$bytes" -ge $((limit_mb * 1048576)) ]; then
    echo "relulab dist: $dist is $size MiB, over the $limit_mb MiB limit" >&2
    exit 1
fi
echo "relulab dist: $dist ($size MiB): bin/relulab, lib/relulab.jar, runtime/ ($modules; fallback/: $(ls "$fallback" | wc -l) libraries)"
