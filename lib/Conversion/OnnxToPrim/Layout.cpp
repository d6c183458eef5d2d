//===- Layout.cpp - Pad, Split, Tile, DepthToSpace, SpaceToDepth ----------===//
//
// Ops that move elements without computing on them. Their amounts (pads,
// split sizes, repeats) may be graph inputs: they are read as sizes
// (constants where traced, prim.size_at otherwise) and the result's sizes
// are index arithmetic (IndexMath), so constant amounts keep static shapes.
//
//  - Pad, constant mode: prim.pad for constant amounts (negative ones crop:
//    a slice first); run-time ones concatenate fills around the input.
//    Edge, reflect and wrap gather along each padded axis at positions
//    clamped, mirrored or wrapped into it (a constant index vector when
//    static, else computed from prim.iota).
//  - Split: one slice per output.
//  - Tile: the input viewed as [1, d0, 1, d1, ...], broadcast to
//    [r0, d0, r1, d1, ...] and viewed as [r0 * d0, ...].
//  - DepthToSpace, SpaceToDepth: reshape, transpose, reshape.
//
//===----------------------------------------------------------------------===//
#include "IndexMath.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace dlc;
using namespace dlc::onnx_to_prim;

namespace {

//===----------------------------------------------------------------------===//
// Pad
//===----------------------------------------------------------------------===//

enum class PadMode { Constant, Edge, Reflect, Wrap };

/// The position of the input each of `out` result positions along a dim of
/// `n` reads, with `low` padded before: i - low clamped (edge), mirrored
/// about the ends (reflect) or wrapped (wrap). An i64 tensor, constant when
/// static.
Value padPositions(OpBuilder &b, Location loc, PadMode mode, OpFoldResult low,
                   OpFoldResult n, OpFoldResult out) {
  IndexMath m(b, loc);
  // Reflection repeats every 2n - 2 positions (1 for a single element).
  OpFoldResult period = m.max(m.add(m.mul(n, m.c(2)), m.c(-2)), m.c(1));
  std::optional<int64_t> l = getConstantIntValue(low),
                         size = getConstantIntValue(n),
                         count = getConstantIntValue(out),
                         p = getConstantIntValue(period);
  Type i64 = b.getI64Type();
  if (l && size && count) {
    auto mod = [](int64_t a, int64_t d) { return ((a % d) + d) % d; };
    SmallVector<int64_t> positions;
    for (int64_t i = 0; i < *count; ++i) {
      int64_t j = i - *l;
      if (mode == PadMode::Edge)
        positions.push_back(std::clamp<int64_t>(j, 0, *size - 1));
      else if (mode == PadMode::Wrap)
        positions.push_back(mod(j, *size));
      else if (int64_t r = mod(j, *p); r < *size)
        positions.push_back(r);
      else
        positions.push_back(*p - r);
    }
    return b.create<arith::ConstantOp>(
        loc, DenseIntElementsAttr::get(RankedTensorType::get({*count}, i64),
                                       positions));
  }
  Sizes shape = {out};
  auto splat = [&](OpFoldResult v) { return splatSize(b, loc, v, i64, shape); };
  SmallVector<Value> dynamic;
  if (!count)
    dynamic.push_back(cast<Value>(out));
  Value j = b.create<prim::SubOp>(
      loc,
      b.create<prim::IotaOp>(loc, RankedTensorType::get(shapeOf(shape), i64),
                             dynamic, b.getI64IntegerAttr(0)),
      splat(low));
  if (mode == PadMode::Edge)
    return b.create<prim::MinOp>(loc,
                                 b.create<prim::MaxOp>(loc, j, splat(m.c(0))),
                                 splat(m.add(n, m.c(-1))));
  // j mod d, in [0, d): the remainder of the truncating division, raised by
  // d where negative.
  auto mod = [&](Value a, OpFoldResult d) -> Value {
    Value dv = splat(d);
    Value r = b.create<prim::SubOp>(
        loc, a,
        b.create<prim::MulOp>(loc, b.create<prim::DivOp>(loc, a, dv), dv));
    Value negative = b.create<prim::CompareOp>(loc, prim::CompareDirection::lt,
                                               r, splat(m.c(0)));
    return b.create<prim::SelectOp>(loc, negative,
                                    b.create<prim::AddOp>(loc, r, dv), r);
  };
  if (mode == PadMode::Wrap)
    return mod(j, n);
  Value r = mod(j, period);
  Value inside =
      b.create<prim::CompareOp>(loc, prim::CompareDirection::lt, r, splat(n));
  return b.create<prim::SelectOp>(loc, inside, r,
                                  b.create<prim::SubOp>(loc, splat(period), r));
}

/// The pad value as a constant of `elementType`, if it is one: the
/// attribute before opset 11, else the constant_value input (0 if absent).
FailureOr<std::optional<TypedAttr>> padValue(NodeContext &ctx,
                                             Type elementType) {
  if (ctx.version() < 11 || !ctx.hasInput(2)) {
    double value = ctx.version() < 11 ? ctx.floatAttr("value", 0) : 0;
    if (isa<FloatType>(elementType))
      return std::optional<TypedAttr>(ctx.b.getFloatAttr(elementType, value));
    if (elementType.isInteger(1))
      return std::optional<TypedAttr>(
          ctx.b.getIntegerAttr(elementType, APInt(1, value != 0)));
    return std::optional<TypedAttr>(
        ctx.b.getIntegerAttr(elementType, static_cast<int64_t>(value)));
  }
  auto vt = ctx.inputType(2);
  if (vt.getElementType() != elementType || vt.getNumElements() != 1)
    return ctx.failure<std::optional<TypedAttr>>(
        "constant_value must be one element of the data's type");
  ElementsAttr constant;
  if (matchPattern(ctx.input(2), m_Constant(&constant)))
    return std::optional<TypedAttr>(
        cast<TypedAttr>(*constant.getValues<Attribute>().begin()));
  return std::optional<TypedAttr>();
}

FailureOr<Results> convertPad(NodeContext &ctx) {
  OpBuilder &b = ctx.b;
  Location loc = ctx.loc;
  Value x = ctx.input(0);
  auto xt = ctx.inputType(0);
  int64_t rank = xt.getRank();
  std::string name = ctx.stringAttr("mode", "constant");
  bool wrap = ctx.version() >= 19;
  PadMode mode;
  if (name == "constant")
    mode = PadMode::Constant;
  else if (name == "edge")
    mode = PadMode::Edge;
  else if (name == "reflect")
    mode = PadMode::Reflect;
  else if (name == "wrap" && wrap)
    mode = PadMode::Wrap;
  else
    return ctx.failure<Results>("mode '" + name +
                                "' is not constant, edge, reflect" +
                                (wrap ? " or wrap" : ""));
  Sizes pads, axes;
  if (ctx.version() < 11) {
    pads =
        staticSizes(b, *ctx.intsAttr(ctx.version() < 2 ? "paddings" : "pads"));
  } else {
    auto read = sizesFromTensor(ctx, ctx.input(1));
    if (failed(read))
      return failure();
    pads = *read;
    if (ctx.hasInput(3)) {
      auto a = sizesFromTensor(ctx, ctx.input(3));
      if (failed(a))
        return failure();
      axes = *a;
    }
  }
  if (!ctx.hasInput(3))
    axes = staticSizes(b, llvm::to_vector(llvm::seq<int64_t>(0, rank)));
  if (pads.size() != 2 * axes.size())
    return ctx.failure<Results>("pads has " + Twine(pads.size()) +
                                " entries, 2 per padded axis (" +
                                Twine(2 * axes.size()) + ") expected");
  if (failed(checkAxes(ctx, axes, rank)))
    return failure();
  auto value = padValue(ctx, xt.getElementType());
  if (failed(value))
    return failure();
  IndexMath m(b, loc);
  ArrayRef<OpFoldResult> all(pads);
  Sizes low = perDim(m, axes, all.take_front(axes.size()), m.c(0), rank);
  Sizes high = perDim(m, axes, all.drop_front(axes.size()), m.c(0), rank);
  Sizes sizes = sizesOf(b, loc, x);
  for (int64_t d = 0; d < rank; ++d) {
    std::optional<int64_t> n = getConstantIntValue(sizes[d]),
                           l = getConstantIntValue(low[d]),
                           h = getConstantIntValue(high[d]);
    if (!n || !l || !h)
      continue;
    if (*n + *l + *h < 0)
      return ctx.failure<Results>("pads make dim " + Twine(d) + " negative");
    if (*n == 0 && *n + *l + *h > 0 && mode != PadMode::Constant)
      return ctx.failure<Results>("cannot pad the empty dim " + Twine(d) +
                                  " in " + name + " mode");
  }
  auto unpadded = [&](int64_t d) {
    return getConstantIntValue(low[d]) == 0 &&
           getConstantIntValue(high[d]) == 0;
  };

  if (mode != PadMode::Constant) {
    for (int64_t d = 0; d < rank; ++d) {
      if (unpadded(d))
        continue;
      OpFoldResult out = m.max(m.add(m.add(sizes[d], low[d]), high[d]), m.c(0));
      auto type = cast<RankedTensorType>(x.getType());
      SmallVector<int64_t> shape(type.getShape());
      shape[d] = shapeOf(out).front();
      x = b.create<prim::GatherOp>(
          loc, type.clone(shape), x,
          padPositions(b, loc, mode, low[d], sizes[d], out),
          b.getI64IntegerAttr(d));
    }
    return Results{x};
  }

  // Negative amounts crop first.
  Sizes first(rank, m.c(0)), count(sizes);
  bool crops = false;
  for (int64_t d = 0; d < rank; ++d) {
    OpFoldResult cropLow = m.max(m.sub(m.c(0), low[d]), m.c(0)),
                 cropHigh = m.max(m.sub(m.c(0), high[d]), m.c(0));
    low[d] = m.max(low[d], m.c(0));
    high[d] = m.max(high[d], m.c(0));
    if (getConstantIntValue(cropLow) == 0 && getConstantIntValue(cropHigh) == 0)
      continue;
    crops = true;
    first[d] = m.min(cropLow, sizes[d]);
    count[d] = m.max(m.sub(m.sub(sizes[d], cropLow), cropHigh), m.c(0));
  }
  if (crops)
    x = sliceOf(b, loc, x, first, count);
  std::optional<SmallVector<int64_t>> lo = getConstantIntValues(low),
                                      hi = getConstantIntValues(high);
  if (lo && hi && *value)
    return Results{b.create<prim::PadOp>(loc, x, b.getDenseI64ArrayAttr(*lo),
                                         b.getDenseI64ArrayAttr(*hi), **value)};
  // Run-time amounts or value: fills concatenated around the input.
  Value fill =
      *value ? b.create<arith::ConstantOp>(
                   loc,
                   DenseElementsAttr::get(
                       RankedTensorType::get({}, xt.getElementType()), **value))
             : reshape(b, loc, ctx.input(2), ArrayRef<int64_t>{});
  // The sizes so far: the cropped ones, then each padded dim's result.
  Sizes at(count);
  for (int64_t d = 0; d < rank; ++d) {
    if (unpadded(d))
      continue;
    SmallVector<Value> parts;
    Sizes fillSizes(at);
    for (OpFoldResult amount : {low[d], OpFoldResult(), high[d]}) {
      if (!amount) {
        parts.push_back(x);
      } else if (getConstantIntValue(amount) != 0) {
        fillSizes[d] = amount;
        parts.push_back(broadcastTo(b, loc, fill, fillSizes));
      }
    }
    x = b.create<prim::ConcatOp>(loc, parts, b.getI64IntegerAttr(d));
    at[d] = m.add(m.add(at[d], low[d]), high[d]);
  }
  return Results{x};
}

//===----------------------------------------------------------------------===//
// Split
//===----------------------------------------------------------------------===//

/// Split: the sizes from the attribute or input, else equal parts (from
/// opset 18 the last may be smaller); each output a slice, its start and
/// size clamped into the dim.
FailureOr<Results> convertSplit(NodeContext &ctx) {
  Value x = ctx.input(0);
  auto xt = ctx.inputType(0);
  auto axis = normalizeAxis(ctx, ctx.intAttr("axis", 0), xt.getRank());
  if (failed(axis))
    return failure();
  int64_t outputs = ctx.node.getNumResults();
  Sizes sizes = sizesOf(ctx.b, ctx.loc, x), parts;
  OpFoldResult n = sizes[*axis];
  if (auto split = ctx.intsAttr("split"))
    parts = staticSizes(ctx.b, *split);
  if (ctx.hasInput(1)) {
    auto read = sizesFromTensor(ctx, ctx.input(1));
    if (failed(read))
      return failure();
    parts = *read;
  }
  IndexMath m(ctx.b, ctx.loc);
  if (!parts.empty()) {
    if ((int64_t)parts.size() != outputs)
      return ctx.failure<Results>("split has " + Twine(parts.size()) +
                                  " sizes for " + Twine(outputs) + " outputs");
    std::optional<SmallVector<int64_t>> constant = getConstantIntValues(parts);
    if (constant && llvm::any_of(*constant, [](int64_t s) { return s < 0; }))
      return ctx.failure<Results>("split sizes must not be negative");
    std::optional<int64_t> size = getConstantIntValue(n);
    if (constant && size) {
      int64_t sum = 0;
      for (int64_t s : *constant)
        sum += s;
      if (sum != *size)
        return ctx.failure<Results>("split sizes sum to " + Twine(sum) +
                                    ", dim " + Twine(*axis) + " has " +
                                    Twine(*size));
    }
  } else {
    if (ctx.hasAttr("num_outputs") && ctx.intAttr("num_outputs", 0) != outputs)
      return ctx.failure<Results>(
          "num_outputs is " + Twine(ctx.intAttr("num_outputs", 0)) +
          ", the node has " + Twine(outputs) + " outputs");
    bool uneven = ctx.version() >= 18;
    OpFoldResult chunk = uneven ? m.ceilDiv(n, m.c(outputs))
                                : divSize(ctx.b, ctx.loc, n, m.c(outputs));
    OpFoldResult last = m.sub(n, m.mul(chunk, m.c(outputs - 1)));
    std::optional<int64_t> size = getConstantIntValue(n),
                           rest = getConstantIntValue(last);
    if (size && !uneven && *size % outputs != 0)
      return ctx.failure<Results>("cannot split dim " + Twine(*axis) +
                                  " of size " + Twine(*size) + " into " +
                                  Twine(outputs) + " equal parts");
    if (rest && *rest < 0)
      return ctx.failure<Results>("cannot split dim " + Twine(*axis) +
                                  " of size " + Twine(*size) + " into " +
                                  Twine(outputs) + " parts of " +
                                  Twine(*getConstantIntValue(chunk)));
    parts.assign(outputs - 1, chunk);
    parts.push_back(last);
  }
  Results results;
  OpFoldResult offset = m.c(0);
  Sizes first(xt.getRank(), m.c(0)), count(sizes);
  for (OpFoldResult part : parts) {
    first[*axis] = getConstantIntValue(offset) == 0 ? offset : m.min(offset, n);
    count[*axis] = m.clamp(part, m.c(0), m.sub(n, first[*axis]));
    results.push_back(sliceOf(ctx.b, ctx.loc, x, first, count));
    offset = m.add(offset, part);
  }
  return results;
}

//===----------------------------------------------------------------------===//
// Tile, DepthToSpace, SpaceToDepth
//===----------------------------------------------------------------------===//

FailureOr<Results> convertTile(NodeContext &ctx) {
  OpBuilder &b = ctx.b;
  Location loc = ctx.loc;
  Value x = ctx.input(0);
  int64_t rank = ctx.inputType(0).getRank();
  IndexMath m(b, loc);
  Sizes repeats;
  if (ctx.version() < 6) {
    // Tile-1: `tiles` copies along `axis`.
    auto tiles = sizesFromTensor(ctx, ctx.input(1));
    if (failed(tiles))
      return failure();
    auto axis = constantInts(ctx.input(2));
    if (tiles->size() != 1 || !axis || axis->size() != 1)
      return ctx.failure<Results>(
          "tiles must be one count and axis one constant");
    auto d = normalizeAxis(ctx, axis->front(), rank);
    if (failed(d))
      return failure();
    repeats.assign(rank, m.c(1));
    repeats[*d] = tiles->front();
  } else {
    auto read = sizesFromTensor(ctx, ctx.input(1));
    if (failed(read))
      return failure();
    repeats = *read;
  }
  if ((int64_t)repeats.size() != rank)
    return ctx.failure<Results>("repeats has " + Twine(repeats.size()) +
                                " entries for rank " + Twine(rank));
  Sizes sizes = sizesOf(b, loc, x), interleaved, expanded, result;
  for (auto [repeat, size] : llvm::zip_equal(repeats, sizes)) {
    if (std::optional<int64_t> r = getConstantIntValue(repeat); r && *r < 0)
      return ctx.failure<Results>("repeats must not be negative");
    repeat = m.max(repeat, m.c(0));
    interleaved.append({m.c(1), size});
    expanded.append({repeat, size});
    result.push_back(m.mul(repeat, size));
  }
  if (llvm::all_of(repeats,
                   [](OpFoldResult r) { return getConstantIntValue(r) == 1; }))
    return Results{x};
  Value spread = broadcastTo(b, loc, reshape(b, loc, x, interleaved), expanded);
  return Results{reshape(b, loc, spread, result)};
}

/// The blocksize and the sizes of a 4-D input, for DepthToSpace and
/// SpaceToDepth.
FailureOr<std::pair<int64_t, Sizes>> blockAndSizes(NodeContext &ctx) {
  if (ctx.inputType(0).getRank() != 4)
    return ctx.failure<std::pair<int64_t, Sizes>>(
        "the input must be 4-D [N, C, H, W]");
  int64_t block = ctx.intAttr("blocksize", 0);
  if (block < 1)
    return ctx.failure<std::pair<int64_t, Sizes>>(
        "blocksize must be positive, got " + Twine(block));
  return std::make_pair(block, sizesOf(ctx.b, ctx.loc, ctx.input(0)));
}

/// Checks that dim `d` of `sizes`, when static, divides by `divisor`.
LogicalResult checkDivides(NodeContext &ctx, ArrayRef<OpFoldResult> sizes,
                           int64_t d, int64_t divisor) {
  std::optional<int64_t> size = getConstantIntValue(sizes[d]);
  if (size && *size % divisor != 0)
    return ctx.fail("dim " + Twine(d) + " (" + Twine(*size) +
                    ") must be a multiple of " + Twine(divisor));
  return success();
}

/// DepthToSpace: [N, C, H, W] to [N, C/b², H*b, W*b], the channels read as
/// [b, b, C/b²] (DCR) or [C/b², b, b] (CRD).
FailureOr<Results> convertDepthToSpace(NodeContext &ctx) {
  auto block = blockAndSizes(ctx);
  if (failed(block))
    return failure();
  std::string mode = ctx.stringAttr("mode", "DCR");
  if (mode != "DCR" && mode != "CRD")
    return ctx.failure<Results>("mode '" + mode + "' is not DCR or CRD");
  auto [bs, s] = *block;
  if (failed(checkDivides(ctx, s, 1, bs * bs)))
    return failure();
  OpBuilder &b = ctx.b;
  Location loc = ctx.loc;
  IndexMath m(b, loc);
  OpFoldResult c = divSize(b, loc, s[1], m.c(bs * bs)), k = m.c(bs);
  Value split;
  SmallVector<int64_t> perm;
  if (mode == "DCR") {
    split = reshape(b, loc, ctx.input(0), {s[0], k, k, c, s[2], s[3]});
    perm = {0, 3, 4, 1, 5, 2};
  } else {
    split = reshape(b, loc, ctx.input(0), {s[0], c, k, k, s[2], s[3]});
    perm = {0, 1, 4, 2, 5, 3};
  }
  Value moved =
      b.create<prim::TransposeOp>(loc, split, b.getDenseI64ArrayAttr(perm));
  return Results{
      reshape(b, loc, moved, {s[0], c, m.mul(s[2], k), m.mul(s[3], k)})};
}

/// SpaceToDepth: [N, C, H, W] to [N, C*b², H/b, W/b], the blocks' elements
/// after the channels (the inverse of DepthToSpace DCR).
FailureOr<Results> convertSpaceToDepth(NodeContext &ctx) {
  auto block = blockAndSizes(ctx);
  if (failed(block))
    return failure();
  auto [bs, s] = *block;
  if (failed(checkDivides(ctx, s, 2, bs)) ||
      failed(checkDivides(ctx, s, 3, bs)))
    return failure();
  OpBuilder &b = ctx.b;
  Location loc = ctx.loc;
  IndexMath m(b, loc);
  OpFoldResult k = m.c(bs), h = divSize(b, loc, s[2], k),
               w = divSize(b, loc, s[3], k);
  Value split = reshape(b, loc, ctx.input(0), {s[0], s[1], h, k, w, k});
  Value moved = b.create<prim::TransposeOp>(
      loc, split, b.getDenseI64ArrayAttr({0, 3, 5, 1, 2, 4}));
  return Results{
      reshape(b, loc, moved, {s[0], m.mul(s[1], m.c(bs * bs)), h, w})};
}

} // namespace

