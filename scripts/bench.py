#!/usr/bin/env python3
"""Benchmark dlc-compiled models against ONNX Runtime, side by side in one process.

For each models/<name>/model.onnx:
  1. compile it: `<dlc> compile models/<name>/model.onnx -o <so-dir>/<name>.so`
     (skipped with --no-compile: an existing .so is used as is);
  2. load the .so through its C ABI (scripts/dlc_ctypes.py) and build an ONNX
     Runtime CPU session with intra_op = inter_op = --threads;
  3. run both on the model's test_data_set_0 inputs (random inputs if it has
     none), check dlc against ORT and against the stored output_*.pb;
  4. time them interleaved (dlc, ORT, ORT, dlc, ...) after a warmup, both on
     their lowest-overhead call path: dlc through a pre-bound dlc_model_run,
     ORT through run_with_iobinding with pre-bound inputs and outputs. The
     iteration count adapts (between --min-iters and --iters) so that the
     whole run stays within --budget seconds.

A model whose inputs have symbolic dims is compiled twice: as it is (timed at
test_data_set_0's sizes) and with --shape pinning those sizes; both are timed
in the same interleaved loop and the table's dyn/static column is their ratio.

Prints per model the median ms of each, the ratio dlc/ORT (< 1: dlc faster)
and the max abs differences. Exits 1 when any model failed to compile or load,
or its outputs do not match (rtol 1e-3, atol 1e-4, as DESIGN.md says), else 0.

A model whose dlc half is unavailable is still timed on ORT (the dlc columns
say why). --ort-only skips dlc entirely (useful before dlc exists).

Run through scripts/bench.sh (builds dlc, prepares .venv), or directly:
    .venv/bin/python scripts/bench.py [--threads N] [MODEL ...]
"""

from __future__ import annotations

import argparse
import json
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import time

import numpy as np

REPO = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

RTOL, ATOL = 1e-3, 1e-4


# --------------------------------------------------------------------------- helpers


def cpu_name() -> str:
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def load_test_data(model_dir: pathlib.Path, sess) -> tuple[dict[str, np.ndarray], list[np.ndarray] | None]:
    """Inputs (by name) and expected outputs of test_data_set_0, or random inputs."""
    import onnx
    from onnx import numpy_helper

    ds = model_dir / "test_data_set_0"
    feeds: dict[str, np.ndarray] = {}
    expected = None
    if ds.is_dir():
        for i, meta in enumerate(sess.get_inputs()):
            p = ds / f"input_{i}.pb"
            if p.exists():
                t = onnx.load_tensor(str(p))
                feeds[meta.name] = numpy_helper.to_array(t)
        outs = sorted(ds.glob("output_*.pb"), key=lambda p: int(p.stem.split("_")[1]))
        if outs:
            expected = [numpy_helper.to_array(onnx.load_tensor(str(p))) for p in outs]
    rng = np.random.default_rng(0)
    type_map = {"tensor(float)": np.float32, "tensor(double)": np.float64, "tensor(float16)": np.float16,
                "tensor(int64)": np.int64, "tensor(int32)": np.int32, "tensor(bool)": np.bool_}
    for meta in sess.get_inputs():
        if meta.name in feeds:
            continue
        shape = [d if isinstance(d, int) and d > 0 else 1 for d in meta.shape]
        dt = type_map.get(meta.type)
        if dt is None:
            raise RuntimeError(f"input {meta.name}: cannot make random data of type {meta.type}")
        if np.issubdtype(dt, np.floating):
            feeds[meta.name] = rng.standard_normal(shape).astype(dt)
        elif dt is np.bool_:
            feeds[meta.name] = rng.random(shape) < 0.5
        else:
            feeds[meta.name] = rng.integers(0, 10, shape).astype(dt)
        expected = None  # stored outputs belong to stored inputs only
    return feeds, expected


