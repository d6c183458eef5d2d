#!/usr/bin/env python3
"""Export real architectures with random weights to ONNX, in backend-test layout.

Each model is exported by PyTorch's TorchScript-based exporter at opset 17
with symbolic batch (and sequence) dims, and written as

    OUT/<name>/model.onnx
    OUT/<name>/test_data_set_<n>/input_<i>.pb, output_<i>.pb   (torch's outputs)

with two data sets at different sizes, so that `dlc test OUT/<name>` checks
that one compile serves every size. Deterministic: fixed seeds, eval mode.

PyTorch comes from Debian's python3-torch and python3-torchvision (1.13 and
0.14): PyPI has no CPU-only torch wheel for Linux (its wheel pulls several GB
of CUDA libraries), so scripts/models.sh runs this with Debian's python3 in a
virtualenv that sees the system packages. The dynamo exporter needs torch 2,
which Debian 12 lacks: ../shared/models holds graphs written by it.

Usage: python3 scripts/gen_real_models.py --out DIR [MODEL ...]
"""

from __future__ import annotations

import argparse
import math
import pathlib
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

OPSET = 17


# --------------------------------------------------------------------------- models


class TransformerBlock(nn.Module):
    """Pre-norm (or post-norm) attention block with an optional causal mask."""

    def __init__(self, dim: int, heads: int, ffn: int, causal: bool, norm: str = "layer",
                 act: str = "gelu", rotary: bool = False):
        super().__init__()
        self.heads, self.causal, self.rotary = heads, causal, rotary
        self.qkv = nn.Linear(dim, 3 * dim)
        self.out = nn.Linear(dim, dim)
        self.norm1 = RMSNorm(dim) if norm == "rms" else nn.LayerNorm(dim)
        self.norm2 = RMSNorm(dim) if norm == "rms" else nn.LayerNorm(dim)
        if act == "swiglu":
            self.gate = nn.Linear(dim, ffn, bias=False)
            self.up = nn.Linear(dim, ffn, bias=False)
            self.down = nn.Linear(ffn, dim, bias=False)
        else:
            self.fc1 = nn.Linear(dim, ffn)
            self.fc2 = nn.Linear(ffn, dim)
        self.act = act

    def attention(self, x: torch.Tensor, mask: torch.Tensor | None) -> torch.Tensor:
        b, t, d = x.shape
        h = self.heads
        q, k, v = self.qkv(x).reshape(b, t, 3, h, d // h).permute(2, 0, 3, 1, 4)
        if self.rotary:
            q, k = rotate(q), rotate(k)
        scores = q @ k.transpose(-1, -2) / math.sqrt(d // h)
        if self.causal:
            causal = torch.ones(t, t, dtype=torch.bool, device=x.device).tril()
            scores = scores.masked_fill(~causal, -1e4)
        if mask is not None:
            scores = scores + (1.0 - mask[:, None, None, :]) * -1e4
        y = scores.softmax(-1) @ v
        return self.out(y.transpose(1, 2).reshape(b, t, d))

    def mlp(self, x: torch.Tensor) -> torch.Tensor:
        if self.act == "swiglu":
            return self.down(F.silu(self.gate(x)) * self.up(x))
        return self.fc2(F.gelu(self.fc1(x)))

    def forward(self, x: torch.Tensor, mask: torch.Tensor | None = None) -> torch.Tensor:
        x = x + self.attention(self.norm1(x), mask)
        return x + self.mlp(self.norm2(x))


class RMSNorm(nn.Module):
    def __init__(self, dim: int):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + 1e-6) * self.weight


def rotate(x: torch.Tensor) -> torch.Tensor:
    """Rotary position embedding over the last dim of [b, h, t, d]."""
    t, d = x.shape[-2], x.shape[-1]
    pos = torch.arange(t, dtype=torch.float32, device=x.device)[:, None]
    freq = torch.exp(torch.arange(0, d, 2, dtype=torch.float32, device=x.device) * (-math.log(10000.0) / d))
    angle = pos * freq[None, :]
    cos, sin = angle.cos(), angle.sin()
    x1, x2 = x[..., 0::2], x[..., 1::2]
    return torch.stack([x1 * cos - x2 * sin, x1 * sin + x2 * cos], dim=-1).flatten(-2)


class TextModel(nn.Module):
    """Token + position embeddings, blocks, final norm (BERT, GPT-2 or LLaMA style)."""

    def __init__(self, vocab: int, dim: int, layers: int, heads: int, ffn: int, causal: bool,
                 norm: str = "layer", act: str = "gelu", rotary: bool = False, max_len: int = 64):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim)
        self.pos = None if rotary else nn.Embedding(max_len, dim)
        self.blocks = nn.ModuleList(TransformerBlock(dim, heads, ffn, causal, norm, act, rotary)
                                    for _ in range(layers))
        self.norm = RMSNorm(dim) if norm == "rms" else nn.LayerNorm(dim)
        self.head = nn.Linear(dim, vocab) if causal else None

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        x = self.embed(ids)
        if self.pos is not None:
            x = x + self.pos(torch.arange(ids.shape[1], device=ids.device))[None]
        for block in self.blocks:
            x = block(x, mask)
        x = self.norm(x)
        return self.head(x) if self.head is not None else x


