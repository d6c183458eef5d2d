#!/usr/bin/env bash
# Benchmark every models/*/model.onnx: dlc (compiled to $BUILD_DIR/bench/<name>.so)
# against ONNX Runtime on the CPU, in one Python process (scripts/bench.py).
#
# Usage: scripts/bench.sh [--no-build] [bench.py options] [MODEL ...]
#   --no-build      do not run scripts/build.sh first (implied by --ort-only)
#   --threads N     threads for both ORT (intra/inter op) and dlc (default 1)
#   --ort-only      time ONNX Runtime only (before dlc exists)
#   --json FILE     also write the results as JSON
#   see `.venv/bin/python scripts/bench.py --help` for the rest.
# Environment: BUILD_DIR (default: build).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export BUILD_DIR="${BUILD_DIR:-build}"

build=1
args=()
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    --ort-only) build=0; args+=("$a") ;;
    *) args+=("$a") ;;
  esac
done

if [[ $build -eq 1 ]]; then
  echo "==> Building dlc"
  scripts/build.sh
fi

echo "==> Preparing .venv"
scripts/venv.sh

echo "==> Benchmarking"
# models/mlp is too large to commit: generate it (deterministically) on demand.
if [[ ! -f models/mlp/model.onnx ]]; then
  echo "==> Generating models/mlp (scripts/gen_models.py mlp)"
  "${VENV_DIR:-.venv}/bin/python" scripts/gen_models.py mlp
fi
exec "${VENV_DIR:-.venv}/bin/python" scripts/bench.py "${args[@]}"
