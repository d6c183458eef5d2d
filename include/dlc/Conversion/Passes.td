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
    `linalg.reduce`, shape ops `tensor` ops, running sums (`prim.cumsum`) an
    `scf.for` over the scanned dim.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect",
                           "::mlir::tensor::TensorDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::cf::ControlFlowDialect",
                           "::mlir::math::MathDialect",
                           "::mlir::scf::SCFDialect"];
}

def FuseElementwise : Pass<"dlc-fuse-elementwise", "mlir::func::FuncOp"> {
  let summary = "Fuse elementwise producers where nothing is recomputed";
  let description = [{
    linalg's elementwise-op fusion and reshape propagation, except that a
    producer fuses into an op with reduction loops (matmul, convolution,
    reduction) only where that op reads each element once, and a reshape
    never folds into such an op. Upstream's `linalg-fuse-elementwise-ops`
    would fuse a LayerNorm or GELU into the matmul consuming it, recomputing
    it for every output column and turning the named matmul into a generic
    that no GEMM kernel sees.
  }];
  let dependentDialects = ["::mlir::affine::AffineDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::tensor::TensorDialect"];
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
    instead of opaque libm calls. sin and cos are accurate to about 1e-7
    absolute, plus up to about 1e-7 * |x| from their range reduction; sin is
    approximated on |x| and takes x's sign after, so that it stays accurate
    relative to x near 0.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::math::MathDialect",
                           "::mlir::vector::VectorDialect"];
}

def RecordModelMetadata
    : Pass<"dlc-record-model-metadata", "mlir::ModuleOp"> {
  let summary = "Describe the model's functions for the runtime";
  let description = [{
    The model's function table is `main` (`main_graph`). Reads names
    (`onnx.name`), element types, shapes and symbolic dim names
    (`onnx.dim_params`) off each function's tensor signature and stores the
    runtime's metadata text (version 2) in the module attribute
    `dlc.model_metadata` and the functions, in table order, in
    `dlc.functions`. Results with a dynamic dim are marked
    `dlc.dynamic_output`: the compiled function returns them, while the
    others become out-parameters (`dlc-abi-out-params`). Runs on prim, while
    results still carry their names and integer types their signedness;
    marks each function for a C interface.
  }];
}

def LowerShapeChecks : Pass<"dlc-lower-shape-checks", "mlir::ModuleOp"> {
  let summary = "Run-time shape checks call the runtime instead of aborting";
  let description = [{
    Each `cf.assert` becomes a conditional call of the runtime's
    `dlc_rt_shape_error(format, a, b)`, which ends the run with
    `DLC_ERROR_SHAPE` and the formatted message. For the checks
    convert-prim-to-linalg emits (`dlc.shape_check`: the condition is an
    `arith.cmpi` of sizes a and b and the message a format naming them
    %1$lld and %2$lld) the two
    sizes are passed; any other assert's message is passed as it is.
  }];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect",
                           "::mlir::func::FuncDialect",
                           "::mlir::scf::SCFDialect"];
}

def AbiOutParams : Pass<"dlc-abi-out-params", "mlir::ModuleOp"> {
  let summary = "Static-shaped results of the model's functions become out-parameters";
  let description = [{
    On buffers, for each function of `dlc.functions`: every result not
    marked `dlc.dynamic_output` (its shape is static) becomes a trailing
    memref argument marked `dlc.output_index`, written in place when the
    result is an allocation of the function (no copy), else copied into.
    Results with dynamic dims stay results: the runtime receives their
    buffers.
  }];
  let dependentDialects = ["::mlir::memref::MemRefDialect"];
}

def EmitModelAbi : Pass<"dlc-emit-model-abi", "mlir::ModuleOp"> {
  let summary = "Emit the entry table and metadata the runtime reads";
  let description = [{
    On the LLVM dialect: for function i of `dlc.functions`, adds
    `dlc_model_entry_<i>(ptr args, ptr packed)`, which unpacks an array of
    memref-descriptor pointers (inputs, then outputs) and calls the
    function's C interface, storing the descriptors of returned outputs
    into their slots; `dlc_model_functions` (the entries, in order) and
    `dlc_model_function_count`; and `dlc_model_metadata`, the
    NUL-terminated text held in the module's `dlc.model_metadata`.
  }];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
}

#endif // DLC_PASSES
