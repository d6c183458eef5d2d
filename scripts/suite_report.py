#!/usr/bin/env python3
"""Runs an ONNX backend-test suite through ONNX Runtime and dlc and prints
exact counts.

Usage (from the repo root, after scripts/venv.sh):

    .venv/bin/python scripts/suite_report.py --suite debian [--dlc PATH] [--jobs N] [--json FILE]
    .venv/bin/python scripts/gen_node_suite.py          # once: writes the node suite
    .venv/bin/python scripts/suite_report.py --suite node   [--dlc PATH] [--jobs N] [--json FILE]

Suites:
  debian  Debian's libonnx-testdata (ONNX 1.12): node, pytorch-converted,
          pytorch-operator and simple under /usr/share/libonnx-testdata/data
          (cases named SUITE/CASE, as in test/e2e/backend_cases.txt).
  node    the node cases of the pinned onnx package, written by
          scripts/gen_node_suite.py (default: its default directory).

Every case is first matched against test/e2e/exclusions.txt
(scripts/exclusions.py): an excluded case is counted apart, by reason, and
not run. A case whose model still imports the default domain at an opset
above 21 (gen_node_suite.py re-stamps the ones valid at 21) is run but
counted apart too: dlc refuses opsets above 21. The other cases are the
evaluated ones; for each:

  ORT   ONNX Runtime (CPU execution provider, 1 intra-op and 1 inter-op
        thread, default graph optimizations) runs every test_data_set_N;
        the case passes when each output has the reference's shape and
        element type and its values match as the ONNX backend test runner
        checks them: numpy.testing.assert_allclose(rtol, atol) (NaN equal
        to NaN), with rtol/atol from the case's data.json, else the
        backend-test defaults rtol 1e-3, atol 1e-7; bfloat16 with rtol at
        least 2**-6 (two bfloat16 ULPs, as the runner does), float8/float4
        compared as float32, int4/uint4 as int64, strings exactly.
        Inputs are matched to the session's inputs by the TensorProto's
        name, else by position. The verdicts are cached (they do not change)
        next to the suite: DIR/ort_verdicts.json for the node suite, and
        ${XDG_CACHE_HOME:-~/.cache}/dlc/libonnx-testdata/ort_verdicts.json
        for the read-only Debian data; an entry is reused while the case's
        files (SHA-256), the onnxruntime version and this script's
        comparison (ORT_POLICY) are the same.
  dlc   `dlc test` over batches of case directories (--batch-size, one
        process per batch, --jobs batches at a time), its PASS/FAIL lines
        parsed. By default dlc checks at the same tolerances as ORT (the
        case's, passed as --rtol/--atol); --dlc-tolerance=dlc leaves dlc's
        own defaults (rtol 1e-3, atol 1e-4, as test/e2e/run_backend.sh).
        A batch that crashes or runs past --batch-timeout keeps the verdicts
        it printed; the case it was on is rerun alone, and fails with the
        crash or the timeout as its reason if it does so again.

The report: total cases; excluded (by reason); above opset 21; evaluated;
ORT-passing; dlc-passing among the ORT-passing (count and percent); dlc
passes where ORT fails; and the dlc failures among the ORT-passing cases by
op type. A failing case counts for one op type: the one dlc's failure names
(`node 'n' (OP, opset V): ...`, where dlc stopped) when it is an op of the
model, else the
model's op type when its main graph has one besides Constant, else
`(several)`. The most frequent failure reasons follow (paths, names and
numbers left out). --json FILE writes the counts and every case's verdicts.
"""

from __future__ import annotations

import argparse
import collections
import ctypes
import glob
import hashlib
import json
import os
import queue
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)

DEBIAN_ROOT = "/usr/share/libonnx-testdata/data"
DEBIAN_SUITES = ["node", "pytorch-converted", "pytorch-operator", "simple"]
MAX_OPSET = 21
RTOL, ATOL = 1e-3, 1e-7  # the ONNX backend test's defaults
ORT_POLICY = 1  # bump when ort_check's comparison changes (invalidates caches)


def cache_home() -> str:
    return os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")


# ----------------------------------------------------------------------------- cases