class AudioEncoder(nn.Module):
    """wav2vec-style: strided Conv1d feature extractor, then transformer blocks."""

    def __init__(self):
        super().__init__()
        self.convs = nn.Sequential(nn.Conv1d(1, 32, 10, stride=5), nn.GELU(),
                                   nn.Conv1d(32, 32, 3, stride=2), nn.GELU(),
                                   nn.Conv1d(32, 64, 3, stride=2), nn.GELU())
        self.blocks = nn.ModuleList(TransformerBlock(64, 4, 128, causal=False) for _ in range(2))

    def forward(self, wave: torch.Tensor) -> torch.Tensor:
        x = self.convs(wave[:, None, :]).transpose(1, 2)
        for block in self.blocks:
            x = block(x)
        return x


class UNet(nn.Module):
    """U-Net-style: down with strided convs, up with ConvTranspose and Resize."""

    def __init__(self):
        super().__init__()
        self.d1 = nn.Sequential(nn.Conv2d(3, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU())
        self.d2 = nn.Sequential(nn.Conv2d(16, 32, 3, stride=2, padding=1), nn.BatchNorm2d(32), nn.ReLU())
        self.d3 = nn.Sequential(nn.Conv2d(32, 64, 3, stride=2, padding=1), nn.ReLU())
        self.u2 = nn.ConvTranspose2d(64, 32, 2, stride=2)
        self.u1 = nn.Sequential(nn.Conv2d(64, 16, 3, padding=1), nn.ReLU())
        self.head = nn.Conv2d(32, 2, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        a = self.d1(x)
        b = self.d2(a)
        c = self.d3(b)
        b = torch.cat([self.u2(c), b], 1)
        b = F.interpolate(self.u1(b), scale_factor=2.0, mode="bilinear", align_corners=False)
        return self.head(torch.cat([b, a], 1))


class Tagger(nn.Module):
    """Embedding + bidirectional LSTM (or GRU) + per-token classifier."""

    def __init__(self, cell: str):
        super().__init__()
        self.embed = nn.Embedding(100, 32)
        rnn = nn.LSTM if cell == "lstm" else nn.GRU
        self.rnn = rnn(32, 48, num_layers=1, batch_first=True, bidirectional=cell == "lstm")
        self.out = nn.Linear(96 if cell == "lstm" else 48, 10)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        y, _ = self.rnn(self.embed(ids))
        return self.out(y)


def vision(builder, **kwargs):
    import torchvision

    return getattr(torchvision.models, builder)(weights=None, **kwargs)


def small_vit():
    import torchvision

    return torchvision.models.VisionTransformer(image_size=64, patch_size=16, num_layers=2, num_heads=2,
                                                hidden_dim=64, mlp_dim=128, num_classes=10)


def image_inputs(size: int):
    return lambda g, n: {"image": torch.randn(n, 3, size, size, generator=g)}


def text_inputs(vocab: int):
    def make(g, n):
        t = 7 if n == 1 else 12
        mask = torch.ones(n, t)
        mask[-1, -2:] = 0.0
        return {"ids": torch.randint(0, vocab, (n, t), generator=g), "mask": mask}
    return make


# name -> (model factory, inputs(generator, batch) -> {name: tensor}, dynamic
# axes of the inputs and of "output")
IMAGE_AXES = {"image": {0: "batch"}, "output": {0: "batch"}}
TEXT_AXES = {"ids": {0: "batch", 1: "seq"}, "mask": {0: "batch", 1: "seq"},
             "output": {0: "batch", 1: "seq"}}
TAGGER_AXES = {"ids": {0: "batch", 1: "seq"}, "output": {0: "batch", 1: "seq"}}
MODELS = {
    "resnet50": (lambda: vision("resnet50"), image_inputs(64), IMAGE_AXES),
    "mobilenet_v2": (lambda: vision("mobilenet_v2"), image_inputs(64), IMAGE_AXES),
    "mobilenet_v3_small": (lambda: vision("mobilenet_v3_small"), image_inputs(64), IMAGE_AXES),
    "efficientnet_b0": (lambda: vision("efficientnet_b0"), image_inputs(64), IMAGE_AXES),
    "convnext_tiny": (lambda: vision("convnext_tiny"), image_inputs(64), IMAGE_AXES),
    "vit": (small_vit, image_inputs(64), IMAGE_AXES),
    "unet": (UNet, image_inputs(32), IMAGE_AXES),
    "bert": (lambda: TextModel(1000, 64, 2, 4, 128, causal=False), text_inputs(1000), TEXT_AXES),
    "gpt2": (lambda: TextModel(1000, 64, 2, 4, 256, causal=True), text_inputs(1000), TEXT_AXES),
    "llama": (lambda: TextModel(1000, 64, 2, 4, 172, causal=True, norm="rms", act="swiglu", rotary=True),
              text_inputs(1000), TEXT_AXES),
    "wav2vec": (AudioEncoder, lambda g, n: {"wave": torch.randn(n, 1600 if n == 1 else 2400, generator=g)},
                {"wave": {0: "batch", 1: "samples"}, "output": {0: "batch", 1: "frames"}}),
    "lstm_tagger": (lambda: Tagger("lstm"), lambda g, n: {"ids": torch.randint(0, 100, (n, 9 if n == 1 else 14),
                                                                                generator=g)},
                    TAGGER_AXES),
    "gru_tagger": (lambda: Tagger("gru"), lambda g, n: {"ids": torch.randint(0, 100, (n, 9 if n == 1 else 14),
                                                                              generator=g)},
                   TAGGER_AXES),
}


# --------------------------------------------------------------------------- export


def write_tensor(path: pathlib.Path, name: str, t: torch.Tensor) -> None:
    from onnx import numpy_helper

    path.write_bytes(numpy_helper.from_array(np.ascontiguousarray(t.detach().numpy()), name).SerializeToString())


def export(name: str, out: pathlib.Path) -> None:
    make, inputs, axes = MODELS[name]
    torch.manual_seed(0)
    model = make().eval()
    g = torch.Generator().manual_seed(1)
    sets = [inputs(g, 1), inputs(g, 2)]
    d = out / name
    d.mkdir(parents=True, exist_ok=True)
    names = list(sets[0])
    with torch.no_grad():
        refs = [model(*s.values()) for s in sets]
        torch.onnx.export(model, tuple(sets[0].values()), str(d / "model.onnx"), opset_version=OPSET,
                          input_names=names, output_names=["output"],
                          dynamic_axes=axes, do_constant_folding=True)
    for n, (feeds, ref) in enumerate(zip(sets, refs)):
        ds = d / f"test_data_set_{n}"
        ds.mkdir(exist_ok=True)
        for i, (k, v) in enumerate(feeds.items()):
            write_tensor(ds / f"input_{i}.pb", k, v)
        write_tensor(ds / "output_0.pb", "output", ref)
    print(f"{name}: {(d / 'model.onnx').stat().st_size / 1e6:.1f} MB", flush=True)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("models", nargs="*", metavar="MODEL", help=f"default: all of {', '.join(MODELS)}")
    ap.add_argument("--out", type=pathlib.Path, required=True)
    args = ap.parse_args(argv)
    unknown = [m for m in args.models if m not in MODELS]
    if unknown:
        ap.error(f"unknown model(s): {', '.join(unknown)}")
    torch.set_num_threads(1)
    failed = []
    for name in args.models or list(MODELS):
        try:
            export(name, args.out)
        except Exception as e:  # noqa: BLE001 - report every model
            failed.append(name)
            print(f"{name}: export failed: {type(e).__name__}: {e}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
