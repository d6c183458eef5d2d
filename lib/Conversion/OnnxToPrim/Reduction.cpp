//===- Reduction.cpp - Reduce*, ArgMax, ArgMin ----------------------------===//
//
// The Reduce* ops are a prim.reduce (sum, max, min, prod) between
// elementwise prims: ReduceL1 sums |x|, ReduceSumSquare x * x, ReduceL2 is
// the square root of that, ReduceLogSum the log of the sum, ReduceMean the
// sum divided by the reduced element count (from the run-time sizes where
// they are dynamic), and ReduceLogSumExp is m + log(sum(exp(x - m))) with m
// the maximum (0 where infinite). The float steps of L2, LogSum and
// LogSumExp run in f64 for an integer input, truncated back (as onnxruntime
// does). Axes read at run time (a 1-D tensor of a static length) flag the
// reduced dims, and each dim is chosen from the input and its reduction by
// a dynamic slice. ArgMax and ArgMin are prim.reduce argmax/argmin.
//
//===----------------------------------------------------------------------===//
#include "IndexMath.h"

#include "llvm/Support/FormatVariadic.h"

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

/// The dims a Reduce* node reduces. Known at compile time: `dims`, sorted
/// and unique (none reduces each element alone). With axes read at run time:
/// one i1 flag per dim, set where an axis names it (`flags`), and the number
/// of axes (`axisCount`).
struct ReducedDims {
  SmallVector<int64_t> dims;
  Sizes flags;
  int64_t axisCount = 0;
};