class Case:
    def __init__(self, name: str, path: str):
        self.name = name          # as reported: SUITE/CASE (debian) or CASE (node)
        self.dir = path
        self.rtol, self.atol = RTOL, ATOL
        data_json = os.path.join(path, "data.json")
        if os.path.exists(data_json):
            with open(data_json) as f:
                data = json.load(f)
            self.rtol = data.get("rtol", RTOL)
            self.atol = data.get("atol", ATOL)
        self.opset = None
        self.ops = []             # op types of the main graph (domain-qualified if not default)
        self.excluded = None      # exclusions.Rule
        self.above = False        # not excluded, default-domain opset above MAX_OPSET
        self.ort = self.ort_reason = None
        self.dlc = self.dlc_reason = None

    @property
    def base(self) -> str:
        return os.path.basename(self.dir)


def find_cases(suite: str, data: str | None) -> tuple[list[Case], str, str]:
    """(cases, data directory, ORT cache file)."""
    cases = []
    if suite == "debian":
        root = data or DEBIAN_ROOT
        for sub in DEBIAN_SUITES:
            base = os.path.join(root, sub)
            for name in sorted(os.listdir(base)):
                if os.path.exists(os.path.join(base, name, "model.onnx")):
                    cases.append(Case(f"{sub}/{name}", os.path.join(base, name)))
        cache = os.path.join(cache_home(), "dlc", "libonnx-testdata", "ort_verdicts.json")
        return cases, root, cache
    import gen_node_suite
    root = data or str(gen_node_suite.default_out())
    if not os.path.exists(os.path.join(root, gen_node_suite.STAMP)):
        raise SystemExit(f"suite_report: {root} is not a complete node suite; write it "
                         f"with: .venv/bin/python scripts/gen_node_suite.py --out {root}")
    for name in sorted(os.listdir(root)):
        if os.path.exists(os.path.join(root, name, "model.onnx")):
            cases.append(Case(name, os.path.join(root, name)))
    return cases, root, os.path.join(root, "ort_verdicts.json")


def classify(cases: list[Case], rules) -> None:
    import onnx
    import exclusions
    for case in cases:
        model = onnx.load(os.path.join(case.dir, "model.onnx"), load_external_data=False)
        for imp in model.opset_import:
            if imp.domain in ("", "ai.onnx"):
                case.opset = imp.version
        ops = []
        for node in model.graph.node:
            t = node.op_type if node.domain in ("", "ai.onnx") else f"{node.domain}:{node.op_type}"
            if t not in ops:
                ops.append(t)
        case.ops = ops
        case.excluded = exclusions.match(rules, case.base, exclusions.facts(model))


def data_sets(case_dir: str) -> list[str]:
    sets = glob.glob(os.path.join(case_dir, "test_data_set_*"))
    return sorted(sets, key=lambda p: int(p.rsplit("_", 1)[1]))


def numbered(dir_: str, prefix: str) -> list[str]:
    files = glob.glob(os.path.join(dir_, f"{prefix}_*.pb"))
    return sorted(files, key=lambda p: int(os.path.basename(p)[len(prefix) + 1:-3]))


def fingerprint(case_dir: str) -> str:
    h = hashlib.sha256()
    files = [os.path.join(case_dir, "model.onnx")]
    for d in data_sets(case_dir):
        files += numbered(d, "input") + numbered(d, "output")
    for path in files:
        h.update(os.path.relpath(path, case_dir).encode() + b"\0")
        with open(path, "rb") as f:
            h.update(f.read())
    return h.hexdigest()


# ----------------------------------------------------------------------------- ONNX Runtime


def _ort_types():
    import onnx
    return {name.lower(): value for name, value in onnx.TensorProto.DataType.items()}


