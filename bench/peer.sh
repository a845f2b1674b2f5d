#!/usr/bin/env bash
# bench/peer.sh [NETWORKS] [THREADS] [COLD_ROUNDS]: the lu2019 sweep on relulab's CPU engine and the same workload as
# a PyTorch ensemble (bench/torch_peer.py), on the same cores, one after the other in one run, then the ratio of the
# medians (warm: after warm-up runs in one process). Then COLD_ROUNDS rounds (default 3; 0 skips them) at the first
# size, alternating a fresh JVM's `collapse` (its reported training time: the JIT warms up inside it) and a fresh
# Python's first sweep (after `import torch`).
# Default: 1000,10000 networks on every core. Needs PyTorch (Debian: apt-get install python3-torch).
set -euo pipefail
cd "$(dirname "$0")/.."
networks="${1:-1000,10000}"
threads="${2:-$(nproc)}"
cold_rounds="${3:-3}"
python=""
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null && "$p" -c "import torch" 2>/dev/null; then python="$p"; break; fi
done
[ -n "$python" ] || { echo "bench/peer.sh: no python3 with torch found; install python3-torch" >&2; exit 1; }
[ -f target/relulab.jar ] || mvn -q -B -ntp -DskipTests package

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
java -jar target/relulab.jar bench sweep --engine cpu --threads "$threads" --networks "$networks" | tee "$tmp/relulab"
echo
"$python" bench/torch_peer.py --networks "$networks" --threads "$threads" | tee "$tmp/torch"
echo
relulab="$(cat "$tmp/relulab")"
torch="$(cat "$tmp/torch")"

echo "| networks | relulab median s | PyTorch median s | PyTorch / relulab |"
echo "|---:|---:|---:|---:|"
join -t'|' <(echo "$relulab" | awk -F'|' '$2 ~ /^ *[0-9]+ *$/ {gsub(/ /, "", $2); gsub(/ /, "", $4); print $2 "|" $4}' | sort) \
            <(echo "$torch" | awk -F'|' '$2 ~ /^ *[0-9]+ *$/ {gsub(/ /, "", $2); gsub(/ /, "", $3); print $2 "|" $3}' | sort) \
  | sort -n | awk -F'|' '{printf "| %s | %.4f | %.4f | %.1fx |\n", $1, $2, $3, $3 / $2}'

[ "$cold_rounds" -gt 0 ] || exit 0
first="${networks%%,*}"
echo
echo "Cold: $first networks, a fresh process per run, $cold_rounds rounds"
echo
echo "| round | relulab collapse, training s | PyTorch first sweep s | PyTorch first sweep, training only s | PyTorch / relulab |"
echo "|---:|---:|---:|---:|---:|"
for r in $(seq 1 "$cold_rounds"); do
  rm -rf "$tmp/run"
  j="$(java -jar target/relulab.jar collapse --preset lu2019 --engine cpu --threads "$threads" --networks "$first" \
        --out "$tmp/run" 2>&1 | awk '$1 == "time" {print $2; exit}')"
  t="$("$python" bench/torch_peer.py --networks "$first" --threads "$threads" --warmup 0 --repeats 1 \
        | awk -F'|' '$2 ~ /^ *[0-9]+ *$/ {gsub(/ /, ""); print $3 " " $9}')"
  set -- $t
  awk -v r="$r" -v j="$j" -v w="$1" -v o="$2" 'BEGIN {printf "| %d | %.3f | %.3f | %.3f | %.1fx |\n", r, j, w, o, w / j}'
done
