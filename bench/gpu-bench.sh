#!/usr/bin/env bash
# gpu-bench.sh - the one script to run on the lent GPU machine with the dist bundle (target/dist, carried there).
# Runs, in order: selftest (every kernel vs the CPU engine), bench sweep, bench forward, bench mnist-epoch, each on
# cuda and opencl, then bench activations on both; every table goes into $OUT, with a status line per step in
# $OUT/status.txt. Steps may be named to run a subset (one device call is limited to 10 minutes):
#
#   bench/gpu-bench.sh                       # all steps
#   bench/gpu-bench.sh selftest forward      # some: selftest sweep forward mnist-epoch activations
#
# OpenCL on NVIDIA: the ICD loader finds the driver through a .icd file naming libnvidia-opencl.so.1; the bare
# machine has none, so one is written to a private folder and OCL_ICD_VENDORS points at it.
set -uo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
relulab="${RELULAB:-$root/target/dist/bin/relulab}"
out="${OUT:?set OUT to the folder that receives the tables}"
engines="${ENGINES:-cuda opencl}"
mkdir -p "$out"
chmod +x "$relulab" "$root"/target/dist/runtime/bin/* 2>/dev/null || true

nvidia_cl=/usr/local/nvidia/lib64/libnvidia-opencl.so.1
vendors="$(mktemp -d)/vendors"
mkdir -p "$vendors"
if [ -e "$nvidia_cl" ]; then
    echo "$nvidia_cl" > "$vendors/nvidia.icd"
    export OCL_ICD_VENDORS="$vendors"
    # the ICD loader itself (libOpenCL.so.1) may sit beside the driver rather than in /usr/lib
    export LD_LIBRARY_PATH="/usr/local/nvidia/lib64${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
else
    echo "gpu-bench: $nvidia_cl not found; the opencl rows will say why they were skipped" | tee -a "$out/status.txt"
fi

step() {  # step NAME FILE COMMAND...: runs the command, tees its output into $OUT/FILE, records the exit status
    local name="$1" file="$2"
    shift 2
    echo "== $name: $*" >&2
    local t0=$SECONDS
    "$@" 2>&1 | tee "$out/$file"
    local rc=${PIPESTATUS[0]}
    echo "$name: exit $rc, $((SECONDS - t0)) s -> $file" | tee -a "$out/status.txt"
}

wanted() {  # wanted STEP: true when STEP was named, or when no step was named
    [ $# -ge 1 ] || return 1
    local s="$1"
    shift
    [ ${#steps[@]} -eq 0 ] && return 0
    for x in "${steps[@]}"; do [ "$x" = "$s" ] && return 0; done
    return 1
}

steps=("$@")
{ date -u; uname -a; nvidia-smi -L 2>&1; nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm,clocks.max.mem --format=csv 2>&1; } > "$out/machine.txt"
cat "$out/machine.txt"

if wanted selftest; then
    step selftest selftest.txt "$relulab" selftest --seed 1
fi
for e in $engines; do
    if wanted sweep; then
        step "sweep $e" "sweep-$e.md" "$relulab" bench sweep --engine "$e" --warmup 1 --repeats 3 --out "$out/sweep-$e.table.md"
    fi
    if wanted forward; then
        step "forward $e" "forward-$e.md" "$relulab" bench forward --engine "$e" --out "$out/forward-$e.table.md"
    fi
    if wanted mnist-epoch; then
        step "mnist-epoch $e E=1" "mnist-epoch-$e-1.md" "$relulab" bench mnist-epoch --engine "$e" --networks 1
        step "mnist-epoch $e E=64" "mnist-epoch-$e-64.md" "$relulab" bench mnist-epoch --engine "$e" --networks 64 \
            --repeats 3
    fi
done
if wanted activations; then
    step activations activations-gpu.md "$relulab" bench activations --engines cuda,opencl --out "$out/activations-gpu.table.md"
fi
echo "gpu-bench: done; tables and status.txt in $out"