/// The axes of a Reduce* node: the attribute before `axesInputSince`, the
/// input from then on (a constant, or a 1-D tensor of a static length read
/// at run time); every dim when there are none, or no dim when
/// noop_with_empty_axes says so.
FailureOr<ReducedDims> reducedDims(NodeContext &ctx, int64_t axesInputSince) {
  int64_t rank = ctx.inputType(0).getRank();
  SmallVector<int64_t> axes;
  if (ctx.version() < axesInputSince) {
    axes = ctx.intsAttr("axes").value_or(SmallVector<int64_t>());
  } else if (ctx.hasInput(1)) {
    auto type = ctx.inputType(1);
    if (!type.hasStaticShape())
      return ctx.failure<ReducedDims>(
          "the axes input must have a static length, got " +
          llvm::formatv("{0}", type).str());
    if (auto values = constantInts(ctx.input(1))) {
      axes = *values;
    } else if (type.getNumElements() != 0) {
      auto read = sizesFromTensor(ctx, ctx.input(1));
      if (failed(read) || failed(checkAxes(ctx, *read, rank)))
        return failure();
      if ((int64_t)read->size() > rank)
        return ctx.failure<ReducedDims>("has " + Twine(read->size()) +
                                        " axes for rank " + Twine(rank));
      // An axis out of range at run time names no dim, so it reduces nothing
      // and reads nothing out of bounds (onnxruntime refuses it).
      IndexMath m(ctx.b, ctx.loc);
      ReducedDims reduced{
          {}, Sizes(rank, ctx.b.getBoolAttr(false)), (int64_t)read->size()};
      for (OpFoldResult axis : *read) {
        OpFoldResult position = m.axis(axis, rank);
        for (int64_t d = 0; d < rank; ++d)
          reduced.flags[d] = m.orI(reduced.flags[d], m.eq(position, m.c(d)));
      }
      return reduced;
    }
  }
  ReducedDims reduced;
  if (axes.empty()) {
    if (ctx.intAttr("noop_with_empty_axes", 0) == 0)
      for (int64_t d = 0; d < rank; ++d)
        reduced.dims.push_back(d);
    return reduced;
  }
  for (int64_t axis : axes) {
    auto d = normalizeAxis(ctx, axis, rank);
    if (failed(d))
      return failure();
    if (!llvm::is_contained(reduced.dims, *d))
      reduced.dims.push_back(*d);
  }
  llvm::sort(reduced.dims);
  return reduced;
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

/// `x` reduced by `step` (over one dim, keeping it as size 1) in each dim
/// whose run-time flag is set, with no control flow: x and step(x)
/// concatenated along the dim, of which a dynamic slice takes the last
/// element where the flag is set, else the first n. An empty dim reduces to
/// the step's value of no elements, as it should.
Value reduceFlagged(OpBuilder &b, Location loc, Value x,
                    ArrayRef<OpFoldResult> flags,
                    function_ref<Value(Value, int64_t)> step) {
  IndexMath m(b, loc);
  for (auto [d, flag] : llvm::enumerate(flags)) {
    std::optional<int64_t> known = getConstantIntValue(flag);
    if (known == 0)
      continue;
    Value reduced = step(x, d);
    if (known) {
      x = reduced;
      continue;
    }
    Value both = b.create<prim::ConcatOp>(loc, ValueRange{x, reduced},
                                          b.getI64IntegerAttr(d));
    Sizes first(flags.size(), m.c(0)), count = sizesOf(b, loc, x);
    first[d] = m.select(flag, count[d], m.c(0));
    count[d] = m.select(flag, m.c(1), count[d]);
    x = sliceOf(b, loc, both, first, count);
  }
  return x;
}

/// `kind` of `x` over the dims `reduced` flags at run time. A sum, mean,
/// maximum, minimum, product or log-sum-exp over several dims is that
/// reduction dim after dim (the mean of equal-sized means is the mean, and
/// truncating integer divisions nest); the others reduce `x` prepared as
/// for one sum. Without `keepDims` the reduced dims are reshaped away: output
/// dim j is the j-th unflagged dim. Run-time axes that repeat or name no dim
/// flag fewer dims than there are axes, which the reshape's run-time check
/// of the element count refuses (unless the dims left over are 1).
Value reduceAtRunTime(OpBuilder &b, Location loc, Reduction kind, Value x,
                      const ReducedDims &reduced, bool keepDims) {
  auto over = [&](Reduction stepKind, Value v) {
    return reduceFlagged(b, loc, v, reduced.flags, [&](Value w, int64_t d) {
      return reduceElements(b, loc, stepKind, w, {d}, /*keepDims=*/true);
    });
  };
  Value y;
  switch (kind) {
  case Reduction::L1:
    y = over(Reduction::Sum, b.create<prim::AbsOp>(loc, x));
    break;
  case Reduction::SumSquare:
    y = over(Reduction::Sum, b.create<prim::MulOp>(loc, x, x));
    break;
  case Reduction::L2:
    y = b.create<prim::SqrtOp>(
        loc, over(Reduction::Sum, b.create<prim::MulOp>(loc, x, x)));
    break;
  case Reduction::LogSum:
    y = b.create<prim::LogOp>(loc, over(Reduction::Sum, x));
    break;
  default:
    y = over(kind, x);
    break;
  }
  if (keepDims)
    return y;
  IndexMath m(b, loc);
  Sizes sizes = sizesOf(b, loc, y);
  int64_t rank = sizes.size(), outRank = rank - reduced.axisCount;
  Sizes kept(outRank, m.c(1));
  OpFoldResult before = m.c(0);
  for (int64_t d = 0; d < rank; ++d) {
    OpFoldResult flag = reduced.flags[d];
    for (int64_t j = 0; j < outRank; ++j)
      kept[j] = m.select(flag, kept[j],
                         m.select(m.eq(before, m.c(j)), sizes[d], kept[j]));
    before = m.add(before, m.select(flag, m.c(0), m.c(1)));
  }
  return reshape(b, loc, y, kept);
}

/// `axesInputSince`: the opset from which axes is an input, not an attribute.
Rule reductionRule(Reduction kind, int64_t axesInputSince) {
  return [=](NodeContext &ctx) -> FailureOr<Results> {
    auto reduced = reducedDims(ctx, axesInputSince);
    if (failed(reduced))
      return failure();
    Value x = ctx.input(0);
    Type elementType = ctx.inputType(0).getElementType();
    bool viaFloat = !isa<FloatType>(elementType) &&
                    (kind == Reduction::L2 || kind == Reduction::LogSum ||
                     kind == Reduction::LogSumExp);
    if (viaFloat)
      x = convertTo(ctx.b, ctx.loc, x, ctx.b.getF64Type());
    bool keepDims = ctx.intAttr("keepdims", 1) != 0;
    Value y =
        reduced->flags.empty()
            ? reduceElements(ctx.b, ctx.loc, kind, x, reduced->dims, keepDims)
            : reduceAtRunTime(ctx.b, ctx.loc, kind, x, *reduced, keepDims);
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
