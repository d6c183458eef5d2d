//===- PrimToLinalg.cpp - the convert-prim-to-linalg pass -----------------===//
//
// Elementwise prims and broadcasts become linalg.generic (which
// dlc-fuse-elementwise later merges), contractions become linalg
// named ops, reductions linalg.reduce or a windowed linalg.generic, and shape
// ops tensor ops. Dynamic dims are taken from the operands with tensor.dim
// (or from an op's `sizes`). Where sizes only meet at run time (the operands
// of an elementwise op or a matmul, a dynamic dim broadcast to a size, a
// reshape's element count, the inputs of a concat), a `cf.assert`
// {dlc.shape_check} checks them: its condition is `arith.cmpi <pred>,
// actual, expected` and its message names the node and has two %lld for the
// two sizes (see dlc-lower-shape-checks). dlc does not broadcast a dynamic
// dim that is 1 at run time: that is such a check's failure.
//
//===----------------------------------------------------------------------===//
#include "dlc/Conversion/Passes.h"
#include "dlc/Dialect/Prim/IR/PrimDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlowOps.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Func/Transforms/FuncConversions.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Transforms/DialectConversion.h"

namespace dlc {
#define GEN_PASS_DEF_CONVERTPRIMTOLINALG
#include "dlc/Conversion/Passes.h.inc"
} // namespace dlc

using namespace mlir;
using namespace dlc;

