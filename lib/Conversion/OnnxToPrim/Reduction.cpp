//===- Reduction.cpp - ReduceSum, ReduceMean, ReduceMax -------------------===//
#include "OnnxToPrim.h"

using namespace mlir;
using namespace dlc;
using namespace dlc::onnx_to_prim;

namespace {

enum class Reduction { Sum, Mean, Max };

/// `axesInputSince`: the opset from which axes is an input, not an attribute.
Rule reductionRule(Reduction kind, int64_t axesInputSince) {
  return [=](NodeContext &ctx) -> FailureOr<Results> {
    if (ctx.numInputs() < 1)
      return ctx.failure<Results>("expects an input");
    auto xt = ctx.inputType(0);
    int64_t rank = xt.getRank();
    SmallVector<int64_t> axes;
    if (ctx.version() < axesInputSince) {
      axes = ctx.intsAttr("axes").value_or(SmallVector<int64_t>());
    } else if (ctx.hasInput(1)) {
      auto values = constantInts(ctx.input(1));
      if (!values)
        return ctx.failure<Results>("the axes input must be a constant");
      axes = *values;
    }
    if (axes.empty()) {
      if (ctx.intAttr("noop_with_empty_axes", 0) != 0)
        return Results{ctx.input(0)};
      for (int64_t d = 0; d < rank; ++d)
        axes.push_back(d);
    }
    SmallVector<int64_t> dims;
    for (int64_t axis : axes) {
      auto d = normalizeAxis(ctx, axis, rank);
      if (failed(d))
        return failure();
      if (!llvm::is_contained(dims, *d))
        dims.push_back(*d);
    }
    llvm::sort(dims);
    bool keepDims = ctx.intAttr("keepdims", 1) != 0;
    auto primKind =
        kind == Reduction::Max ? prim::ReduceKind::max : prim::ReduceKind::sum;
    Value y = reduce(ctx.b, ctx.loc, primKind, ctx.input(0), dims, keepDims);
    if (kind != Reduction::Mean)
      return Results{y};
    int64_t count = 1;
    for (int64_t d : dims)
      count = xt.isDynamicDim(d) || ShapedType::isDynamic(count)
                  ? ShapedType::kDynamic
                  : count * xt.getDimSize(d);
    if (ShapedType::isDynamic(count) || count < 0)
      return ctx.failure<Results>("ReduceMean needs static reduced dims");
    return Results{ctx.b.create<prim::DivOp>(
        ctx.loc, y, splatLike(ctx.b, ctx.loc, y, (double)count))};
  };
}

} // namespace

void dlc::onnx_to_prim::addReductionRules(RuleTable &table) {
  using namespace schema;
  // axes is an attribute until it becomes an optional input (ReduceSum at
  // opset 13, the others at 18).
  std::tuple<StringRef, Rule, int64_t> reductions[] = {
      {"ReduceSum", reductionRule(Reduction::Sum, 13), 13},
      {"ReduceMean", reductionRule(Reduction::Mean, 18), 18},
      {"ReduceMax", reductionRule(Reduction::Max, 18), 18}};
  for (const auto &[op, rule, axesInputSince] : reductions) {
    table.add(op, 1, rule).attrs({{"axes", Ints}, {"keepdims", Int}});
    table.add(op, axesInputSince, rule)
        .inputs(1, 2)
        .optional({1})
        .attrs({{"keepdims", Int}, {"noop_with_empty_axes", Int}});
  }
}