def _to_ortvalue(tensor, keep):
    import onnx
    import onnxruntime as ort
    from onnx import numpy_helper
    if tensor.data_type == onnx.TensorProto.STRING:
        arr = numpy_helper.to_array(tensor)
        keep.append(arr)
        return ort.OrtValue.ortvalue_from_numpy(arr)
    # Every other type through its raw bytes (ONNX's raw_data is ORT's
    # layout), so bfloat16, float8, 4-bit types need no numpy dtype in ORT.
    raw = tensor.raw_data if tensor.HasField("raw_data") else \
        numpy_helper.from_array(numpy_helper.to_array(tensor)).raw_data
    value = ort.OrtValue.ortvalue_from_shape_and_type(list(tensor.dims), tensor.data_type)
    if value.tensor_size_in_bytes() != len(raw):
        raise ValueError(f"input '{tensor.name}': {len(raw)} bytes of data for "
                         f"{value.tensor_size_in_bytes()}")
    if raw:
        ctypes.memmove(value.data_ptr(), raw, len(raw))
    return value


def _from_ortvalue(value, types):
    import onnx
    from onnx import numpy_helper
    kind = value.data_type()
    m = re.fullmatch(r"tensor\((\w+)\)", kind)
    if not m:
        raise ValueError(f"output of type {kind} (not a tensor)")
    if m.group(1) == "string":
        return value.numpy()
    size = value.tensor_size_in_bytes()
    raw = ctypes.string_at(value.data_ptr(), size) if size else b""
    t = onnx.TensorProto(dims=value.shape(), data_type=types[m.group(1)], raw_data=raw)
    return numpy_helper.to_array(t)


def _compare(i, out, ref, rtol, atol):
    """None when output i matches its reference, else why not."""
    import numpy as np
    if out.shape != ref.shape:
        return f"output {i}: shape {list(out.shape)}, expected {list(ref.shape)}"
    if out.dtype != ref.dtype:
        return f"output {i}: element type {out.dtype}, expected {ref.dtype}"
    if ref.dtype == object or ref.dtype.kind in "SU":
        return None if np.array_equal(out, ref) else f"output {i}: strings differ"
    if ref.dtype.type.__module__.startswith("ml_dtypes"):
        name = ref.dtype.name
        if name == "bfloat16":
            rtol = max(rtol, 2 ** -6)  # two bfloat16 ULPs, as ONNX's runner
        wide = np.int64 if "int" in name else np.float32
        out, ref = out.astype(wide), ref.astype(wide)
    try:
        np.testing.assert_allclose(out, ref, rtol=rtol, atol=atol, equal_nan=True)
    except AssertionError as e:
        lines = [s.strip() for s in str(e).splitlines() if s.strip()]
        detail = "; ".join(s for s in lines if s.startswith(("Mismatched", "Max abs")))
        return f"output {i}: values differ ({detail or lines[0]})"
    except TypeError as e:
        return f"output {i}: cannot compare ({e})"
    return None


def ort_check(case_dir: str, rtol: float, atol: float) -> tuple[bool, str]:
    import onnx
    import onnxruntime as ort
    so = ort.SessionOptions()
    so.intra_op_num_threads = 1
    so.inter_op_num_threads = 1
    so.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    so.log_severity_level = 3
    try:
        sess = ort.InferenceSession(os.path.join(case_dir, "model.onnx"), so,
                                    providers=["CPUExecutionProvider"])
    except Exception as e:
        return False, "session: " + first_line(e)
    names = [i.name for i in sess.get_inputs()]
    out_names = [o.name for o in sess.get_outputs()]
    types = _ort_types()
    sets = data_sets(case_dir)
    if not sets:
        return False, "no test_data_set_N"
    for ds in sets:
        feed, keep = {}, []
        try:
            for i, path in enumerate(numbered(ds, "input")):
                t = onnx.TensorProto()
                with open(path, "rb") as f:
                    t.ParseFromString(f.read())
                name = t.name if t.name in names and t.name not in feed else (
                    names[i] if i < len(names) else None)
                if name is None:
                    return False, f"{os.path.basename(ds)}: more inputs than the model's {len(names)}"
                feed[name] = _to_ortvalue(t, keep)
            outs = sess.run_with_ort_values(out_names, feed)
            got = [_from_ortvalue(v, types) for v in outs]
        except Exception as e:
            return False, f"{os.path.basename(ds)}: run: " + first_line(e)
        refs = []
        for path in numbered(ds, "output"):
            t = onnx.TensorProto()
            with open(path, "rb") as f:
                t.ParseFromString(f.read())
            refs.append(onnx.numpy_helper.to_array(t))
        if len(refs) != len(got):
            return False, f"{os.path.basename(ds)}: {len(got)} outputs, {len(refs)} references"
        for i, (out, ref) in enumerate(zip(got, refs)):
            why = _compare(i, out, ref, rtol, atol)
            if why:
                return False, f"{os.path.basename(ds)}: {why}"
    return True, ""