namespace {

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// The ONNX node an op came from, for messages: the name of its NameLoc.
std::string nodeName(Location loc) {
  std::string name = "<unnamed>";
  loc->walk([&](Location inner) {
    if (auto named = dyn_cast<NameLoc>(inner)) {
      name = named.getName().str();
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  return name;
}

/// Asserts at run time that `predicate(actual, expected)` holds (index
/// values). The message is "node 'N': <what> is <actual> at run time, but
/// <needed> <expected> is needed here<why>".
void checkSize(OpBuilder &b, Location loc, Value actual, Value expected,
               const Twine &what, const Twine &why,
               arith::CmpIPredicate predicate = arith::CmpIPredicate::eq) {
  // The node name goes into a printf format: escape its '%'.
  std::string node;
  for (char c : nodeName(loc)) {
    node.push_back(c);
    if (c == '%')
      node.push_back('%');
  }
  StringRef needed = predicate == arith::CmpIPredicate::uge ? "at least " : "";
  // Canonicalization puts a constant on the right of a comparison: put it
  // there first, and name the sizes by position (the lowering passes the
  // comparison's operands in order).
  bool swap = matchPattern(actual, m_Constant()) &&
              !matchPattern(expected, m_Constant());
  Value holds =
      swap ? b.create<arith::CmpIOp>(loc,
                                     predicate == arith::CmpIPredicate::uge
                                         ? arith::CmpIPredicate::ule
                                         : predicate,
                                     expected, actual)
           : b.create<arith::CmpIOp>(loc, predicate, actual, expected);
  auto check = b.create<cf::AssertOp>(
      loc, holds,
      ("node '" + node + "': " + what + " is " + (swap ? "%2$lld" : "%1$lld") +
       " at run time, but " + needed + (swap ? "%1$lld" : "%2$lld") +
       " is needed here" + why)
          .str());
  check->setAttr("dlc.shape_check", b.getUnitAttr());
}

/// Checks that two dims meeting at run time are equal (a dynamic dim is
/// never broadcast from 1).
void checkBroadcastSize(OpBuilder &b, Location loc, Value actual,
                        Value expected, const Twine &what) {
  checkSize(b, loc, actual, expected, what,
            " (a dynamic dim is not broadcast from 1)");
}

/// The size of dim `d` of `v`: a constant when static.
Value dimSize(OpBuilder &b, Location loc, Value v, int64_t d) {
  auto type = cast<RankedTensorType>(v.getType());
  if (!type.isDynamicDim(d))
    return b.create<arith::ConstantIndexOp>(loc, type.getDimSize(d));
  return b.create<tensor::DimOp>(loc, v, d);
}

/// `type`'s sizes: static ones from the type, the dynamic dim d's from
/// `dynamic(d)`.
SmallVector<OpFoldResult> mixedSizes(OpBuilder &b, RankedTensorType type,
                                     function_ref<Value(int64_t)> dynamic) {
  SmallVector<OpFoldResult> sizes;
  for (int64_t d = 0; d < type.getRank(); ++d)
    sizes.push_back(type.isDynamicDim(d) ? OpFoldResult(dynamic(d))
                                         : b.getIndexAttr(type.getDimSize(d)));
  return sizes;
}

/// The dynamic entries of `sizes`.
SmallVector<Value> dynamicValues(ArrayRef<OpFoldResult> sizes) {
  SmallVector<Value> values;
  for (OpFoldResult size : sizes)
    if (auto value = dyn_cast<Value>(size))
      values.push_back(value);
  return values;
}

/// The values of `sizes`, constants for the static ones.
SmallVector<Value> sizeValues(OpBuilder &b, Location loc,
                              ArrayRef<OpFoldResult> sizes) {
  SmallVector<Value> values;
  for (OpFoldResult size : sizes)
    values.push_back(
        isa<Value>(size)
            ? cast<Value>(size)
            : b.create<arith::ConstantIndexOp>(
                  loc, cast<IntegerAttr>(cast<Attribute>(size)).getInt()));
  return values;
}

/// tensor.empty of `type` with the dynamic sizes given by `sizes`.
Value emptyOf(OpBuilder &b, Location loc, RankedTensorType type,
              ArrayRef<OpFoldResult> sizes) {
  return b.create<tensor::EmptyOp>(loc, type.getShape(), type.getElementType(),
                                   dynamicValues(sizes));
}

/// The product of `sizes` as an index value (a constant when they are).
Value product(OpBuilder &b, Location loc, ArrayRef<Value> sizes) {
  Value result = b.create<arith::ConstantIndexOp>(loc, 1);
  for (Value size : sizes)
    result = b.createOrFold<arith::MulIOp>(loc, result, size);
  return result;
}

/// linalg and arith work on signless integers; prim keeps signedness in its
/// types, and the lowering picks signed or unsigned arith ops from it.
Type signless(Type type) {
  if (auto integer = dyn_cast<IntegerType>(type))
    if (!integer.isSignless())
      return IntegerType::get(type.getContext(), integer.getWidth());
  if (auto tensor = dyn_cast<RankedTensorType>(type))
    return tensor.clone(signless(tensor.getElementType()));
  return type;
}

/// Unsigned integers and i1 (bools order false < true) compare unsigned.
bool isUnsignedLike(Type type) {
  return type.isUnsignedInteger() || type.isInteger(1);
}

RankedTensorType signless(RankedTensorType type) {
  return cast<RankedTensorType>(signless(Type(type)));
}

TypedAttr scalarAttr(OpBuilder &b, Type elementType, double value) {
  elementType = signless(elementType);
  if (auto f = dyn_cast<FloatType>(elementType))
    return b.getFloatAttr(f, value);
  if (elementType.isInteger(1))
    return b.getIntegerAttr(elementType, value != 0);
  return b.getIntegerAttr(elementType, static_cast<int64_t>(value));
}

Value filledTensor(OpBuilder &b, Location loc, RankedTensorType type,
                   TypedAttr value, ArrayRef<OpFoldResult> sizes) {
  Value empty = emptyOf(b, loc, type, sizes);
  Value scalar = b.create<arith::ConstantOp>(loc, value);
  return b.create<linalg::FillOp>(loc, scalar, empty).getResult(0);
}

/// `elementType` is prim's (signed or unsigned) element type.
TypedAttr reductionIdentity(OpBuilder &b, prim::ReduceKind kind,
                            Type elementType) {
  bool isFloat = isa<FloatType>(elementType);
  if (isUnsignedLike(elementType) &&
      (kind == prim::ReduceKind::max || kind == prim::ReduceKind::min)) {
    unsigned width = elementType.getIntOrFloatBitWidth();
    return b.getIntegerAttr(signless(elementType),
                            kind == prim::ReduceKind::max
                                ? APInt::getZero(width)
                                : APInt::getMaxValue(width));
  }
  switch (kind) {
  case prim::ReduceKind::sum:
    return scalarAttr(b, elementType, 0);
  case prim::ReduceKind::prod:
    return scalarAttr(b, elementType, 1);
  case prim::ReduceKind::max:
  case prim::ReduceKind::argmax: // The running maximum it tracks.
    if (isFloat)
      return b.getFloatAttr(elementType,
                            -std::numeric_limits<double>::infinity());
    return b.getIntegerAttr(
        signless(elementType),
        APInt::getSignedMinValue(elementType.getIntOrFloatBitWidth()));
  case prim::ReduceKind::min:
  case prim::ReduceKind::argmin: // The running minimum it tracks.
    if (isFloat)
      return b.getFloatAttr(elementType,
                            std::numeric_limits<double>::infinity());
    return b.getIntegerAttr(
        signless(elementType),
        APInt::getSignedMaxValue(elementType.getIntOrFloatBitWidth()));
  }
  llvm_unreachable("all reduce kinds handled");
}

Value combine(OpBuilder &b, Location loc, prim::ReduceKind kind,
              bool isUnsigned, Value acc, Value x) {
  bool isFloat = isa<FloatType>(x.getType());
  if (isUnsigned && kind == prim::ReduceKind::max)
    return b.create<arith::MaxUIOp>(loc, acc, x);
  if (isUnsigned && kind == prim::ReduceKind::min)
    return b.create<arith::MinUIOp>(loc, acc, x);
  switch (kind) {
  case prim::ReduceKind::sum:
    return isFloat ? b.create<arith::AddFOp>(loc, acc, x).getResult()
                   : b.create<arith::AddIOp>(loc, acc, x).getResult();
  case prim::ReduceKind::prod:
    return isFloat ? b.create<arith::MulFOp>(loc, acc, x).getResult()
                   : b.create<arith::MulIOp>(loc, acc, x).getResult();
  case prim::ReduceKind::max:
  case prim::ReduceKind::argmax: // The running maximum it tracks.
    return isFloat ? b.create<arith::MaximumFOp>(loc, acc, x).getResult()
                   : b.create<arith::MaxSIOp>(loc, acc, x).getResult();
  case prim::ReduceKind::min:
  case prim::ReduceKind::argmin: // The running minimum it tracks.
    return isFloat ? b.create<arith::MinimumFOp>(loc, acc, x).getResult()
                   : b.create<arith::MinSIOp>(loc, acc, x).getResult();
  }
  llvm_unreachable("all reduce kinds handled");
}

/// A linalg.generic over identity maps computing `body(scalars)`.
Value elementwise(OpBuilder &b, Location loc, RankedTensorType resultType,
                  ValueRange operands,
                  function_ref<Value(OpBuilder &, Location, ValueRange)> body) {
  int64_t rank = resultType.getRank();
  // The result has operand 0's sizes (or static ones): every dynamic dim
  // of an operand must equal them at run time.
  SmallVector<Value> dynamicSizes;
  for (int64_t d = 0; d < rank; ++d) {
    bool dynamicResult = resultType.isDynamicDim(d);
    Value expected;
    if (dynamicResult) {
      expected = b.create<tensor::DimOp>(loc, operands.front(), d);
      dynamicSizes.push_back(expected);
    }
    for (auto [i, operand] : llvm::enumerate(operands)) {
      if (!cast<RankedTensorType>(operand.getType()).isDynamicDim(d) ||
          (i == 0 && dynamicResult))
        continue;
      if (!expected)
        expected =
            b.create<arith::ConstantIndexOp>(loc, resultType.getDimSize(d));
      checkBroadcastSize(b, loc, b.create<tensor::DimOp>(loc, operand, d),
                         expected,
                         "dim " + Twine(d) + " of operand " + Twine(i));
    }
  }
  Value init = b.create<tensor::EmptyOp>(
      loc, resultType.getShape(), resultType.getElementType(), dynamicSizes);
  SmallVector<AffineMap> maps(operands.size() + 1,
                              b.getMultiDimIdentityMap(rank));
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  auto generic = b.create<linalg::GenericOp>(
      loc, resultType, operands, init, maps, iterators,
      [&](OpBuilder &nb, Location nloc, ValueRange args) {
        nb.create<linalg::YieldOp>(
            nloc, body(nb, nloc, args.take_front(operands.size())));
      });
  return generic.getResult(0);
}

//===----------------------------------------------------------------------===//
// Elementwise
//===----------------------------------------------------------------------===//

template <typename OpTy>
struct ElementwiseLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  using Body = Value (*)(OpBuilder &, Location, Type, ValueRange);

  LogicalResult matchAndRewrite(OpTy op, typename OpTy::Adaptor adaptor,
                                ConversionPatternRewriter &rw) const override {
    auto resultType = signless(cast<RankedTensorType>(op.getType()));
    Type operandElement =
        cast<ShapedType>(op->getOperand(0).getType()).getElementType();
    Value result =
        elementwise(rw, op.getLoc(), resultType, adaptor.getOperands(),
                    [&](OpBuilder &b, Location loc, ValueRange args) {
                      return scalarBody(op, b, loc, operandElement, args);
                    });
    rw.replaceOp(op, result);
    return success();
  }

  static Value scalarBody(OpTy op, OpBuilder &b, Location loc, Type type,
                          ValueRange args);
};

#define FLOAT_OR_INT(FOP, IOP)                                                 \
  (isa<FloatType>(type) ? b.create<FOP>(loc, args[0], args[1]).getResult()     \
                        : b.create<IOP>(loc, args[0], args[1]).getResult())

template <>
Value ElementwiseLowering<prim::AddOp>::scalarBody(prim::AddOp, OpBuilder &b,
                                                   Location loc, Type type,
                                                   ValueRange args) {
  return FLOAT_OR_INT(arith::AddFOp, arith::AddIOp);
}
template <>
Value ElementwiseLowering<prim::SubOp>::scalarBody(prim::SubOp, OpBuilder &b,
                                                   Location loc, Type type,
                                                   ValueRange args) {
  return FLOAT_OR_INT(arith::SubFOp, arith::SubIOp);
}
template <>
Value ElementwiseLowering<prim::MulOp>::scalarBody(prim::MulOp, OpBuilder &b,
                                                   Location loc, Type type,
                                                   ValueRange args) {
  return FLOAT_OR_INT(arith::MulFOp, arith::MulIOp);
}
template <>
Value ElementwiseLowering<prim::DivOp>::scalarBody(prim::DivOp, OpBuilder &b,
                                                   Location loc, Type type,
                                                   ValueRange args) {
  if (isa<FloatType>(type))
    return b.create<arith::DivFOp>(loc, args[0], args[1]);
  // Integer division must not trap: x / 0 is 0, and for signed types
  // MIN / -1 wraps to MIN (computed as 0 - x).
  Value x = args[0], d = args[1];
  Type t = d.getType();
  auto constant = [&](int64_t v) -> Value {
    return b.create<arith::ConstantOp>(loc, b.getIntegerAttr(t, v));
  };
  Value zero = constant(0), one = constant(1);
  Value isZero =
      b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::eq, d, zero);
  Value safe = b.create<arith::SelectOp>(loc, isZero, one, d);
  Value q;
  if (isUnsignedLike(type)) {
    q = b.create<arith::DivUIOp>(loc, x, safe);
  } else {
    Value isMinusOne =
        b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::eq, d, constant(-1));
    safe = b.create<arith::SelectOp>(loc, isMinusOne, one, safe);
    q = b.create<arith::SelectOp>(loc, isMinusOne,
                                  b.create<arith::SubIOp>(loc, zero, x),
                                  b.create<arith::DivSIOp>(loc, x, safe));
  }
  return b.create<arith::SelectOp>(loc, isZero, zero, q);
}
template <>
Value ElementwiseLowering<prim::MaxOp>::scalarBody(prim::MaxOp, OpBuilder &b,
                                                   Location loc, Type type,
                                                   ValueRange args) {
  if (isUnsignedLike(type))
    return b.create<arith::MaxUIOp>(loc, args[0], args[1]);
  return FLOAT_OR_INT(arith::MaximumFOp, arith::MaxSIOp);
}
template <>
Value ElementwiseLowering<prim::MinOp>::scalarBody(prim::MinOp, OpBuilder &b,
                                                   Location loc, Type type,
                                                   ValueRange args) {
  if (isUnsignedLike(type))
    return b.create<arith::MinUIOp>(loc, args[0], args[1]);
  return FLOAT_OR_INT(arith::MinimumFOp, arith::MinSIOp);
}
template <>
Value ElementwiseLowering<prim::PowOp>::scalarBody(prim::PowOp, OpBuilder &b,
                                                   Location loc, Type type,
                                                   ValueRange args) {
  return FLOAT_OR_INT(math::PowFOp, math::IPowIOp);
}
template <>
Value ElementwiseLowering<prim::RemOp>::scalarBody(prim::RemOp, OpBuilder &b,
                                                   Location loc, Type type,
                                                   ValueRange args) {
  if (isa<FloatType>(type))
    return b.create<arith::RemFOp>(loc, args[0], args[1]);
  // Integer remainders must not trap: x rem 0 and x rem -1 are both 0, which
  // is x rem 1 (so MIN rem -1 never divides).
  Value x = args[0], d = args[1];
  Type t = d.getType();
  auto constant = [&](int64_t v) -> Value {
    return b.create<arith::ConstantOp>(loc, b.getIntegerAttr(t, v));
  };
  Value one = constant(1);
  Value useOne =
      b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::eq, d, constant(0));
  if (isUnsignedLike(type))
    return b.create<arith::RemUIOp>(
        loc, x, b.create<arith::SelectOp>(loc, useOne, one, d));
  Value isMinusOne =
      b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::eq, d, constant(-1));
  useOne = b.create<arith::OrIOp>(loc, useOne, isMinusOne);
  return b.create<arith::RemSIOp>(
      loc, x, b.create<arith::SelectOp>(loc, useOne, one, d));
}
#undef FLOAT_OR_INT

