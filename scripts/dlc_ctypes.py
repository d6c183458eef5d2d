"""ctypes binding for a model library compiled by dlc (`dlc compile model.onnx -o model.so`).

Every model .so exports the C ABI of include/dlc/runtime/dlc_runtime.h; tensors
cross it as DLPack 0.6 `DLTensor`s on the CPU. This module needs only numpy.

    from dlc_ctypes import DlcModel
    with DlcModel("build/demo/cnn.so") as m:
        print(m.inputs, m.outputs)            # [TensorInfo(name='image', dtype=float32, shape=(1, 3, 32, 32))]
        (probs,) = m.run([image])             # list (in input order) or {name: array}
        run = m.bind([image])                 # pre-built call for benchmarking:
        run(); run()                          #   no allocation, returns the same output arrays

Errors from the runtime raise DlcError (status name + the runtime's message).
Libraries are loaded RTLD_LOCAL, so several models can live in one process.
"""

from __future__ import annotations

import ctypes
import os
from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np

__all__ = ["DlcModel", "DlcError", "TensorInfo", "BoundRun", "DLTensor", "DLDataType", "DLDevice"]

# --------------------------------------------------------------------------- DLPack 0.6

KDL_CPU = 1

KDL_INT, KDL_UINT, KDL_FLOAT, KDL_BFLOAT, KDL_BOOL = 0, 1, 2, 4, 6


class DLDevice(ctypes.Structure):
    _fields_ = [("device_type", ctypes.c_int32), ("device_id", ctypes.c_int32)]


class DLDataType(ctypes.Structure):
    _fields_ = [("code", ctypes.c_uint8), ("bits", ctypes.c_uint8), ("lanes", ctypes.c_uint16)]


class DLTensor(ctypes.Structure):
    _fields_ = [
        ("data", ctypes.c_void_p),
        ("device", DLDevice),
        ("ndim", ctypes.c_int32),
        ("dtype", DLDataType),
        ("shape", ctypes.POINTER(ctypes.c_int64)),
        ("strides", ctypes.POINTER(ctypes.c_int64)),
        ("byte_offset", ctypes.c_uint64),
    ]


# --------------------------------------------------------------------------- dlc ABI structs

DLC_STATUS_NAMES = {
    0: "DLC_OK",
    1: "DLC_ERROR_INVALID_ARGUMENT",
    2: "DLC_ERROR_OUT_OF_MEMORY",
    3: "DLC_ERROR_INTERNAL",
}


class _DlcErrorStruct(ctypes.Structure):
    _fields_ = [("message", ctypes.c_char * 512)]


class _DlcTensorInfo(ctypes.Structure):
    _fields_ = [
        ("name", ctypes.c_char_p),
        ("dtype", DLDataType),
        ("ndim", ctypes.c_int32),
        ("shape", ctypes.POINTER(ctypes.c_int64)),
        ("dim_names", ctypes.POINTER(ctypes.c_char_p)),  # ABI v2
    ]


class DlcError(RuntimeError):
    """A dlc_* call returned a status other than DLC_OK."""

    def __init__(self, call: str, status: int, message: str):
        self.call, self.status, self.message = call, status, message
        name = DLC_STATUS_NAMES.get(status, f"status {status}")
        super().__init__(f"{call}: {name}: {message or '(no message)'}")


# --------------------------------------------------------------------------- dtypes

def _dtype_table() -> dict[tuple[int, int, int], np.dtype]:
    t = {
        (KDL_FLOAT, 16, 1): np.dtype(np.float16),
        (KDL_FLOAT, 32, 1): np.dtype(np.float32),
        (KDL_FLOAT, 64, 1): np.dtype(np.float64),
        (KDL_INT, 8, 1): np.dtype(np.int8),
        (KDL_INT, 16, 1): np.dtype(np.int16),
        (KDL_INT, 32, 1): np.dtype(np.int32),
        (KDL_INT, 64, 1): np.dtype(np.int64),
        (KDL_UINT, 8, 1): np.dtype(np.uint8),
        (KDL_UINT, 16, 1): np.dtype(np.uint16),
        (KDL_UINT, 32, 1): np.dtype(np.uint32),
        (KDL_UINT, 64, 1): np.dtype(np.uint64),
        (KDL_BOOL, 8, 1): np.dtype(np.bool_),
    }
    try:  # bfloat16 when ml_dtypes (an onnx dependency) is present
        import ml_dtypes

        t[(KDL_BFLOAT, 16, 1)] = np.dtype(ml_dtypes.bfloat16)
    except ImportError:
        pass
    return t


_DL_TO_NP = _dtype_table()
_NP_TO_DL = {v: k for k, v in _DL_TO_NP.items()}


