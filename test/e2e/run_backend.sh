#!/usr/bin/env bash
# Runs one shard of the ONNX backend cases through `dlc test`.
#
# usage: run_backend.sh DLC CASES_FILE KNOWN_FAILURES_FILE SHARD NUM_SHARDS
#
# Every case in CASES_FILE (paths relative to Debian's libonnx-testdata data
# directory) must pass, except those listed in KNOWN_FAILURES_FILE, which
# must still fail: a known failure that starts passing is reported so the
# list stays honest.
set -euo pipefail

dlc=$1 cases=$2 known=$3 shard=$4 shards=$5
root=${DLC_ONNX_TESTDATA:-/usr/share/libonnx-testdata/data}
if [[ ! -d $root ]]; then
  echo "error: $root is missing (install libonnx-testdata)" >&2
  exit 1
fi

declare -A expected_failure=()
while read -r case_path _; do
  expected_failure[$case_path]=1
done < <(grep -v '^\s*#' "$known" | grep -v '^\s*$')

to_pass=() to_fail=() index=0
while read -r case_path; do
  if (( index++ % shards == shard )); then
    if [[ -n ${expected_failure[$case_path]:-} ]]; then
      to_fail+=("$root/$case_path")
    else
      to_pass+=("$root/$case_path")
    fi
  fi
done < <(grep -v '^\s*#' "$cases" | grep -v '^\s*$')

status=0
echo "== ${#to_pass[@]} cases that must pass"
if (( ${#to_pass[@]} )) && ! "$dlc" test "${to_pass[@]}"; then
  status=1
fi
echo "== ${#to_fail[@]} known failures (test/e2e/known_failures.txt)"
for case_dir in "${to_fail[@]}"; do
  if "$dlc" test "$case_dir" > /dev/null 2>&1; then
    echo "STALE ${case_dir#"$root"/} passes now: remove it from known_failures.txt"
    status=1
  else
    echo "still failing: ${case_dir#"$root"/}"
  fi
done
exit $status
