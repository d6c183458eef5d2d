//===- CollapseParallelDims.cpp - the dlc-collapse-parallel-dims pass -----===//
#include "dlc/Conversion/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace dlc {
#define GEN_PASS_DEF_COLLAPSEPARALLELDIMS
#include "dlc/Conversion/Passes.h.inc"
} // namespace dlc

using namespace mlir;

namespace {

/// Greedy maximal runs of consecutive dims that stay contiguous in every
/// indexing map; only runs of two or more dims are returned.
SmallVector<ReassociationIndices> collapsibleDims(linalg::LinalgOp op) {
  auto generic = dyn_cast<linalg::GenericOp>(op.getOperation());
  if (!generic || generic.getNumReductionLoops() != 0 ||
      !generic.hasPureTensorSemantics() ||
      llvm::any_of(generic.getStaticLoopRanges(), ShapedType::isDynamic))
    return {};
  SmallVector<AffineMap> maps = generic.getIndexingMapsArray();
  // linalg's collapsing handles maps of plain dims only (no broadcasts of
  // size-1 dims, which read as constant indices).
  if (!llvm::all_of(maps,
                    [](AffineMap m) { return m.isProjectedPermutation(); }))
    return {};
  SmallVector<ReassociationIndices> groups;
  int64_t numLoops = generic.getNumLoops();
  ReassociationIndices run = {0};
  auto flush = [&] {
    if (run.size() > 1)
      groups.push_back(run);
  };
  for (int64_t d = 1; d < numLoops; ++d) {
    ReassociationIndices extended(run);
    extended.push_back(d);
    if (linalg::areDimSequencesPreserved(maps, extended)) {
      run = std::move(extended);
      continue;
    }
    flush();
    run = {d};
  }
  flush();
  return groups;
}

struct CollapseParallelDimsPass
    : dlc::impl::CollapseParallelDimsBase<CollapseParallelDimsPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    linalg::populateCollapseDimensions(patterns, collapsibleDims);
    if (failed(
            applyPatternsAndFoldGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
