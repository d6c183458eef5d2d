//===- Loss.cpp - NegativeLogLikelihoodLoss, SoftmaxCrossEntropyLoss ------===//
//
// NegativeLogLikelihoodLoss takes, at each position [n, d...] of the target,
// minus the input's element of the target's class (take-along-axis on dim
// 1), times the class's weight (a gather of the weights), and 0 where the
// target is ignore_index. `sum` adds the losses up, `mean` divides that by
// the weights of the positions counted (their number without weights).
// SoftmaxCrossEntropyLoss is that loss of the log-softmax of the scores over
// the classes, which is also its log_prob output.
//
//===----------------------------------------------------------------------===//
#include "OnnxToPrim.h"

#include "llvm/Support/FormatVariadic.h"

using namespace mlir;
using namespace dlc;
using namespace dlc::onnx_to_prim;

namespace {

/// Checks the inputs of a loss node: the input (scores) [N, C, d...] of
/// floats, the target (labels) [N, d...] of integers, the optional weights
/// [C] of the input's type, and the reduction attribute.
LogicalResult checkLossInputs(NodeContext &ctx) {
  auto xt = ctx.inputType(0), tt = ctx.inputType(1);
  if (!isa<FloatType>(xt.getElementType()) || xt.getRank() < 2)
    return ctx.fail("the input must be a float tensor [N, C] or [N, C, d1, "
                    "...], got " +
                    llvm::formatv("{0}", xt).str());
  if (!isa<IntegerType>(tt.getElementType()) ||
      tt.getRank() != xt.getRank() - 1)
    return ctx.fail("the target must be an integer tensor of rank " +
                    Twine(xt.getRank() - 1) + " ([N, d1, ...]), got " +
                    llvm::formatv("{0}", tt).str());
  if (ctx.hasInput(2) &&
      (ctx.inputType(2).getRank() != 1 ||
       ctx.inputType(2).getElementType() != xt.getElementType()))
    return ctx.fail("the weight must be a 1-D tensor [C] of the input's "
                    "element type, got " +
                    llvm::formatv("{0}", ctx.inputType(2)).str());
  std::string reduction = ctx.stringAttr("reduction", "mean");
  if (reduction != "none" && reduction != "sum" && reduction != "mean")
    return ctx.fail("reduction must be 'none', 'sum' or 'mean', got '" +
                    reduction + "'");
  return success();
}

/// The negative log-likelihood loss of `logProb` ([N, C, d...]) at the
/// node's target, with its weights, ignore_index and reduction.
Value nllLoss(NodeContext &ctx, Value logProb) {
  OpBuilder &b = ctx.b;
  Location loc = ctx.loc;
  Value target = ctx.input(1);
  auto tt = ctx.inputType(1);
  Type elementType = cast<RankedTensorType>(logProb.getType()).getElementType();
  // The target as [N, 1, d...] picks the class along dim 1.
  Sizes targetSizes = sizesOf(b, loc, target);
  Sizes pickSizes = targetSizes;
  pickSizes.insert(pickSizes.begin() + 1, b.getIndexAttr(1));
  Value picked =
      takeAlongAxis(b, loc, logProb, reshape(b, loc, target, pickSizes),
                    /*axis=*/1);
  Value loss = b.create<prim::NegOp>(loc, reshape(b, loc, picked, targetSizes));
  // Each position's weight: the target class's (prim.gather clamps an
  // ignored class into range), 0 where ignored; none when all are 1.
  Value weight;
  if (ctx.hasInput(2))
    weight = b.create<prim::GatherOp>(loc, tt.clone(elementType), ctx.input(2),
                                      target, b.getI64IntegerAttr(0));
  if (weight)
    loss = b.create<prim::MulOp>(loc, loss, weight);
  if (ctx.hasAttr("ignore_index")) {
    Value counted = b.create<prim::CompareOp>(
        loc, prim::CompareDirection::ne, target,
        splatLike(b, loc, target, ctx.intAttr("ignore_index", 0)));
    Value zero = splatLike(b, loc, loss, 0);
    loss = b.create<prim::SelectOp>(loc, counted, loss, zero);
    weight = b.create<prim::SelectOp>(
        loc, counted, weight ? weight : splatLike(b, loc, loss, 1), zero);
  }
  std::string reduction = ctx.stringAttr("reduction", "mean");
  if (reduction == "none")
    return loss;
  auto all = llvm::to_vector(llvm::seq<int64_t>(0, tt.getRank()));
  Value sum = reduce(b, loc, prim::ReduceKind::sum, loss, all, false);
  if (reduction == "sum")
    return sum;
  Value total = weight
                    ? reduce(b, loc, prim::ReduceKind::sum, weight, all, false)
                    : countLike(b, loc, target, all, sum);
  return b.create<prim::DivOp>(loc, sum, total);
}

FailureOr<Results> convertNllLoss(NodeContext &ctx) {
  if (failed(checkLossInputs(ctx)))
    return failure();
  return Results{nllLoss(ctx, ctx.input(0))};
}

FailureOr<Results> convertSoftmaxCrossEntropy(NodeContext &ctx) {
  if (failed(checkLossInputs(ctx)))
    return failure();
  Value logProb = softmax(ctx.b, ctx.loc, ctx.input(0), {1}, /*log=*/true);
  return Results{nllLoss(ctx, logProb), logProb};
}

} // namespace

void dlc::onnx_to_prim::addLossRules(RuleTable &table) {
  using namespace schema;
  // Opset 13 only widens the types.
  table.add("NegativeLogLikelihoodLoss", 12, convertNllLoss)
      .inputs(2, 3)
      .optional({2})
      .attrs({{"ignore_index", Int}, {"reduction", String}});
  table.add("SoftmaxCrossEntropyLoss", 12, convertSoftmaxCrossEntropy)
      .inputs(2, 3)
      .optional({2})
      .outputs(1, 2)
      .attrs({{"ignore_index", Int}, {"reduction", String}});
}