template <>
Value ElementwiseLowering<prim::NegOp>::scalarBody(prim::NegOp, OpBuilder &b,
                                                   Location loc, Type type,
                                                   ValueRange args) {
  if (isa<FloatType>(type))
    return b.create<arith::NegFOp>(loc, args[0]);
  Value zero = b.create<arith::ConstantOp>(loc, scalarAttr(b, type, 0));
  return b.create<arith::SubIOp>(loc, zero, args[0]);
}
template <>
Value ElementwiseLowering<prim::AbsOp>::scalarBody(prim::AbsOp, OpBuilder &b,
                                                   Location loc, Type type,
                                                   ValueRange args) {
  if (isa<FloatType>(type))
    return b.create<math::AbsFOp>(loc, args[0]);
  if (type.isUnsignedInteger())
    return args[0];
  return b.create<math::AbsIOp>(loc, args[0]);
}

#define BITWISE_BINARY(PRIM, ARITH)                                            \
  template <>                                                                  \
  Value ElementwiseLowering<prim::PRIM>::scalarBody(                           \
      prim::PRIM, OpBuilder &b, Location loc, Type, ValueRange args) {         \
    return b.create<arith::ARITH>(loc, args[0], args[1]);                      \
  }
BITWISE_BINARY(AndOp, AndIOp)
BITWISE_BINARY(OrOp, OrIOp)
BITWISE_BINARY(XorOp, XOrIOp)
#undef BITWISE_BINARY
template <>
Value ElementwiseLowering<prim::NotOp>::scalarBody(prim::NotOp, OpBuilder &b,
                                                   Location loc, Type type,
                                                   ValueRange args) {
  Value ones = b.create<arith::ConstantOp>(loc, scalarAttr(b, type, -1));
  return b.create<arith::XOrIOp>(loc, args[0], ones);
}

#define MATH_UNARY(PRIM, MATH)                                                 \
  template <>                                                                  \
  Value ElementwiseLowering<prim::PRIM>::scalarBody(                           \
      prim::PRIM, OpBuilder &b, Location loc, Type, ValueRange args) {         \
    return b.create<math::MATH>(loc, args[0]);                                 \
  }
MATH_UNARY(SqrtOp, SqrtOp)
MATH_UNARY(ExpOp, ExpOp)
MATH_UNARY(LogOp, LogOp)
MATH_UNARY(TanhOp, TanhOp)
MATH_UNARY(ErfOp, ErfOp)
MATH_UNARY(FloorOp, FloorOp)
MATH_UNARY(CeilOp, CeilOp)
MATH_UNARY(RoundEvenOp, RoundEvenOp)
MATH_UNARY(SinOp, SinOp)
MATH_UNARY(CosOp, CosOp)
MATH_UNARY(AtanOp, AtanOp)
MATH_UNARY(SinhOp, SinhOp)
MATH_UNARY(CoshOp, CoshOp)
MATH_UNARY(AsinhOp, AsinhOp)
MATH_UNARY(AcoshOp, AcoshOp)
MATH_UNARY(AtanhOp, AtanhOp)
#undef MATH_UNARY

template <>
Value ElementwiseLowering<prim::CompareOp>::scalarBody(prim::CompareOp op,
                                                       OpBuilder &b,
                                                       Location loc, Type type,
                                                       ValueRange args) {
  // Indexed by prim::CompareDirection: eq, ne, lt, le, gt, ge. Float
  // comparisons are ordered except `ne`.
  using F = arith::CmpFPredicate;
  using I = arith::CmpIPredicate;
  static constexpr F floatPredicates[] = {F::OEQ, F::UNE, F::OLT,
                                          F::OLE, F::OGT, F::OGE};
  static constexpr I signedPredicates[] = {I::eq,  I::ne,  I::slt,
                                           I::sle, I::sgt, I::sge};
  static constexpr I unsignedPredicates[] = {I::eq,  I::ne,  I::ult,
                                             I::ule, I::ugt, I::uge};
  auto direction = static_cast<size_t>(op.getDirection());
  if (isa<FloatType>(type))
    return b.create<arith::CmpFOp>(loc, floatPredicates[direction], args[0],
                                   args[1]);
  I p = isUnsignedLike(type) ? unsignedPredicates[direction]
                             : signedPredicates[direction];
  return b.create<arith::CmpIOp>(loc, p, args[0], args[1]);
}

template <>
Value ElementwiseLowering<prim::SelectOp>::scalarBody(prim::SelectOp,
                                                      OpBuilder &b,
                                                      Location loc, Type,
                                                      ValueRange args) {
  return b.create<arith::SelectOp>(loc, args[0], args[1], args[2]);
}

template <>
Value ElementwiseLowering<prim::ConvertOp>::scalarBody(prim::ConvertOp op,
                                                       OpBuilder &b,
                                                       Location loc, Type from,
                                                       ValueRange args) {
  Type originalTo = op.getType().getElementType();
  Type to = signless(originalTo);
  Value x = args[0];
  if (signless(from) == to)
    return x;
  bool fromUnsigned = from.isUnsignedInteger() || from.isInteger(1);
  bool fromFloat = isa<FloatType>(from), toFloat = isa<FloatType>(to);
  if (to.isInteger(1)) { // Non-zero test.
    Value zero = b.create<arith::ConstantOp>(loc, scalarAttr(b, from, 0));
    if (fromFloat)
      return b.create<arith::CmpFOp>(loc, arith::CmpFPredicate::UNE, x, zero);
    return b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::ne, x, zero);
  }
  unsigned fromBits = from.getIntOrFloatBitWidth(),
           toBits = to.getIntOrFloatBitWidth();
  if (fromFloat && toFloat)
    return fromBits < toBits
               ? b.create<arith::ExtFOp>(loc, to, x).getResult()
               : b.create<arith::TruncFOp>(loc, to, x).getResult();
  if (fromFloat)
    return originalTo.isUnsignedInteger()
               ? b.create<arith::FPToUIOp>(loc, to, x).getResult()
               : b.create<arith::FPToSIOp>(loc, to, x).getResult();
  if (toFloat)
    return fromUnsigned ? b.create<arith::UIToFPOp>(loc, to, x).getResult()
                        : b.create<arith::SIToFPOp>(loc, to, x).getResult();
  if (fromBits < toBits)
    return fromUnsigned ? b.create<arith::ExtUIOp>(loc, to, x).getResult()
                        : b.create<arith::ExtSIOp>(loc, to, x).getResult();
  return b.create<arith::TruncIOp>(loc, to, x);
}

//===----------------------------------------------------------------------===//
// Shape ops
//===----------------------------------------------------------------------===//

struct DimLowering : OpConversionPattern<prim::DimOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(prim::DimOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rw) const override {
    rw.replaceOpWithNewOp<tensor::DimOp>(op, adaptor.getOperand(),
                                         op.getDimAttr().getInt());
    return success();
  }
};

struct BroadcastInDimLowering : OpConversionPattern<prim::BroadcastInDimOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(prim::BroadcastInDimOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rw) const override {
    auto inType = signless(op.getOperand().getType());
    auto outType = signless(op.getType());
    Location loc = op.getLoc();
    // The result's dynamic sizes: the `sizes` operands, else those of the
    // operand dims mapped to them (a static one other than 1 included).
    SmallVector<Value> resultSizes(outType.getRank());
    if (!adaptor.getSizes().empty()) {
      unsigned k = 0;
      for (int64_t d = 0; d < outType.getRank(); ++d)
        if (outType.isDynamicDim(d))
          resultSizes[d] = adaptor.getSizes()[k++];
    }
    SmallVector<AffineExpr> exprs;
    for (auto [i, d] : llvm::enumerate(op.getDims())) {
      int64_t inDim = inType.getDimSize(i), outDim = outType.getDimSize(d);
      bool expand = inDim == 1 && outDim != 1;
      exprs.push_back(expand ? rw.getAffineConstantExpr(0)
                             : rw.getAffineDimExpr(d));
      if (inDim == 1 || (!inType.isDynamicDim(i) && !outType.isDynamicDim(d)))
        continue;
      // Not broadcast: the operand dim must have the result's size (a
      // dynamic operand dim is never broadcast from 1).
      Value size =
          inType.isDynamicDim(i)
              ? rw.create<tensor::DimOp>(loc, adaptor.getOperand(), i)
                    .getResult()
              : rw.create<arith::ConstantIndexOp>(loc, inDim).getResult();
      Value want = resultSizes[d];
      if (!outType.isDynamicDim(d))
        want = rw.create<arith::ConstantIndexOp>(loc, outDim);
      if (!want)
        resultSizes[d] = size;
      else
        checkBroadcastSize(rw, loc, size, want,
                           "dim " + Twine(i) + " of the broadcast operand");
    }
    SmallVector<Value> sizes;
    for (int64_t d = 0; d < outType.getRank(); ++d) {
      if (!outType.isDynamicDim(d))
        continue;
      if (!resultSizes[d])
        return rw.notifyMatchFailure(op, "dynamic broadcasts need a shape");
      sizes.push_back(resultSizes[d]);
    }
    int64_t rank = outType.getRank();
    SmallVector<AffineMap> maps = {
        AffineMap::get(rank, 0, exprs, rw.getContext()),
        rw.getMultiDimIdentityMap(rank)};
    Value init = rw.create<tensor::EmptyOp>(loc, outType.getShape(),
                                            outType.getElementType(), sizes);
    auto generic = rw.create<linalg::GenericOp>(
        op.getLoc(), outType, adaptor.getOperand(), init, maps,
        SmallVector<utils::IteratorType>(rank, utils::IteratorType::parallel),
        [](OpBuilder &b, Location loc, ValueRange args) {
          b.create<linalg::YieldOp>(loc, args[0]);
        });
    rw.replaceOp(op, generic.getResult(0));
    return success();
  }
};

