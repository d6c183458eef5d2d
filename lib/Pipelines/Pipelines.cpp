//===- Pipelines.cpp - dlc's named pass pipelines -------------------------===//
#include "dlc/Pipelines/Pipelines.h"

#include "dlc/Conversion/Passes.h"
#include "dlc/Dialect/Onnx/IR/OnnxDialect.h"
#include "dlc/Dialect/Prim/IR/PrimDialect.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"

#include <mutex>

using namespace mlir;

namespace {

/// Parses a fixed upstream pipeline string into `pm`. The strings are part
/// of dlc, so failing to parse one is a bug in dlc, never in user input.
void addPipeline(OpPassManager &pm, StringRef pipeline) {
  if (failed(parsePassPipeline(pipeline, pm, llvm::errs())))
    llvm::report_fatal_error("dlc: malformed built-in pass pipeline");
}

void registerOnce() {
  mlir::registerAllPasses();
  dlc::registerDlcPasses();
  PassPipelineRegistration<>("dlc-onnx-to-prim-pipeline",
                             "onnx dialect to prim",
                             dlc::buildOnnxToPrimPipeline);
  PassPipelineRegistration<>("dlc-prim-to-linalg-pipeline",
                             "prim to fused linalg on tensors",
                             dlc::buildPrimToLinalgPipeline);
  PassPipelineRegistration<>(
      "dlc-linalg-to-llvm-pipeline",
      "linalg on tensors to the LLVM dialect with the runtime ABI",
      dlc::buildLinalgToLlvmPipeline);
}

} // namespace

void dlc::registerAllDialects(DialectRegistry &registry) {
  registry.insert<onnx::OnnxDialect, prim::PrimDialect>();
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
}

void dlc::registerAllPasses() {
  static std::once_flag once;
  std::call_once(once, registerOnce);
}

void dlc::buildOnnxToPrimPipeline(OpPassManager &pm) {
  addPipeline(pm, "convert-onnx-to-prim,canonicalize,cse");
}

void dlc::buildPrimToLinalgPipeline(OpPassManager &pm) {
  // The metadata is read off prim's types, which still tell unsigned from
  // signed integers.
  addPipeline(pm, "dlc-record-model-metadata,"
                  "func.func(convert-prim-to-linalg),canonicalize,"
                  "linalg-fuse-elementwise-ops,"
                  "func.func(dlc-collapse-parallel-dims),canonicalize,cse");
}

void dlc::buildLinalgToLlvmPipeline(OpPassManager &pm) {
  addPipeline(
      pm, "one-shot-bufferize{bufferize-function-boundaries "
          "function-boundary-type-conversion=identity-layout-map},"
          "buffer-results-to-out-params,"
          "buffer-deallocation-pipeline,convert-bufferization-to-memref,"
          "dlc-linalg-to-microkernels,"
          "func.func(dlc-lower-memref-copy,convert-linalg-to-loops,"
          "dlc-approximate-math),"
          "canonicalize,lower-affine,convert-scf-to-cf,expand-strided-metadata,"
          "finalize-memref-to-llvm{use-generic-functions},convert-math-to-"
          "funcs,convert-math-to-llvm,"
          "convert-math-to-libm,convert-arith-to-llvm,convert-index-to-llvm,"
          "convert-func-to-llvm,convert-cf-to-llvm,reconcile-unrealized-casts,"
          "dlc-emit-model-abi");
}
