//===- Reduction.cpp - Reduce*, ArgMax, ArgMin ----------------------------===//
//
// The Reduce* ops are a prim.reduce (sum, max, min, prod) between
// elementwise prims: ReduceL1 sums |x|, ReduceSumSquare x * x, ReduceL2 is
// the square root of that, ReduceLogSum the log of the sum, ReduceMean the
// sum divided by the reduced element count (from the run-time sizes where
// they are dynamic), and ReduceLogSumExp is m + log(sum(exp(x - m))) with m
// the maximum (0 where infinite). The float steps of L2, LogSum and
// LogSumExp run in f64 for an integer input, truncated back (as onnxruntime
// does). ArgMax and ArgMin are prim.reduce argmax/argmin.
//
//===----------------------------------------------------------------------===//
#include "OnnxToPrim.h"

using namespace mlir;
using namespace dlc;
using namespace dlc::onnx_to_prim;

namespace {

enum class Reduction {
  Sum,
  Mean,
  Max,
  Min,
  Prod,
  L1,
  L2,
  LogSum,
  LogSumExp,
  SumSquare
};

/// The dims a Reduce* node reduces, sorted and unique: its axes (the
/// attribute before `axesInputSince`, the constant input from then on), or
/// every dim when there are none, or no dim when noop_with_empty_axes says
/// so.
FailureOr<SmallVector<int64_t>> reducedDims(NodeContext &ctx,
                                            int64_t axesInputSince) {
  int64_t rank = ctx.inputType(0).getRank();
  SmallVector<int64_t> axes;
  if (ctx.version() < axesInputSince) {
    axes = ctx.intsAttr("axes").value_or(SmallVector<int64_t>());
  } else if (ctx.hasInput(1)) {
    auto values = constantInts(ctx.input(1));
    if (!values)
      return ctx.failure<SmallVector<int64_t>>(
          "the axes input must be a constant");
    axes = *values;
  }
  SmallVector<int64_t> dims;
  if (axes.empty()) {
    if (ctx.intAttr("noop_with_empty_axes", 0) == 0)
      for (int64_t d = 0; d < rank; ++d)
        dims.push_back(d);
    return dims;
  }
  for (int64_t axis : axes) {
    auto d = normalizeAxis(ctx, axis, rank);
    if (failed(d))
      return failure();
    if (!llvm::is_contained(dims, *d))
      dims.push_back(*d);
  }
  llvm::sort(dims);
  return dims;
}

Value convertTo(OpBuilder &b, Location loc, Value value, Type elementType) {
  return b.createOrFold<prim::ConvertOp>(
      loc, cast<RankedTensorType>(value.getType()).clone(elementType), value);
}

/// `kind` of `x` over `dims` (none: each element is reduced alone).
Value reduceElements(OpBuilder &b, Location loc, Reduction kind, Value x,
                     ArrayRef<int64_t> dims, bool keepDims) {
  auto over = [&](prim::ReduceKind primKind, Value v) {
    return dims.empty() ? v : reduce(b, loc, primKind, v, dims, keepDims);
  };
  switch (kind) {
  case Reduction::Sum:
    return over(prim::ReduceKind::sum, x);
  case Reduction::Max:
    return over(prim::ReduceKind::max, x);
  case Reduction::Min:
    return over(prim::ReduceKind::min, x);
  case Reduction::Prod:
    return over(prim::ReduceKind::prod, x);
  case Reduction::L1:
    return over(prim::ReduceKind::sum, b.create<prim::AbsOp>(loc, x));
  case Reduction::SumSquare:
    return over(prim::ReduceKind::sum, b.create<prim::MulOp>(loc, x, x));
  case Reduction::L2:
    if (dims.empty())
      return b.create<prim::AbsOp>(loc, x);
    return b.create<prim::SqrtOp>(
        loc, over(prim::ReduceKind::sum, b.create<prim::MulOp>(loc, x, x)));
  case Reduction::LogSum:
    return b.create<prim::LogOp>(loc, over(prim::ReduceKind::sum, x));
  case Reduction::Mean: {
    if (dims.empty())
      return x;
    Value sum = over(prim::ReduceKind::sum, x);
    return b.create<prim::DivOp>(loc, sum, countLike(b, loc, x, dims, sum));
  }
  case Reduction::LogSumExp: {
    if (dims.empty())
      return x;
    // Shifted by the maximum, so that exp cannot overflow; an infinite
    // maximum shifts by 0 (x - m would be NaN there).
    Value max = reduce(b, loc, prim::ReduceKind::max, x, dims, true);
    Value infinite = b.create<prim::CompareOp>(
        loc, prim::CompareDirection::eq, b.create<prim::AbsOp>(loc, max),
        splatLike(b, loc, max, std::numeric_limits<double>::infinity()));
    Value shift =
        b.create<prim::SelectOp>(loc, infinite, splatLike(b, loc, max, 0), max);
    Value e = b.create<prim::ExpOp>(
        loc, b.create<prim::SubOp>(loc, x, broadcastLike(b, loc, shift, x)));
    Value sum = over(prim::ReduceKind::sum, e);
    if (!keepDims)
      shift = reshape(b, loc, shift, sizesOf(b, loc, sum));
    return b.create<prim::AddOp>(loc, b.create<prim::LogOp>(loc, sum), shift);
  }
  }
  llvm_unreachable("all reductions handled");
}

/// `axesInputSince`: the opset from which axes is an input, not an attribute.
Rule reductionRule(Reduction kind, int64_t axesInputSince) {
  return [=](NodeContext &ctx) -> FailureOr<Results> {
    auto dims = reducedDims(ctx, axesInputSince);
    if (failed(dims))
      return failure();
    Value x = ctx.input(0);
    Type elementType = ctx.inputType(0).getElementType();
    bool viaFloat = !isa<FloatType>(elementType) &&
                    (kind == Reduction::L2 || kind == Reduction::LogSum ||
                     kind == Reduction::LogSumExp);
    if (viaFloat)
      x = convertTo(ctx.b, ctx.loc, x, ctx.b.getF64Type());
    Value y = reduceElements(ctx.b, ctx.loc, kind, x, *dims,
                             ctx.intAttr("keepdims", 1) != 0);
    if (viaFloat)
      y = convertTo(ctx.b, ctx.loc, y, elementType);
    return Results{y};
  };
}

/// ArgMax or ArgMin: the i64 position of the extreme along `axis`.
Rule argRule(prim::ReduceKind kind) {
  return [=](NodeContext &ctx) -> FailureOr<Results> {
    int64_t rank = ctx.inputType(0).getRank();
    if (rank == 0)
      return ctx.failure<Results>("needs an input of rank >= 1");
    auto axis = normalizeAxis(ctx, ctx.intAttr("axis", 0), rank);
    if (failed(axis))
      return failure();
    return Results{reduce(ctx.b, ctx.loc, kind, ctx.input(0), {*axis},
                          ctx.intAttr("keepdims", 1) != 0,
                          ctx.intAttr("select_last_index", 0) != 0)};
  };
}

} // namespace