def dl_dtype_of(dtype: np.dtype) -> tuple[int, int, int]:
    dtype = np.dtype(dtype)
    if dtype not in _NP_TO_DL:
        raise TypeError(f"numpy dtype {dtype} has no DLPack mapping in dlc_ctypes")
    return _NP_TO_DL[dtype]


def dl_dtype_str(code: int, bits: int, lanes: int) -> str:
    names = {KDL_INT: "int", KDL_UINT: "uint", KDL_FLOAT: "float", KDL_BFLOAT: "bfloat", KDL_BOOL: "bool"}
    s = f"{names.get(code, f'code{code}')}{bits}"
    return s if lanes == 1 else f"{s}x{lanes}"


@dataclass(frozen=True)
class TensorInfo:
    """One input or output of a model. Dynamic dims (negative in the ABI) are None."""

    name: str
    dl_dtype: tuple[int, int, int]  # (code, bits, lanes)
    shape: tuple[int | None, ...]

    @property
    def dtype(self) -> np.dtype | None:
        """numpy dtype, or None when numpy has no equivalent."""
        return _DL_TO_NP.get(self.dl_dtype)

    @property
    def is_static(self) -> bool:
        return all(d is not None for d in self.shape)

    def __repr__(self) -> str:
        dt = self.dtype if self.dtype is not None else dl_dtype_str(*self.dl_dtype)
        shape = tuple("?" if d is None else d for d in self.shape)
        return f"TensorInfo(name={self.name!r}, dtype={dt}, shape={shape})"


def _fill_tensor(t: DLTensor, arr: np.ndarray, shape_buf) -> None:
    code, bits, lanes = dl_dtype_of(arr.dtype)
    t.data = arr.ctypes.data if arr.size else None
    t.device = DLDevice(KDL_CPU, 0)
    t.ndim = arr.ndim
    t.dtype = DLDataType(code, bits, lanes)
    t.shape = ctypes.cast(shape_buf, ctypes.POINTER(ctypes.c_int64)) if arr.ndim else None
    t.strides = None  # compact row-major
    t.byte_offset = 0


# --------------------------------------------------------------------------- model


class BoundRun:
    """A dlc_model_run call with every argument prepared in advance.

    Calling it runs the model on the bound inputs into the bound output arrays
    (overwritten each call) and returns them. Keeps the inputs alive.
    """

    def __init__(self, model: "DlcModel", inputs: list[np.ndarray], outputs: list[np.ndarray]):
        self._model = model
        self.inputs = inputs
        self.outputs = outputs
        self._in_shapes = [(ctypes.c_int64 * max(a.ndim, 1))(*a.shape) for a in inputs]
        self._out_shapes = [(ctypes.c_int64 * max(a.ndim, 1))(*a.shape) for a in outputs]
        self._in = (DLTensor * max(len(inputs), 1))()
        self._out = (DLTensor * max(len(outputs), 1))()
        for t, a, s in zip(self._in, inputs, self._in_shapes):
            _fill_tensor(t, a, s)
        for t, a, s in zip(self._out, outputs, self._out_shapes):
            _fill_tensor(t, a, s)
        self._err = _DlcErrorStruct()
        self._fn = model._lib.dlc_model_run
        self._args = (model._handle, self._in, len(inputs), self._out, len(outputs), ctypes.byref(self._err))

    def __call__(self) -> list[np.ndarray]:
        status = self._fn(*self._args)
        if status != 0:
            raise DlcError("dlc_model_run", status, self._err.message.decode(errors="replace"))
        return self.outputs


