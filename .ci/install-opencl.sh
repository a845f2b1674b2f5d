#!/usr/bin/env bash
# Installs an OpenCL runtime for the OpenCL engine's tests: the ICD loader, PoCL (OpenCL on the CPU) and clinfo.
# Idempotent; runs as root with no stdin (CI). Prints the devices it finds.
set -euo pipefail
packages=(ocl-icd-libopencl1 pocl-opencl-icd clinfo)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo -n"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq </dev/null
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
fi
clinfo -l || echo "install-opencl: clinfo lists no OpenCL platform" >&2