struct FromSizesLowering : OpConversionPattern<prim::FromSizesOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(prim::FromSizesOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rw) const override {
    auto type = signless(op.getType());
    SmallVector<Value> elements;
    for (Value size : adaptor.getSizes())
      elements.push_back(rw.create<arith::IndexCastOp>(
          op.getLoc(), type.getElementType(), size));
    rw.replaceOpWithNewOp<tensor::FromElementsOp>(op, type, elements);
    return success();
  }
};

struct SizeAtLowering : OpConversionPattern<prim::SizeAtOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(prim::SizeAtOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rw) const override {
    Location loc = op.getLoc();
    SmallVector<Value> at;
    if (op.getOperand().getType().getRank() == 1)
      at.push_back(rw.create<arith::ConstantIndexOp>(loc, op.getIndex()));
    Value element = rw.create<tensor::ExtractOp>(loc, adaptor.getOperand(), at);
    rw.replaceOpWithNewOp<arith::IndexCastOp>(op, rw.getIndexType(), element);
    return success();
  }
};

struct IotaLowering : OpConversionPattern<prim::IotaOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(prim::IotaOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rw) const override {
    auto type = signless(op.getType());
    Location loc = op.getLoc();
    Value init = rw.create<tensor::EmptyOp>(
        loc, type.getShape(), type.getElementType(), adaptor.getSizes());
    int64_t rank = type.getRank(), dim = op.getDim();
    bool isUnsigned = isUnsignedLike(op.getType().getElementType());
    auto generic = rw.create<linalg::GenericOp>(
        loc, type, ValueRange{}, init, rw.getMultiDimIdentityMap(rank),
        SmallVector<utils::IteratorType>(rank, utils::IteratorType::parallel),
        [&](OpBuilder &b, Location l, ValueRange) {
          Value i = b.create<linalg::IndexOp>(l, dim);
          Type et = type.getElementType();
          Value value;
          if (isa<FloatType>(et))
            value = b.create<arith::UIToFPOp>(
                l, et, b.create<arith::IndexCastUIOp>(l, b.getI64Type(), i));
          else if (isUnsigned)
            value = b.create<arith::IndexCastUIOp>(l, et, i);
          else
            value = b.create<arith::IndexCastOp>(l, et, i);
          b.create<linalg::YieldOp>(l, value);
        });
    rw.replaceOp(op, generic.getResult(0));
    return success();
  }
};

/// One linalg.generic over the result: each element reads the index at its
/// position in `indices`, clamps it into the gathered dim and extracts.
struct GatherLowering : OpConversionPattern<prim::GatherOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(prim::GatherOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rw) const override {
    auto outType = signless(op.getType());
    Location loc = op.getLoc();
    Value operand = adaptor.getOperand(), indices = adaptor.getIndices();
    int64_t axis = op.getAxis(), rank = outType.getRank();
    int64_t indexRank = op.getIndices().getType().getRank();
    bool unsignedIndices =
        op.getIndices().getType().getElementType().isUnsignedInteger();
    SmallVector<OpFoldResult> sizes =
        mixedSizes(rw, outType, [&](int64_t d) -> Value {
          if (d < axis)
            return rw.create<tensor::DimOp>(loc, operand, d);
          if (d < axis + indexRank)
            return rw.create<tensor::DimOp>(loc, indices, d - axis);
          return rw.create<tensor::DimOp>(loc, operand, d - indexRank + 1);
        });
    // An index needs an element to read: the gathered dim is not empty
    // unless the indices are.
    Value size = dimSize(rw, loc, operand, axis);
    Value one = rw.create<arith::ConstantIndexOp>(loc, 1);
    if (op.getOperand().getType().getDimSize(axis) < 1) {
      SmallVector<Value> indexDims;
      for (int64_t d = 0; d < indexRank; ++d)
        indexDims.push_back(dimSize(rw, loc, indices, d));
      Value needed =
          rw.create<arith::MinUIOp>(loc, product(rw, loc, indexDims), one);
      checkSize(rw, loc, size, needed,
                "dim " + Twine(axis) + " of the gathered operand",
                " (the indices are not empty)", arith::CmpIPredicate::uge);
    }
    Value last = rw.create<arith::SubIOp>(loc, size, one);
    SmallVector<AffineExpr> indexExprs;
    for (int64_t d = 0; d < indexRank; ++d)
      indexExprs.push_back(rw.getAffineDimExpr(axis + d));
    SmallVector<AffineMap> maps = {
        AffineMap::get(rank, 0, indexExprs, rw.getContext()),
        rw.getMultiDimIdentityMap(rank)};
    auto generic = rw.create<linalg::GenericOp>(
        loc, outType, indices, emptyOf(rw, loc, outType, sizes), maps,
        SmallVector<utils::IteratorType>(rank, utils::IteratorType::parallel),
        [&](OpBuilder &b, Location l, ValueRange args) {
          Value i =
              unsignedIndices
                  ? b.create<arith::IndexCastUIOp>(l, b.getIndexType(), args[0])
                        .getResult()
                  : b.create<arith::IndexCastOp>(l, b.getIndexType(), args[0])
                        .getResult();
          Value zero = b.create<arith::ConstantIndexOp>(l, 0);
          i = b.create<arith::MinSIOp>(l, b.create<arith::MaxSIOp>(l, i, zero),
                                       last);
          SmallVector<Value> at;
          for (int64_t d = 0; d < axis; ++d)
            at.push_back(b.create<linalg::IndexOp>(l, d));
          at.push_back(i);
          for (int64_t d = axis + indexRank; d < rank; ++d)
            at.push_back(b.create<linalg::IndexOp>(l, d));
          b.create<linalg::YieldOp>(
              l, ValueRange{b.create<tensor::ExtractOp>(l, operand, at)});
        });
    rw.replaceOp(op, generic.getResult(0));
    return success();
  }
};

struct DynamicSliceLowering : OpConversionPattern<prim::DynamicSliceOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(prim::DynamicSliceOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rw) const override {
    auto outType = signless(op.getType());
    unsigned next = 0;
    SmallVector<OpFoldResult> sizes = mixedSizes(
        rw, outType, [&](int64_t) { return adaptor.getSizes()[next++]; });
    SmallVector<OpFoldResult> starts, strides;
    for (Value start : adaptor.getStarts())
      starts.push_back(getAsOpFoldResult(start));
    for (int64_t stride : op.getStrides())
      strides.push_back(rw.getIndexAttr(stride));
    rw.replaceOpWithNewOp<tensor::ExtractSliceOp>(
        op, outType, adaptor.getOperand(), starts, sizes, strides);
    return success();
  }
};

struct ReshapeLowering : OpConversionPattern<prim::ReshapeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(prim::ReshapeOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rw) const override {
    auto inType = signless(op.getOperand().getType());
    auto outType = signless(op.getType());
    Location loc = op.getLoc();
    Value operand = adaptor.getOperand();
    if (!inType.hasStaticShape() || !outType.hasStaticShape()) {
      // The sizes meet only at run time: check the element count, then
      // reshape to the sizes (a view of the operand, or of a row-major copy
      // of it, after bufferization). The result's sizes: static ones from
      // the type, the others the op's.
      unsigned next = 0;
      SmallVector<Value> outDims =
          sizeValues(rw, loc, mixedSizes(rw, outType, [&](int64_t) {
                       return adaptor.getSizes()[next++];
                     }));
      SmallVector<Value> inDims;
      for (int64_t d = 0; d < inType.getRank(); ++d)
        inDims.push_back(dimSize(rw, loc, operand, d));
      checkSize(rw, loc, product(rw, loc, outDims), product(rw, loc, inDims),
                "the element count of the reshaped result", " (the operand's)");
      Value shape = rw.create<tensor::FromElementsOp>(loc, outDims);
      rw.replaceOpWithNewOp<tensor::ReshapeOp>(op, outType, operand, shape);
      return success();
    }
    // Static: collapse to 1-D (or 0-D), then expand; both are views after
    // bufferization.
    auto all = [](int64_t rank) {
      return SmallVector<ReassociationIndices>{
          llvm::to_vector(llvm::seq<int64_t>(0, rank))};
    };
    if (outType.getRank() == 0) {
      rw.replaceOpWithNewOp<tensor::CollapseShapeOp>(
          op, outType, operand, SmallVector<ReassociationIndices>{});
      return success();
    }
    Value flat = operand;
    if (inType.getRank() == 0)
      flat = rw.create<tensor::ExpandShapeOp>(
          loc, inType.clone(ArrayRef<int64_t>{1}), flat,
          SmallVector<ReassociationIndices>{});
    else if (inType.getRank() > 1)
      flat =
          rw.create<tensor::CollapseShapeOp>(loc, flat, all(inType.getRank()));
    Value result = flat;
    if (outType.getRank() > 1)
      result = rw.create<tensor::ExpandShapeOp>(loc, outType, flat,
                                                all(outType.getRank()));
    rw.replaceOp(op, result);
    return success();
  }
};

