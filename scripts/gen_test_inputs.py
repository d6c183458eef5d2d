#!/usr/bin/env python3
"""Generate the tiny ONNX models and TensorProto files used by dlc's lit tests.

Everything is written under test/Inputs/ and committed, so the lit tests need
no Python. Deterministic: the same package versions (requirements-test.txt)
give byte-identical files; every value is written out by hand, nothing is
random.

Usage (from the repo root, after scripts/venv.sh):

    .venv/bin/python scripts/gen_test_inputs.py            # (re)write test/Inputs/
    .venv/bin/python scripts/gen_test_inputs.py --check    # regenerate in a temp dir, compare

Files (all in test/Inputs/):

  add_relu.onnx          x, y: float32[2,3] -> out = Relu(Add(x, y))   (the --emit stages)
  add_relu_truncated.onnx  the first half of add_relu.onnx's bytes    (does not parse)
  not_onnx.txt           a text file                                  (does not parse)
  sub.onnx               a, b: float32[2,3] -> out = Sub(a, b)      (not commutative: dlc run
                         tells matching by name from matching by position)
  sub/                   TensorProtos for sub.onnx:
    a.pb, b.pb             named 'a' and 'b'
    p0.pb, p1.pb           unnamed (matched by position)
    zero.pb                unnamed zeros
    a_minus_b.pb           expected out for (a, b); named 'out'
    b_minus_a.pb           expected out for (b, a)
    p0_minus_p1.pb         expected out for (p0, p1)
    a_f64.pb               named 'a', float64[2,3]                   (wrong dtype)
    a_3x2.pb               named 'a', float32[3,2]                   (wrong shape)
  mystery.onnx           Relu, then a node 'mystery_node' of op type 'NotAnOp'
  dangling.onnx          node 'reader' (Relu) reads 'ghost', which nothing produces
  dynamic.onnx           x: float32[batch,3] -> out = Relu(x)        (a dim_param)
  dynamic/x_2x3.pb, dynamic/relu_2x3.pb, dynamic/x_5x3.pb, dynamic/relu_5x3.pb
  dynamic_add.onnx       a: float32[n,3], b: float32[m,3] -> out = a + b
                         (two unrelated symbolic dims that meet at run time)
  dynamic_add/a_5x3.pb, dynamic_add/b_5x3.pb, dynamic_add/b_1x3.pb,
  dynamic_add/x_plus_x_5x3.pb
  dynamic_bias.onnx      x: float32[batch,3] -> out = x + b (b a [3] initializer)
  dynamic_bias/x_plus_b_5x3.pb
  dynamic_conv.onnx      x: float32[batch,1,4,4] -> Conv with a 3x3 filter of ones
  dynamic_conv/x_<n>.pb, dynamic_conv/out_<n>.pb   batch n = 1, 2, 5
  dynamic_embed.onnx     ids: int64[batch,seq] -> token + position embeddings (Gather, Shape,
                         Range, Slice to seq, Expand over batch); negative ids wrap
  dynamic_embed/ids_<b>x<t>.pb, dynamic_embed/out_<b>x<t>.pb   (1, 3) and (2, 8)
  dynamic_reshape.onnx   x: float32[n] -> Reshape to [-1, 2] (the count meets only at run time)
  dynamic_reshape/x_6.pb, dynamic_reshape/out_3x2.pb, dynamic_reshape/x_5.pb (odd: an error)
  dynamic_concat.onnx    a: float32[n,3], b: float32[m,2] -> Concat on axis 1 (n, m must agree)
  dynamic_concat/b_5x2.pb, dynamic_concat/b_4x2.pb, dynamic_concat/out_5x5.pb (with dynamic_add/a_5x3.pb)
  external/secret.bin    16 bytes: 4 float32s, outside every model directory below
  external/ok/           model.onnx + weights.bin: out = Add(x, w), w external (location
                         'weights.bin'); x.pb, out.pb
  external/escape/       model.onnx whose initializer's location is '../secret.bin'
  external/absolute/     model.onnx whose initializer's location is '/etc/passwd'
  cases/good_sub/        backend-test layout: model.onnx (sub) + test_data_set_0/
  cases/bad_sub/         the same with a deliberately wrong output_0.pb
  cases/dynamic_relu/    dynamic.onnx with data sets of batch 2 and 5
"""

from __future__ import annotations

import argparse
import filecmp
import pathlib
import sys
import tempfile

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 17
IR_VERSION = 8  # readable by Debian's libonnx 1.12
PRODUCER = "dlc scripts/gen_test_inputs.py"

REPO = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "test" / "Inputs"


