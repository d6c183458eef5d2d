#!/usr/bin/env python3
"""Lists the ONNX backend test cases (Debian's libonnx-testdata) that use
only ops dlc's issue #2 covers, one path per line, relative to the data root.

Usage: scripts/gen_backend_list.py > test/e2e/backend_cases.txt
A case qualifies when every node of its model (main graph) has one of the
ops below, in the default domain. The list is committed so CI needs no
Python to select cases; rerun this when the op set grows.
"""
import os
import sys

import onnx

ROOT = "/usr/share/libonnx-testdata/data"
SUITES = ["node", "pytorch-converted", "pytorch-operator", "simple"]
OPS = set("""Add Sub Mul Div Neg Abs Sqrt Exp Log Pow Reciprocal Relu LeakyRelu
Sigmoid HardSigmoid HardSwish Tanh Erf Softmax LogSoftmax MatMul Gemm Conv
MaxPool AveragePool GlobalAveragePool BatchNormalization LayerNormalization
Flatten Reshape Transpose Concat Identity Constant Cast Clip Dropout Squeeze
Unsqueeze ReduceSum ReduceMean ReduceMax""".split())


def main():
    for suite in SUITES:
        base = os.path.join(ROOT, suite)
        for case in sorted(os.listdir(base)):
            path = os.path.join(base, case, "model.onnx")
            if not os.path.exists(path):
                continue
            model = onnx.load(path, load_external_data=False)
            ops = {(n.domain, n.op_type) for n in model.graph.node}
            if ops and all(d in ("", "ai.onnx") and t in OPS for d, t in ops):
                print(f"{suite}/{case}")


if __name__ == "__main__":
    sys.exit(main())
