#!/usr/bin/env bash
# Install dlc's build (and test) dependencies from Debian 12's packages.
#
# Idempotent: when every package is already installed (checked with dpkg-query)
# apt is not touched at all. `apt-get update` runs only when something must be
# installed. As root it installs directly; otherwise through sudo when present;
# otherwise it prints the exact command to run and exits 1.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PACKAGES=(
  llvm-19-dev libmlir-19-dev mlir-19-tools llvm-19-tools
  clang-19 lld-19 liblld-19-dev
  libonnx-dev libprotobuf-dev protobuf-compiler
  libcli11-dev doctest-dev libdlpack-dev
  ninja-build ccache cmake g++ python3
  libonnx-testdata python3-venv
)

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "bootstrap: dpkg-query not found; this script supports Debian 12 (bookworm) only." >&2
  echo "bootstrap: install the equivalents of: ${PACKAGES[*]}" >&2
  exit 1
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
  status="$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)"
  if [[ "$status" != "installed" ]]; then
    missing+=("$pkg")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "bootstrap: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

echo "bootstrap: missing packages: ${missing[*]}"

if [[ "$(id -u)" -eq 0 ]]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "bootstrap: not root and sudo is not available. As root, run:" >&2
  echo "  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing[*]}" >&2
  exit 1
fi

"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
echo "bootstrap: done"