# --------------------------------------------------------------------------- helpers


def f32(name: str, shape: list) -> onnx.ValueInfoProto:
    return helper.make_tensor_value_info(name, TensorProto.FLOAT, shape)


def model(nodes, name, inputs, outputs, initializers=(), check=True) -> onnx.ModelProto:
    graph = helper.make_graph(nodes, name, inputs, outputs, initializer=list(initializers))
    m = helper.make_model(
        graph,
        producer_name=PRODUCER,
        producer_version="1",
        opset_imports=[helper.make_opsetid("", OPSET)],
    )
    m.ir_version = IR_VERSION
    if check:
        onnx.checker.check_model(m, full_check=True)
    return m


def tensor(arr: np.ndarray, name: str = "") -> bytes:
    return numpy_helper.from_array(np.ascontiguousarray(arr), name).SerializeToString()


def run_ort(m: onnx.ModelProto, feeds: dict) -> list:
    """Cross-checks a hand-computed reference with onnxruntime."""
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    sess = ort.InferenceSession(m.SerializeToString(), opts, providers=["CPUExecutionProvider"])
    return sess.run(None, feeds)


class Writer:
    def __init__(self, root: pathlib.Path):
        self.root = root

    def write(self, rel: str, data: bytes) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


# --------------------------------------------------------------------------- models

X = np.array([[1.0, -2.0, 3.0], [-4.0, 5.0, -6.0]], dtype=np.float32)
Y = np.array([[0.5, 0.5, -4.0], [1.0, -1.0, 7.0]], dtype=np.float32)
A = np.array([[10.0, 20.0, 30.0], [40.0, 50.0, 60.0]], dtype=np.float32)
B = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], dtype=np.float32)
P0 = np.array([[7.0, 8.0, 9.0], [10.0, 11.0, 12.0]], dtype=np.float32)
P1 = np.array([[0.25, 0.5, 0.75], [1.0, 1.25, 1.5]], dtype=np.float32)
W = np.array([1.5, -2.5, 3.5, -4.5], dtype=np.float32)


def make_add_relu() -> onnx.ModelProto:
    nodes = [
        helper.make_node("Add", ["x", "y"], ["sum"], name="add"),
        helper.make_node("Relu", ["sum"], ["out"], name="relu"),
    ]
    return model(nodes, "add_relu", [f32("x", [2, 3]), f32("y", [2, 3])], [f32("out", [2, 3])])


def make_sub() -> onnx.ModelProto:
    nodes = [helper.make_node("Sub", ["a", "b"], ["out"], name="sub")]
    return model(nodes, "sub", [f32("a", [2, 3]), f32("b", [2, 3])], [f32("out", [2, 3])])


def make_mystery() -> onnx.ModelProto:
    nodes = [
        helper.make_node("Relu", ["x"], ["r"], name="relu"),
        helper.make_node("NotAnOp", ["r"], ["out"], name="mystery_node"),
    ]
    # The checker rejects an unknown op: do not run it.
    return model(nodes, "mystery", [f32("x", [2, 3])], [f32("out", [2, 3])], check=False)


def make_dangling() -> onnx.ModelProto:
    nodes = [helper.make_node("Relu", ["ghost"], ["out"], name="reader")]
    return model(nodes, "dangling", [f32("x", [2, 3])], [f32("out", [2, 3])], check=False)


def make_dynamic() -> onnx.ModelProto:
    nodes = [helper.make_node("Relu", ["x"], ["out"], name="relu")]
    return model(nodes, "dynamic", [f32("x", ["batch", 3])], [f32("out", ["batch", 3])])


def make_dynamic_bias() -> onnx.ModelProto:
    b = numpy_helper.from_array(np.array([0.5, -1.0, 2.0], np.float32), "b")
    nodes = [helper.make_node("Add", ["x", "b"], ["out"], name="bias")]
    return model(nodes, "dynamic_bias", [f32("x", ["batch", 3])],
                 [f32("out", ["batch", 3])], initializers=[b])


def make_dynamic_conv() -> onnx.ModelProto:
    w = numpy_helper.from_array(np.ones((1, 1, 3, 3), np.float32), "w")
    nodes = [helper.make_node("Conv", ["x", "w"], ["out"], name="conv")]
    return model(nodes, "dynamic_conv", [f32("x", ["batch", 1, 4, 4])],
                 [f32("out", ["batch", 1, 2, 2])], initializers=[w])


