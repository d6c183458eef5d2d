#!/usr/bin/env python3
"""Generate dlc's bundled ONNX models with random (seeded) weights.

Every model is written in the ONNX backend-test layout:

    models/<name>/model.onnx
    models/<name>/test_data_set_<n>/input_<i>.pb    (TensorProto, named like the graph input)
    models/<name>/test_data_set_<n>/output_<i>.pb   (TensorProto, computed with onnxruntime)

Models with symbolic dims have one data set per size they are tested at.

Deterministic: the same package versions (requirements-test.txt) give
byte-identical files. Reference outputs are computed by onnxruntime with one
thread and then cross-checked against onnx.reference.ReferenceEvaluator.

Usage (from the repo root, after scripts/venv.sh):

    .venv/bin/python scripts/gen_models.py                 # all models into models/
    .venv/bin/python scripts/gen_models.py cnn mlp         # only some
    .venv/bin/python scripts/gen_models.py --check         # regenerate in a temp dir and
                                                           # compare with what is in models/
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
IR_VERSION = 8  # the IR version of opset 17 (ONNX 1.12, Debian's libonnx)
PRODUCER = "dlc scripts/gen_models.py"

REPO = pathlib.Path(__file__).resolve().parent.parent


# --------------------------------------------------------------------------- helpers


class Builder:
    """Collects nodes and initializers of one graph."""

    def __init__(self, seed: int):
        self.rng = np.random.default_rng(seed)
        self.nodes: list[onnx.NodeProto] = []
        self.inits: list[onnx.TensorProto] = []

    def init(self, name: str, arr: np.ndarray) -> str:
        self.inits.append(numpy_helper.from_array(np.ascontiguousarray(arr), name))
        return name

    def he(self, name: str, shape: tuple[int, ...], fan_in: int) -> str:
        """He-normal weights: keeps activations O(1) through Relu layers."""
        w = self.rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)
        return self.init(name, w.astype(np.float32))

    def bias(self, name: str, n: int, scale: float = 0.05) -> str:
        return self.init(name, (self.rng.standard_normal(n) * scale).astype(np.float32))

    def node(self, op: str, inputs: list[str], output: str, **attrs) -> str:
        self.nodes.append(helper.make_node(op, inputs, [output], name=output, **attrs))
        return output

    def model(self, name: str, doc: str, inputs, outputs) -> onnx.ModelProto:
        graph = helper.make_graph(self.nodes, name, inputs, outputs, initializer=self.inits)
        graph.doc_string = doc
        m = helper.make_model(
            graph,
            producer_name=PRODUCER,
            producer_version="1",
            opset_imports=[helper.make_opsetid("", OPSET)],
        )
        m.ir_version = IR_VERSION
        m.model_version = 1
        m.doc_string = doc
        onnx.checker.check_model(m, full_check=True)
        return m


def f32(name: str, shape: list[int]) -> onnx.ValueInfoProto:
    return helper.make_tensor_value_info(name, TensorProto.FLOAT, shape)


# --------------------------------------------------------------------------- models


def make_cnn():
    """Small CNN classifier, image [1,3,32,32] -> probs [1,10]."""
    b = Builder(seed=1)
    x = "image"
    x = b.node("Conv", [x, b.he("conv1.weight", (16, 3, 3, 3), 3 * 9), b.bias("conv1.bias", 16)],
               "conv1", kernel_shape=[3, 3], pads=[1, 1, 1, 1], strides=[1, 1])
    x = b.node("Relu", [x], "relu1")
    x = b.node("MaxPool", [x], "pool1", kernel_shape=[2, 2], strides=[2, 2])
    x = b.node("Conv", [x, b.he("conv2.weight", (32, 16, 3, 3), 16 * 9), b.bias("conv2.bias", 32)],
               "conv2", kernel_shape=[3, 3], pads=[1, 1, 1, 1], strides=[1, 1])
    x = b.node("Relu", [x], "relu2")
    x = b.node("MaxPool", [x], "pool2", kernel_shape=[2, 2], strides=[2, 2])
    x = b.node("Flatten", [x], "flatten", axis=1)
    x = b.node("Gemm", [x, b.he("fc1.weight", (64, 2048), 2048), b.bias("fc1.bias", 64)],
               "fc1", transB=1)
    x = b.node("Relu", [x], "relu3")
    x = b.node("Gemm", [x, b.he("fc2.weight", (10, 64), 64), b.bias("fc2.bias", 10)],
               "fc2", transB=1)
    b.node("Softmax", [x], "probs", axis=1)
    model = b.model(
        "cnn",
        "Small CNN classifier: Conv-Relu-MaxPool x2, Flatten, Gemm-Relu-Gemm, Softmax. "
        "Random He-normal weights (seed 1).",
        [f32("image", [1, 3, 32, 32])],
        [f32("probs", [1, 10])],
    )
    inputs = {"image": b.rng.standard_normal((1, 3, 32, 32)).astype(np.float32)}
    return model, [inputs]


def make_mlp():
    """MLP benchmark, x [64,512] -> 1024 -> 1024 -> 10 -> Softmax, MatMul+Add."""
    b = Builder(seed=2)
    dims = [512, 1024, 1024, 10]
    x = "x"
    for i, (din, dout) in enumerate(zip(dims[:-1], dims[1:]), start=1):
        # Weights stored [in, out] for MatMul.
        x = b.node("MatMul", [x, b.he(f"fc{i}.weight", (din, dout), din)], f"fc{i}.matmul")
        x = b.node("Add", [x, b.bias(f"fc{i}.bias", dout)], f"fc{i}")
        if i < len(dims) - 1:
            x = b.node("Relu", [x], f"relu{i}")
    b.node("Softmax", [x], "probs", axis=-1)
    model = b.model(
        "mlp",
        "MLP benchmark: batch 64, 512-1024-1024-10, MatMul+Add+Relu, Softmax. "
        "Random He-normal weights (seed 2).",
        [f32("x", [64, 512])],
        [f32("probs", [64, 10])],
    )
    inputs = {"x": b.rng.standard_normal((64, 512)).astype(np.float32)}
    return model, [inputs]


def make_resnet_block():
    """ResNet basic block + classifier head, NCHW [1,64,56,56] -> logits [1,10]."""
    b = Builder(seed=3)
    c = 64

    def bn(name: str, x: str) -> str:
        scale = b.init(f"{name}.scale", b.rng.uniform(0.5, 1.5, c).astype(np.float32))
        shift = b.init(f"{name}.bias", (b.rng.standard_normal(c) * 0.1).astype(np.float32))
        mean = b.init(f"{name}.mean", (b.rng.standard_normal(c) * 0.1).astype(np.float32))
        var = b.init(f"{name}.var", b.rng.uniform(0.5, 1.5, c).astype(np.float32))
        return b.node("BatchNormalization", [x, scale, shift, mean, var], name, epsilon=1e-5)

    x = "input"
    y = b.node("Conv", [x, b.he("conv1.weight", (c, c, 3, 3), c * 9)], "conv1",
               kernel_shape=[3, 3], pads=[1, 1, 1, 1], strides=[1, 1])
    y = bn("bn1", y)
    y = b.node("Relu", [y], "relu1")
    y = b.node("Conv", [y, b.he("conv2.weight", (c, c, 3, 3), c * 9)], "conv2",
               kernel_shape=[3, 3], pads=[1, 1, 1, 1], strides=[1, 1])
    y = bn("bn2", y)
    y = b.node("Add", [y, x], "residual")
    y = b.node("Relu", [y], "relu2")
    y = b.node("GlobalAveragePool", [y], "gap")
    y = b.node("Flatten", [y], "flatten", axis=1)
    b.node("Gemm", [y, b.he("fc.weight", (10, c), c), b.bias("fc.bias", 10)], "logits", transB=1)
    model = b.model(
        "resnet_block",
        "ResNet basic block (Conv-BN-Relu-Conv-BN, residual Add, Relu) + "
        "GlobalAveragePool-Flatten-Gemm head. Random weights (seed 3).",
        [f32("input", [1, c, 56, 56])],
        [f32("logits", [1, 10])],
    )
    inputs = {"input": b.rng.standard_normal((1, c, 56, 56)).astype(np.float32)}
    return model, [inputs]


def make_cnn_dynamic():
    """CNN with a symbolic batch, image [batch,3,32,32] -> probs [batch,10];
    data sets at batch 1, 2 and 5."""
    b = Builder(seed=4)

    def bn(name: str, x: str, c: int) -> str:
        scale = b.init(f"{name}.scale", b.rng.uniform(0.5, 1.5, c).astype(np.float32))
        shift = b.init(f"{name}.bias", (b.rng.standard_normal(c) * 0.1).astype(np.float32))
        mean = b.init(f"{name}.mean", (b.rng.standard_normal(c) * 0.1).astype(np.float32))
        var = b.init(f"{name}.var", b.rng.uniform(0.5, 1.5, c).astype(np.float32))
        return b.node("BatchNormalization", [x, scale, shift, mean, var], name, epsilon=1e-5)

    x = b.node("Conv", ["image", b.he("conv1.weight", (16, 3, 3, 3), 3 * 9)], "conv1",
               kernel_shape=[3, 3], pads=[1, 1, 1, 1], strides=[2, 2])
    x = b.node("Relu", [bn("bn1", x, 16)], "relu1")
    # Depthwise 3x3, then pointwise 1x1 (MobileNet style).
    x = b.node("Conv", [x, b.he("dw.weight", (16, 1, 3, 3), 9), b.bias("dw.bias", 16)], "dw",
               kernel_shape=[3, 3], pads=[1, 1, 1, 1], group=16)
    x = b.node("Relu", [x], "relu2")
    x = b.node("Conv", [x, b.he("pw.weight", (32, 16, 1, 1), 16), b.bias("pw.bias", 32)], "pw",
               kernel_shape=[1, 1])
    x = b.node("Relu", [bn("bn2", x, 32)], "relu3")
    x = b.node("MaxPool", [x], "pool", kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1])
    x = b.node("AveragePool", [x], "avgpool", kernel_shape=[2, 2], strides=[2, 2])
    x = b.node("GlobalAveragePool", [x], "gap")
    x = b.node("Flatten", [x], "flatten", axis=1)
    x = b.node("Gemm", [x, b.he("fc.weight", (10, 32), 32), b.bias("fc.bias", 10)], "fc",
               transB=1)
    b.node("Softmax", [x], "probs", axis=1)
    model = b.model(
        "cnn_dynamic",
        "CNN with a symbolic batch: Conv-BN-Relu, depthwise and pointwise Conv, MaxPool, "
        "AveragePool, GlobalAveragePool, Flatten, Gemm, Softmax. Random weights (seed 4).",
        [f32("image", ["batch", 3, 32, 32])],
        [f32("probs", ["batch", 10])],
    )
    sets = [{"image": b.rng.standard_normal((n, 3, 32, 32)).astype(np.float32)}
            for n in (1, 2, 5)]
    return model, sets


def make_encoder():
    """Transformer encoder (2 layers, hidden 32, 2 heads, FFN 64, post-LN as BERT),
    x [batch,seq,32] and attention mask [batch,seq] -> [batch,seq,32]; data sets at
    (batch, seq) = (1, 7), (2, 16), (3, 5)."""
    b = Builder(seed=5)
    hidden, heads, ffn = 32, 2, 64
    head = hidden // heads

    def const(name: str, arr) -> str:
        return b.init(name, np.asarray(arr))

    def linear(name: str, x: str, din: int, dout: int) -> str:
        y = b.node("MatMul", [x, b.he(f"{name}.weight", (din, dout), din)], f"{name}.matmul")
        return b.node("Add", [y, b.bias(f"{name}.bias", dout)], name)

    def layer_norm(name: str, x: str) -> str:
        scale = b.init(f"{name}.scale", b.rng.uniform(0.8, 1.2, hidden).astype(np.float32))
        shift = b.init(f"{name}.bias", (b.rng.standard_normal(hidden) * 0.1).astype(np.float32))
        return b.node("LayerNormalization", [x, scale, shift], name, axis=-1, epsilon=1e-5)

    split_shape = const("split_heads.shape", np.array([0, 0, heads, head], np.int64))
    merge_shape = const("merge_heads.shape", np.array([0, 0, hidden], np.int64))
    one = const("one", np.array(1.0, np.float32))
    # BERT's extended mask: (1 - mask) * -10000 added to the scores, [batch,1,1,seq].
    m = b.node("Unsqueeze", ["mask", const("mask.axes", np.array([1, 2], np.int64))],
               "mask.unsqueeze")
    m = b.node("Sub", [one, m], "mask.invert")
    m = b.node("Mul", [m, const("mask.scale", np.array(-10000.0, np.float32))], "mask.bias")
    x = "x"
    for i in range(2):
        p = f"layer{i}"

        def split(name: str, t: str, perm: list[int]) -> str:
            t = b.node("Reshape", [t, split_shape], f"{name}.split")
            return b.node("Transpose", [t], f"{name}.heads", perm=perm)

        q = split(f"{p}.q", linear(f"{p}.q", x, hidden, hidden), [0, 2, 1, 3])
        k = split(f"{p}.k", linear(f"{p}.k", x, hidden, hidden), [0, 2, 3, 1])
        v = split(f"{p}.v", linear(f"{p}.v", x, hidden, hidden), [0, 2, 1, 3])
        s = b.node("MatMul", [q, k], f"{p}.scores")
        s = b.node("Div", [s, const(f"{p}.sqrt_d", np.array(np.sqrt(head), np.float32))],
                   f"{p}.scaled")
        s = b.node("Add", [s, m], f"{p}.masked")
        s = b.node("Softmax", [s], f"{p}.probs", axis=-1)
        a = b.node("MatMul", [s, v], f"{p}.context")
        a = b.node("Transpose", [a], f"{p}.context.t", perm=[0, 2, 1, 3])
        a = b.node("Reshape", [a, merge_shape], f"{p}.context.merge")
        a = linear(f"{p}.out", a, hidden, hidden)
        x = layer_norm(f"{p}.ln1", b.node("Add", [a, x], f"{p}.residual1"))
        h = linear(f"{p}.ffn1", x, hidden, ffn)
        # GELU as PyTorch's TorchScript exporter writes it at opset 17.
        g = b.node("Div", [h, const(f"{p}.sqrt2", np.array(np.sqrt(2.0), np.float32))],
                   f"{p}.gelu.div")
        g = b.node("Erf", [g], f"{p}.gelu.erf")
        g = b.node("Add", [g, one], f"{p}.gelu.add")
        g = b.node("Mul", [h, g], f"{p}.gelu.mul")
        g = b.node("Mul", [g, const(f"{p}.half", np.array(0.5, np.float32))], f"{p}.gelu")
        h = linear(f"{p}.ffn2", g, ffn, hidden)
        x = layer_norm(f"{p}.ln2", b.node("Add", [h, x], f"{p}.residual2"))
    b.node("Identity", [x], "hidden")
    model = b.model(
        "encoder",
        "Transformer encoder with symbolic batch and sequence: 2 post-LN layers (hidden 32, "
        "2 heads, FFN 64, erf GELU), additive attention mask. Random weights (seed 5).",
        [f32("x", ["batch", "seq", hidden]), f32("mask", ["batch", "seq"])],
        [f32("hidden", ["batch", "seq", hidden])],
    )
    sets = []
    for n, t in ((1, 7), (2, 16), (3, 5)):
        mask = np.ones((n, t), np.float32)
        mask[n - 1, t - 2:] = 0.0  # the last sequence is padded by two tokens
        sets.append({"x": b.rng.standard_normal((n, t, hidden)).astype(np.float32),
                     "mask": mask})
    return model, sets


def make_layout_dynamic():
    """The layout ops over symbolic batch, height and width (even), image
    [batch,4,h,w] -> [batch,4,h,w]: reflect Pad, SpaceToDepth, Split, Tile, Mul,
    Concat, DepthToSpace (CRD), Slice back to [h, w], Trilu, CumSum; data sets at
    (batch, h, w) = (1, 6, 8), (2, 4, 4), (3, 8, 6)."""
    b = Builder(seed=6)
    x = b.node("Pad", ["image", b.init("pads", np.array([0, 0, 1, 1, 0, 0, 1, 1], np.int64))],
               "pad", mode="reflect")
    x = b.node("SpaceToDepth", [x], "s2d", blocksize=2)
    b.nodes.append(helper.make_node("Split", [x, b.init("split", np.array([4, 12], np.int64))],
                                    ["head", "rest"], name="split", axis=1))
    t = b.node("Tile", ["head", b.init("repeats", np.array([1, 3, 1, 1], np.int64))], "tile")
    m = b.node("Mul", [t, "rest"], "mul")
    x = b.node("Concat", ["head", m], "concat", axis=1)
    x = b.node("DepthToSpace", [x], "d2s", blocksize=2, mode="CRD")
    x = b.node("Slice", [x, b.init("starts", np.array([1, 1], np.int64)),
                         b.init("ends", np.array([-1, -1], np.int64)),
                         b.init("axes", np.array([2, 3], np.int64))], "crop")
    x = b.node("Trilu", [x], "triu", upper=1)
    # A 0-D axis (Builder.init's ascontiguousarray would make it 1-D).
    b.inits.append(numpy_helper.from_array(np.array(3, np.int64), "axis"))
    b.node("CumSum", [x, "axis"], "cumsum")
    model = b.model(
        "layout_dynamic",
        "Layout ops with a symbolic batch, height and width: reflect Pad, SpaceToDepth, "
        "Split, Tile, Mul, Concat, DepthToSpace, Slice, Trilu, CumSum. No weights (seed 6).",
        [f32("image", ["batch", 4, "h", "w"])],
        [f32("cumsum", ["batch", 4, "h", "w"])],
    )
    sets = [{"image": b.rng.standard_normal((n, 4, h, w)).astype(np.float32)}
            for n, h, w in ((1, 6, 8), (2, 4, 4), (3, 8, 6))]
    return model, sets


# Too large to commit (> 5 MB): generated on demand (scripts/bench.sh does it)
# and ignored by git, so --check skips them unless they are present.
GENERATED_ONLY = {"mlp"}

MODELS = {
    "cnn": make_cnn,
    "cnn_dynamic": make_cnn_dynamic,
    "encoder": make_encoder,
    "layout_dynamic": make_layout_dynamic,
    "mlp": make_mlp,
    "resnet_block": make_resnet_block,
}


# --------------------------------------------------------------------------- reference + write


def run_reference(model: onnx.ModelProto, inputs: dict[str, np.ndarray]) -> list[np.ndarray]:
    import onnxruntime as ort

    so = ort.SessionOptions()
    so.intra_op_num_threads = 1
    so.inter_op_num_threads = 1
    so.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    sess = ort.InferenceSession(model.SerializeToString(), so, providers=["CPUExecutionProvider"])
    outs = sess.run(None, inputs)

    # Independent cross-check with ONNX's own reference evaluator.
    from onnx.reference import ReferenceEvaluator

    ref = ReferenceEvaluator(model).run(None, inputs)
    for o, r, info in zip(outs, ref, model.graph.output):
        err = float(np.max(np.abs(o.astype(np.float64) - r.astype(np.float64))))
        if not np.allclose(o, r, rtol=1e-3, atol=1e-4):
            raise SystemExit(f"{model.graph.name}: onnxruntime and onnx.reference disagree on "
                             f"{info.name}: max abs diff {err}")
    return outs


def write_model(name: str, outdir: pathlib.Path, quiet: bool = False) -> None:
    model, sets = MODELS[name]()
    d = outdir / name
    d.mkdir(parents=True, exist_ok=True)
    (d / "model.onnx").write_bytes(model.SerializeToString())
    for n, inputs in enumerate(sets):
        outputs = run_reference(model, inputs)
        ds = d / f"test_data_set_{n}"
        ds.mkdir(parents=True, exist_ok=True)
        for i, vi in enumerate(model.graph.input):
            (ds / f"input_{i}.pb").write_bytes(
                numpy_helper.from_array(inputs[vi.name], vi.name).SerializeToString())
        for i, (vi, arr) in enumerate(zip(model.graph.output, outputs)):
            (ds / f"output_{i}.pb").write_bytes(
                numpy_helper.from_array(np.asarray(arr), vi.name).SerializeToString())
        if not quiet:
            size = (d / "model.onnx").stat().st_size
            summary = ", ".join(
                f"{vi.name}{list(a.shape)} [{float(a.min()):.4g}, {float(a.max()):.4g}]"
                for vi, a in zip(model.graph.output, outputs))
            print(f"{name}/test_data_set_{n}: model.onnx {size / 1e6:.2f} MB, "
                  f"{len(model.graph.node)} nodes; outputs {summary}")


def check(names: list[str], models_dir: pathlib.Path) -> int:
    """Regenerate into a temporary dir and compare with models_dir.

    model.onnx and inputs must be byte-identical; outputs may differ in the last
    bits across CPUs (onnxruntime picks kernels per ISA), so they must match to
    rtol 1e-5 / atol 1e-6.
    """
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = pathlib.Path(tmp)
        for name in names:
            if name in GENERATED_ONLY and not (models_dir / name).exists():
                continue
            write_model(name, tmpdir, quiet=True)
            for new in sorted((tmpdir / name).rglob("*.pb")) + [tmpdir / name / "model.onnx"]:
                rel = new.relative_to(tmpdir)
                old = models_dir / rel
                if not old.exists():
                    print(f"MISSING {rel}")
                    bad += 1
                elif filecmp.cmp(old, new, shallow=False):
                    continue
                elif new.name.startswith("output_"):
                    a = numpy_helper.to_array(onnx.load_tensor(str(old)))
                    b = numpy_helper.to_array(onnx.load_tensor(str(new)))
                    if a.shape != b.shape or not np.allclose(a, b, rtol=1e-5, atol=1e-6):
                        print(f"DIFFERS {rel}")
                        bad += 1
                else:
                    print(f"DIFFERS {rel}")
                    bad += 1
    print("gen_models --check: " + ("OK" if bad == 0 else f"{bad} file(s) differ"))
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("models", nargs="*", metavar="MODEL",
                    help=f"models to generate (default: all of {', '.join(sorted(MODELS))})")
    ap.add_argument("--out", type=pathlib.Path, default=REPO / "models",
                    help="output directory (default: models/ in the repo)")
    ap.add_argument("--check", action="store_true",
                    help="do not write; verify that --out matches a fresh generation")
    args = ap.parse_args(argv)
    names = args.models or sorted(MODELS)
    unknown = [n for n in names if n not in MODELS]
    if unknown:
        ap.error(f"unknown model(s) {', '.join(unknown)}; known: {', '.join(sorted(MODELS))}")
    if args.check:
        return check(names, args.out)
    for name in names:
        write_model(name, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