def first_line(e) -> str:
    text = str(e).strip()
    return (text.splitlines()[0] if text else type(e).__name__)[:300]


def ort_worker(list_file: str) -> int:
    """--ort-worker: checks the cases of a JSON list, one line per case."""
    import warnings
    warnings.simplefilter("ignore")
    with open(list_file) as f:
        todo = json.load(f)
    for i, (case_dir, rtol, atol) in enumerate(todo):
        print(f"BEGIN {i}", flush=True)
        ok, why = ort_check(case_dir, rtol, atol)
        print(f"RESULT {i} " + json.dumps([ok, why]), flush=True)
    return 0


def _pump(stream, q):
    for line in stream:
        q.put(line)
    q.put(None)


def ort_shard(cases: list[Case], timeout: float, done) -> None:
    """Runs cases in a worker process, restarting it after a crash or hang."""
    todo = list(cases)
    while todo:
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump([[c.dir, c.rtol, c.atol] for c in todo], f)
        err = tempfile.TemporaryFile()
        p = subprocess.Popen([sys.executable, os.path.abspath(__file__), "--ort-worker", f.name],
                             stdout=subprocess.PIPE, stderr=err, text=True,
                             env=dict(os.environ, OMP_NUM_THREADS="1"))
        q = queue.Queue()
        threading.Thread(target=_pump, args=(p.stdout, q), daemon=True).start()
        current, finished, why = None, 0, None
        while True:
            try:
                line = q.get(timeout=timeout)
            except queue.Empty:
                why = f"timeout: ORT ran past {timeout:g} s"
                p.kill()
                break
            if line is None:
                break
            if line.startswith("BEGIN "):
                current = int(line.split()[1])
            elif line.startswith("RESULT "):
                _, idx, rest = line.split(" ", 2)
                ok, reason = json.loads(rest)
                done(todo[int(idx)], ok, reason)
                finished = int(idx) + 1
        p.wait()
        os.unlink(f.name)
        if finished == len(todo):
            break
        if why is None:
            err.seek(0)
            tail = [s for s in err.read().decode(errors="replace").splitlines() if s.strip()]
            why = f"crash: ORT worker exited with {p.returncode}" + (f" ({tail[-1][:200]})" if tail else "")
        stuck = current if current is not None and current >= finished else finished
        done(todo[stuck], False, why)
        todo = todo[stuck + 1:]


def ort_verdicts(cases: list[Case], cache_file: str, jobs: int, timeout: float,
                 use_cache: bool) -> tuple[int, int]:
    """Fills case.ort / case.ort_reason; returns (cached, computed)."""
    import onnxruntime as ort
    header = {"onnxruntime": ort.__version__, "policy": ORT_POLICY}
    cache = {}
    if use_cache and os.path.exists(cache_file):
        try:
            with open(cache_file) as f:
                stored = json.load(f)
            if stored.get("header") == header:
                cache = stored.get("cases", {})
        except (OSError, ValueError):
            cache = {}
    todo = []
    fps = {}
    for case in cases:
        fps[case.name] = fingerprint(case.dir)
        hit = cache.get(case.name)
        if hit and hit["fp"] == fps[case.name] and hit["tol"] == [case.rtol, case.atol]:
            case.ort, case.ort_reason = hit["pass"], hit["reason"]
        else:
            todo.append(case)
    lock = threading.Lock()
    count = [0]

    def done(case, ok, reason):
        with lock:
            case.ort, case.ort_reason = ok, reason
            cache[case.name] = {"fp": fps[case.name], "tol": [case.rtol, case.atol],
                                "pass": ok, "reason": reason}
            count[0] += 1
            if count[0] % 100 == 0:
                progress(f"ORT: {count[0]} of {len(todo)} cases")

    if todo:
        progress(f"ORT: {len(todo)} cases to run ({len(cases) - len(todo)} cached)")
        shards = [todo[i::jobs] for i in range(jobs)]
        threads = [threading.Thread(target=ort_shard, args=(s, timeout, done)) for s in shards if s]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        os.makedirs(os.path.dirname(cache_file), exist_ok=True)
        tmp = cache_file + ".tmp"
        with open(tmp, "w") as f:
            json.dump({"header": header, "cases": dict(sorted(cache.items()))}, f, indent=0)
        os.replace(tmp, cache_file)
    return len(cases) - len(todo), len(todo)