struct TransposeLowering : OpConversionPattern<prim::TransposeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(prim::TransposeOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rw) const override {
    auto outType = signless(op.getType());
    SmallVector<Value> dynamicDims;
    for (int64_t d = 0; d < outType.getRank(); ++d)
      if (outType.isDynamicDim(d))
        dynamicDims.push_back(rw.create<tensor::DimOp>(
            op.getLoc(), adaptor.getOperand(), op.getPermutation()[d]));
    Value init = rw.create<tensor::EmptyOp>(
        op.getLoc(), outType.getShape(), outType.getElementType(), dynamicDims);
    auto transpose = rw.create<linalg::TransposeOp>(
        op.getLoc(), adaptor.getOperand(), init, op.getPermutation());
    rw.replaceOp(op, transpose.getResult());
    return success();
  }
};

struct SliceLowering : OpConversionPattern<prim::SliceOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(prim::SliceOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rw) const override {
    auto outType = signless(op.getType());
    if (!outType.hasStaticShape())
      return rw.notifyMatchFailure(op, "dynamic slices are not lowered yet");
    rw.replaceOpWithNewOp<tensor::ExtractSliceOp>(
        op, outType, adaptor.getOperand(), ValueRange{}, ValueRange{},
        ValueRange{}, op.getStart(), outType.getShape(), op.getStrides());
    return success();
  }
};

struct PadLowering : OpConversionPattern<prim::PadOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(prim::PadOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rw) const override {
    auto inType = signless(op.getOperand().getType());
    auto outType = signless(op.getType());
    Location loc = op.getLoc();
    Value operand = adaptor.getOperand();
    // fill + insert_slice: bufferizes to a fill and a copy into a subview.
    TypedAttr value = op.getValue();
    if (auto integer = dyn_cast<IntegerAttr>(value))
      value = rw.getIntegerAttr(outType.getElementType(), integer.getValue());
    ArrayRef<int64_t> low = op.getLow(), high = op.getHigh();
    SmallVector<OpFoldResult> outSizes =
        mixedSizes(rw, outType, [&](int64_t d) {
          Value pad = rw.create<arith::ConstantIndexOp>(loc, low[d] + high[d]);
          return rw
              .create<arith::AddIOp>(loc, dimSize(rw, loc, operand, d), pad)
              .getResult();
        });
    Value filled = filledTensor(rw, loc, outType, value, outSizes);
    SmallVector<OpFoldResult> offsets,
        sizes = mixedSizes(rw, inType, [&](int64_t d) {
          return dimSize(rw, loc, operand, d);
        });
    for (int64_t l : low)
      offsets.push_back(rw.getIndexAttr(l));
    SmallVector<OpFoldResult> ones(inType.getRank(), rw.getIndexAttr(1));
    rw.replaceOpWithNewOp<tensor::InsertSliceOp>(op, operand, filled, offsets,
                                                 sizes, ones);
    return success();
  }
};

/// An scf.for over the scanned dim carrying the running sum of the slices
/// across it (updated in place by a linalg.generic, so every other dim is
/// one vectorizable loop): each step inserts the sum, or before adding
/// (exclusive) the sum so far, at its position of the result.
struct CumsumLowering : OpConversionPattern<prim::CumsumOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(prim::CumsumOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rw) const override {
    auto type = signless(op.getType());
    Location loc = op.getLoc();
    Value operand = adaptor.getOperand();
    int64_t dim = op.getDim(), rank = type.getRank();
    SmallVector<OpFoldResult> sizes = mixedSizes(
        rw, type, [&](int64_t d) { return dimSize(rw, loc, operand, d); });
    SmallVector<OpFoldResult> rowSizes(sizes);
    rowSizes.erase(rowSizes.begin() + dim);
    SmallVector<int64_t> rowShape(type.getShape());
    rowShape.erase(rowShape.begin() + dim);
    auto rowType = type.clone(rowShape);
    Value zeros = filledTensor(
        rw, loc, rowType, scalarAttr(rw, type.getElementType(), 0), rowSizes);
    Value n = sizeValues(rw, loc, sizes[dim]).front();
    Value zero = rw.create<arith::ConstantIndexOp>(loc, 0);
    Value one = rw.create<arith::ConstantIndexOp>(loc, 1);
    bool isFloat = isa<FloatType>(type.getElementType());
    auto loop = rw.create<scf::ForOp>(
        loc, zero, n, one, ValueRange{emptyOf(rw, loc, type, sizes), zeros},
        [&](OpBuilder &b, Location l, Value i, ValueRange carried) {
          Value at = i;
          if (op.getReverse())
            at = b.create<arith::SubIOp>(l, b.create<arith::SubIOp>(l, n, one),
                                         i);
          SmallVector<OpFoldResult> offsets(rank, b.getIndexAttr(0)),
              extent(sizes), strides(rank, b.getIndexAttr(1));
          offsets[dim] = at;
          extent[dim] = b.getIndexAttr(1);
          Value row = b.create<tensor::ExtractSliceOp>(
              l, rowType, operand, offsets, extent, strides);
          Value result = carried[0], sum = carried[1];
          if (op.getExclusive())
            result = b.create<tensor::InsertSliceOp>(l, sum, result, offsets,
                                                     extent, strides);
          SmallVector<AffineMap> maps(2, b.getMultiDimIdentityMap(rank - 1));
          sum = b.create<linalg::GenericOp>(
                     l, rowType, row, sum, maps,
                     SmallVector<utils::IteratorType>(
                         rank - 1, utils::IteratorType::parallel),
                     [&](OpBuilder &nb, Location nl, ValueRange args) {
                       Value added =
                           isFloat
                               ? nb.create<arith::AddFOp>(nl, args[1], args[0])
                                     .getResult()
                               : nb.create<arith::AddIOp>(nl, args[1], args[0])
                                     .getResult();
                       nb.create<linalg::YieldOp>(nl, added);
                     })
                    .getResult(0);
          if (!op.getExclusive())
            result = b.create<tensor::InsertSliceOp>(l, sum, result, offsets,
                                                     extent, strides);
          b.create<scf::YieldOp>(l, ValueRange{result, sum});
        });
    rw.replaceOp(op, loop.getResult(0));
    return success();
  }
};

