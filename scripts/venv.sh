#!/usr/bin/env bash
# Create .venv (repo root) with the pinned packages of requirements-test.txt.
#
# Idempotent and fast when done: .venv/.requirements.sha256 holds a hash of
# requirements-test.txt and of the interpreter's version; when it matches and
# the venv's python runs, nothing happens. Otherwise the venv is rebuilt from
# scratch. Binary wheels only (never compiles numpy on a 2-core box).
#
# Environment:
#   PYTHON     interpreter that creates the venv (default: python3 on PATH)
#   VENV_DIR   venv location (default: .venv in the repo root)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PYTHON="${PYTHON:-python3}"
VENV_DIR="${VENV_DIR:-.venv}"
REQ=requirements-test.txt
STAMP="$VENV_DIR/.requirements.sha256"

if ! command -v "$PYTHON" >/dev/null 2>&1; then
  echo "venv: '$PYTHON' not found; install python3 (Debian: apt-get install python3 python3-venv)" >&2
  exit 1
fi

py_version="$("$PYTHON" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')"
want="$( { cat "$REQ"; echo "python=$py_version"; } | sha256sum | cut -d' ' -f1)"

if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$want" ]] \
   && "$VENV_DIR/bin/python" -c 'import numpy, onnx, onnxruntime' >/dev/null 2>&1; then
  echo "venv: $VENV_DIR is up to date"
  exit 0
fi

if ! "$PYTHON" -c 'import venv, ensurepip' >/dev/null 2>&1; then
  echo "venv: $PYTHON lacks the venv/ensurepip modules; running scripts/bootstrap.sh (installs python3-venv)" >&2
  scripts/bootstrap.sh
fi

echo "venv: creating $VENV_DIR with $PYTHON ($py_version)"
rm -rf "$VENV_DIR"
"$PYTHON" -m venv "$VENV_DIR"
"$VENV_DIR/bin/python" -m pip install --disable-pip-version-check --no-input -q \
  --only-binary=:all: -r "$REQ"
"$VENV_DIR/bin/python" -c 'import numpy, onnx, onnxruntime; print("venv: numpy", numpy.__version__, "onnx", onnx.__version__, "onnxruntime", onnxruntime.__version__)'
echo "$want" >"$STAMP"