# ----------------------------------------------------------------------------- dlc

LINE = re.compile(r"^(PASS|FAIL) (\S+?)(?:: (.*))?$")
SUMMARY = re.compile(r"^\d+ passed, \d+ failed$")


def dlc_batch(dlc: str, batch: list[Case], tol: list[str], timeout: float):
    """Runs one `dlc test`; returns (verdicts in order, None or why it stopped)."""
    cmd = [dlc, "test", *tol, *[c.dir for c in batch]]
    # Its own process group, so that a timeout kills whatever it started too.
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, errors="replace", start_new_session=True)
    try:
        out, err = p.communicate(timeout=timeout)
        why = None
        if p.returncode < 0 or p.returncode > 1:
            why = f"crash: dlc test exited with {p.returncode}"
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        out, err = p.communicate()
        why = f"timeout: dlc test ran past {timeout:g} s"
    verdicts, summary = [], False
    for line in out.splitlines():
        m = LINE.match(line)
        if m and len(verdicts) < len(batch) and m.group(2) == batch[len(verdicts)].base:
            verdicts.append([m.group(1) == "PASS", m.group(3) or ""])
        elif SUMMARY.match(line):
            summary = True
        elif verdicts and not verdicts[-1][0] and not m:
            verdicts[-1][1] += "\n" + line  # a reason of several lines
    if why is None and (not summary or len(verdicts) != len(batch)):
        why = f"dlc test printed {len(verdicts)} of {len(batch)} verdicts"
    if why:
        tail = [s for s in err.splitlines() if s.strip()]
        if tail:
            why += f" ({tail[-1][:200]})"
    return verdicts, why


def dlc_run(dlc: str, batch: list[Case], tol: list[str], timeout: float) -> None:
    while batch:
        verdicts, why = dlc_batch(dlc, batch, tol, timeout)
        for case, (ok, reason) in zip(batch, verdicts):
            case.dlc, case.dlc_reason = ok, reason.strip()
        rest = batch[len(verdicts):]
        if not rest:
            return
        if len(batch) == 1:
            batch[0].dlc, batch[0].dlc_reason = False, why
            return
        # The case it stopped on, alone (its own verdict, or the crash), then the rest.
        dlc_run(dlc, rest[:1], tol, timeout)
        batch = rest[1:]