struct ConcatLowering : OpConversionPattern<prim::ConcatOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(prim::ConcatOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rw) const override {
    auto outType = signless(op.getType());
    Location loc = op.getLoc();
    ValueRange inputs = adaptor.getInputs();
    Value first = inputs.front();
    int64_t dim = op.getDim(), rank = outType.getRank();
    // The other dims are input 0's: the inputs must agree at run time.
    for (auto [i, input] : llvm::enumerate(inputs.drop_front())) {
      auto t = cast<RankedTensorType>(input.getType());
      for (int64_t d = 0; d < rank; ++d)
        if (d != dim &&
            (t.isDynamicDim(d) ||
             cast<RankedTensorType>(first.getType()).isDynamicDim(d)))
          checkSize(
              rw, loc, dimSize(rw, loc, input, d), dimSize(rw, loc, first, d),
              "dim " + Twine(d) + " of input " + Twine(i + 1), " (input 0's)");
    }
    // Each input goes in at the sum of the sizes before it.
    OpFoldResult offset = rw.getIndexAttr(0);
    SmallVector<std::pair<Value, OpFoldResult>> placed;
    for (Value input : inputs) {
      placed.push_back({input, offset});
      auto t = cast<RankedTensorType>(input.getType());
      std::optional<int64_t> at = getConstantIntValue(offset);
      if (at && !t.isDynamicDim(dim))
        offset = rw.getIndexAttr(*at + t.getDimSize(dim));
      else
        offset =
            rw.create<arith::AddIOp>(loc, sizeValues(rw, loc, offset).front(),
                                     dimSize(rw, loc, input, dim))
                .getResult();
    }
    Value result = emptyOf(
        rw, loc, outType, mixedSizes(rw, outType, [&](int64_t d) -> Value {
          return d == dim ? cast<Value>(offset) : dimSize(rw, loc, first, d);
        }));
    for (auto [input, at] : placed) {
      auto t = cast<RankedTensorType>(input.getType());
      SmallVector<OpFoldResult> offsets(rank, rw.getIndexAttr(0)),
          ones(rank, rw.getIndexAttr(1));
      offsets[dim] = at;
      result = rw.create<tensor::InsertSliceOp>(
          loc, input, result, offsets,
          mixedSizes(
              rw, t,
              [&, input = input](int64_t d) {
                return rw.create<tensor::DimOp>(loc, input, d).getResult();
              }),
          ones);
    }
    rw.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

/// The argmax/argmin form of prim.reduce: a generic over the operand with
/// two results, the extreme so far and its position along the reduced dim.
/// The first element along it starts both; a later one replaces them when
/// it compares greater (less), or equal too for `select_last`. The
/// comparisons are ordered, so a NaN never replaces one and a first NaN
/// stays.
Value argReduce(OpBuilder &b, prim::ReduceOp op, Value operand,
                ArrayRef<OpFoldResult> outSizes) {
  Location loc = op.getLoc();
  auto inType = signless(op.getOperand().getType());
  auto outType = signless(op.getType());
  Type elementType = inType.getElementType();
  int64_t rank = inType.getRank(), dim = op.getDims().front();
  auto valueType = outType.clone(elementType);
  // The first element replaces both inits; they stay only for an empty
  // reduced dim.
  Value values = filledTensor(
      b, loc, valueType,
      reductionIdentity(b, op.getKind(),
                        op.getOperand().getType().getElementType()),
      outSizes);
  Value indices =
      filledTensor(b, loc, outType, b.getI64IntegerAttr(0), outSizes);
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineExpr> outExprs;
  for (int64_t d = 0; d < rank; ++d)
    if (d != dim)
      outExprs.push_back(b.getAffineDimExpr(d));
  AffineMap outMap = AffineMap::get(rank, 0, outExprs, ctx);
  SmallVector<AffineMap> maps = {b.getMultiDimIdentityMap(rank), outMap,
                                 outMap};
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  iterators[dim] = utils::IteratorType::reduction;
  bool isMax = op.getKind() == prim::ReduceKind::argmax;
  bool last = op.getSelectLast();
  bool isUnsigned = isUnsignedLike(op.getOperand().getType().getElementType());
  auto generic = b.create<linalg::GenericOp>(
      loc, TypeRange{valueType, outType}, ValueRange{operand},
      ValueRange{values, indices}, maps, iterators,
      [&](OpBuilder &nb, Location l, ValueRange args) {
        Value position = nb.create<linalg::IndexOp>(l, dim);
        Value first =
            nb.create<arith::CmpIOp>(l, arith::CmpIPredicate::eq, position,
                                     nb.create<arith::ConstantIndexOp>(l, 0));
        Value better;
        if (isa<FloatType>(elementType)) {
          using P = arith::CmpFPredicate;
          P predicate =
              isMax ? (last ? P::OGE : P::OGT) : (last ? P::OLE : P::OLT);
          better = nb.create<arith::CmpFOp>(l, predicate, args[0], args[1]);
        } else {
          using P = arith::CmpIPredicate;
          P predicate = isUnsigned ? (isMax ? (last ? P::uge : P::ugt)
                                            : (last ? P::ule : P::ult))
                                   : (isMax ? (last ? P::sge : P::sgt)
                                            : (last ? P::sle : P::slt));
          better = nb.create<arith::CmpIOp>(l, predicate, args[0], args[1]);
        }
        Value take = nb.create<arith::OrIOp>(l, first, better);
        Value index =
            nb.create<arith::IndexCastOp>(l, nb.getI64Type(), position);
        nb.create<linalg::YieldOp>(
            l, ValueRange{nb.create<arith::SelectOp>(l, take, args[0], args[1]),
                          nb.create<arith::SelectOp>(l, take, index, args[2])});
      });
  return generic.getResult(1);
}

struct ReduceLowering : OpConversionPattern<prim::ReduceOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(prim::ReduceOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rw) const override {
    auto outType = signless(op.getType());
    Location loc = op.getLoc();
    prim::ReduceKind kind = op.getKind();
    bool isUnsigned = isUnsignedLike(op.getType().getElementType());
    // Result dim i is the i-th operand dim not reduced.
    SmallVector<int64_t> kept;
    for (int64_t d = 0; d < op.getOperand().getType().getRank(); ++d)
      if (!llvm::is_contained(op.getDims(), d))
        kept.push_back(d);
    SmallVector<OpFoldResult> outSizes =
        mixedSizes(rw, outType, [&](int64_t d) -> Value {
          return rw.create<tensor::DimOp>(loc, adaptor.getOperand(), kept[d]);
        });
    if (kind == prim::ReduceKind::argmax || kind == prim::ReduceKind::argmin) {
      rw.replaceOp(op, argReduce(rw, op, adaptor.getOperand(), outSizes));
      return success();
    }
    Value init = filledTensor(
        rw, loc, outType,
        reductionIdentity(rw, kind, op.getType().getElementType()), outSizes);
    auto reduce = rw.create<linalg::ReduceOp>(
        loc, adaptor.getOperand(), init, op.getDims(),
        [kind, isUnsigned](OpBuilder &b, Location l, ValueRange args) {
          b.create<linalg::YieldOp>(
              l, combine(b, l, kind, isUnsigned, args[1], args[0]));
        });
    rw.replaceOp(op, reduce.getResult(0));
    return success();
  }
};

/// The size of a window op's output dim over an input dim of `size`:
/// (size - span) / stride + 1, checking at run time that the window fits.
Value windowedSize(OpBuilder &b, Location loc, Value size, int64_t span,
                   int64_t stride, const Twine &what) {
  if (span == 1 && stride == 1)
    return size;
  Value spanValue = b.create<arith::ConstantIndexOp>(loc, span);
  checkSize(b, loc, size, spanValue, what, " (the window's extent)",
            arith::CmpIPredicate::uge);
  Value rest = b.create<arith::SubIOp>(loc, size, spanValue);
  Value steps = b.create<arith::DivUIOp>(
      loc, rest, b.create<arith::ConstantIndexOp>(loc, stride));
  return b.create<arith::AddIOp>(loc, steps,
                                 b.create<arith::ConstantIndexOp>(loc, 1));
}

/// The argmax form of reduce_window: a generic with two results, the
/// running maximum and the operand's row-major linear index of the first
/// element that reached it (a strictly greater element replaces it).
Value argmaxWindow(OpBuilder &b, prim::ReduceWindowOp op, Value operand,
                   Value window, ArrayRef<AffineMap> maps,
                   ArrayRef<utils::IteratorType> iterators,
                   ArrayRef<OpFoldResult> outSizes) {
  Location loc = op.getLoc();
  auto inType = signless(op.getOperand().getType());
  auto outType = signless(op.getType());
  Type elementType = inType.getElementType();
  int64_t rank = inType.getRank();
  auto valueType = outType.clone(elementType);
  Value values = filledTensor(
      b, loc, valueType,
      reductionIdentity(b, prim::ReduceKind::max,
                        op.getOperand().getType().getElementType()),
      outSizes);
  Value indices =
      filledTensor(b, loc, outType, b.getI64IntegerAttr(0), outSizes);
  SmallVector<Value> inDims;
  for (int64_t d = 0; d < rank; ++d)
    inDims.push_back(dimSize(b, loc, operand, d));
  SmallVector<AffineMap> allMaps(maps);
  allMaps.push_back(maps.back());
  bool isFloat = isa<FloatType>(elementType);
  bool isUnsigned = isUnsignedLike(op.getOperand().getType().getElementType());
  auto generic = b.create<linalg::GenericOp>(
      loc, TypeRange{valueType, outType}, ValueRange{operand, window},
      ValueRange{values, indices}, allMaps, iterators,
      [&](OpBuilder &nb, Location l, ValueRange args) {
        // The operand position: output index * stride + window index *
        // dilation per dim, linearized row-major.
        Value linear = nb.create<arith::ConstantIndexOp>(l, 0);
        for (int64_t d = 0; d < rank; ++d) {
          Value o = nb.create<linalg::IndexOp>(l, d);
          Value w = nb.create<linalg::IndexOp>(l, rank + d);
          auto c = [&](int64_t v) -> Value {
            return nb.create<arith::ConstantIndexOp>(l, v);
          };
          Value pos = nb.create<arith::AddIOp>(
              l, nb.create<arith::MulIOp>(l, o, c(op.getStrides()[d])),
              nb.create<arith::MulIOp>(l, w, c(op.getDilations()[d])));
          linear = nb.create<arith::AddIOp>(
              l, nb.create<arith::MulIOp>(l, linear, inDims[d]), pos);
        }
        Value index = nb.create<arith::IndexCastOp>(l, nb.getI64Type(), linear);
        Value greater =
            isFloat ? nb.create<arith::CmpFOp>(l, arith::CmpFPredicate::OGT,
                                               args[0], args[2])
                          .getResult()
                    : nb.create<arith::CmpIOp>(l,
                                               isUnsigned
                                                   ? arith::CmpIPredicate::ugt
                                                   : arith::CmpIPredicate::sgt,
                                               args[0], args[2])
                          .getResult();
        nb.create<linalg::YieldOp>(
            l,
            ValueRange{nb.create<arith::SelectOp>(l, greater, args[0], args[2]),
                       nb.create<arith::SelectOp>(l, greater, index, args[3])});
      });
  return generic.getResult(1);
}

