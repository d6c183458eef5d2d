//===- Passes.td - dlc's passes ----------------------------*- tablegen -*-===//
#ifndef DLC_PASSES
#define DLC_PASSES

include "mlir/Pass/PassBase.td"

def ConvertOnnxToPrim : Pass<"convert-onnx-to-prim", "mlir::ModuleOp"> {
  let summary = "Decompose every onnx.node into prim ops";
  let description = [{
    Walks each function in order and replaces every `onnx.node` by prim ops,
    choosing the rule by op type and the newest "since version" at or below
    the node's opset version. Result types are inferred as it goes; the
    function signature is updated at the end. A node without a rule, or
    whose attributes or inputs a rule cannot handle, is an error naming the
    node, its op type and opset.
  }];
  let dependentDialects = ["::dlc::prim::PrimDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::func::FuncDialect"];
}

def ConvertPrimToLinalg : Pass<"convert-prim-to-linalg", "mlir::func::FuncOp"> {
  let summary = "Lower prim ops to linalg, tensor and arith";
  let description = [{
    Elementwise ops and broadcasts become `linalg.generic`, contractions
    `linalg.matmul`/`linalg.batch_matmul`/`linalg.conv_2d_*`, reductions
    `linalg.reduce`, shape ops `tensor` ops.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect",
                           "::mlir::tensor::TensorDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::math::MathDialect"];
}

def CollapseParallelDims
    : Pass<"dlc-collapse-parallel-dims", "mlir::func::FuncOp"> {
  let summary = "Merge the contiguous dims of elementwise linalg.generic ops";
  let description = [{
    An all-parallel `linalg.generic` whose consecutive dims stay contiguous
    in every operand (e.g. all of them for identity maps, H and W for a
    per-channel bias) iterates them as one dim. The innermost loop then runs
    over whole rows or tensors, which LLVM vectorizes with plain vector
    loads instead of unrolling a short inner loop and gathering across it.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect",
                           "::mlir::tensor::TensorDialect"];
}

def LinalgToMicrokernels
    : Pass<"dlc-linalg-to-microkernels", "mlir::ModuleOp"> {
  let summary = "Call dlc's runtime microkernels for f32 GEMM and conv";
  let description = [{
    On buffers: replaces f32 `linalg.matmul`, `linalg.batch_matmul` and
    contiguous `linalg.conv_2d_nchw_fchw` / `linalg.conv_2d_ngchw_gfchw` by
    calls to `dlc_rt_sgemm` / `dlc_rt_conv2d` (blocked, packed, vectorized
    kernels with CPU dispatch, in the runtime). Other element types are left
    for the loop lowering.
  }];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::func::FuncDialect",
                           "::mlir::memref::MemRefDialect"];
}

def LowerMemrefCopy : Pass<"dlc-lower-memref-copy", "mlir::func::FuncOp"> {
  let summary = "Turn memref.copy into linalg.copy";
  let description = [{
    Copies between buffers of any layout then lower to plain loops (which
    LLVM turns into memcpy where contiguous), so the object code needs no
    MLIR runtime support library.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect"];
}

def ApproximateMath : Pass<"dlc-approximate-math", "mlir::func::FuncOp"> {
  let summary = "Replace transcendental math ops by vectorizable polynomials";
  let description = [{
    exp, log, tanh, erf and friends become f32 polynomial approximations
    (accurate to a few ulp) that LLVM's loop vectorizer can vectorize,
    instead of opaque libm calls.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::math::MathDialect",
                           "::mlir::vector::VectorDialect"];
}

def RecordModelMetadata
    : Pass<"dlc-record-model-metadata", "mlir::ModuleOp"> {
  let summary = "Describe main_graph's inputs and outputs for the runtime";
  let description = [{
    Reads names (`onnx.name`), element types and shapes off `main_graph`'s
    tensor signature and stores the runtime's metadata text in the module
    attribute `dlc.model_metadata`. Runs on prim, while results still carry
    their names and integer types their signedness; marks `main_graph` for a
    C interface.
  }];
}

def EmitModelAbi : Pass<"dlc-emit-model-abi", "mlir::ModuleOp"> {
  let summary = "Emit the model entry point and metadata the runtime reads";
  let description = [{
    On the LLVM dialect: adds `dlc_model_entry(ptr args)`, which unpacks an
    array of memref-descriptor pointers (inputs, then outputs) and calls the
    C interface of the graph function, and `dlc_model_metadata`, the
    NUL-terminated description of inputs and outputs held in the module's
    `dlc.model_metadata` attribute.
  }];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
}

#endif // DLC_PASSES
