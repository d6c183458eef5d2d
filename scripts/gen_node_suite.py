#!/usr/bin/env python3
"""Writes the node test cases of the installed `onnx` package (pinned in
requirements-test.txt) in the ONNX backend-test layout.

The onnx wheel ships the case generators (onnx.backend.test.case.node), not
their data. This script runs them (`collect_testcases()`) and writes, for
every case:

    DIR/<case>/model.onnx
    DIR/<case>/test_data_set_0/input_<i>.pb    TensorProto (SequenceProto,
    DIR/<case>/test_data_set_0/output_<i>.pb   OptionalProto, MapProto for
                                               those graph input/output types)

Usage (from the repo root, after scripts/venv.sh):

    .venv/bin/python scripts/gen_node_suite.py [--out DIR] [--force]

DIR defaults to ${XDG_CACHE_HOME:-~/.cache}/dlc/onnx-node-<onnx version>,
outside git. A complete DIR has DIR/.complete (the onnx version, the case
count, the re-stamped and above-21 cases); when it matches, nothing is
written. Otherwise the suite is written to DIR.tmp and renamed to DIR.

Opset re-stamping: dlc compiles opsets up to 21. A case whose model imports
the default domain at an opset above 21 is re-stamped to 21 (default-domain
opset 21, IR version 10, the IR of opset 21) when the re-stamped model
passes onnx.checker.check_model(full_check=True): its op and types exist at
opset 21, so the case tests the opset-21 definition with the same data.
Otherwise it is left as it was. DIR/restamped.txt lists the re-stamped cases
(`case FROM_OPSET`), DIR/above21.txt the ones left above 21 (`case OPSET
reason`).

Deterministic: the generators seed numpy before each export, cases are
written in name order and protos are serialized deterministically, so a
rerun with the same package versions gives the same bytes.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import pathlib
import shutil
import sys
import warnings

import onnx
from onnx import TensorProto, numpy_helper

MAX_OPSET = 21
IR_AT_MAX_OPSET = onnx.helper.find_min_ir_version_for(
    [onnx.helper.make_opsetid("", MAX_OPSET)])
STAMP = ".complete"


def default_out() -> pathlib.Path:
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return pathlib.Path(cache) / "dlc" / f"onnx-node-{onnx.__version__}"


def default_opset(model: onnx.ModelProto) -> int | None:
    for imp in model.opset_import:
        if imp.domain in ("", "ai.onnx"):
            return imp.version
    return None


def restamp(model: onnx.ModelProto) -> tuple[onnx.ModelProto | None, str]:
    """The model at opset MAX_OPSET if valid there, else (None, reason)."""
    m = onnx.ModelProto()
    m.CopyFrom(model)
    for imp in m.opset_import:
        if imp.domain in ("", "ai.onnx"):
            imp.version = MAX_OPSET
    m.ir_version = min(m.ir_version, IR_AT_MAX_OPSET)
    try:
        onnx.checker.check_model(m, full_check=True)
    except Exception as e:  # checker / shape-inference errors
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        return None, first
    return m, ""


def to_proto(value, type_proto: onnx.TypeProto, name: str):
    """The proto of one input/output value, by the graph's declared type."""
    if type_proto.HasField("map_type"):
        return numpy_helper.from_dict(value, name)
    if type_proto.HasField("sequence_type"):
        return numpy_helper.from_list(value, name)
    if type_proto.HasField("optional_type"):
        return numpy_helper.from_optional(value, name)
    if isinstance(value, TensorProto):
        return value
    return numpy_helper.from_array(value, name)


def write(path: pathlib.Path, proto) -> None:
    path.write_bytes(proto.SerializeToString(deterministic=True))


def collect():
    # The generators print and warn (divide by zero, deprecations): keep the
    # output of this script to its own lines.
    from onnx.backend.test.case.node import collect_testcases
    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")
        cases = collect_testcases()
    return sorted(cases, key=lambda c: c.name)


def generate(out: pathlib.Path) -> dict:
    cases = collect()
    names = [c.name for c in cases]
    if len(set(names)) != len(names):
        raise SystemExit("gen_node_suite: duplicate case names")
    restamped, above = [], []
    for case in cases:
        model = case.model
        opset = default_opset(model)
        if opset is not None and opset > MAX_OPSET:
            new, reason = restamp(model)
            if new is not None:
                model = new
                restamped.append((case.name, opset))
            else:
                above.append((case.name, opset, reason))
        if (case.rtol, case.atol) != (1e-3, 1e-7):
            # Not the case for onnx 1.23 (checked); suite_report.py assumes it.
            raise SystemExit(f"gen_node_suite: {case.name} has tolerances "
                             f"rtol={case.rtol} atol={case.atol}")
        cdir = out / case.name
        ddir = cdir / "test_data_set_0"
        ddir.mkdir(parents=True)
        write(cdir / "model.onnx", model)
        assert len(case.data_sets) == 1
        inputs, outputs = case.data_sets[0]
        g = case.model.graph
        for j, value in enumerate(inputs):
            write(ddir / f"input_{j}.pb", to_proto(value, g.input[j].type, g.input[j].name))
        for j, value in enumerate(outputs):
            write(ddir / f"output_{j}.pb", to_proto(value, g.output[j].type, g.output[j].name))
    (out / "restamped.txt").write_text(
        "".join(f"{n} {v}\n" for n, v in restamped))
    (out / "above21.txt").write_text(
        "".join(f"{n} {v} {r}\n" for n, v, r in above))
    return {"onnx": onnx.__version__, "cases": len(cases),
            "restamped": len(restamped), "above_21": len(above)}


def main() -> int:
    parser = argparse.ArgumentParser(
        description="Writes the onnx package's node test cases in the "
                    "backend-test layout.")
    parser.add_argument("--out", type=pathlib.Path, default=default_out(),
                        help="output directory (default: %(default)s)")
    parser.add_argument("--force", action="store_true",
                        help="rewrite even if DIR is complete")
    args = parser.parse_args()
    out = args.out.resolve()
    stamp = out / STAMP
    if not args.force and stamp.exists():
        info = json.loads(stamp.read_text())
        if info.get("onnx") == onnx.__version__:
            print(f"gen_node_suite: {out} is complete ({info['cases']} cases, "
                  f"onnx {info['onnx']}, {info['restamped']} re-stamped to "
                  f"opset {MAX_OPSET}, {info['above_21']} above {MAX_OPSET})")
            return 0
    tmp = out.with_name(out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    info = generate(tmp)
    (tmp / STAMP).write_text(json.dumps(info, sort_keys=True) + "\n")
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)
    print(f"gen_node_suite: wrote {info['cases']} cases (onnx {info['onnx']}) "
          f"to {out}: {info['restamped']} re-stamped to opset {MAX_OPSET}, "
          f"{info['above_21']} above {MAX_OPSET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
