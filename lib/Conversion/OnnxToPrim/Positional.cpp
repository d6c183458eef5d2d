//===- Positional.cpp - Trilu, EyeLike, OneHot, CumSum --------------------===//
//
// Ops whose values depend on the positions of the elements. Trilu, EyeLike
// and OneHot compare prim.iota positions (against each other, an offset or
// the indices) and select; CumSum is prim.cumsum, the running sum along a
// dim.
//
//===----------------------------------------------------------------------===//
#include "IndexMath.h"

#include "dlc/Support/MlirDType.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace dlc;
using namespace dlc::onnx_to_prim;

namespace {

/// col - row over a matrix of `sizes` (2 of them), as i64.
Value diagonalOffsets(OpBuilder &b, Location loc,
                      ArrayRef<OpFoldResult> sizes) {
  auto type = RankedTensorType::get(shapeOf(sizes), b.getI64Type());
  SmallVector<Value> dynamic;
  for (OpFoldResult size : sizes)
    if (!getConstantIntValue(size))
      dynamic.push_back(cast<Value>(size));
  auto iota = [&](int64_t dim) -> Value {
    return b.create<prim::IotaOp>(loc, type, dynamic, b.getI64IntegerAttr(dim));
  };
  return b.create<prim::SubOp>(loc, iota(1), iota(0));
}

/// Trilu: keeps the elements on and above (upper) or on and below (lower)
/// the k-th diagonal of the last two dims, zeroes the others.
FailureOr<Results> convertTrilu(NodeContext &ctx) {
  OpBuilder &b = ctx.b;
  Location loc = ctx.loc;
  Value x = ctx.input(0);
  int64_t rank = ctx.inputType(0).getRank();
  if (rank < 2)
    return ctx.failure<Results>("the input must have rank >= 2");
  Sizes sizes = sizesOf(b, loc, x);
  Sizes plane(sizes.end() - 2, sizes.end());
  Value offsets = diagonalOffsets(b, loc, plane), k;
  if (ctx.hasInput(1)) {
    auto kt = ctx.inputType(1);
    if (kt.getNumElements() != 1 || !kt.getElementType().isInteger(64))
      return ctx.failure<Results>("k must be one int64");
    k = broadcastTo(b, loc, reshape(b, loc, ctx.input(1), ArrayRef<int64_t>{}),
                    plane);
  } else {
    k = splatLike(b, loc, offsets, 0);
  }
  Value keep = b.create<prim::CompareOp>(loc,
                                         ctx.intAttr("upper", 1)
                                             ? prim::CompareDirection::ge
                                             : prim::CompareDirection::le,
                                         offsets, k);
  return Results{b.create<prim::SelectOp>(loc, broadcastTo(b, loc, keep, sizes),
                                          x, splatLike(b, loc, x, 0))};
}

/// EyeLike: ones on the k-th diagonal of a matrix shaped like the input, of
/// its element type or `dtype`.
FailureOr<Results> convertEyeLike(NodeContext &ctx) {
  auto xt = ctx.inputType(0);
  if (xt.getRank() != 2)
    return ctx.failure<Results>("the input must be 2-D");
  Type et = xt.getElementType();
  if (ctx.hasAttr("dtype")) {
    int64_t code = ctx.intAttr("dtype", 0);
    const dlc::DType *dtype = dlc::dtypeFromOnnx(code);
    if (!dtype)
      return ctx.failure<Results>("element type #" + Twine(code) +
                                  " is not supported");
    et = dlc::getMlirType(ctx.b.getContext(), *dtype);
  }
  OpBuilder &b = ctx.b;
  Location loc = ctx.loc;
  Sizes sizes = sizesOf(b, loc, ctx.input(0));
  Value offsets = diagonalOffsets(b, loc, sizes);
  Value diagonal = b.create<prim::CompareOp>(
      loc, prim::CompareDirection::eq, offsets,
      splatSize(b, loc, b.getIndexAttr(ctx.intAttr("k", 0)), b.getI64Type(),
                sizes));
  if (et.isInteger(1))
    return Results{diagonal};
  return Results{b.create<prim::ConvertOp>(
      loc, cast<RankedTensorType>(diagonal.getType()).clone(et), diagonal)};
}

/// OneHot: a new dim of `depth` at `axis`, the `on` value where its position
/// equals the index, `off` elsewhere. Indices are cast to int64; from opset
/// 11 negative ones count from the end (before, they match nothing).
FailureOr<Results> convertOneHot(NodeContext &ctx) {
  OpBuilder &b = ctx.b;
  Location loc = ctx.loc;
  Value indices = ctx.input(0), depthInput = ctx.input(1),
        values = ctx.input(2);
  auto it = ctx.inputType(0), vt = ctx.inputType(2);
  if (vt.getRank() != 1 || vt.getDimSize(0) != 2)
    return ctx.failure<Results>("values must be [off, on]");
  auto axis = normalizeAxis(ctx, ctx.intAttr("axis", -1), it.getRank() + 1);
  if (failed(axis))
    return failure();
  auto toI64 = [&](Value v) -> Value {
    auto type = cast<RankedTensorType>(v.getType());
    if (type.getElementType().isInteger(64))
      return v;
    return b.createOrFold<prim::ConvertOp>(loc, type.clone(b.getI64Type()), v);
  };
  if (ctx.inputType(1).getNumElements() != 1)
    return ctx.failure<Results>("depth must be one number");
  IndexMath m(b, loc);
  OpFoldResult n;
  // A float constant: its value (truncated), at compile time.
  ElementsAttr constant;
  if (matchPattern(depthInput, m_Constant(&constant)) &&
      isa<FloatType>(constant.getElementType())) {
    n = m.c(static_cast<int64_t>(
        cast<FloatAttr>(*constant.getValues<Attribute>().begin())
            .getValueAsDouble()));
  } else {
    auto depth = sizesFromTensor(ctx, toI64(depthInput));
    if (failed(depth))
      return failure();
    n = depth->front();
  }
  if (std::optional<int64_t> d = getConstantIntValue(n); d && *d < 1)
    return ctx.failure<Results>("depth must be positive, got " + Twine(*d));
  n = m.max(n, m.c(0));
  Value positions = toI64(indices);
  if (ctx.version() >= 11) {
    Sizes sizes = sizesOf(b, loc, positions);
    Value negative =
        b.create<prim::CompareOp>(loc, prim::CompareDirection::lt, positions,
                                  splatLike(b, loc, positions, 0));
    positions = b.create<prim::SelectOp>(
        loc, negative,
        b.create<prim::AddOp>(loc, positions,
                              splatSize(b, loc, n, b.getI64Type(), sizes)),
        positions);
  }
  Sizes in = sizesOf(b, loc, positions), out(in), unit(in);
  out.insert(out.begin() + *axis, n);
  unit.insert(unit.begin() + *axis, m.c(1));
  Value spread = broadcastTo(b, loc, reshape(b, loc, positions, unit), out);
  SmallVector<Value> dynamic;
  for (OpFoldResult size : out)
    if (!getConstantIntValue(size))
      dynamic.push_back(cast<Value>(size));
  Value iota = b.create<prim::IotaOp>(
      loc, RankedTensorType::get(shapeOf(out), b.getI64Type()), dynamic,
      b.getI64IntegerAttr(*axis));
  Value hot =
      b.create<prim::CompareOp>(loc, prim::CompareDirection::eq, spread, iota);
  auto pick = [&](int64_t i) {
    Value one = b.create<prim::SliceOp>(
        loc, values, b.getDenseI64ArrayAttr({i}),
        b.getDenseI64ArrayAttr({i + 1}), b.getDenseI64ArrayAttr({1}));
    return broadcastTo(b, loc, reshape(b, loc, one, ArrayRef<int64_t>{}), out);
  };
  return Results{b.create<prim::SelectOp>(loc, hot, pick(1), pick(0))};
}

/// CumSum: prim.cumsum along the axis, which must be a constant (any value
/// of a run-time one names the only dim of a 1-D input).
FailureOr<Results> convertCumSum(NodeContext &ctx) {
  auto xt = ctx.inputType(0);
  if (xt.getRank() == 0)
    return ctx.failure<Results>("the input must have rank >= 1");
  auto at = ctx.inputType(1);
  if (at.getNumElements() != 1 || !isa<IntegerType>(at.getElementType()))
    return ctx.failure<Results>("axis must be one integer");
  int64_t axis = 0;
  if (auto constant = constantInts(ctx.input(1))) {
    auto d = normalizeAxis(ctx, constant->front(), xt.getRank());
    if (failed(d))
      return failure();
    axis = *d;
  } else if (xt.getRank() != 1) {
    return ctx.failure<Results>(
        "the axis of a rank " + Twine(xt.getRank()) +
        " input must be a constant (it is a run-time input)");
  }
  return Results{ctx.b.create<prim::CumsumOp>(ctx.loc, xt, ctx.input(0), axis,
                                              ctx.intAttr("exclusive", 0) != 0,
                                              ctx.intAttr("reverse", 0) != 0)};
}

} // namespace

void dlc::onnx_to_prim::addPositionalRules(RuleTable &table) {
  using namespace schema;
  table.add("Trilu", 14, convertTrilu)
      .inputs(1, 2)
      .optional({1})
      .attrs({{"upper", Int}});
  table.add("EyeLike", 9, convertEyeLike).attrs({{"dtype", Int}, {"k", Int}});
  // OneHot: negative indices count from the end from opset 11.
  table.add("OneHot", 9, convertOneHot).inputs(3).attrs({{"axis", Int}});
  table.add("OneHot", 11, convertOneHot).inputs(3).attrs({{"axis", Int}});
  table.add("CumSum", 11, convertCumSum)
      .inputs(2)
      .attrs({{"exclusive", Int}, {"reverse", Int}});
}