struct ReduceWindowLowering : OpConversionPattern<prim::ReduceWindowOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(prim::ReduceWindowOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rw) const override {
    auto outType = signless(op.getType());
    Location loc = op.getLoc();
    int64_t rank = outType.getRank();
    prim::ReduceKind kind = op.getKind();
    bool isUnsigned = isUnsignedLike(op.getType().getElementType());
    Value operand = adaptor.getOperand();
    SmallVector<OpFoldResult> outSizes =
        mixedSizes(rw, outType, [&](int64_t d) {
          int64_t span = op.getDilations()[d] * (op.getWindow()[d] - 1) + 1;
          return windowedSize(
              rw, loc, rw.create<tensor::DimOp>(loc, operand, d), span,
              op.getStrides()[d], "dim " + Twine(d) + " of the pooled operand");
        });
    // Loops: rank output dims, then rank window dims. The window operand
    // only gives the reduction loops their bounds.
    SmallVector<AffineExpr> inputExprs, windowExprs, outputExprs;
    for (int64_t d = 0; d < rank; ++d) {
      AffineExpr o = rw.getAffineDimExpr(d), w = rw.getAffineDimExpr(rank + d);
      inputExprs.push_back(o * op.getStrides()[d] + w * op.getDilations()[d]);
      windowExprs.push_back(w);
      outputExprs.push_back(o);
    }
    MLIRContext *ctx = rw.getContext();
    SmallVector<AffineMap> maps = {
        AffineMap::get(2 * rank, 0, inputExprs, ctx),
        AffineMap::get(2 * rank, 0, windowExprs, ctx),
        AffineMap::get(2 * rank, 0, outputExprs, ctx)};
    SmallVector<utils::IteratorType> iterators(rank,
                                               utils::IteratorType::parallel);
    iterators.append(rank, utils::IteratorType::reduction);
    Type elementType = signless(op.getOperand().getType().getElementType());
    Value window = rw.create<tensor::EmptyOp>(loc, op.getWindow(), elementType);
    if (kind == prim::ReduceKind::argmax) {
      rw.replaceOp(
          op, argmaxWindow(rw, op, operand, window, maps, iterators, outSizes));
      return success();
    }
    Value init = filledTensor(
        rw, loc, outType,
        reductionIdentity(rw, kind, op.getType().getElementType()), outSizes);
    auto generic = rw.create<linalg::GenericOp>(
        loc, outType, ValueRange{operand, window}, init, maps, iterators,
        [kind, isUnsigned](OpBuilder &b, Location l, ValueRange args) {
          b.create<linalg::YieldOp>(
              l, combine(b, l, kind, isUnsigned, args[2], args[0]));
        });
    rw.replaceOp(op, generic.getResult(0));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Contractions
//===----------------------------------------------------------------------===//

struct MatmulLowering : OpConversionPattern<prim::MatmulOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(prim::MatmulOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rw) const override {
    auto outType = signless(op.getType());
    Location loc = op.getLoc();
    int64_t rank = outType.getRank();
    Value lhs = adaptor.getLhs(), rhs = adaptor.getRhs();
    auto lt = cast<RankedTensorType>(lhs.getType());
    auto rt = cast<RankedTensorType>(rhs.getType());
    // Dims that only meet at run time: the batch dims and the contraction.
    for (int64_t d = 0; d < rank - 2; ++d)
      if (lt.isDynamicDim(d) || rt.isDynamicDim(d))
        checkSize(rw, loc, dimSize(rw, loc, rhs, d), dimSize(rw, loc, lhs, d),
                  "batch dim " + Twine(d) + " of operand 1", " (operand 0's)");
    if (lt.isDynamicDim(rank - 1) || rt.isDynamicDim(rank - 2))
      checkSize(rw, loc, dimSize(rw, loc, rhs, rank - 2),
                dimSize(rw, loc, lhs, rank - 1),
                "the contraction dim of operand 1", " (operand 0's)");
    // Result dims: batch and M from lhs, N from rhs.
    SmallVector<OpFoldResult> outSizes =
        mixedSizes(rw, outType, [&](int64_t d) -> Value {
          return d == rank - 1 ? rw.create<tensor::DimOp>(loc, rhs, d)
                               : rw.create<tensor::DimOp>(loc, lhs, d);
        });
    TypedAttr zero = scalarAttr(rw, outType.getElementType(), 0);
    if (rank == 2) {
      Value init = filledTensor(rw, loc, outType, zero, outSizes);
      rw.replaceOp(op,
                   rw.create<linalg::MatmulOp>(loc, ValueRange{lhs, rhs}, init)
                       .getResult(0));
      return success();
    }
    // Fold all batch dims into one for linalg.batch_matmul.
    SmallVector<ReassociationIndices> r = {
        llvm::to_vector(llvm::seq<int64_t>(0, rank - 2)),
        {rank - 2},
        {rank - 1}};
    auto collapse = [&](Value v) -> Value {
      return rank == 3 ? v : rw.create<tensor::CollapseShapeOp>(loc, v, r);
    };
    Value lhs3 = collapse(lhs), rhs3 = collapse(rhs);
    auto l3 = cast<RankedTensorType>(lhs3.getType());
    auto out3 = RankedTensorType::get(
        {l3.getDimSize(0), l3.getDimSize(1),
         cast<RankedTensorType>(rhs3.getType()).getDimSize(2)},
        outType.getElementType());
    Value init = filledTensor(
        rw, loc, out3, zero, mixedSizes(rw, out3, [&](int64_t d) -> Value {
          return d == 2 ? rw.create<tensor::DimOp>(loc, rhs3, d)
                        : rw.create<tensor::DimOp>(loc, lhs3, d);
        }));
    Value result =
        rw.create<linalg::BatchMatmulOp>(loc, ValueRange{lhs3, rhs3}, init)
            .getResult(0);
    if (rank > 3) {
      // An expansion into several dynamic batch dims is a reshape to the
      // sizes: upstream bufferizes expand_shape groups of one dynamic dim only.
      int64_t dynamicBatch = llvm::count_if(outType.getShape().drop_back(2),
                                            ShapedType::isDynamic);
      if (dynamicBatch > 1) {
        Value shape = rw.create<tensor::FromElementsOp>(
            loc, sizeValues(rw, loc, outSizes));
        result = rw.create<tensor::ReshapeOp>(loc, outType, result, shape);
      } else {
        result =
            rw.create<tensor::ExpandShapeOp>(loc, outType, result, r, outSizes);
      }
    }
    rw.replaceOp(op, result);
    return success();
  }
};

/// The sizes of a convolution's result [N, F, O...]: N from the input, F
/// from the filter, each O from its input dim (checking the kernel fits).
SmallVector<OpFoldResult> convSizes(OpBuilder &b, prim::ConvOp op,
                                    RankedTensorType outType, Value input,
                                    Value filter) {
  Location loc = op.getLoc();
  auto filterType = cast<RankedTensorType>(filter.getType());
  return mixedSizes(b, outType, [&](int64_t d) -> Value {
    if (d == 0)
      return b.create<tensor::DimOp>(loc, input, 0);
    if (d == 1)
      return b.create<tensor::DimOp>(loc, filter, 0);
    int64_t i = d - 2, k = filterType.getDimSize(d);
    int64_t span = op.getDilations()[i] * (k - 1) + 1;
    return windowedSize(b, loc, dimSize(b, loc, input, d), span,
                        op.getStrides()[i],
                        "spatial dim " + Twine(i) + " of the padded input");
  });
}

/// `v` with its dim `dim` split into [groups, size / groups].
Value splitGroups(OpBuilder &b, Location loc, Value v, int64_t dim,
                  int64_t groups) {
  auto type = cast<RankedTensorType>(v.getType());
  SmallVector<int64_t> shape(type.getShape().take_front(dim));
  shape.append({groups, type.getDimSize(dim) / groups});
  shape.append(type.getShape().begin() + dim + 1, type.getShape().end());
  SmallVector<ReassociationIndices> r;
  SmallVector<OpFoldResult> sizes;
  for (int64_t d = 0; d < type.getRank(); ++d) {
    r.push_back(d < dim    ? ReassociationIndices{d}
                : d == dim ? ReassociationIndices{d, d + 1}
                           : ReassociationIndices{d + 1});
    if (d == dim) {
      sizes.push_back(b.getIndexAttr(groups));
      sizes.push_back(b.getIndexAttr(type.getDimSize(dim) / groups));
    } else {
      sizes.push_back(
          type.isDynamicDim(d)
              ? OpFoldResult(b.create<tensor::DimOp>(loc, v, d).getResult())
              : b.getIndexAttr(type.getDimSize(d)));
    }
  }
  return b.create<tensor::ExpandShapeOp>(loc, type.clone(shape), v, r, sizes);
}