def dlc_verdicts(dlc: str, cases: list[Case], jobs: int, batch_size: int,
                 timeout: float, own_tolerance: bool) -> None:
    groups = collections.defaultdict(list)
    for case in cases:
        groups[(case.rtol, case.atol)].append(case)
    work = []
    for (rtol, atol), group in sorted(groups.items()):
        tol = [] if own_tolerance else ["--rtol", repr(rtol), "--atol", repr(atol)]
        for i in range(0, len(group), batch_size):
            work.append((group[i:i + batch_size], tol))
    lock = threading.Lock()
    state = {"next": 0, "done": 0}

    def runner():
        while True:
            with lock:
                if state["next"] >= len(work):
                    return
                batch, tol = work[state["next"]]
                state["next"] += 1
            dlc_run(dlc, batch, tol, timeout)
            with lock:
                state["done"] += len(batch)
                progress(f"dlc: {state['done']} of {len(cases)} cases")

    threads = [threading.Thread(target=runner) for _ in range(max(1, jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


# ----------------------------------------------------------------------------- report

NAMED_OP = re.compile(r"node '[^']*' \(([\w.:]+)(?:, opset \d+)?\)")


def reason_kind(reason: str) -> str:
    """A dlc failure reason without its path, names and numbers."""
    r = re.sub(r"^\S*(model\.onnx|\.pb): ", "", (reason or "").splitlines()[0] if reason else "")
    r = re.sub(r"node '[^']*' \(([\w.:]+)(?:, opset \d+)?\)", "node (OP)", r)
    r = re.sub(r"'[^']*'", "'…'", r)
    r = re.sub(r"\d[\d.e+-]*", "N", r)
    return r[:120]


def failure_op(case: Case) -> str:
    m = NAMED_OP.search(case.dlc_reason or "")
    if m and (m.group(1) in case.ops or any(o.endswith(":" + m.group(1)) for o in case.ops)):
        return m.group(1)
    real = [o for o in case.ops if o != "Constant"] or case.ops
    return real[0] if len(real) == 1 else "(several)"


def pct(a: int, b: int) -> str:
    return f"{100.0 * a / b:.1f}%" if b else "n/a"


def progress(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--ort-worker":
        return ort_worker(sys.argv[2])
    parser = argparse.ArgumentParser(
        description="Runs an ONNX backend-test suite through ONNX Runtime and "
                    "dlc; prints exact counts (see the module docstring).")
    parser.add_argument("--suite", choices=["debian", "node"], required=True)
    parser.add_argument("--data", help="the suite's directory (default: "
                        f"{DEBIAN_ROOT} for debian, gen_node_suite.py's default for node)")
    parser.add_argument("--dlc", default=os.path.join(REPO, "build", "bin", "dlc"),
                        help="the dlc to test (default: build/bin/dlc of this checkout)")
    parser.add_argument("--jobs", type=int, default=1,
                        help="ORT workers and dlc batches at a time (default 1)")
    parser.add_argument("--json", help="also write the counts and every case's verdicts here")
    parser.add_argument("--exclusions", default=None,
                        help="the exclusions file (default: test/e2e/exclusions.txt)")
    parser.add_argument("--batch-size", type=int, default=32,
                        help="cases per `dlc test` (default 32)")
    parser.add_argument("--batch-timeout", type=float, default=180,
                        help="seconds a `dlc test` batch may run (default 180)")
    parser.add_argument("--ort-timeout", type=float, default=120,
                        help="seconds ORT may take on one case (default 120)")
    parser.add_argument("--dlc-tolerance", choices=["case", "dlc"], default="case",
                        help="'case': dlc checks at the case's rtol/atol, as ORT "
                             "(default); 'dlc': dlc test's own defaults")
    parser.add_argument("--no-ort-cache", action="store_true",
                        help="run ORT on every case (the cache is rewritten)")
    parser.add_argument("--top", type=int, default=0,
                        help="op types in the failure table (default: all)")
    args = parser.parse_args()

    import exclusions
    import onnx
    import onnxruntime
    if not os.access(args.dlc, os.X_OK):
        raise SystemExit(f"suite_report: {args.dlc} is not an executable dlc (--dlc PATH)")
    version = subprocess.run([args.dlc, "--version"], capture_output=True,
                             text=True).stdout.strip()
    rules = exclusions.load(args.exclusions or exclusions.DEFAULT_FILE)
    cases, root, cache_file = find_cases(args.suite, args.data)
    classify(cases, rules)
    for c in cases:
        c.above = not c.excluded and c.opset is not None and c.opset > MAX_OPSET
    excluded = [c for c in cases if c.excluded]
    above = [c for c in cases if c.above]
    evaluated = [c for c in cases if not c.excluded and not c.above]
    run = [c for c in cases if not c.excluded]

    t0 = time.time()
    cached, computed = ort_verdicts(run, cache_file, max(1, args.jobs), args.ort_timeout,
                                    not args.no_ort_cache)
    t_ort = time.time() - t0
    t0 = time.time()
    dlc_verdicts(args.dlc, run, args.jobs, args.batch_size, args.batch_timeout,
                 args.dlc_tolerance == "dlc")
    t_dlc = time.time() - t0

    ort_pass = [c for c in evaluated if c.ort]
    dlc_pass = [c for c in ort_pass if c.dlc]
    dlc_only = [c for c in evaluated if c.dlc and not c.ort]
    failures = [c for c in ort_pass if not c.dlc]
    by_reason = collections.Counter(c.excluded.reason for c in excluded)
    table = collections.Counter(failure_op(c) for c in failures)

    restamped = None
    if args.suite == "node":
        stamp = os.path.join(root, ".complete")
        with open(stamp) as f:
            restamped = json.load(f).get("restamped")

    out = []
    p = out.append
    p(f"suite: {args.suite} ({root})")
    p(f"dlc: {args.dlc} ({version}), tolerances: "
      + ("the case's (rtol 1e-3, atol 1e-7 unless data.json says otherwise)"
         if args.dlc_tolerance == "case" else "dlc test's defaults"))
    p(f"ONNX Runtime {onnxruntime.__version__} (CPU EP, 1 thread), onnx {onnx.__version__}; "
      f"ORT verdicts: {cached} cached, {computed} run ({t_ort:.0f} s); dlc: {t_dlc:.0f} s")
    p(f"total cases: {len(cases)}")
    p(f"excluded (test/e2e/exclusions.txt): {len(excluded)}")
    for reason, n in sorted(by_reason.items(), key=lambda kv: (-kv[1], kv[0])):
        p(f"  {n:5d}  {reason}")
    ab_ort = sum(1 for c in above if c.ort)
    p(f"above opset {MAX_OPSET} (not excluded): {len(above)} (ORT passes {ab_ort}, "
      f"dlc passes {sum(1 for c in above if c.dlc)})"
      + (f"; re-stamped to {MAX_OPSET} by gen_node_suite.py: {restamped}"
         if restamped is not None else ""))
    p(f"evaluated (opset <= {MAX_OPSET}, not excluded): {len(evaluated)}")
    p(f"ORT passes: {len(ort_pass)} of {len(evaluated)}")
    p(f"dlc passes among ORT-passing: {len(dlc_pass)} of {len(ort_pass)} "
      f"({pct(len(dlc_pass), len(ort_pass))})")
    p(f"dlc passes, ORT fails: {len(dlc_only)}"
      + (": " + " ".join(c.name for c in dlc_only) if 0 < len(dlc_only) <= 20 else ""))
    p(f"dlc failures among ORT-passing, by op type ({len(failures)} cases, "
      f"{len(table)} op types):")
    rows = sorted(table.items(), key=lambda kv: (-kv[1], kv[0]))
    if args.top:
        rows = rows[: args.top]
    width = max([len(k) for k, _ in rows] + [7])
    for op, n in rows:
        p(f"  {op:<{width}}  {n:4d}")
    kinds = collections.Counter(reason_kind(c.dlc_reason) for c in failures)
    p(f"dlc failures among ORT-passing, by reason ({len(kinds)} kinds; top 12):")
    for kind, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))[:12]:
        p(f"  {n:5d}  {kind}")
    print("\n".join(out))

    if args.json:
        doc = {
            "suite": args.suite, "data": root, "dlc": args.dlc, "dlc_version": version,
            "dlc_tolerance": args.dlc_tolerance,
            "onnxruntime": onnxruntime.__version__, "onnx": onnx.__version__,
            "counts": {
                "total": len(cases), "excluded": len(excluded),
                "excluded_by_reason": dict(by_reason),
                "above_21": len(above), "above_21_ort_pass": ab_ort,
                "above_21_dlc_pass": sum(1 for c in above if c.dlc),
                "restamped": restamped,
                "evaluated": len(evaluated), "ort_pass": len(ort_pass),
                "dlc_pass_of_ort_pass": len(dlc_pass),
                "dlc_pass_percent": round(100.0 * len(dlc_pass) / len(ort_pass), 2) if ort_pass else None,
                "dlc_pass_ort_fail": len(dlc_only),
                "dlc_failures_by_op": dict(rows),
            },
            "cases": {
                c.name: {
                    "opset": c.opset, "ops": c.ops,
                    "excluded": c.excluded.reason if c.excluded else None,
                    "above_21": c.above,
                    "ort": c.ort, "ort_reason": c.ort_reason,
                    "dlc": c.dlc, "dlc_reason": c.dlc_reason,
                } for c in cases
            },
        }
        with open(args.json, "w") as f:
            json.dump(doc, f, indent=1, sort_keys=True)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