class DlcModel:
    """A model library compiled by dlc, opened through its C ABI."""

    def __init__(self, path: str | os.PathLike):
        self.path = os.path.abspath(os.fspath(path))
        self._handle = None
        # RTLD_LOCAL: each model's copy of the runtime stays private to it.
        self._lib = ctypes.CDLL(self.path, mode=os.RTLD_NOW | os.RTLD_LOCAL)
        self._declare()
        err = _DlcErrorStruct()
        handle = ctypes.c_void_p()
        self._check("dlc_model_open", self._lib.dlc_model_open(ctypes.byref(handle), ctypes.byref(err)), err)
        if not handle.value:
            raise DlcError("dlc_model_open", 3, "returned DLC_OK but no model")
        self._handle = handle
        self.inputs = self._infos(self._lib.dlc_model_num_inputs, self._lib.dlc_model_input_info, "dlc_model_input_info")
        self.outputs = self._infos(self._lib.dlc_model_num_outputs, self._lib.dlc_model_output_info, "dlc_model_output_info")

    # -- setup

    def _declare(self) -> None:
        L = self._lib
        P = ctypes.c_void_p
        E = ctypes.POINTER(_DlcErrorStruct)
        try:
            L.dlc_model_open.argtypes = [ctypes.POINTER(P), E]
            L.dlc_model_open.restype = ctypes.c_int
            L.dlc_model_close.argtypes = [P]
            L.dlc_model_close.restype = None
            for f in (L.dlc_model_num_inputs, L.dlc_model_num_outputs):
                f.argtypes = [P]
                f.restype = ctypes.c_size_t
            for f in (L.dlc_model_input_info, L.dlc_model_output_info):
                f.argtypes = [P, ctypes.c_size_t, ctypes.POINTER(_DlcTensorInfo), E]
                f.restype = ctypes.c_int
            L.dlc_model_run.argtypes = [P, ctypes.POINTER(DLTensor), ctypes.c_size_t,
                                        ctypes.POINTER(DLTensor), ctypes.c_size_t, E]
            L.dlc_model_run.restype = ctypes.c_int
        except AttributeError as e:
            raise OSError(f"{self.path} does not export the dlc C ABI: {e}") from e

    @staticmethod
    def _check(call: str, status: int, err: _DlcErrorStruct) -> None:
        if status != 0:
            raise DlcError(call, status, err.message.decode(errors="replace"))

    def _infos(self, count_fn, info_fn, call: str) -> list[TensorInfo]:
        out = []
        for i in range(count_fn(self._handle)):
            info = _DlcTensorInfo()
            err = _DlcErrorStruct()
            self._check(f"{call}({i})", info_fn(self._handle, i, ctypes.byref(info), ctypes.byref(err)), err)
            shape = tuple(None if info.shape[d] < 0 else int(info.shape[d]) for d in range(info.ndim))
            name = info.name.decode() if info.name else f"#{i}"
            out.append(TensorInfo(name, (info.dtype.code, info.dtype.bits, info.dtype.lanes), shape))
        return out

    # -- use

    def _prepare_inputs(self, inputs: Sequence[np.ndarray] | Mapping[str, np.ndarray]) -> list[np.ndarray]:
        if isinstance(inputs, Mapping):
            missing = [i.name for i in self.inputs if i.name not in inputs]
            extra = sorted(set(inputs) - {i.name for i in self.inputs})
            if missing or extra:
                raise ValueError(f"inputs: missing {missing}, unexpected {extra}")
            inputs = [inputs[i.name] for i in self.inputs]
        if len(inputs) != len(self.inputs):
            raise ValueError(f"model takes {len(self.inputs)} inputs, got {len(inputs)}")
        arrays = []
        for info, a in zip(self.inputs, inputs):
            a = np.ascontiguousarray(a)
            if info.dtype is not None and a.dtype != info.dtype:
                raise TypeError(f"input {info.name!r}: expected {info.dtype}, got {a.dtype}")
            if len(info.shape) != a.ndim or any(d is not None and d != s for d, s in zip(info.shape, a.shape)):
                raise ValueError(f"input {info.name!r}: expected shape {info.shape}, got {a.shape}")
            arrays.append(a)
        return arrays

    def _alloc_outputs(self, output_shapes: Sequence[Sequence[int]] | None) -> list[np.ndarray]:
        outs = []
        for i, info in enumerate(self.outputs):
            if info.dtype is None:
                raise TypeError(f"output {info.name!r}: dtype {dl_dtype_str(*info.dl_dtype)} has no numpy equivalent")
            if output_shapes is not None:
                shape = tuple(output_shapes[i])
            elif info.is_static:
                shape = info.shape
            else:
                raise ValueError(f"output {info.name!r} has dynamic shape {info.shape}: pass output_shapes")
            outs.append(np.empty(shape, dtype=info.dtype))
        return outs

    def bind(self, inputs, output_shapes=None) -> BoundRun:
        """Prepare a call (see BoundRun); inputs as in run()."""
        if self._handle is None:
            raise ValueError("model is closed")
        return BoundRun(self, self._prepare_inputs(inputs), self._alloc_outputs(output_shapes))

    def run(self, inputs, output_shapes=None) -> list[np.ndarray]:
        """Run once. inputs: arrays in input order, or {name: array}. Returns fresh output arrays."""
        return self.bind(inputs, output_shapes)()

    def close(self) -> None:
        if self._handle is not None:
            self._lib.dlc_model_close(self._handle)
            self._handle = None

    def __enter__(self) -> "DlcModel":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:
            pass

    def __repr__(self) -> str:
        return f"DlcModel({self.path!r}, inputs={self.inputs}, outputs={self.outputs})"
