//===- Pipelines.h - dlc's named pass pipelines -----------------*- C++ -*-===//
#ifndef DLC_PIPELINES_PIPELINES_H
#define DLC_PIPELINES_PIPELINES_H

namespace mlir {
class DialectRegistry;
class OpPassManager;
} // namespace mlir

namespace dlc {

/// Every dialect dlc's pipelines create or read.
void registerAllDialects(mlir::DialectRegistry &registry);
/// dlc's passes, the upstream passes its pipelines use, and the named
/// pipelines below (for dlc-opt).
void registerAllPasses();

/// onnx -> prim: `dlc-onnx-to-prim-pipeline`.
void buildOnnxToPrimPipeline(mlir::OpPassManager &pm);
/// prim -> fused linalg on tensors: `dlc-prim-to-linalg-pipeline`.
void buildPrimToLinalgPipeline(mlir::OpPassManager &pm);
/// linalg on tensors -> linalg on memrefs (results as out-parameters,
/// deallocations inserted): `dlc-bufferize-pipeline`. A target's codegen
/// pipeline (dlc/Target/Target.h) continues from here; dlc-opt has it as
/// `dlc-<target>-codegen-pipeline`, and `dlc-linalg-to-llvm-pipeline` is
/// this one followed by the CPU target's.
void buildBufferizePipeline(mlir::OpPassManager &pm);

} // namespace dlc

#endif // DLC_PIPELINES_PIPELINES_H