def make_dynamic_reshape() -> onnx.ModelProto:
    shape = numpy_helper.from_array(np.array([-1, 2], np.int64), "shape")
    nodes = [helper.make_node("Reshape", ["x", "shape"], ["out"], name="pairs")]
    return model(nodes, "dynamic_reshape", [f32("x", ["n"])], [f32("out", ["half", 2])],
                 initializers=[shape])


def make_dynamic_concat() -> onnx.ModelProto:
    nodes = [helper.make_node("Concat", ["a", "b"], ["out"], name="join", axis=1)]
    return model(nodes, "dynamic_concat", [f32("a", ["n", 3]), f32("b", ["m", 2])],
                 [f32("out", ["n", 5])])


EMBED_W = (np.arange(15, dtype=np.float32).reshape(5, 3) - 7.0) / 4.0
EMBED_P = (np.arange(24, dtype=np.float32).reshape(8, 3) % 5.0) / 8.0


def make_dynamic_embed() -> onnx.ModelProto:
    """ids: int64[batch, seq] -> W[ids] + P[0:seq] (broadcast over batch), as
    exporters write position embeddings: Shape, Gather, Range, Slice, Expand."""
    i64 = lambda name, v: numpy_helper.from_array(np.array(v, np.int64), name)
    nodes = [
        helper.make_node("Gather", ["W", "ids"], ["tok"], name="tokens", axis=0),
        helper.make_node("Shape", ["ids"], ["shape"], name="shape"),
        helper.make_node("Gather", ["shape", "one"], ["seq"], name="seq", axis=0),
        helper.make_node("Range", ["zero", "seq", "one"], ["positions"], name="range"),
        helper.make_node("Slice", ["P", "zeros", "seq1"], ["table"], name="table"),
        helper.make_node("Unsqueeze", ["seq", "zeros"], ["seq1"], name="seq1"),
        helper.make_node("Gather", ["table", "positions"], ["pos"], name="positions_embed",
                         axis=0),
        helper.make_node("Expand", ["pos", "shape3"], ["pos_b"], name="expand"),
        helper.make_node("Concat", ["shape", "three"], ["shape3"], name="shape3", axis=0),
        helper.make_node("Add", ["tok", "pos_b"], ["out"], name="sum"),
    ]
    inits = [numpy_helper.from_array(EMBED_W, "W"), numpy_helper.from_array(EMBED_P, "P"),
             i64("zero", 0), i64("one", 1), i64("zeros", [0]), i64("three", [3])]
    # Topological order for the checker: Unsqueeze before Slice, Concat before Expand.
    order = [0, 1, 2, 3, 5, 4, 6, 8, 7, 9]
    return model([nodes[i] for i in order], "dynamic_embed",
                 [helper.make_tensor_value_info("ids", TensorProto.INT64, ["batch", "seq"])],
                 [f32("out", ["batch", "seq", 3])], initializers=inits)


def conv3x3_ones(x: np.ndarray) -> np.ndarray:
    """Conv of [N,1,H,W] with a 3x3 filter of ones, no padding."""
    n, _, h, w = x.shape
    out = np.zeros((n, 1, h - 2, w - 2), np.float32)
    for i in range(h - 2):
        for j in range(w - 2):
            out[:, 0, i, j] = x[:, 0, i:i + 3, j:j + 3].sum(axis=(1, 2))
    return out


def make_dynamic_add() -> onnx.ModelProto:
    nodes = [helper.make_node("Add", ["a", "b"], ["out"], name="add%1")]
    return model(nodes, "dynamic_add", [f32("a", ["n", 3]), f32("b", ["m", 3])],
                 [f32("out", ["n", 3])])


def make_external(location: str) -> onnx.ModelProto:
    """out = Add(x, w), w: float32[4] stored as external data at `location`."""
    w = TensorProto()
    w.name = "w"
    w.data_type = TensorProto.FLOAT
    w.dims.extend([4])
    w.data_location = TensorProto.EXTERNAL
    for key, value in (("location", location), ("offset", "0"), ("length", "16")):
        entry = w.external_data.add()
        entry.key = key
        entry.value = value
    nodes = [helper.make_node("Add", ["x", "w"], ["out"], name="add")]
    return model(nodes, "external", [f32("x", [4])], [f32("out", [4])], [w], check=False)


# --------------------------------------------------------------------------- write


