#!/usr/bin/env bash
# Runs the GPU-machine path on every submission: the jlink'd bundle (target/dist, built by `mvn -Pdist package`) with
# its own runtime and JAVA_HOME unset, through a collapse run (summary.json, report.html, PNG figures), a reduced
# mnist-lr (when RELULAB_MNIST names the MNIST tarball), selftest (every kernel of every engine found, through the
# kernel plan) and a short bench sweep. Exits non-zero at the first step that fails; prints each step's seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
relulab="target/dist/bin/relulab"
[ -x "$relulab" ] || { echo "bundle-smoke: $relulab missing; build it with mvn -Pdist package" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
unset JAVA_HOME
export PATH="/usr/bin:/bin"   # no JDK on the path that the bundle could lean on
command -v java >/dev/null && echo "bundle-smoke: (a java is on the PATH; bin/relulab runs runtime/bin/java instead)"

step() {  # step NAME COMMAND...: runs it, prints its time, fails the script when it fails
    local name="$1" t0=$SECONDS
    shift
    echo "== bundle: $name"
    "$@"
    echo "== bundle: $name ok ($((SECONDS - t0)) s)"
}

has_report() {  # has_report DIR: summary.json, report.html and at least one PNG figure
    local d="$1"
    [ -s "$d/summary.json" ] && [ -s "$d/report.html" ] || { echo "bundle-smoke: $d lacks summary.json or report.html" >&2; return 1; }
    ls "$d"/*.png >/dev/null 2>&1 || { echo "bundle-smoke: $d has no PNG figure" >&2; ls -la "$d" >&2; return 1; }
}

step "collapse" "$relulab" collapse --networks 200 --engine cpu --out "$work/collapse"
has_report "$work/collapse"

# as on a GPU image without FreeType/HarfBuzz: an ldconfig that knows no library makes bin/relulab use the bundle's
mkdir -p "$work/noldconfig"
printf '#!/bin/sh\nexit 0\n' > "$work/noldconfig/ldconfig"
chmod +x "$work/noldconfig/ldconfig"
step "collapse, bundled FreeType" env PATH="$work/noldconfig:$PATH" "$relulab" collapse --networks 50 --engine cpu \
    --out "$work/collapse-fallback"
has_report "$work/collapse-fallback"

if [ -n "${RELULAB_MNIST:-}" ]; then
    step "mnist-lr (reduced)" "$relulab" mnist-lr --data "$RELULAB_MNIST" --limit 3000 --epochs 1 --rates 0.1,0.01 \
        --seeds 1 --engine cpu --out "$work/mnist-lr"
    has_report "$work/mnist-lr"
elif [ "${CI:-}" = "true" ]; then
    echo "bundle-smoke: RELULAB_MNIST is not set; CI must run the reduced mnist-lr" >&2
    exit 1
fi

step "selftest" "$relulab" selftest --seed 1 | tee "$work/selftest.txt"
grep -q "passed" "$work/selftest.txt"

step "bench sweep" "$relulab" bench sweep --engine auto --networks 300 --warmup 0 --repeats 1
echo "bundle-smoke: every step passed ($(du -sh target/dist | cut -f1) bundle)"
