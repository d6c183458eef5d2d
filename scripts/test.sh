#!/usr/bin/env bash
# Build dlc and run the whole test suite with ctest; exits with ctest's status.
#
# The test venv (.venv, scripts/venv.sh) is prepared first so that CMake's
# configure step and the tests can use it: .venv/bin comes first on PATH and
# DLC_TEST_PYTHON names its interpreter.
#
# Environment: BUILD_DIR (default: build), plus those of build.sh and venv.sh.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"
BUILD_DIR="${BUILD_DIR:-build}"

scripts/venv.sh
VENV_DIR="${VENV_DIR:-.venv}"
[[ "$VENV_DIR" = /* ]] || VENV_DIR="$ROOT/$VENV_DIR"
export DLC_TEST_PYTHON="$VENV_DIR/bin/python"
export PATH="$VENV_DIR/bin:$PATH"

scripts/build.sh

status=0
ctest --test-dir "$BUILD_DIR" --output-on-failure -j "$(nproc)" || status=$?
exit "$status"