def max_abs_diff(a_list, b_list) -> float:
    return max((float(np.max(np.abs(np.asarray(a, np.float64) - np.asarray(b, np.float64))))
                if np.size(a) else 0.0) for a, b in zip(a_list, b_list))


def all_close(a_list, b_list) -> bool:
    return len(a_list) == len(b_list) and all(
        np.shape(a) == np.shape(b) and np.allclose(a, b, rtol=RTOL, atol=ATOL) for a, b in zip(a_list, b_list))


def fmt_ms(x: float | None) -> str:
    return "-" if x is None else (f"{x:.3f}" if x < 100 else f"{x:.1f}")


# --------------------------------------------------------------------------- per model


class OrtRunner:
    def __init__(self, model_path: pathlib.Path, threads: int):
        import onnxruntime as ort

        so = ort.SessionOptions()
        so.intra_op_num_threads = threads
        so.inter_op_num_threads = threads
        so.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.sess = ort.InferenceSession(str(model_path), so, providers=["CPUExecutionProvider"])
        self._ort = ort

    def reference(self, feeds):
        return self.sess.run(None, feeds)

    def bind(self, feeds, out_like):
        """Pre-bound call writing into preallocated arrays (no per-call allocation)."""
        ort = self._ort
        io = self.sess.io_binding()
        self._keep = [feeds]
        for name, arr in feeds.items():
            io.bind_cpu_input(name, arr)
        outs = [np.empty_like(a) for a in out_like]
        for meta, arr in zip(self.sess.get_outputs(), outs):
            io.bind_ortvalue_output(meta.name, ort.OrtValue.ortvalue_from_numpy(arr))
        sess = self.sess

        def call():
            sess.run_with_iobinding(io)
            return outs

        return call


def compile_model(dlc: pathlib.Path, model_path: pathlib.Path, so_path: pathlib.Path,
                  shapes: dict[str, tuple[int, ...]] | None = None) -> tuple[bool, str, float]:
    so_path.parent.mkdir(parents=True, exist_ok=True)
    if so_path.exists():
        so_path.unlink()  # never benchmark a stale library
    cmd = [str(dlc), "compile", str(model_path), "-o", str(so_path)]
    for name, shape in (shapes or {}).items():
        cmd += ["--shape", f"{name}={'x'.join(map(str, shape))}"]
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True)
    except OSError as e:
        return False, f"cannot run {dlc}: {e}", 0.0
    dt = time.perf_counter() - t0
    if p.returncode != 0 or not so_path.exists():
        msg = (p.stderr or p.stdout).strip().splitlines()
        return False, f"dlc compile exited {p.returncode}: {msg[-1] if msg else ''}", dt
    return True, "", dt


def time_interleaved(fns: dict[str, callable], warmup: int, max_iters: int, min_iters: int,
                     budget_s: float) -> tuple[dict[str, list[float]], int]:
    names = list(fns)
    # Warmup, and an estimate of one round's cost.
    est = {n: [] for n in names}
    for _ in range(max(warmup, 1)):
        for n in names:
            t0 = time.perf_counter()
            fns[n]()
            est[n].append(time.perf_counter() - t0)
    round_s = sum(min(v) for v in est.values())
    iters = max(min_iters, min(max_iters, int(budget_s / max(round_s, 1e-9))))
    times = {n: [] for n in names}
    for i in range(iters):
        order = names if i % 2 == 0 else names[::-1]
        for n in order:
            t0 = time.perf_counter()
            fns[n]()
            times[n].append(time.perf_counter() - t0)
    return times, iters


