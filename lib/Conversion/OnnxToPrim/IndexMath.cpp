//===- IndexMath.cpp - folding index arithmetic on sizes ------------------===//
#include "IndexMath.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
using namespace dlc;
using namespace dlc::onnx_to_prim;

namespace {

/// Folds `fold` on constants, else builds `OpTy` (folded where it can).
template <typename OpTy, typename Fold>
OpFoldResult binary(OpBuilder &b, Location loc, IndexMath &m, OpFoldResult lhs,
                    OpFoldResult rhs, Fold fold) {
  std::optional<int64_t> l = getConstantIntValue(lhs),
                         r = getConstantIntValue(rhs);
  if (l && r)
    return fold(*l, *r);
  return getAsOpFoldResult(
      b.createOrFold<OpTy>(loc, m.value(lhs), m.value(rhs)));
}

} // namespace

Value IndexMath::value(OFR v) {
  if (auto value = dyn_cast<Value>(v))
    return value;
  return b.create<arith::ConstantOp>(loc, cast<TypedAttr>(cast<Attribute>(v)));
}

IndexMath::OFR IndexMath::add(OFR lhs, OFR rhs) {
  if (getConstantIntValue(lhs) == 0)
    return rhs;
  if (getConstantIntValue(rhs) == 0)
    return lhs;
  return binary<arith::AddIOp>(b, loc, *this, lhs, rhs,
                               [&](int64_t l, int64_t r) { return c(l + r); });
}

IndexMath::OFR IndexMath::sub(OFR lhs, OFR rhs) {
  if (getConstantIntValue(rhs) == 0)
    return lhs;
  return binary<arith::SubIOp>(b, loc, *this, lhs, rhs,
                               [&](int64_t l, int64_t r) { return c(l - r); });
}

IndexMath::OFR IndexMath::mul(OFR lhs, OFR rhs) {
  return mulSize(b, loc, lhs, rhs);
}

IndexMath::OFR IndexMath::min(OFR lhs, OFR rhs) {
  return binary<arith::MinSIOp>(
      b, loc, *this, lhs, rhs,
      [&](int64_t l, int64_t r) { return c(std::min(l, r)); });
}

IndexMath::OFR IndexMath::max(OFR lhs, OFR rhs) {
  return binary<arith::MaxSIOp>(
      b, loc, *this, lhs, rhs,
      [&](int64_t l, int64_t r) { return c(std::max(l, r)); });
}

IndexMath::OFR IndexMath::ceilDiv(OFR lhs, OFR rhs) {
  std::optional<int64_t> r = getConstantIntValue(rhs);
  if (r == 1 || r == 0)
    return lhs;
  if (!r)
    rhs = select(eq(rhs, c(0)), c(1), rhs);
  return binary<arith::CeilDivSIOp>(
      b, loc, *this, lhs, rhs, [&](int64_t l, int64_t d) {
        return c(l / d + (l % d != 0 && (l < 0) == (d < 0)));
      });
}

IndexMath::OFR IndexMath::eq(OFR lhs, OFR rhs) {
  std::optional<int64_t> l = getConstantIntValue(lhs),
                         r = getConstantIntValue(rhs);
  if (l && r)
    return b.getBoolAttr(*l == *r);
  return getAsOpFoldResult(b.createOrFold<arith::CmpIOp>(
      loc, arith::CmpIPredicate::eq, value(lhs), value(rhs)));
}

IndexMath::OFR IndexMath::lt(OFR lhs, OFR rhs) {
  std::optional<int64_t> l = getConstantIntValue(lhs),
                         r = getConstantIntValue(rhs);
  if (l && r)
    return b.getBoolAttr(*l < *r);
  return getAsOpFoldResult(b.createOrFold<arith::CmpIOp>(
      loc, arith::CmpIPredicate::slt, value(lhs), value(rhs)));
}

IndexMath::OFR IndexMath::orI(OFR lhs, OFR rhs) {
  std::optional<int64_t> l = getConstantIntValue(lhs),
                         r = getConstantIntValue(rhs);
  if ((l && *l) || (r && *r))
    return b.getBoolAttr(true);
  if (l)
    return rhs;
  if (r)
    return lhs;
  return getAsOpFoldResult(
      b.createOrFold<arith::OrIOp>(loc, value(lhs), value(rhs)));
}

IndexMath::OFR IndexMath::select(OFR cond, OFR onTrue, OFR onFalse) {
  if (std::optional<int64_t> c = getConstantIntValue(cond))
    return *c ? onTrue : onFalse;
  if (onTrue == onFalse)
    return onTrue;
  return getAsOpFoldResult(b.createOrFold<arith::SelectOp>(
      loc, value(cond), value(onTrue), value(onFalse)));
}

Sizes dlc::onnx_to_prim::perDim(IndexMath &m, ArrayRef<OpFoldResult> axes,
                                ArrayRef<OpFoldResult> values,
                                OpFoldResult absent, int64_t rank) {
  Sizes result(rank, absent);
  for (auto [axis, v] : llvm::zip_equal(axes, values)) {
    OpFoldResult position = m.axis(axis, rank);
    for (int64_t d = 0; d < rank; ++d)
      result[d] = m.select(m.eq(position, m.c(d)), v, result[d]);
  }
  return result;
}

LogicalResult dlc::onnx_to_prim::checkAxes(NodeContext &ctx,
                                           ArrayRef<OpFoldResult> axes,
                                           int64_t rank) {
  SmallVector<bool> seen(rank, false);
  for (OpFoldResult a : axes) {
    std::optional<int64_t> axis = getConstantIntValue(a);
    if (!axis)
      continue;
    auto d = normalizeAxis(ctx, *axis, rank);
    if (failed(d))
      return failure();
    if (seen[*d])
      return ctx.fail("axes repeat " + Twine(*d));
    seen[*d] = true;
  }
  return success();
}

Value dlc::onnx_to_prim::splatSize(OpBuilder &b, Location loc,
                                   OpFoldResult size, Type elementType,
                                   ArrayRef<OpFoldResult> sizes) {
  return broadcastTo(
      b, loc, sizesTensor(b, loc, size, elementType, /*scalar=*/true), sizes);
}

Value dlc::onnx_to_prim::sliceOf(OpBuilder &b, Location loc, Value value,
                                 ArrayRef<OpFoldResult> first,
                                 ArrayRef<OpFoldResult> count) {
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> shape = shapeOf(count), ones(type.getRank(), 1);
  std::optional<SmallVector<int64_t>> starts = getConstantIntValues(first);
  if (starts && type.hasStaticShape() &&
      llvm::none_of(shape, ShapedType::isDynamic)) {
    if (llvm::all_of(*starts, [](int64_t s) { return s == 0; }) &&
        ArrayRef(shape) == type.getShape())
      return value;
    SmallVector<int64_t> limit;
    for (auto [start, size] : llvm::zip_equal(*starts, shape))
      limit.push_back(start + size);
    return b.create<prim::SliceOp>(loc, value, b.getDenseI64ArrayAttr(*starts),
                                   b.getDenseI64ArrayAttr(limit),
                                   b.getDenseI64ArrayAttr(ones));
  }
  IndexMath m(b, loc);
  SmallVector<Value> startValues, dynamic;
  for (auto [start, size] : llvm::zip_equal(first, count)) {
    startValues.push_back(m.value(start));
    if (!getConstantIntValue(size))
      dynamic.push_back(cast<Value>(size));
  }
  return b.create<prim::DynamicSliceOp>(loc, type.clone(shape), value,
                                        startValues, dynamic,
                                        b.getDenseI64ArrayAttr(ones));
}