/// A grouped convolution of any spatial rank as one linalg.generic over
/// [N, G, C, S...] x [G, F, C, K...] -> [N, G, F, O...]. 2-D convolutions use
/// linalg's named ops instead, which the runtime's kernels replace.
Value genericConv(OpBuilder &b, prim::ConvOp op, Value input, Value filter,
                  RankedTensorType outType) {
  Location loc = op.getLoc();
  int64_t groups = op.getGroups(), spatial = outType.getRank() - 2;
  Type et = outType.getElementType();
  SmallVector<OpFoldResult> sizes = convSizes(b, op, outType, input, filter);
  Value in5 = splitGroups(b, loc, input, 1, groups),
        w5 = splitGroups(b, loc, filter, 0, groups);
  auto out = outType.getShape();
  SmallVector<int64_t> outShape = {out[0], groups, out[1] / groups};
  outShape.append(out.begin() + 2, out.end());
  auto out5 = RankedTensorType::get(outShape, et);
  SmallVector<OpFoldResult> sizes5 = {sizes[0], b.getIndexAttr(groups),
                                      b.getIndexAttr(out[1] / groups)};
  sizes5.append(sizes.begin() + 2, sizes.end());
  // Loops: n, g, f, o... (parallel), c, k... (reduction).
  int64_t numLoops = 4 + 2 * spatial;
  auto d = [&](int64_t i) { return b.getAffineDimExpr(i); };
  AffineExpr n = d(0), g = d(1), f = d(2), c = d(3 + spatial);
  SmallVector<AffineExpr> inExprs = {n, g, c}, wExprs = {g, f, c},
                          outExprs = {n, g, f};
  for (int64_t i = 0; i < spatial; ++i) {
    AffineExpr o = d(3 + i), k = d(4 + spatial + i);
    inExprs.push_back(o * op.getStrides()[i] + k * op.getDilations()[i]);
    wExprs.push_back(k);
    outExprs.push_back(o);
  }
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineMap> maps = {AffineMap::get(numLoops, 0, inExprs, ctx),
                                 AffineMap::get(numLoops, 0, wExprs, ctx),
                                 AffineMap::get(numLoops, 0, outExprs, ctx)};
  SmallVector<utils::IteratorType> iterators(3 + spatial,
                                             utils::IteratorType::parallel);
  iterators.append(1 + spatial, utils::IteratorType::reduction);
  Value init = filledTensor(b, loc, out5, scalarAttr(b, et, 0), sizes5);
  auto conv = b.create<linalg::GenericOp>(
      loc, out5, ValueRange{in5, w5}, init, maps, iterators,
      [](OpBuilder &nb, Location l, ValueRange args) {
        Value product = nb.create<arith::MulFOp>(l, args[0], args[1]);
        nb.create<linalg::YieldOp>(
            l, ValueRange{nb.create<arith::AddFOp>(l, args[2], product)});
      });
  SmallVector<ReassociationIndices> merge = {{0}, {1, 2}};
  for (int64_t i = 0; i < spatial; ++i)
    merge.push_back({3 + i});
  return b.create<tensor::CollapseShapeOp>(loc, outType, conv.getResult(0),
                                           merge);
}

struct ConvLowering : OpConversionPattern<prim::ConvOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(prim::ConvOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rw) const override {
    auto outType = signless(op.getType());
    Location loc = op.getLoc();
    Value input = adaptor.getInput(), filter = adaptor.getFilter();
    auto filterType = cast<RankedTensorType>(filter.getType());
    if (!filterType.hasStaticShape() ||
        (op.getGroups() > 1 && op.getInput().getType().isDynamicDim(1)))
      return rw.notifyMatchFailure(
          op, "convolutions need a static filter and, grouped, static "
              "channels");
    if (outType.getRank() != 4) {
      rw.replaceOp(op, genericConv(rw, op, input, filter, outType));
      return success();
    }
    SmallVector<OpFoldResult> sizes = convSizes(rw, op, outType, input, filter);
    auto strides = rw.getI64TensorAttr(op.getStrides());
    auto dilations = rw.getI64TensorAttr(op.getDilations());
    TypedAttr zero = scalarAttr(rw, outType.getElementType(), 0);
    int64_t groups = op.getGroups();
    if (groups == 1) {
      Value init = filledTensor(rw, loc, outType, zero, sizes);
      auto conv = rw.create<linalg::Conv2DNchwFchwOp>(
          loc, outType, ValueRange{input, filter}, init, strides, dilations);
      rw.replaceOp(op, conv.getResult(0));
      return success();
    }
    // Grouped: [N, G*C, H, W] x [G*F, C, KH, KW] as [N, G, C, H, W] x
    // [G, F, C, KH, KW] -> [N, G, F, OH, OW].
    Value in5 = splitGroups(rw, loc, input, 1, groups);
    Value f5 = splitGroups(rw, loc, filter, 0, groups);
    auto out = outType.getShape();
    auto out5 =
        RankedTensorType::get({out[0], groups, out[1] / groups, out[2], out[3]},
                              outType.getElementType());
    Value init =
        filledTensor(rw, loc, out5, zero,
                     {sizes[0], rw.getIndexAttr(groups),
                      rw.getIndexAttr(out[1] / groups), sizes[2], sizes[3]});
    auto conv = rw.create<linalg::Conv2DNgchwGfchwOp>(
        loc, out5, ValueRange{in5, f5}, init, strides, dilations);
    SmallVector<ReassociationIndices> merge = {{0}, {1, 2}, {3}, {4}};
    rw.replaceOpWithNewOp<tensor::CollapseShapeOp>(op, outType,
                                                   conv.getResult(0), merge);
    return success();
  }
};

/// Unsigned constants become signless ones holding the same bits.
struct ConstantLowering : OpConversionPattern<arith::ConstantOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(arith::ConstantOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rw) const override {
    auto type = dyn_cast<RankedTensorType>(op.getType());
    if (!type || signless(type) == type)
      return failure();
    auto newType = signless(type);
    TypedAttr value;
    if (auto dense = dyn_cast<DenseElementsAttr>(op.getValue()))
      value = dense.bitcast(newType.getElementType());
    else if (auto resource = dyn_cast<DenseResourceElementsAttr>(op.getValue()))
      value = DenseResourceElementsAttr::get(newType, resource.getRawHandle());
    else
      return failure();
    rw.replaceOpWithNewOp<arith::ConstantOp>(op, newType, value);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

struct ConvertPrimToLinalgPass
    : dlc::impl::ConvertPrimToLinalgBase<ConvertPrimToLinalgPass> {
  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    TypeConverter types;
    types.addConversion([](Type type) { return signless(type); });
    auto bridge = [](OpBuilder &b, Type type, ValueRange inputs,
                     Location loc) -> Value {
      return b.create<UnrealizedConversionCastOp>(loc, type, inputs)
          .getResult(0);
    };
    types.addSourceMaterialization(bridge);
    types.addTargetMaterialization(bridge);
    types.addArgumentMaterialization(bridge);
    ConversionTarget target(*ctx);
    target.addIllegalDialect<prim::PrimDialect>();
    target.addLegalDialect<linalg::LinalgDialect, tensor::TensorDialect,
                           cf::ControlFlowDialect, arith::ArithDialect,
                           math::MathDialect, scf::SCFDialect>();
    target.addDynamicallyLegalOp<arith::ConstantOp>(
        [&](arith::ConstantOp op) { return types.isLegal(op.getType()); });
    target.addDynamicallyLegalOp<func::FuncOp>([&](func::FuncOp op) {
      return types.isSignatureLegal(op.getFunctionType());
    });
    target.addDynamicallyLegalOp<func::ReturnOp>(
        [&](func::ReturnOp op) { return types.isLegal(op); });
    RewritePatternSet patterns(ctx);
    populateFunctionOpInterfaceTypeConversionPattern<func::FuncOp>(patterns,
                                                                   types);
    populateReturnOpTypeConversionPattern(patterns, types);
    patterns.add<
        ElementwiseLowering<prim::RemOp>, ElementwiseLowering<prim::FloorOp>,
        ElementwiseLowering<prim::CeilOp>,
        ElementwiseLowering<prim::RoundEvenOp>,
        ElementwiseLowering<prim::SinOp>, ElementwiseLowering<prim::CosOp>,
        ElementwiseLowering<prim::AtanOp>, ElementwiseLowering<prim::SinhOp>,
        ElementwiseLowering<prim::CoshOp>, ElementwiseLowering<prim::AsinhOp>,
        ElementwiseLowering<prim::AcoshOp>, ElementwiseLowering<prim::AtanhOp>,
        ElementwiseLowering<prim::AndOp>, ElementwiseLowering<prim::OrOp>,
        ElementwiseLowering<prim::XorOp>, ElementwiseLowering<prim::NotOp>>(
        types, ctx);
    patterns.add<
        ElementwiseLowering<prim::AddOp>, ElementwiseLowering<prim::SubOp>,
        ElementwiseLowering<prim::MulOp>, ElementwiseLowering<prim::DivOp>,
        ElementwiseLowering<prim::MaxOp>, ElementwiseLowering<prim::MinOp>,
        ElementwiseLowering<prim::PowOp>, ElementwiseLowering<prim::NegOp>,
        ElementwiseLowering<prim::AbsOp>, ElementwiseLowering<prim::SqrtOp>,
        ElementwiseLowering<prim::ExpOp>, ElementwiseLowering<prim::LogOp>,
        ElementwiseLowering<prim::TanhOp>, ElementwiseLowering<prim::ErfOp>,
        ElementwiseLowering<prim::CompareOp>,
        ElementwiseLowering<prim::SelectOp>,
        ElementwiseLowering<prim::ConvertOp>, DimLowering, FromSizesLowering,
        SizeAtLowering, IotaLowering, GatherLowering, DynamicSliceLowering,
        BroadcastInDimLowering, ReshapeLowering, TransposeLowering,
        SliceLowering, PadLowering, ConcatLowering, ReduceLowering,
        ReduceWindowLowering, MatmulLowering, ConvLowering, ConstantLowering>(
        types, ctx);
    patterns.add<CumsumLowering>(types, ctx);
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
