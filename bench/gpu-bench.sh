#!/usr/bin/env bash
# gpu-bench.sh - the one prepared run for the lent GPU machine (docs/gpu-machine.md): the dist bundle (target/dist,
# carried there) through, in this order,
#   1. selftest            every CUDA and OpenCL kernel against the CPU engine, dense layers on both GEMM paths
#   2. sweep (fused)       the lu2019 sweep at 1k, 10k, 100k and 1M networks, fused trainer
#   3. forward             the dense forward's bandwidth against a device copy of the same bytes
#   4. mnist-epoch         E = 1 and 64, relulab's kernels and cuBLAS where libcublas.so.12 loads
#   5. activations         every activation's forward and backward on cuda and opencl
#   6. memcheck            compute-sanitizer --tool memcheck over a small collapse run: fused (32 lanes), fused one
#                          lane (the ordered launch) and op by op (if the tool is found)
#   7. sweep (op by op)    the same sizes with -Drelulab.fused=false
#   8. sweep (32 lanes)    100k and 1M networks with -Drelulab.fused.lanes=32 (the rule takes one lane, ordered, there)
# within DEADLINE seconds (default 450, under the 8 minutes one call should take on an H100/H200): each step gets at
# most its own limit and what is left, and a step that finds too little time left is skipped and says so. Every
# table goes to $OUT/tables.md; machine.txt, status.txt (one line per step: exit status, seconds), selftest.txt,
# memcheck.txt and log.txt (everything the steps printed) beside it: six files, within what the tool brings back.
#
#   OUT=/tmp/out bench/gpu-bench.sh                 # everything
#   OUT=/tmp/out bench/gpu-bench.sh selftest sweep  # named steps: selftest sweep forward mnist-epoch activations
#                                                   #   memcheck sweep-op sweep-lanes32
# OpenCL on NVIDIA: the ICD loader finds the driver through a .icd file naming libnvidia-opencl.so.1; the bare machine
# has none, so one is written to a private folder and OCL_ICD_VENDORS points at it.
set -uo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
relulab="${RELULAB:-$root/target/dist/bin/relulab}"
out="${OUT:?set OUT to the folder that receives the tables}"
deadline=$((SECONDS + ${DEADLINE:-450}))
mkdir -p "$out"
chmod +x "$relulab" "$root"/target/dist/runtime/bin/* 2>/dev/null || true
tables="$out/tables.md" status="$out/status.txt" log="$out/log.txt"
: > "$tables"; : > "$status"; : > "$log"

nvidia_cl=/usr/local/nvidia/lib64/libnvidia-opencl.so.1
vendors="$(mktemp -d)/vendors"
mkdir -p "$vendors"
if [ -e "$nvidia_cl" ]; then
    echo "$nvidia_cl" > "$vendors/nvidia.icd"
    export OCL_ICD_VENDORS="$vendors"
    export LD_LIBRARY_PATH="/usr/local/nvidia/lib64${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
else
    echo "gpu-bench: $nvidia_cl not found; the opencl rows will say why they were skipped" | tee -a "$status"
fi
# JCublas 12.6 needs CUDA 12's libcublas.so.12; where some package ships one, put its folder on the library path
cublas="$(find /usr /opt -name 'libcublas.so.12*' -print -quit 2>/dev/null)"
if [ -n "$cublas" ]; then
    export LD_LIBRARY_PATH="$(dirname "$cublas")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    echo "gpu-bench: cuBLAS 12 found at $cublas" | tee -a "$status"
else
    echo "gpu-bench: no libcublas.so.12 on this machine; the cuBLAS rows will say so" | tee -a "$status"
fi
sanitizer="$(command -v compute-sanitizer || ls /usr/local/cuda/bin/compute-sanitizer 2>/dev/null || true)"

steps=("$@")
wanted() {  # wanted STEP: true when STEP was named, or when no step was named
    [ ${#steps[@]} -eq 0 ] && return 0
    local x
    for x in "${steps[@]}"; do [ "$x" = "$1" ] && return 0; done
    return 1
}

# run NAME LIMIT_S MIN_S DEST COMMAND...: runs the command within min(LIMIT_S, time left), its stdout appended to DEST
# (and stderr to log.txt), and records one status line; skipped when fewer than MIN_S seconds are left
run() {
    local name="$1" limit="$2" min="$3" dest="$4"
    shift 4
    local left=$((deadline - SECONDS))
    if [ "$left" -lt "$min" ]; then
        echo "$name: skipped, ${left} s left of the deadline (needs ${min} s)" | tee -a "$status"
        return
    fi
    [ "$limit" -gt "$left" ] && limit="$left"
    echo "== $name (limit ${limit} s): $*" | tee -a "$log" >&2
    local t0=$SECONDS
    timeout --kill-after=10 "$limit" "$@" >> "$dest" 2>> "$log"
    local rc=$?
    local verdict="exit $rc"
    [ "$rc" -eq 124 ] && verdict="timed out after ${limit} s"
    echo "$name: $verdict, $((SECONDS - t0)) s" | tee -a "$status"
}

{ date -u; uname -a; nvidia-smi -L 2>&1; nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm,clocks.max.mem \
    --format=csv 2>&1; echo "compute-sanitizer: ${sanitizer:-not found}"; } > "$out/machine.txt"
cat "$out/machine.txt"

sizes=1000,10000,100000,1000000
if wanted selftest; then
    run selftest 150 30 "$out/selftest.txt" "$relulab" selftest --seed 1
    tail -3 "$out/selftest.txt"
fi
if wanted sweep; then
    run "sweep fused" 120 30 "$tables" "$relulab" bench sweep --engine cuda --networks "$sizes" --warmup 1 --repeats 3
fi
if wanted forward; then
    run forward 40 15 "$tables" "$relulab" bench forward --engine cuda
fi
if wanted mnist-epoch; then
    run "mnist-epoch E=1" 50 20 "$tables" "$relulab" bench mnist-epoch --engine cuda --networks 1 --repeats 3
    run "mnist-epoch E=64" 70 25 "$tables" "$relulab" bench mnist-epoch --engine cuda --networks 64 --repeats 3
fi
if wanted activations; then
    run activations 60 20 "$tables" "$relulab" bench activations --engines cuda,opencl --warmup 2 --repeats 5
fi
if wanted memcheck; then
    if [ -z "$sanitizer" ]; then
        echo "memcheck: skipped, compute-sanitizer not found" | tee -a "$status"
    else
        java="$root/target/dist/runtime/bin/java" jar="$root/target/dist/lib/relulab.jar"
        for path in fused fused-one-lane op-by-op; do
            opt=""
            [ "$path" = fused-one-lane ] && opt="-Drelulab.fused.lanes=1"
            [ "$path" = op-by-op ] && opt="-Drelulab.fused=false"
            # the JVM's own faults (SIGSEGV for null checks) are not CUDA errors: memcheck watches device memory only
            run "memcheck $path" 90 30 "$out/memcheck.txt" "$sanitizer" --tool memcheck --error-exitcode 3 \
                --print-limit 20 "$java" $opt -jar "$jar" collapse --preset lu2019 --networks 64 --engine cuda \
                --out "$(mktemp -d)/memcheck-$path"
        done
    fi
fi
if wanted sweep-op; then
    run "sweep op by op" 150 40 "$tables" env RELULAB_JAVA_OPTS="-Drelulab.fused=false" "$relulab" bench sweep \
        --engine cuda --networks "$sizes" --warmup 1 --repeats 2
fi
if wanted sweep-lanes32; then
    run "sweep 32 lanes" 60 20 "$tables" env RELULAB_JAVA_OPTS="-Drelulab.fused.lanes=32" "$relulab" bench sweep \
        --engine cuda --networks 100000,1000000 --warmup 1 --repeats 2
fi
echo "gpu-bench: done in $((SECONDS - deadline + ${DEADLINE:-450})) s; tables.md, status.txt and logs in $out"
cat "$status"
