#!/usr/bin/env bash
# Spark's GPU discovery script for relulab-spark executors (spark.executor.resource.gpu.discoveryScript, and
# spark.worker.resource.gpu.discoveryScript on a standalone worker): prints {"name": "gpu", "addresses": [...]}, one
# address per GPU this process may use, as CUDA device ordinals, the numbers CudaEngine.open(ordinal) takes.
# With CUDA_VISIBLE_DEVICES set (YARN, Kubernetes and most GPU schedulers isolate GPUs that way) CUDA numbers the
# visible GPUs 0..k-1 whatever their physical indices, so those are the addresses; otherwise nvidia-smi's indices.
# Exits 1 with a one-line reason when no GPU is found, so an executor that was promised a GPU does not start.
set -euo pipefail

emit() {
  local IFS=,
  local quoted=()
  for a in "$@"; do quoted+=("\"$a\""); done
  echo "{\"name\": \"gpu\", \"addresses\": [${quoted[*]}]}"
}

if [ -n "${CUDA_VISIBLE_DEVICES+set}" ]; then
  IFS=, read -r -a visible <<< "${CUDA_VISIBLE_DEVICES}"
  addresses=()
  for i in "${!visible[@]}"; do
    # CUDA stops at the first entry that is not a device (-1, empty): the ones before it are all it shows
    v="${visible[$i]// /}"
    if [ -z "$v" ] || [ "$v" = "-1" ] || [ "${v:0:1}" = "-" ]; then break; fi
    addresses+=("$i")
  done
  if [ ${#addresses[@]} -eq 0 ]; then
    echo "discover-gpus.sh: CUDA_VISIBLE_DEVICES='${CUDA_VISIBLE_DEVICES}' hides every GPU" >&2
    exit 1
  fi
  emit "${addresses[@]}"
  exit 0
fi

if ! command -v nvidia-smi >/dev/null 2>&1; then
  echo "discover-gpus.sh: nvidia-smi is not on the PATH; is the NVIDIA driver installed on this executor?" >&2
  exit 1
fi
if ! out="$(nvidia-smi --query-gpu=index --format=csv,noheader 2>&1)"; then
  echo "discover-gpus.sh: nvidia-smi failed: $(echo "$out" | head -n 1)" >&2
  exit 1
fi
addresses=()
while read -r line; do
  line="${line// /}"
  [ -z "$line" ] && continue
  case "$line" in
    *[!0-9]*) echo "discover-gpus.sh: nvidia-smi printed '$line', not a GPU index" >&2; exit 1 ;;
  esac
  addresses+=("$line")
done <<< "$out"
if [ ${#addresses[@]} -eq 0 ]; then
  echo "discover-gpus.sh: nvidia-smi lists no GPU" >&2
  exit 1
fi
emit "${addresses[@]}"
