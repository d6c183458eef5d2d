//===- Pipelines.cpp - dlc's named pass pipelines -------------------------===//
#include "dlc/Pipelines/Pipelines.h"

#include "dlc/Conversion/Passes.h"
#include "dlc/Dialect/Onnx/IR/OnnxDialect.h"
#include "dlc/Dialect/Prim/IR/PrimDialect.h"
#include "dlc/Target/Target.h"

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
  PassPipelineRegistration<>("dlc-bufferize-pipeline",
                             "linalg on tensors to linalg on memrefs",
                             dlc::buildBufferizePipeline);
  for (StringRef name : dlc::targetNames()) {
    const dlc::Target *target = dlc::lookupTarget(name);
    PassPipelineRegistration<>(
        ("dlc-" + name + "-codegen-pipeline").str(),
        ("linalg on memrefs to the " + name +
         " target's lowest dialect with the runtime ABI")
            .str(),
        [target](OpPassManager &pm) { target->buildCodegenPipeline(pm); });
  }
  PassPipelineRegistration<>(
      "dlc-linalg-to-llvm-pipeline",
      "linalg on tensors to the LLVM dialect with the runtime ABI "
      "(dlc-bufferize-pipeline, dlc-cpu-codegen-pipeline)",
      [](OpPassManager &pm) {
        dlc::buildBufferizePipeline(pm);
        dlc::lookupTarget("cpu")->buildCodegenPipeline(pm);
      });
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
                  "func.func(dlc-fuse-elementwise),"
                  "func.func(dlc-collapse-parallel-dims),canonicalize,cse");
}

void dlc::buildBufferizePipeline(OpPassManager &pm) {
  addPipeline(pm, "one-shot-bufferize{bufferize-function-boundaries "
                  "function-boundary-type-conversion=identity-layout-map},"
                  "dlc-abi-out-params,"
                  "buffer-deallocation-pipeline,"
                  "convert-bufferization-to-memref");
}