void dlc::onnx_to_prim::addLayoutRules(RuleTable &table) {
  using namespace schema;
  // Pad: the amounts (paddings, then pads) and value are attributes before
  // opset 11, inputs after; axes from 18, wrap mode from 19.
  table.add("Pad", 1, convertPad)
      .attrs(
          {{"paddings", Ints, Required}, {"value", Float}, {"mode", String}});
  table.add("Pad", 2, convertPad)
      .attrs({{"pads", Ints, Required}, {"value", Float}, {"mode", String}});
  table.add("Pad", 11, convertPad)
      .inputs(2, 3)
      .optional({2})
      .attrs({{"mode", String}});
  table.add("Pad", 18, convertPad)
      .inputs(2, 4)
      .optional({2, 3})
      .attrs({{"mode", String}});
  table.add("Pad", 19, convertPad)
      .inputs(2, 4)
      .optional({2, 3})
      .attrs({{"mode", String}});
  // Split: the sizes are an attribute or an optional input at opset 1, an
  // attribute from 2, an input from 13; num_outputs from 18.
  table.add("Split", 1, convertSplit)
      .inputs(1, 2)
      .optional({1})
      .outputs(1, Variadic)
      .attrs({{"axis", Int}, {"split", Ints}});
  table.add("Split", 2, convertSplit)
      .outputs(1, Variadic)
      .attrs({{"axis", Int}, {"split", Ints}});
  table.add("Split", 13, convertSplit)
      .inputs(1, 2)
      .optional({1})
      .outputs(1, Variadic)
      .attrs({{"axis", Int}});
  table.add("Split", 18, convertSplit)
      .inputs(1, 2)
      .optional({1})
      .outputs(1, Variadic)
      .attrs({{"axis", Int}, {"num_outputs", Int}});
  // Tile: one axis (tiles, axis inputs) at opset 1, repeats per dim from 6.
  table.add("Tile", 1, convertTile).inputs(3);
  table.add("Tile", 6, convertTile).inputs(2);
  table.add("DepthToSpace", 1, convertDepthToSpace)
      .attrs({{"blocksize", Int, Required}});
  table.add("DepthToSpace", 11, convertDepthToSpace)
      .attrs({{"blocksize", Int, Required}, {"mode", String}});
  table.add("SpaceToDepth", 1, convertSpaceToDepth)
      .attrs({{"blocksize", Int, Required}});
}
