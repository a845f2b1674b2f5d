#!/usr/bin/env bash
# bench/peer.sh [NETWORKS] [THREADS]: the lu2019 sweep on relulab's CPU engine and the same workload as a PyTorch
# ensemble (bench/torch_peer.py), on the same cores, one after the other in one run, then the ratio of the medians.
# Default: 1000,10000 networks on every core. Needs PyTorch (Debian: apt-get install python3-torch).
set -euo pipefail
cd "$(dirname "$0")/.."
networks="${1:-1000,10000}"
threads="${2:-$(nproc)}"
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
