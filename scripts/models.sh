#!/usr/bin/env bash
# Real architectures end to end: export them with PyTorch (scripts/gen_real_models.py,
# random weights, symbolic batch and sequence dims), then compile each once with dlc,
# no --shape, and run every data set (dlc test), printing one line per model:
#   <model> <exporter> opset <N> compile <seconds>s <PASS|FAIL: reason>
# and the graphs of ../shared/models (PyTorch 2's dynamo exporter) the same way.
#
# Usage: scripts/models.sh [--no-build] [MODEL ...]
# Environment:
#   BUILD_DIR        dlc's build directory (default: build)
#   DLC_MODELS_DIR   where the exported models are cached
#                    (default: ${XDG_CACHE_HOME:-~/.cache}/dlc/real-models)
# Installs Debian's python3-torch and python3-torchvision (PyPI has no CPU-only
# torch wheel for Linux) and a virtualenv .venv-torch that sees them, with the
# pinned onnx of requirements-test.txt. Exits 1 when any model fails.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
BUILD_DIR="${BUILD_DIR:-build}"
out="${DLC_MODELS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/dlc/real-models}"

build=1
models=()
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    *) models+=("$a") ;;
  esac
done
[[ $build -eq 1 ]] && scripts/build.sh

if ! /usr/bin/python3 -c 'import torch, torchvision' 2>/dev/null; then
  echo "models: installing Debian's python3-torch and python3-torchvision"
  apt-get install -y -q python3-torch python3-torchvision python3-venv >/dev/null
fi
venv=.venv-torch
if [[ ! -x $venv/bin/python ]]; then
  /usr/bin/python3 -m venv --system-site-packages "$venv"
fi
onnx_pin=$(grep -E '^onnx==' requirements-test.txt)
# Keep Debian's numpy: its torch is built against numpy 1.
numpy_pin="numpy==$(/usr/bin/python3 -c 'import numpy; print(numpy.__version__)')"
"$venv/bin/python" -c "import onnx.numpy_helper" 2>/dev/null ||
  "$venv/bin/pip" install -q "$onnx_pin" "$numpy_pin"

mkdir -p "$out"
# Export what is not cached yet (a model's directory is complete once its
# last data set is written).
todo=()
for m in ${models[@]+"${models[@]}"}; do
  [[ -f $out/$m/test_data_set_1/output_0.pb ]] || todo+=("$m")
done
if [[ ${#models[@]} -eq 0 ]]; then
  mapfile -t models < <("$venv/bin/python" -c '
import sys; sys.path.insert(0, "scripts")
import gen_real_models
print("\n".join(gen_real_models.MODELS))')
  for m in "${models[@]}"; do
    [[ -f $out/$m/test_data_set_1/output_0.pb ]] || todo+=("$m")
  done
fi
if [[ ${#todo[@]} -gt 0 ]]; then
  "$venv/bin/python" scripts/gen_real_models.py --out "$out" "${todo[@]}" || true
fi

dlc="$BUILD_DIR/bin/dlc"
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
report() { # dir exporter
  local dir=$1 exporter=$2 name opset start seconds result
  name=$(basename "$dir")
  opset=$("$dlc" inspect "$dir/model.onnx" 2>/dev/null | sed -n 's/^opsets: ai.onnx \([0-9]*\).*/\1/p')
  start=$(date +%s.%N)
  if "$dlc" compile "$dir/model.onnx" -o "$tmp/model.so" >"$tmp/log" 2>&1; then
    seconds=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { print e - s }')
    if "$dlc" test "$dir" >"$tmp/log" 2>&1; then
      result=PASS
    else
      result="FAIL: $(grep -m1 '^FAIL' "$tmp/log" | cut -c1-240)"
    fi
  else
    seconds=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { print e - s }')
    result="FAIL: $(tail -1 "$tmp/log" | cut -c1-240)"
  fi
  [[ $result == PASS ]] || failed=1
  printf '%-20s %-11s opset %-3s compile %6.2fs  %s\n' "$name" "$exporter" "${opset:-?}" \
    "$seconds" "$result"
}
for m in "${models[@]}"; do
  if [[ -f $out/$m/model.onnx ]]; then
    report "$out/$m" torchscript
  else
    echo "$m: not exported"; failed=1
  fi
done
for d in ../shared/models/*/; do
  [[ -f $d/model.onnx ]] && report "${d%/}" dynamo
done
exit $failed
