#!/usr/bin/env bash
# Build dlc: install dependencies (scripts/bootstrap.sh), configure with CMake
# + Ninja + ccache (Release), build with one job per core. Re-runnable.
#
# Environment:
#   BUILD_DIR   build directory, relative to the repo root or absolute (default: build)
#   CMAKE_ARGS  extra arguments for the configure step, split on whitespace
#               (they force a reconfigure when given)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

BUILD_DIR="${BUILD_DIR:-build}"

scripts/bootstrap.sh

extra=()
if [[ -n "${CMAKE_ARGS:-}" ]]; then
  read -r -a extra <<<"$CMAKE_ARGS"
fi

# Configure only when the tree is not configured yet (or extra args were
# given): afterwards Ninja re-runs CMake by itself when a CMakeLists changes.
if [[ ! -f "$BUILD_DIR/build.ninja" || ${#extra[@]} -gt 0 ]]; then
  echo "build: configuring $BUILD_DIR"
  cmake -S . -B "$BUILD_DIR" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_COMPILER_LAUNCHER=ccache \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache \
    "${extra[@]}"
fi

echo "build: building $BUILD_DIR with $(nproc) jobs"
cmake --build "$BUILD_DIR" --parallel "$(nproc)"
