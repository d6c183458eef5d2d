//===- FuseElementwise.cpp - the dlc-fuse-elementwise pass ----------------===//
//
// linalg's elementwise fusion, with a control that never makes a producer
// run more than once per element it computes: into an op with reduction
// loops (a matmul, a convolution, a reduction) a producer fuses only where
// the op reads each of its elements once (a permutation map), and reshapes
// are never folded into or out of such an op (that would turn a named
// contraction into a generic the GEMM and conv kernels no longer see).
//
//===----------------------------------------------------------------------===//
#include "dlc/Conversion/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tensor/Transforms/Transforms.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace dlc {
#define GEN_PASS_DEF_FUSEELEMENTWISE
#include "dlc/Conversion/Passes.h.inc"
} // namespace dlc

using namespace mlir;

namespace {

/// Whether the producer of `fused` (an elementwise op or a reshape) may
/// fuse into its consumer.
bool mayFuse(OpOperand *fused) {
  Operation *producer = fused->get().getDefiningOp();
  if (!producer || !producer->hasOneUse())
    return false;
  // A reshape of a contraction's result stays a reshape.
  if (auto linalgProducer = dyn_cast<linalg::LinalgOp>(producer))
    if (linalgProducer.getNumReductionLoops() != 0)
      return false;
  auto consumer = dyn_cast<linalg::LinalgOp>(fused->getOwner());
  if (!consumer || consumer.getNumReductionLoops() == 0)
    return true;
  if (isa<tensor::CollapseShapeOp, tensor::ExpandShapeOp>(producer))
    return false;
  return consumer.getMatchingIndexingMap(fused).isPermutation();
}

struct FuseElementwisePass
    : dlc::impl::FuseElementwiseBase<FuseElementwisePass> {
  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    RewritePatternSet patterns(ctx);
    linalg::populateElementwiseOpsFusionPatterns(patterns, mayFuse);
    linalg::populateFoldReshapeOpsByExpansionPatterns(patterns, mayFuse);
    linalg::populateConstantFoldLinalgOperations(patterns, mayFuse);
    linalg::populateEraseUnnecessaryInputsPatterns(patterns);
    affine::AffineApplyOp::getCanonicalizationPatterns(patterns, ctx);
    linalg::GenericOp::getCanonicalizationPatterns(patterns, ctx);
    tensor::ExpandShapeOp::getCanonicalizationPatterns(patterns, ctx);
    tensor::CollapseShapeOp::getCanonicalizationPatterns(patterns, ctx);
    tensor::populateFoldTensorEmptyPatterns(patterns);
    if (failed(
            applyPatternsAndFoldGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