def bench_model(name: str, model_dir: pathlib.Path, args, budget_s: float) -> dict:
    r: dict = {"model": name, "ok": True, "note": ""}
    model_path = model_dir / "model.onnx"

    ort_runner = OrtRunner(model_path, args.threads)
    feeds, expected = load_test_data(model_dir, ort_runner.sess)
    ort_out = ort_runner.reference(feeds)
    if expected is not None:
        r["ort_vs_ref"] = max_abs_diff(ort_out, expected)

    fns = {}
    # A model with symbolic input dims is also compiled for the sizes it is
    # timed at (--shape), to compare a run at a dynamic size with a static one.
    dynamic = any(not isinstance(d, int) for meta in ort_runner.sess.get_inputs() for d in meta.shape)
    variants = [("dlc", None)]
    if dynamic:
        variants.append(("static", {k: v.shape for k, v in feeds.items()}))
    for key, shapes in variants if not args.ort_only else []:
        so_path = args.so_dir / (f"{name}.so" if shapes is None else f"{name}.static.so")
        ok = True
        if not args.no_compile:
            ok, msg, dt = compile_model(args.dlc, model_path, so_path, shapes)
            r[f"{key}_compile_s"] = round(dt, 3)
            if not ok:
                r.update(ok=False, note=msg)
        elif not so_path.exists():
            ok = False
            r.update(ok=False, note=f"{so_path} missing (--no-compile)")
        if ok:
            try:
                from dlc_ctypes import DlcModel

                model = DlcModel(so_path)
                r[f"_{key}_model"] = model  # keep the library alive while timing
                # Inputs by name, checked against the ABI's info; outputs sized
                # like ORT's (a dynamic model's depend on its inputs).
                dlc_run = model.bind(feeds, [o.shape for o in ort_out])
                dlc_out = [a.copy() for a in dlc_run()]
                r[f"{key}_vs_ort"] = max_abs_diff(dlc_out, ort_out)
                good = all_close(dlc_out, ort_out)
                if expected is not None:
                    r[f"{key}_vs_ref"] = max_abs_diff(dlc_out, expected)
                    good = good and all_close(dlc_out, expected)
                if not good:
                    r.update(ok=False, note=f"{key}: outputs differ beyond rtol {RTOL} atol {ATOL}")
                fns[key] = dlc_run
            except Exception as e:  # noqa: BLE001 - report and go on with the next model
                r.update(ok=False, note=f"{key}: {type(e).__name__}: {e}")

    fns["ort"] = ort_runner.bind(feeds, ort_out)
    times, iters = time_interleaved(fns, args.warmup, args.iters, args.min_iters, budget_s)
    r["iters"] = iters
    for n, ts in times.items():
        r[f"{n}_ms"] = statistics.median(ts) * 1e3
        r[f"{n}_min_ms"] = min(ts) * 1e3
    if "dlc_ms" in r:
        r["ratio"] = r["dlc_ms"] / r["ort_ms"]
    if "dlc_ms" in r and "static_ms" in r:
        r["dynamic_ratio"] = r["dlc_ms"] / r["static_ms"]
    r.pop("_dlc_model", None)
    r.pop("_static_model", None)
    return r


