#!/usr/bin/env bash
# Installs the Debian packages swift-plssem builds against, when they are missing.
# Uses sudo when not root. Safe to run repeatedly: it does nothing when all are present.
#
#   scripts/install-system-packages.sh                # the build packages (OpenBLAS, LAPACK, pkg-config, ReadStat, zlib)
#   scripts/install-system-packages.sh --with slurm   # and an opt-in group (repeatable)
#
# Opt-in groups (not needed to build or use plssem):
#   slurm   slurm-wlm and munge, for scripts/slurm-demo.sh (a single-node Slurm cluster);
#           `make test` asks for it because the Slurm demo test runs there.
#
# Exit status: 0 installed or already present; 1 apt-get failed or an unknown group;
# 77 the packages are missing and cannot be installed here (not root, no sudo, no apt-get).
set -euo pipefail

packages=(libopenblas-dev liblapack-dev pkg-config libreadstat-dev zlib1g-dev)
while [ $# -gt 0 ]; do
  case "$1" in
    --with)
      [ $# -ge 2 ] || {
        echo "error: --with needs a group name (slurm)" >&2
        exit 1
      }
      case "$2" in
        slurm) packages+=(slurm-wlm munge) ;;
        *)
          echo "error: unknown package group '$2' (known: slurm)" >&2
          exit 1
          ;;
      esac
      shift 2
      ;;
    *)
      echo "error: unknown argument '$1' (usage: $0 [--with slurm])" >&2
      exit 1
      ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: cannot install ${missing[*]}: apt-get not found (install them by hand)" >&2
  exit 77
fi
echo "Installing missing system packages: ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "error: need root or sudo to install: ${missing[*]}" >&2
    exit 77
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
$sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}"
