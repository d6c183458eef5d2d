#!/usr/bin/env python3
"""Lists the ONNX backend test cases (Debian's libonnx-testdata) that use
only ops dlc compiles, one path per line, relative to the data root.

Usage: scripts/gen_backend_list.py [--dlc PATH] > test/e2e/backend_cases.txt
A case qualifies when every node of its model (main graph) has an op type of
dlc's op table (`dlc inspect --ops`, from the dlc given by --dlc, default
build/bin/dlc of this checkout), in the default domain, and no `op` or
`domain` rule of test/e2e/exclusions.txt (read through scripts/exclusions.py,
as scripts/suite_report.py does) matches it: an excluded op (random output,
training-only, sequences) stays out of the list even once dlc's table has
it. The `type` and `case` rules are not applied here: a case they exclude
whose ops dlc compiles (test_identity_sequence, the string casts, training
Dropout with a random mask) stays listed, and test/e2e/known_failures.txt
declares it failing, so CI checks that dlc refuses it cleanly. The list is
committed so CI needs no Python to select cases; rerun this when the op
table grows.
"""
import argparse
import os
import subprocess
import sys

import onnx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import exclusions  # noqa: E402  (scripts/exclusions.py)

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = "/usr/share/libonnx-testdata/data"
SUITES = ["node", "pytorch-converted", "pytorch-operator", "simple"]


def table_ops(dlc):
    """The op types of `dlc inspect --ops` (lines "OP V1,V2,...")."""
    out = subprocess.run([dlc, "inspect", "--ops"], check=True,
                         capture_output=True, text=True).stdout
    return {line.split(" ", 1)[0] for line in out.splitlines()}


def main():
    parser = argparse.ArgumentParser(
        description="Lists the ONNX backend test cases that use only ops "
                    "dlc compiles.")
    parser.add_argument("--dlc", default=os.path.join(REPO, "build/bin/dlc"),
                        help="the dlc whose op table to use "
                             "(default: build/bin/dlc of this checkout)")
    ops = table_ops(parser.parse_args().dlc)
    rules = exclusions.load()
    for suite in SUITES:
        base = os.path.join(ROOT, suite)
        for case in sorted(os.listdir(base)):
            path = os.path.join(base, case, "model.onnx")
            if not os.path.exists(path):
                continue
            model = onnx.load(path, load_external_data=False)
            used = {(n.domain, n.op_type) for n in model.graph.node}
            if used and all(d in ("", "ai.onnx") and t in ops
                            for d, t in used) and not exclusions.match(
                                rules, case, exclusions.facts(model),
                                kinds=("op", "domain")):
                print(f"{suite}/{case}")


if __name__ == "__main__":
    sys.exit(main())
