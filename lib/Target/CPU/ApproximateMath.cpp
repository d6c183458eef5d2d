//===- ApproximateMath.cpp - vectorizable math approximations -------------===//
#include "dlc/Conversion/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

namespace dlc {
#define GEN_PASS_DEF_APPROXIMATEMATH
#include "dlc/Conversion/Passes.h.inc"
} // namespace dlc

using namespace mlir;

namespace {

struct ApproximateMathPass
    : dlc::impl::ApproximateMathBase<ApproximateMathPass> {
  void runOnOperation() override {
    // The sin polynomial reduces x by floor(x * 2/pi) quarter periods, so a
    // small negative x becomes -cos(x + pi/2): right to ~1e-7, a large
    // relative error near 0. sin is odd: sin(x) = sin(|x|) * copysign(1, x).
    SmallVector<math::SinOp> sines;
    getOperation().walk([&](math::SinOp op) {
      if (getElementTypeOrSelf(op.getType()).getIntOrFloatBitWidth() <= 32)
        sines.push_back(op);
    });
    for (math::SinOp op : sines) {
      OpBuilder b(op);
      Location loc = op.getLoc();
      Value x = op.getOperand();
      Value sine = b.create<math::SinOp>(loc, b.create<math::AbsFOp>(loc, x));
      TypedAttr oneAttr = b.getFloatAttr(getElementTypeOrSelf(x), 1.0);
      if (auto shaped = dyn_cast<ShapedType>(x.getType()))
        oneAttr = DenseElementsAttr::get(shaped, oneAttr);
      Value one = b.create<arith::ConstantOp>(loc, oneAttr);
      Value sign = b.create<math::CopySignOp>(loc, one, x);
      op.replaceAllUsesWith(
          b.create<arith::MulFOp>(loc, sine, sign).getResult());
      op.erase();
    }
    RewritePatternSet patterns(&getContext());
    populateMathPolynomialApproximationPatterns(patterns);
    if (failed(
            applyPatternsAndFoldGreedily(getOperation(), std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
