#!/usr/bin/env bash
# Demo: build dlc, compile models/cnn/model.onnx to a shared library, run it on
# the bundled test input and compare against the bundled reference output.
#
# Environment: BUILD_DIR (default: build).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
BUILD_DIR="${BUILD_DIR:-build}"
DLC="$BUILD_DIR/bin/dlc"
MODEL=models/cnn
OUT="$BUILD_DIR/demo"

step() { printf '\n==> %s\n' "$*"; }

step "[1/3] Building dlc (scripts/build.sh)"
scripts/build.sh

mkdir -p "$OUT"

step "[2/3] Compiling $MODEL/model.onnx -> $OUT/cnn.so"
echo "+ $DLC compile $MODEL/model.onnx -o $OUT/cnn.so"
"$DLC" compile "$MODEL/model.onnx" -o "$OUT/cnn.so"

step "[3/3] Running $OUT/cnn.so on $MODEL/test_data_set_0 and checking against the reference"
echo "+ $DLC run $OUT/cnn.so $MODEL/test_data_set_0/input_0.pb --output-dir $OUT/out --expect $MODEL/test_data_set_0/output_0.pb"
"$DLC" run "$OUT/cnn.so" "$MODEL/test_data_set_0/input_0.pb" \
  --output-dir "$OUT/out" \
  --expect "$MODEL/test_data_set_0/output_0.pb"

step "Demo OK: outputs written to $OUT/out"