def make_malformed() -> dict:
    """Graphs whose shapes or inputs contradict the op: each must give a
    clear error naming the node, never a crash."""
    mm = model(
        [helper.make_node("MatMul", ["a", "b"], ["out"], name="mm")],
        "matmul_k_mismatch", [f32("a", [2, 3]), f32("b", [4, 5])],
        [f32("out", [2, 5])], check=False)
    conv = model(
        [helper.make_node("Conv", ["x", "w"], ["out"], name="conv")],
        "conv_channels", [f32("x", [1, 3, 8, 8]), f32("w", [4, 2, 3, 3])],
        [f32("out", [1, 4, 6, 6])], check=False)
    big = model(
        [helper.make_node("Conv", ["x", "w"], ["out"], name="bigconv")],
        "conv_kernel_too_large", [f32("x", [1, 1, 2, 2]), f32("w", [1, 1, 3, 3])],
        [f32("out", [1, 1, 1, 1])], check=False)
    gemm = model(
        [helper.make_node("Gemm", ["a", "", "c"], ["out"], name="gemm")],
        "gemm_missing_b", [f32("a", [2, 3]), f32("c", [2, 4])],
        [f32("out", [2, 4])], check=False)
    bias = model(
        [helper.make_node("Gemm", ["a", "b", "c"], ["out"], name="gemm_bias")],
        "gemm_bad_bias", [f32("a", [2, 3]), f32("b", [3, 4]), f32("c", [3])],
        [f32("out", [2, 4])], check=False)
    return {"matmul_k_mismatch": mm, "conv_channels": conv,
            "conv_kernel_too_large": big, "gemm_missing_b": gemm,
            "gemm_bad_bias": bias}


