//===- Indexing.cpp - Slice, Gather, GatherElements, GatherND, Compress ---===//
//
// Slices with static bounds are prim.slice; bounds known only at run time
// (a dynamic dim, a computed end) clamp in index arithmetic and become
// prim.dynamic_slice. Gathers are prim.gather; GatherElements and GatherND
// compose it with a linearized index. On shape tensors (prim.from_sizes)
// with constant positions they select the sizes themselves.
//
//===----------------------------------------------------------------------===//
#include "IndexMath.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
using namespace dlc;
using namespace dlc::onnx_to_prim;

namespace {

/// Ends of a slice "to the end" are INT_MAX-like; anything this large is.
constexpr int64_t kToTheEnd = int64_t(1) << 62;

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

/// A Slice bound on a dim of `size`, a negative one counted from the end,
/// clamped into [low, high] (a size from prim.dim is never negative).
OpFoldResult clampBound(IndexMath &m, OpFoldResult bound, OpFoldResult size,
                        int64_t low, OpFoldResult high) {
  std::optional<int64_t> c = getConstantIntValue(bound);
  if (c && *c >= kToTheEnd)
    return high;
  if (c && *c <= -kToTheEnd)
    return m.min(m.c(low), high);
  bool nonNegative =
      c ? *c >= 0 : (bool)cast<Value>(bound).getDefiningOp<prim::DimOp>();
  if (nonNegative)
    return m.min(bound, high);
  bound = m.select(m.lt(bound, m.c(0)), m.add(bound, size), bound);
  return m.clamp(bound, m.c(low), high);
}

/// ONNX Slice on one dim: the first position and the count, for a step of
/// either sign (known at compile time or not).
std::pair<OpFoldResult, OpFoldResult>
sliceBounds(IndexMath &m, OpFoldResult size, OpFoldResult start,
            OpFoldResult end, OpFoldResult step) {
  auto bounds = [&](bool negative) -> std::pair<OpFoldResult, OpFoldResult> {
    if (!negative)
      return {clampBound(m, start, size, 0, size),
              clampBound(m, end, size, 0, size)};
    OpFoldResult last = m.add(size, m.c(-1));
    return {clampBound(m, start, size, 0, last),
            clampBound(m, end, size, -1, last)};
  };
  std::optional<int64_t> st = getConstantIntValue(step);
  std::pair<OpFoldResult, OpFoldResult> lohi;
  if (st) {
    lohi = bounds(*st < 0);
  } else {
    auto up = bounds(false), down = bounds(true);
    OpFoldResult negative = m.lt(step, m.c(0));
    lohi = {m.select(negative, down.first, up.first),
            m.select(negative, down.second, up.second)};
  }
  auto [lo, hi] = lohi;
  OpFoldResult count = m.ceilDiv(m.sub(hi, lo), step);
  // From 0 with a positive step the count cannot be negative.
  if (!(st > 0 && getConstantIntValue(lo) == 0))
    count = m.max(count, m.c(0));
  return {lo, count};
}

/// The positions first, first + step, ... (`count` of them) as an i64
/// tensor: a constant when static.
Value arithmeticPositions(OpBuilder &b, Location loc, OpFoldResult first,
                          OpFoldResult count, OpFoldResult step) {
  std::optional<int64_t> f = getConstantIntValue(first),
                         n = getConstantIntValue(count),
                         s = getConstantIntValue(step);
  if (f && n && s) {
    SmallVector<int64_t> positions;
    for (int64_t k = 0; k < *n; ++k)
      positions.push_back(*f + k * *s);
    return b.create<arith::ConstantOp>(
        loc, DenseIntElementsAttr::get(
                 RankedTensorType::get({*n}, b.getI64Type()), positions));
  }
  auto type =
      RankedTensorType::get({n.value_or(ShapedType::kDynamic)}, b.getI64Type());
  SmallVector<Value> dynamic;
  if (!n)
    dynamic.push_back(cast<Value>(count));
  Value positions =
      b.create<prim::IotaOp>(loc, type, dynamic, b.getI64IntegerAttr(0));
  if (s != 1)
    positions = b.create<prim::MulOp>(
        loc, positions, splatSize(b, loc, step, b.getI64Type(), count));
  if (f != 0)
    positions = b.create<prim::AddOp>(
        loc, positions, splatSize(b, loc, first, b.getI64Type(), count));
  return positions;
}

/// Slice: per dim, the entries of the axis naming it (axes, starts, ends and
/// steps constant or read at run time: run-time axes select among the
/// entries). Positive constant steps slice; other steps gather the
/// positions.
FailureOr<Results> convertSlice(NodeContext &ctx) {
  OpBuilder &b = ctx.b;
  Location loc = ctx.loc;
  Value data = ctx.input(0);
  auto dt = ctx.inputType(0);
  int64_t rank = dt.getRank();
  Sizes starts, ends, axes, steps;
  if (ctx.version() < 10) {
    starts = staticSizes(b, *ctx.intsAttr("starts"));
    ends = staticSizes(b, *ctx.intsAttr("ends"));
    if (auto a = ctx.intsAttr("axes"))
      axes = staticSizes(b, *a);
  } else {
    for (auto [i, list] :
         llvm::enumerate(SmallVector<Sizes *>{&starts, &ends, &axes, &steps})) {
      if (!ctx.hasInput(i + 1))
        continue;
      auto read = sizesFromTensor(ctx, ctx.input(i + 1));
      if (failed(read))
        return failure();
      *list = *read;
    }
  }
  if (axes.empty())
    axes =
        staticSizes(b, llvm::to_vector(llvm::seq<int64_t>(0, starts.size())));
  if (steps.empty())
    steps.assign(starts.size(), b.getIndexAttr(1));
  if (ends.size() != starts.size() || axes.size() != starts.size() ||
      steps.size() != starts.size())
    return ctx.failure<Results>(
        "starts, ends, axes and steps must have one entry per sliced axis");
  if (failed(checkAxes(ctx, axes, rank)))
    return failure();
  if (llvm::any_of(steps,
                   [](OpFoldResult s) { return getConstantIntValue(s) == 0; }))
    return ctx.failure<Results>("steps must not be 0");
  IndexMath m(b, loc);
  Sizes sizes = sizesOf(b, loc, data);
  Sizes dimStarts = perDim(m, axes, starts, m.c(0), rank);
  Sizes dimEnds = perDim(m, axes, ends, m.c(kToTheEnd), rank);
  Sizes dimSteps = perDim(m, axes, steps, m.c(1), rank);
  // Per dim: the first element and the count.
  Sizes first(rank), count(rank);
  for (int64_t d = 0; d < rank; ++d)
    std::tie(first[d], count[d]) =
        sliceBounds(m, sizes[d], dimStarts[d], dimEnds[d], dimSteps[d]);
  // A slice of a shape with static bounds: the sizes themselves.
  if (std::optional<Sizes> traced = tracedSizes(b, data);
      traced && rank == 1 && getConstantIntValue(first[0]) &&
      getConstantIntValue(count[0]) && getConstantIntValue(dimSteps[0])) {
    Sizes selected;
    for (int64_t k = 0, at = *getConstantIntValue(first[0]),
                 step = *getConstantIntValue(dimSteps[0]);
         k < *getConstantIntValue(count[0]); ++k, at += step)
      selected.push_back((*traced)[at]);
    return Results{sizesTensor(b, loc, selected, dt.getElementType())};
  }
  // Other steps than positive constants: gather the positions in order.
  Value result = data;
  Sizes have(sizes);
  SmallVector<int64_t> stride(rank, 1);
  for (int64_t d = 0; d < rank; ++d) {
    std::optional<int64_t> step = getConstantIntValue(dimSteps[d]);
    if (step > 0) {
      stride[d] = *step;
      continue;
    }
    result =
        gather(b, loc, result,
               arithmeticPositions(b, loc, first[d], count[d], dimSteps[d]), d);
    have[d] = count[d];
    first[d] = m.c(0);
  }
  if (llvm::all_of(llvm::seq<int64_t>(0, rank), [&](int64_t d) {
        return getConstantIntValue(first[d]) == 0 && stride[d] == 1 &&
               count[d] == have[d];
      }))
    return Results{result};
  SmallVector<int64_t> shape = shapeOf(count);
  auto isStatic = [](OpFoldResult f) {
    return getConstantIntValue(f).has_value();
  };
  auto rt = cast<RankedTensorType>(result.getType());
  if (llvm::all_of(first, isStatic) && rt.hasStaticShape() &&
      llvm::none_of(shape, ShapedType::isDynamic)) {
    SmallVector<int64_t> start, limit;
    for (int64_t d = 0; d < rank; ++d) {
      start.push_back(*getConstantIntValue(first[d]));
      limit.push_back(start.back() +
                      (shape[d] ? (shape[d] - 1) * stride[d] + 1 : 0));
    }
    return Results{b.create<prim::SliceOp>(
        loc, result, b.getDenseI64ArrayAttr(start),
        b.getDenseI64ArrayAttr(limit), b.getDenseI64ArrayAttr(stride))};
  }
  SmallVector<Value> startValues, dynamic;
  for (int64_t d = 0; d < rank; ++d) {
    startValues.push_back(m.value(first[d]));
    if (ShapedType::isDynamic(shape[d]))
      dynamic.push_back(cast<Value>(count[d]));
  }
  return Results{
      b.create<prim::DynamicSliceOp>(loc, dt.clone(shape), result, startValues,
                                     dynamic, b.getDenseI64ArrayAttr(stride))};
}

/// Compress: the slices along the axis (of the flattened input without one)
/// whose condition holds, a count known only at run time. The k-th of them
/// is at the number of positions whose running count of true conditions is
/// at most k: a gather at positions from a [count, length] comparison.
FailureOr<Results> convertCompress(NodeContext &ctx) {
  OpBuilder &b = ctx.b;
  Location loc = ctx.loc;
  Value data = ctx.input(0), condition = ctx.input(1);
  auto ct = ctx.inputType(1);
  if (ct.getRank() != 1 || !ct.getElementType().isInteger(1))
    return ctx.failure<Results>("condition must be a 1-D bool tensor");
  IndexMath m(b, loc);
  int64_t axis = 0;
  if (ctx.hasAttr("axis")) {
    auto d =
        normalizeAxis(ctx, ctx.intAttr("axis", 0), ctx.inputType(0).getRank());
    if (failed(d))
      return failure();
    axis = *d;
  } else {
    OpFoldResult count = m.c(1);
    for (OpFoldResult size : sizesOf(b, loc, data))
      count = m.mul(count, size);
    data = reshape(b, loc, data, ArrayRef<OpFoldResult>{count});
  }
  OpFoldResult n = sizesOf(b, loc, data)[axis],
               length = sizesOf(b, loc, condition)[0];
  std::optional<int64_t> sn = getConstantIntValue(n),
                         sl = getConstantIntValue(length);
  if (sn && sl && *sl > *sn)
    return ctx.failure<Results>("condition has " + Twine(*sl) +
                                " entries for " + Twine(*sn) + " slices");
  // A shorter condition leaves the slices after it out.
  OpFoldResult used = sl && sn ? length : m.min(length, n);
  condition = sliceOf(b, loc, condition, {m.c(0)}, {used});
  auto flagType =
      cast<RankedTensorType>(condition.getType()).clone(b.getI64Type());
  Value flags = b.create<prim::ConvertOp>(loc, flagType, condition);
  Value running = b.create<prim::CumsumOp>(loc, flagType, flags, 0);
  OpFoldResult selected =
      b.create<prim::SizeAtOp>(
           loc, reduce(b, loc, prim::ReduceKind::sum, flags, {0}, false), 0)
          .getResult();
  Sizes grid = {selected, used};
  SmallVector<Value> dynamic;
  for (OpFoldResult size : grid)
    if (!getConstantIntValue(size))
      dynamic.push_back(cast<Value>(size));
  Value k = b.create<prim::IotaOp>(
      loc, RankedTensorType::get(shapeOf(grid), b.getI64Type()), dynamic,
      b.getI64IntegerAttr(0));
  Value atMost = b.create<prim::CompareOp>(
      loc, prim::CompareDirection::le, broadcastTo(b, loc, running, grid), k);
  Value positions =
      reduce(b, loc, prim::ReduceKind::sum,
             b.create<prim::ConvertOp>(loc, cast<RankedTensorType>(k.getType()),
                                       atMost),
             {1}, false);
  return Results{gather(b, loc, data, positions, axis)};
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
  table.add("Compress", 9, convertCompress).inputs(2).attrs({{"axis", Int}});
}