# --------------------------------------------------------------------------- main


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("models", nargs="*", metavar="MODEL", help="model names under --models-dir (default: all)")
    ap.add_argument("--threads", type=int, default=1, help="threads for ORT (intra and inter op) and dlc (default 1)")
    ap.add_argument("--models-dir", type=pathlib.Path, default=REPO / "models")
    build_dir = pathlib.Path(os.environ.get("BUILD_DIR", "build"))
    if not build_dir.is_absolute():
        build_dir = REPO / build_dir
    ap.add_argument("--dlc", type=pathlib.Path, default=build_dir / "bin" / "dlc", help="dlc binary")
    ap.add_argument("--so-dir", type=pathlib.Path, default=build_dir / "bench", help="where compiled .so go")
    ap.add_argument("--no-compile", action="store_true", help="use existing <so-dir>/<model>.so")
    ap.add_argument("--ort-only", action="store_true", help="time ONNX Runtime only (no dlc)")
    ap.add_argument("--warmup", type=int, default=5, help="warmup runs of each (default 5)")
    ap.add_argument("--iters", type=int, default=100, help="max timed iterations of each (default 100)")
    ap.add_argument("--min-iters", type=int, default=5, help="min timed iterations of each (default 5)")
    ap.add_argument("--budget", type=float, default=60.0, help="seconds of timing for all models together (default 60)")
    ap.add_argument("--json", type=pathlib.Path, help="also write the results as JSON here")
    args = ap.parse_args(argv)

    if args.threads < 1:
        ap.error("--threads must be >= 1")
    # For dlc's runtime, in case it reads either (set before any .so is loaded).
    os.environ["DLC_NUM_THREADS"] = str(args.threads)
    os.environ["OMP_NUM_THREADS"] = str(args.threads)

    available = sorted(p.parent.name for p in args.models_dir.glob("*/model.onnx"))
    names = args.models or available
    unknown = [n for n in names if n not in available]
    if unknown:
        ap.error(f"unknown model(s) {', '.join(unknown)}; available: {', '.join(available)}")
    if not args.ort_only and not args.no_compile and not args.dlc.exists():
        print(f"bench: {args.dlc} not found: build dlc first (scripts/build.sh) or pass --ort-only", file=sys.stderr)
        return 1

    import onnxruntime

    print(f"bench: {cpu_name()}, {os.cpu_count()} CPUs; threads={args.threads}; "
          f"onnxruntime {onnxruntime.__version__}, numpy {np.__version__}; python {platform.python_version()}")
    results = []
    t_start = time.perf_counter()
    for i, name in enumerate(names):
        budget = max(args.budget - (time.perf_counter() - t_start), 1.0) / (len(names) - i)
        r = bench_model(name, args.models_dir / name, args, budget)
        results.append(r)
        extra = f", compiled in {r['dlc_compile_s']:.1f}s" if "dlc_compile_s" in r else ""
        print(f"  {name}: {r['iters']} iterations{extra}" + (f" -- {r['note']}" if r["note"] else ""), flush=True)

    # Table.
    hdr = ["model", "dlc ms", "ORT ms", "dlc/ORT", "dyn/static", "|dlc-ORT|", "|dlc-ref|", "|ORT-ref|",
           "iters", "status"]
    rows = []
    for r in results:
        def e(k):
            return f"{r[k]:.2e}" if k in r else "-"
        status = "ok" if r["ok"] else "FAIL"
        if args.ort_only:
            status = "ort-only"
        rows.append([r["model"], fmt_ms(r.get("dlc_ms")), fmt_ms(r.get("ort_ms")),
                     f"{r['ratio']:.2f}" if "ratio" in r else "-",
                     f"{r['dynamic_ratio']:.2f}" if "dynamic_ratio" in r else "-",
                     e("dlc_vs_ort"), e("dlc_vs_ref"), e("ort_vs_ref"), str(r["iters"]), status])
    widths = [max(len(h), *(len(row[c]) for row in rows)) for c, h in enumerate(hdr)]
    print()
    print("  ".join(h.ljust(w) if c == 0 else h.rjust(w) for c, (h, w) in enumerate(zip(hdr, widths))))
    for row in rows:
        print("  ".join(v.ljust(w) if c == 0 else v.rjust(w) for c, (v, w) in enumerate(zip(row, widths))))
    print(f"\nmedian ms per run; dlc/ORT < 1 means dlc is faster; dyn/static: a model with symbolic "
          f"dims run at test_data_set_0's sizes over the same model compiled for them (--shape); "
          f"|a-b| = max abs difference; ref = stored test_data_set_0 output. "
          f"total {time.perf_counter() - t_start:.1f}s")
    failed = [r for r in results if not r["ok"]]
    for r in failed:
        print(f"FAIL {r['model']}: {r['note']}")

    if args.json:
        meta = {"cpu": cpu_name(), "threads": args.threads, "onnxruntime": onnxruntime.__version__}
        args.json.write_text(json.dumps({"meta": meta, "results": results}, indent=2) + "\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