def generate(root: pathlib.Path) -> None:
    out = Writer(root)

    # add_relu (+ a truncated copy) and a text file that is no model.
    add_relu = make_add_relu()
    data = add_relu.SerializeToString()
    out.write("add_relu.onnx", data)
    half = data[: len(data) // 2]
    try:
        onnx.load_model_from_string(half)
    except Exception:
        pass
    else:
        raise SystemExit("the truncated model parses; pick another cut")
    out.write("add_relu_truncated.onnx", half)
    out.write("not_onnx.txt", b"This is a text file, not an ONNX model.\n")
    expected = np.maximum(X + Y, 0)
    (ort_out,) = run_ort(add_relu, {"x": X, "y": Y})
    np.testing.assert_allclose(ort_out, expected, rtol=0, atol=0)
    out.write("add_relu/x.pb", tensor(X, "x"))
    out.write("add_relu/y.pb", tensor(Y, "y"))
    out.write("add_relu/out.pb", tensor(expected, "out"))

    # sub: name versus position.
    sub = make_sub()
    out.write("sub.onnx", sub.SerializeToString())
    (ort_out,) = run_ort(sub, {"a": A, "b": B})
    np.testing.assert_allclose(ort_out, A - B, rtol=0, atol=0)
    out.write("sub/a.pb", tensor(A, "a"))
    out.write("sub/b.pb", tensor(B, "b"))
    out.write("sub/p0.pb", tensor(P0))
    out.write("sub/p1.pb", tensor(P1))
    out.write("sub/zero.pb", tensor(np.zeros((2, 3), np.float32)))
    out.write("sub/a_minus_b.pb", tensor(A - B, "out"))
    out.write("sub/b_minus_a.pb", tensor(B - A, "out"))
    out.write("sub/p0_minus_p1.pb", tensor(P0 - P1, "out"))
    out.write("sub/a_f64.pb", tensor(A.astype(np.float64), "a"))
    out.write("sub/a_3x2.pb", tensor(A.reshape(3, 2), "a"))

    # Bad graphs.
    out.write("mystery.onnx", make_mystery().SerializeToString())
    out.write("dangling.onnx", make_dangling().SerializeToString())

    for name, m in make_malformed().items():
        out.write(f"malformed/{name}.onnx", m.SerializeToString())

    # A symbolic dimension.
    dynamic = make_dynamic()
    out.write("dynamic.onnx", dynamic.SerializeToString())
    out.write("dynamic/x_2x3.pb", tensor(X, "x"))
    out.write("dynamic/relu_2x3.pb", tensor(np.maximum(X, 0), "out"))
    X5 = np.arange(-7.0, 8.0, dtype=np.float32).reshape(5, 3)
    out.write("dynamic/x_5x3.pb", tensor(X5, "x"))
    out.write("dynamic/relu_5x3.pb", tensor(np.maximum(X5, 0), "out"))
    out.write("dynamic_add.onnx", make_dynamic_add().SerializeToString())
    out.write("dynamic_conv.onnx", make_dynamic_conv().SerializeToString())
    for n in (1, 2, 5):
        xc = np.arange(n * 16, dtype=np.float32).reshape(n, 1, 4, 4) - 8.0
        out.write(f"dynamic_conv/x_{n}.pb", tensor(xc, "x"))
        out.write(f"dynamic_conv/out_{n}.pb", tensor(conv3x3_ones(xc), "out"))
    out.write("dynamic_embed.onnx", make_dynamic_embed().SerializeToString())
    for b, t in ((1, 3), (2, 8)):
        ids = (np.arange(b * t, dtype=np.int64).reshape(b, t) * 3) % 7 - 2  # some negative
        out.write(f"dynamic_embed/ids_{b}x{t}.pb", tensor(ids, "ids"))
        ref = EMBED_W[np.where(ids < 0, ids + 5, ids)] + EMBED_P[:t][None]
        out.write(f"dynamic_embed/out_{b}x{t}.pb", tensor(ref.astype(np.float32), "out"))
    out.write("dynamic_reshape.onnx", make_dynamic_reshape().SerializeToString())
    x6 = np.arange(6, dtype=np.float32)
    out.write("dynamic_reshape/x_6.pb", tensor(x6, "x"))
    out.write("dynamic_reshape/out_3x2.pb", tensor(x6.reshape(3, 2), "out"))
    out.write("dynamic_reshape/x_5.pb", tensor(x6[:5], "x"))
    out.write("dynamic_concat.onnx", make_dynamic_concat().SerializeToString())
    out.write("dynamic_concat/b_5x2.pb", tensor(X5[:, :2], "b"))
    out.write("dynamic_concat/b_4x2.pb", tensor(X5[:4, :2], "b"))
    out.write("dynamic_concat/out_5x5.pb",
              tensor(np.concatenate([X5, X5[:, :2]], axis=1), "out"))
    out.write("dynamic_bias.onnx", make_dynamic_bias().SerializeToString())
    out.write("dynamic_bias/x_plus_b_5x3.pb",
              tensor(X5 + np.array([0.5, -1.0, 2.0], np.float32), "out"))
    out.write("dynamic_add/a_5x3.pb", tensor(X5, "a"))
    out.write("dynamic_add/b_5x3.pb", tensor(X5, "b"))
    out.write("dynamic_add/b_1x3.pb", tensor(X5[:1], "b"))
    out.write("dynamic_add/x_plus_x_5x3.pb", tensor(X5 + X5, "out"))

    # External data: one valid model, two whose location escapes its directory.
    out.write("external/secret.bin", W.tobytes())
    ok = make_external("weights.bin")
    out.write("external/ok/model.onnx", ok.SerializeToString())
    out.write("external/ok/weights.bin", W.tobytes())
    xe = np.array([1.0, 1.0, 1.0, 1.0], dtype=np.float32)
    out.write("external/ok/x.pb", tensor(xe, "x"))
    out.write("external/ok/out.pb", tensor(xe + W, "out"))
    out.write("external/escape/model.onnx", make_external("../secret.bin").SerializeToString())
    out.write("external/absolute/model.onnx", make_external("/etc/passwd").SerializeToString())

    # Backend-test layout.
    for case, want in (("good_sub", A - B), ("bad_sub", A - B + 1.0)):
        out.write(f"cases/{case}/model.onnx", sub.SerializeToString())
        out.write(f"cases/{case}/test_data_set_0/input_0.pb", tensor(A, "a"))
        out.write(f"cases/{case}/test_data_set_0/input_1.pb", tensor(B, "b"))
        out.write(f"cases/{case}/test_data_set_0/output_0.pb", tensor(want, "out"))
    out.write("cases/dynamic_relu/model.onnx", dynamic.SerializeToString())
    for i, x in enumerate((X, X5)):
        out.write(f"cases/dynamic_relu/test_data_set_{i}/input_0.pb", tensor(x, "x"))
        out.write(f"cases/dynamic_relu/test_data_set_{i}/output_0.pb",
                  tensor(np.maximum(x, 0), "out"))


def files_under(root: pathlib.Path) -> set:
    return {p.relative_to(root) for p in root.rglob("*") if p.is_file()}


def check(root: pathlib.Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        fresh = pathlib.Path(tmp)
        generate(fresh)
        bad = 0
        for rel in sorted(files_under(fresh)):
            if not (root / rel).is_file() or not filecmp.cmp(fresh / rel, root / rel, shallow=False):
                print(f"differs or missing: {root / rel}")
                bad += 1
        print("ok" if not bad else f"{bad} file(s) differ")
        return 1 if bad else 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=pathlib.Path, default=DEFAULT_OUT,
                        help="output directory (default: test/Inputs)")
    parser.add_argument("--check", action="store_true",
                        help="do not write; verify that --out matches a fresh generation")
    args = parser.parse_args(argv)
    if args.check:
        return check(args.out)
    generate(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
