//===- Indexing.cpp - Slice, Gather, GatherElements, GatherND -------------===//
//
// Slices with static bounds are prim.slice; bounds known only at run time
// (a dynamic dim, a computed end) clamp in index arithmetic and become
// prim.dynamic_slice. Gathers are prim.gather; GatherElements and GatherND
// compose it with a linearized index. On shape tensors (prim.from_sizes)
// with constant positions they select the sizes themselves.
//
//===----------------------------------------------------------------------===//
#include "OnnxToPrim.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
using namespace dlc;
using namespace dlc::onnx_to_prim;

namespace {

/// Ends of a slice "to the end" are INT_MAX-like; anything this large is.
constexpr int64_t kToTheEnd = int64_t(1) << 62;

/// Clamps a Slice bound into [0, size] (positive steps): a negative constant
/// counts from the end, a run-time one is a position.
OpFoldResult clampBound(OpBuilder &b, Location loc, OpFoldResult bound,
                        OpFoldResult size) {
  std::optional<int64_t> c = getConstantIntValue(bound),
                         n = getConstantIntValue(size);
  if (c && n)
    return b.getIndexAttr(std::clamp<int64_t>(*c < 0 ? *c + *n : *c, 0, *n));
  if (c && *c >= kToTheEnd)
    return size;
  Value sizeV = sizeValue(b, loc, size);
  if (c && *c < 0)
    return b
        .create<arith::MaxSIOp>(
            loc,
            b.create<arith::AddIOp>(loc, sizeV,
                                    b.create<arith::ConstantIndexOp>(loc, *c)),
            b.create<arith::ConstantIndexOp>(loc, 0))
        .getResult();
  return b.create<arith::MinSIOp>(loc, sizeValue(b, loc, bound), sizeV)
      .getResult();
}

/// Indices wrapped into [0, size) where negative (ONNX counts them from the
/// end); the gather clamps what is still out of range.
Value wrapIndices(NodeContext &ctx, Value indices, OpFoldResult size) {
  OpBuilder &b = ctx.b;
  auto type = cast<RankedTensorType>(indices.getType());
  if (auto constant = constantInts(indices)) {
    if (std::optional<int64_t> n = getConstantIntValue(size)) {
      SmallVector<APInt> wrapped;
      for (int64_t i : *constant)
        wrapped.push_back(
            APInt(type.getElementTypeBitWidth(), i < 0 ? i + *n : i, true));
      return b.create<arith::ConstantOp>(
          ctx.loc, DenseIntElementsAttr::get(type, wrapped));
    }
    if (llvm::all_of(*constant, [](int64_t i) { return i >= 0; }))
      return indices;
  }
  Value zero = splatLike(b, ctx.loc, indices, 0);
  Value negative = b.create<prim::CompareOp>(
      ctx.loc, prim::CompareDirection::lt, indices, zero);
  Value n = broadcastLike(
      b, ctx.loc, sizesTensor(b, ctx.loc, size, type.getElementType(), true),
      indices);
  return b.create<prim::SelectOp>(
      ctx.loc, negative, b.create<prim::AddOp>(ctx.loc, indices, n), indices);
}

/// prim.gather of `data` along `axis` with in-range `indices`.
Value gather(OpBuilder &b, Location loc, Value data, Value indices,
             int64_t axis) {
  auto dt = cast<RankedTensorType>(data.getType());
  auto it = cast<RankedTensorType>(indices.getType());
  SmallVector<int64_t> shape(dt.getShape().take_front(axis));
  shape.append(it.getShape().begin(), it.getShape().end());
  shape.append(dt.getShape().begin() + axis + 1, dt.getShape().end());
  return b.create<prim::GatherOp>(loc, dt.clone(shape), data, indices,
                                  b.getI64IntegerAttr(axis));
}

FailureOr<Results> convertGather(NodeContext &ctx) {
  Value data = ctx.input(0), indices = ctx.input(1);
  auto dt = ctx.inputType(0), it = ctx.inputType(1);
  if (!isa<IntegerType>(it.getElementType()))
    return ctx.failure<Results>("indices must be integers");
  if (dt.getRank() == 0)
    return ctx.failure<Results>("data must have rank >= 1");
  auto axis = normalizeAxis(ctx, ctx.intAttr("axis", 0), dt.getRank());
  if (failed(axis))
    return failure();
  // Selecting sizes from a shape: the sizes themselves.
  if (std::optional<Sizes> sizes = tracedSizes(ctx.b, data);
      sizes && dt.getRank() == 1 && it.getRank() <= 1) {
    if (auto positions = constantInts(indices)) {
      Sizes selected;
      int64_t n = sizes->size();
      for (int64_t p : *positions) {
        if (p < -n || p >= n)
          return ctx.failure<Results>("index " + Twine(p) +
                                      " is out of range for " + Twine(n));
        selected.push_back((*sizes)[p < 0 ? p + n : p]);
      }
      return Results{sizesTensor(ctx.b, ctx.loc, selected, dt.getElementType(),
                                 it.getRank() == 0)};
    }
  }
  Sizes dataSizes = sizesOf(ctx.b, ctx.loc, data);
  Value wrapped = wrapIndices(ctx, indices, dataSizes[*axis]);
  return Results{gather(ctx.b, ctx.loc, data, wrapped, *axis)};
}

FailureOr<Results> convertGatherElements(NodeContext &ctx) {
  Value data = ctx.input(0), indices = ctx.input(1);
  auto dt = ctx.inputType(0), it = ctx.inputType(1);
  if (!isa<IntegerType>(it.getElementType()) || it.getRank() != dt.getRank() ||
      dt.getRank() == 0)
    return ctx.failure<Results>(
        "indices must be integers of the data's rank (>= 1)");
  auto axis = normalizeAxis(ctx, ctx.intAttr("axis", 0), dt.getRank());
  if (failed(axis))
    return failure();
  Value wrapped =
      wrapIndices(ctx, indices, sizesOf(ctx.b, ctx.loc, data)[*axis]);
  return Results{takeAlongAxis(ctx.b, ctx.loc, data, wrapped, *axis)};
}

FailureOr<Results> convertGatherND(NodeContext &ctx) {
  Value data = ctx.input(0), indices = ctx.input(1);
  auto dt = ctx.inputType(0), it = ctx.inputType(1);
  if (ctx.intAttr("batch_dims", 0) != 0)
    return ctx.failure<Results>("batch_dims other than 0 are not supported");
  int64_t depth = it.getRank() ? it.getDimSize(it.getRank() - 1) : -1;
  if (!isa<IntegerType>(it.getElementType()) || it.getRank() < 1 ||
      ShapedType::isDynamic(depth) || depth < 1 || depth > dt.getRank())
    return ctx.failure<Results>(
        "indices must be integers whose static last dim (1 to the data's "
        "rank) indexes the data's leading dims");
  OpBuilder &b = ctx.b;
  Sizes sizes = sizesOf(b, ctx.loc, data);
  // The leading `depth` dims as one: linear = sum_j index_j * stride_j.
  Value linear;
  OpFoldResult stride = b.getIndexAttr(1);
  for (int64_t j = depth - 1; j >= 0; --j) {
    Value position = b.create<arith::ConstantOp>(
        ctx.loc,
        DenseElementsAttr::get(RankedTensorType::get({}, it.getElementType()),
                               b.getIntegerAttr(it.getElementType(), j)));
    Value component = gather(b, ctx.loc, indices, position, it.getRank() - 1);
    component = wrapIndices(ctx, component, sizes[j]);
    Value term = component;
    if (getConstantIntValue(stride) != 1)
      term = b.create<prim::MulOp>(
          ctx.loc, component,
          broadcastLike(
              b, ctx.loc,
              sizesTensor(b, ctx.loc, stride, it.getElementType(), true),
              component));
    linear = linear ? b.create<prim::AddOp>(ctx.loc, linear, term).getResult()
                    : term;
    stride = mulSize(b, ctx.loc, stride, sizes[j]);
  }
  Sizes merged = {stride};
  merged.append(sizes.begin() + depth, sizes.end());
  Value rows = reshape(b, ctx.loc, data, merged);
  return Results{gather(b, ctx.loc, rows, linear, 0)};
}

FailureOr<Results> convertSlice(NodeContext &ctx) {
  OpBuilder &b = ctx.b;
  Location loc = ctx.loc;
  Value data = ctx.input(0);
  auto dt = ctx.inputType(0);
  int64_t rank = dt.getRank();
  Sizes starts, ends;
  SmallVector<int64_t> axes, steps;
  if (ctx.version() < 10) {
    starts = staticSizes(b, *ctx.intsAttr("starts"));
    ends = staticSizes(b, *ctx.intsAttr("ends"));
    axes = ctx.intsAttr("axes").value_or(SmallVector<int64_t>());
  } else {
    auto s = sizesFromTensor(ctx, ctx.input(1));
    auto e = sizesFromTensor(ctx, ctx.input(2));
    if (failed(s) || failed(e))
      return failure();
    starts = *s;
    ends = *e;
    if (ctx.hasInput(3)) {
      auto a = constantInts(ctx.input(3));
      if (!a)
        return ctx.failure<Results>("axes must be a constant");
      axes = *a;
    }
    if (ctx.hasInput(4)) {
      auto st = constantInts(ctx.input(4));
      if (!st)
        return ctx.failure<Results>("steps must be a constant");
      steps = *st;
    }
  }
  if (axes.empty())
    axes = llvm::to_vector(llvm::seq<int64_t>(0, starts.size()));
  if (steps.empty())
    steps.assign(starts.size(), 1);
  if (ends.size() != starts.size() || axes.size() != starts.size() ||
      steps.size() != starts.size())
    return ctx.failure<Results>(
        "starts, ends, axes and steps must have one entry per sliced axis");
  Sizes sizes = sizesOf(b, loc, data);
  // Per dim: the first element, the count and the step.
  Sizes first(rank, b.getIndexAttr(0)), count(sizes);
  SmallVector<int64_t> stride(rank, 1);
  SmallVector<bool> seen(rank, false);
  for (auto [i, rawAxis] : llvm::enumerate(axes)) {
    auto axis = normalizeAxis(ctx, rawAxis, rank);
    if (failed(axis))
      return failure();
    if (seen[*axis])
      return ctx.failure<Results>("axes repeat " + Twine(*axis));
    seen[*axis] = true;
    int64_t step = steps[i];
    if (step == 0)
      return ctx.failure<Results>("steps must not be 0");
    OpFoldResult size = sizes[*axis];
    std::optional<int64_t> n = getConstantIntValue(size),
                           s = getConstantIntValue(starts[i]),
                           e = getConstantIntValue(ends[i]);
    stride[*axis] = step;
    if (n && s && e) {
      int64_t lo = *s < 0 ? *s + *n : *s, hi = *e < 0 ? *e + *n : *e;
      int64_t c;
      if (step > 0) {
        lo = std::clamp<int64_t>(lo, 0, *n);
        hi = std::clamp<int64_t>(hi, 0, *n);
        c = hi > lo ? (hi - lo + step - 1) / step : 0;
      } else {
        lo = std::clamp<int64_t>(lo, 0, *n - 1);
        hi = std::clamp<int64_t>(hi, -1, *n - 1);
        c = lo > hi ? (lo - hi - step - 1) / -step : 0;
      }
      first[*axis] = b.getIndexAttr(lo);
      count[*axis] = b.getIndexAttr(c);
      continue;
    }
    if (step < 0)
      return ctx.failure<Results>("negative steps need static bounds and dims");
    OpFoldResult lo = clampBound(b, loc, starts[i], size),
                 hi = clampBound(b, loc, ends[i], size);
    Value span = b.create<arith::SubIOp>(loc, sizeValue(b, loc, hi),
                                         sizeValue(b, loc, lo));
    Value steps = b.create<arith::CeilDivSIOp>(
        loc, span, b.create<arith::ConstantIndexOp>(loc, step));
    first[*axis] = lo;
    count[*axis] = b.create<arith::MaxSIOp>(
                        loc, steps, b.create<arith::ConstantIndexOp>(loc, 0))
                       .getResult();
  }
  // A slice of a shape with static bounds: the sizes themselves.
  if (std::optional<Sizes> traced = tracedSizes(b, data);
      traced && rank == 1 && getConstantIntValue(first[0]) &&
      getConstantIntValue(count[0])) {
    Sizes selected;
    for (int64_t k = 0, at = *getConstantIntValue(first[0]);
         k < *getConstantIntValue(count[0]); ++k, at += stride[0])
      selected.push_back((*traced)[at]);
    return Results{sizesTensor(b, loc, selected, dt.getElementType())};
  }
  SmallVector<int64_t> shape = shapeOf(count);
  auto isStatic = [](OpFoldResult f) {
    return getConstantIntValue(f).has_value();
  };
  bool bounded = llvm::all_of(first, isStatic) && llvm::all_of(count, isStatic);
  Value result = data;
  if (bounded && !llvm::any_of(stride, [](int64_t s) { return s < 0; }) &&
      dt.hasStaticShape()) {
    SmallVector<int64_t> start, limit;
    for (int64_t d = 0; d < rank; ++d) {
      start.push_back(*getConstantIntValue(first[d]));
      limit.push_back(start.back() +
                      (shape[d] ? (shape[d] - 1) * stride[d] + 1 : 0));
    }
    return Results{b.create<prim::SliceOp>(
        loc, data, b.getDenseI64ArrayAttr(start), b.getDenseI64ArrayAttr(limit),
        b.getDenseI64ArrayAttr(stride))};
  }
  // Negative steps (static by now): gather the positions in order.
  for (int64_t d = 0; d < rank; ++d) {
    if (stride[d] > 0)
      continue;
    SmallVector<int64_t> positions;
    for (int64_t k = 0, at = *getConstantIntValue(first[d]); k < shape[d];
         ++k, at += stride[d])
      positions.push_back(at);
    Value indices = b.create<arith::ConstantOp>(
        loc, DenseIntElementsAttr::get(
                 RankedTensorType::get({shape[d]}, b.getI64Type()), positions));
    result = gather(b, loc, result, indices, d);
    first[d] = b.getIndexAttr(0);
    stride[d] = 1;
  }
  SmallVector<Value> startValues, dynamic;
  for (int64_t d = 0; d < rank; ++d) {
    startValues.push_back(sizeValue(b, loc, first[d]));
    if (ShapedType::isDynamic(shape[d]))
      dynamic.push_back(cast<Value>(count[d]));
  }
  return Results{
      b.create<prim::DynamicSliceOp>(loc, dt.clone(shape), result, startValues,
                                     dynamic, b.getDenseI64ArrayAttr(stride))};
}

} // namespace

void dlc::onnx_to_prim::addIndexingRules(RuleTable &table) {
  using namespace schema;
  table.add("Gather", 1, convertGather).inputs(2).attrs({{"axis", Int}});
  table.add("GatherElements", 11, convertGatherElements)
      .inputs(2)
      .attrs({{"axis", Int}});
  table.add("GatherND", 11, convertGatherND).inputs(2);
  table.add("GatherND", 12, convertGatherND)
      .inputs(2)
      .attrs({{"batch_dims", Int}});
  table.add("Slice", 1, convertSlice)
      .attrs({{"starts", Ints, Required},
              {"ends", Ints, Required},
              {"axes", Ints}});
  table.add("Slice", 10, convertSlice).inputs(3, 5).optional({3, 4});
}