void dlc::onnx_to_prim::addReductionRules(RuleTable &table) {
  using namespace schema;
  // axes is an attribute until it becomes an optional input (ReduceSum at
  // opset 13, the others at 18).
  std::tuple<StringRef, Reduction, int64_t> reductions[] = {
      {"ReduceSum", Reduction::Sum, 13},
      {"ReduceMean", Reduction::Mean, 18},
      {"ReduceMax", Reduction::Max, 18},
      {"ReduceMin", Reduction::Min, 18},
      {"ReduceProd", Reduction::Prod, 18},
      {"ReduceL1", Reduction::L1, 18},
      {"ReduceL2", Reduction::L2, 18},
      {"ReduceLogSum", Reduction::LogSum, 18},
      {"ReduceLogSumExp", Reduction::LogSumExp, 18},
      {"ReduceSumSquare", Reduction::SumSquare, 18}};
  for (const auto &[op, kind, axesInputSince] : reductions) {
    Rule rule = reductionRule(kind, axesInputSince);
    table.add(op, 1, rule).attrs({{"axes", Ints}, {"keepdims", Int}});
    table.add(op, axesInputSince, rule)
        .inputs(1, 2)
        .optional({1})
        .attrs({{"keepdims", Int}, {"noop_with_empty_axes", Int}});
  }
  // select_last_index comes at opset 12.
  std::pair<StringRef, prim::ReduceKind> args[] = {
      {"ArgMax", prim::ReduceKind::argmax},
      {"ArgMin", prim::ReduceKind::argmin}};
  for (const auto &[op, kind] : args) {
    table.add(op, 1, argRule(kind)).attrs({{"axis", Int}, {"keepdims", Int}});
    table.add(op, 12, argRule(kind))
        .attrs({{"axis", Int}, {"keepdims", Int}, {"select_last_index", Int}});
  }
}
