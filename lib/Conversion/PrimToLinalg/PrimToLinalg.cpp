//===- PrimToLinalg.cpp - the convert-prim-to-linalg pass -----------------===//
//
// Elementwise prims and broadcasts become linalg.generic (which
// --linalg-fuse-elementwise-ops later merges), contractions become linalg
// named ops, reductions linalg.reduce or a windowed linalg.generic, and shape
// ops tensor ops. Dynamic dims are taken from the operands with tensor.dim.
// Where sizes only meet at run time (the operands of an elementwise op, a
// dynamic dim broadcast to a size), a `cf.assert` {dlc.shape_check} checks
// them: its condition is `arith.cmpi eq, actual, expected` and its message
// names the node and has two %lld for the two sizes (see
// dlc-lower-shape-checks). dlc does not broadcast a dynamic dim that is 1 at
// run time: that is such a check's failure.
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
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/DialectResourceBlobManager.h"
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

/// tensor.empty of `type`, taking dynamic dims from `shapeSource` (which has
/// the same rank).
Value emptyTensor(OpBuilder &b, Location loc, RankedTensorType type,
                  Value shapeSource = {}) {
  SmallVector<Value> dynamicDims;
  for (int64_t d = 0; d < type.getRank(); ++d)
    if (type.isDynamicDim(d))
      dynamicDims.push_back(b.create<tensor::DimOp>(loc, shapeSource, d));
  return b.create<tensor::EmptyOp>(loc, type.getShape(), type.getElementType(),
                                   dynamicDims);
}

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

/// Asserts at run time that `actual` equals `expected` (index values); the
/// message says which dim of what (`what`, e.g. "dim 1 of operand 0").
void checkSize(OpBuilder &b, Location loc, Value actual, Value expected,
               const Twine &what) {
  // The node name goes into a printf format: escape its '%'.
  std::string node;
  for (char c : nodeName(loc)) {
    node.push_back(c);
    if (c == '%')
      node.push_back('%');
  }
  Value same =
      b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::eq, actual, expected);
  auto check = b.create<cf::AssertOp>(
      loc, same,
      ("node '" + node + "': " + what +
       " is %lld at run time, but %lld is needed here (a dynamic dim is "
       "not broadcast from 1)")
          .str());
  check->setAttr("dlc.shape_check", b.getUnitAttr());
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
                   TypedAttr value, Value shapeSource = {}) {
  Value empty = emptyTensor(b, loc, type, shapeSource);
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
      checkSize(b, loc, b.create<tensor::DimOp>(loc, operand, d), expected,
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
        checkSize(rw, loc, size, want,
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

struct ReshapeLowering : OpConversionPattern<prim::ReshapeOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(prim::ReshapeOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rw) const override {
    auto inType = signless(op.getOperand().getType());
    auto outType = signless(op.getType());
    Location loc = op.getLoc();
    if (!inType.hasStaticShape() || !outType.hasStaticShape())
      return rw.notifyMatchFailure(op, "dynamic reshapes are not lowered yet");
    // Collapse to 1-D (or 0-D), then expand: both are views after
    // bufferization.
    auto reassociation = [](int64_t rank) {
      SmallVector<ReassociationIndices> r;
      if (rank > 0)
        r.push_back(llvm::to_vector(llvm::seq<int64_t>(0, rank)));
      return r;
    };
    Value flat = adaptor.getOperand();
    int64_t numel = inType.getNumElements();
    bool toScalar = outType.getRank() == 0;
    auto flatType = RankedTensorType::get(toScalar ? ArrayRef<int64_t>{}
                                                   : ArrayRef<int64_t>{numel},
                                          inType.getElementType());
    if (inType != flatType) {
      if (inType.getRank() == 0)
        flat = rw.create<tensor::ExpandShapeOp>(loc, flatType, flat,
                                                reassociation(0));
      else
        flat = rw.create<tensor::CollapseShapeOp>(
            loc, flatType, flat,
            toScalar ? SmallVector<ReassociationIndices>{}
                     : reassociation(inType.getRank()));
    }
    Value result = flat;
    if (flatType != outType)
      result = rw.create<tensor::ExpandShapeOp>(
          loc, outType, flat, reassociation(outType.getRank()));
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
    if (!inType.hasStaticShape())
      return rw.notifyMatchFailure(op, "dynamic pads are not lowered yet");
    // fill + insert_slice: bufferizes to a fill and a copy into a subview.
    TypedAttr value = op.getValue();
    if (auto integer = dyn_cast<IntegerAttr>(value))
      value = rw.getIntegerAttr(outType.getElementType(), integer.getValue());
    Value filled = filledTensor(rw, op.getLoc(), outType, value);
    SmallVector<int64_t> ones(inType.getRank(), 1);
    rw.replaceOpWithNewOp<tensor::InsertSliceOp>(
        op, adaptor.getOperand(), filled, ValueRange{}, ValueRange{},
        ValueRange{}, op.getLow(), inType.getShape(), ones);
    return success();
  }
};

struct ConcatLowering : OpConversionPattern<prim::ConcatOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(prim::ConcatOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rw) const override {
    auto outType = signless(op.getType());
    if (!outType.hasStaticShape())
      return rw.notifyMatchFailure(op, "dynamic concats are not lowered yet");
    Value result = emptyTensor(rw, op.getLoc(), outType);
    int64_t dim = op.getDim(), offset = 0;
    for (Value input : adaptor.getInputs()) {
      auto t = cast<RankedTensorType>(input.getType());
      SmallVector<int64_t> offsets(t.getRank(), 0), ones(t.getRank(), 1);
      offsets[dim] = offset;
      result = rw.create<tensor::InsertSliceOp>(
          op.getLoc(), input, result, ValueRange{}, ValueRange{}, ValueRange{},
          offsets, t.getShape(), ones);
      offset += t.getDimSize(dim);
    }
    rw.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

struct ReduceLowering : OpConversionPattern<prim::ReduceOp> {
  using OpConversionPattern::OpConversionPattern;
  LogicalResult matchAndRewrite(prim::ReduceOp op, OpAdaptor adaptor,
                                ConversionPatternRewriter &rw) const override {
    auto outType = signless(op.getType());
    Location loc = op.getLoc();
    if (!outType.hasStaticShape())
      return rw.notifyMatchFailure(op,
                                   "dynamic reductions are not lowered yet");
    prim::ReduceKind kind = op.getKind();
    bool isUnsigned = isUnsignedLike(op.getType().getElementType());
    Value init = filledTensor(
        rw, loc, outType,
        reductionIdentity(rw, kind, op.getType().getElementType()));
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

/// The argmax form of reduce_window: a generic with two results, the
/// running maximum and the operand's row-major linear index of the first
/// element that reached it (a strictly greater element replaces it).
Value argmaxWindow(OpBuilder &b, prim::ReduceWindowOp op, Value operand,
                   Value window, ArrayRef<AffineMap> maps,
                   ArrayRef<utils::IteratorType> iterators) {
  Location loc = op.getLoc();
  auto inType = signless(op.getOperand().getType());
  auto outType = signless(op.getType());
  Type elementType = inType.getElementType();
  int64_t rank = inType.getRank();
  auto valueType = outType.clone(elementType);
  Value values = filledTensor(
      b, loc, valueType,
      reductionIdentity(b, prim::ReduceKind::max,
                        op.getOperand().getType().getElementType()));
  Value indices = filledTensor(b, loc, outType, b.getI64IntegerAttr(0));
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
              l, nb.create<arith::MulIOp>(l, linear, c(inType.getDimSize(d))),
              pos);
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
    if (!outType.hasStaticShape())
      return rw.notifyMatchFailure(op, "dynamic pooling is not lowered yet");
    int64_t rank = outType.getRank();
    prim::ReduceKind kind = op.getKind();
    bool isUnsigned = isUnsignedLike(op.getType().getElementType());
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
      rw.replaceOp(op, argmaxWindow(rw, op, adaptor.getOperand(), window, maps,
                                    iterators));
      return success();
    }
    Value init = filledTensor(
        rw, loc, outType,
        reductionIdentity(rw, kind, op.getType().getElementType()));
    auto generic = rw.create<linalg::GenericOp>(
        loc, outType, ValueRange{adaptor.getOperand(), window}, init, maps,
        iterators,
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
    if (!outType.hasStaticShape() || !op.getLhs().getType().hasStaticShape() ||
        !op.getRhs().getType().hasStaticShape())
      return rw.notifyMatchFailure(op, "dynamic matmuls are not lowered yet");
    int64_t rank = outType.getRank();
    Value lhs = adaptor.getLhs(), rhs = adaptor.getRhs();
    TypedAttr zero = scalarAttr(rw, outType.getElementType(), 0);
    if (rank == 2) {
      Value init = filledTensor(rw, loc, outType, zero);
      rw.replaceOp(op,
                   rw.create<linalg::MatmulOp>(loc, ValueRange{lhs, rhs}, init)
                       .getResult(0));
      return success();
    }
    // Fold all batch dims into one for linalg.batch_matmul.
    auto collapse = [&](Value v) -> Value {
      auto t = cast<RankedTensorType>(v.getType());
      if (t.getRank() == 3)
        return v;
      int64_t batch = 1;
      for (int64_t d = 0; d < t.getRank() - 2; ++d)
        batch *= t.getDimSize(d);
      SmallVector<ReassociationIndices> r = {
          llvm::to_vector(llvm::seq<int64_t>(0, t.getRank() - 2)),
          {t.getRank() - 2},
          {t.getRank() - 1}};
      auto type = RankedTensorType::get(
          {batch, t.getDimSize(t.getRank() - 2), t.getDimSize(t.getRank() - 1)},
          t.getElementType());
      return rw.create<tensor::CollapseShapeOp>(loc, type, v, r);
    };
    Value lhs3 = collapse(lhs), rhs3 = collapse(rhs);
    auto lt = cast<RankedTensorType>(lhs3.getType());
    auto rt = cast<RankedTensorType>(rhs3.getType());
    auto out3 = RankedTensorType::get(
        {lt.getDimSize(0), lt.getDimSize(1), rt.getDimSize(2)},
        outType.getElementType());
    Value init = filledTensor(rw, loc, out3, zero);
    Value result =
        rw.create<linalg::BatchMatmulOp>(loc, ValueRange{lhs3, rhs3}, init)
            .getResult(0);
    if (rank > 3) {
      SmallVector<ReassociationIndices> r = {
          llvm::to_vector(llvm::seq<int64_t>(0, rank - 2)),
          {rank - 2},
          {rank - 1}};
      result = rw.create<tensor::ExpandShapeOp>(loc, outType, result, r);
    }
    rw.replaceOp(op, result);
    return success();
  }
};

/// A grouped convolution of any spatial rank as one linalg.generic over
/// [N, G, C, S...] x [G, F, C, K...] -> [N, G, F, O...]. 2-D convolutions use
/// linalg's named ops instead, which the runtime's kernels replace.
Value genericConv(OpBuilder &b, prim::ConvOp op, Value input, Value filter,
                  RankedTensorType outType) {
  Location loc = op.getLoc();
  int64_t groups = op.getGroups(), spatial = outType.getRank() - 2;
  Type et = outType.getElementType();
  auto in = cast<RankedTensorType>(input.getType()).getShape();
  auto w = cast<RankedTensorType>(filter.getType()).getShape();
  auto out = outType.getShape();
  // Split the channel dim of each operand into [groups, per group].
  auto split = [&](Value v, ArrayRef<int64_t> shape, int64_t dim) -> Value {
    SmallVector<int64_t> newShape(shape.take_front(dim));
    newShape.append({groups, shape[dim] / groups});
    newShape.append(shape.begin() + dim + 1, shape.end());
    SmallVector<ReassociationIndices> r;
    for (int64_t d = 0; d < (int64_t)shape.size(); ++d)
      r.push_back(d < dim    ? ReassociationIndices{d}
                  : d == dim ? ReassociationIndices{d, d + 1}
                             : ReassociationIndices{d + 1});
    return b.create<tensor::ExpandShapeOp>(
        loc, RankedTensorType::get(newShape, et), v, r);
  };
  Value in5 = split(input, in, 1), w5 = split(filter, w, 0);
  SmallVector<int64_t> outShape = {out[0], groups, out[1] / groups};
  outShape.append(out.begin() + 2, out.end());
  auto out5 = RankedTensorType::get(outShape, et);
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
  Value init = filledTensor(b, loc, out5, scalarAttr(b, et, 0));
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
    auto inType = op.getInput().getType();
    auto filterType = op.getFilter().getType();
    Location loc = op.getLoc();
    if (!outType.hasStaticShape() || !inType.hasStaticShape() ||
        !filterType.hasStaticShape())
      return rw.notifyMatchFailure(op, "dynamic convolutions are not lowered");
    if (outType.getRank() != 4) {
      rw.replaceOp(op, genericConv(rw, op, adaptor.getInput(),
                                   adaptor.getFilter(), outType));
      return success();
    }
    auto strides = rw.getI64TensorAttr(op.getStrides());
    auto dilations = rw.getI64TensorAttr(op.getDilations());
    TypedAttr zero = scalarAttr(rw, outType.getElementType(), 0);
    int64_t groups = op.getGroups();
    if (groups == 1) {
      Value init = filledTensor(rw, loc, outType, zero);
      auto conv = rw.create<linalg::Conv2DNchwFchwOp>(
          loc, outType, ValueRange{adaptor.getInput(), adaptor.getFilter()},
          init, strides, dilations);
      rw.replaceOp(op, conv.getResult(0));
      return success();
    }
    // Grouped: [N, G*C, H, W] x [G*F, C, KH, KW] as [N, G, C, H, W] x
    // [G, F, C, KH, KW] -> [N, G, F, OH, OW].
    Type et = outType.getElementType();
    auto in = inType.getShape(), f = filterType.getShape(),
         out = outType.getShape();
    auto in5 = RankedTensorType::get(
        {in[0], groups, in[1] / groups, in[2], in[3]}, et);
    auto f5 =
        RankedTensorType::get({groups, f[0] / groups, f[1], f[2], f[3]}, et);
    auto out5 = RankedTensorType::get(
        {out[0], groups, out[1] / groups, out[2], out[3]}, et);
    SmallVector<ReassociationIndices> split1 = {{0}, {1, 2}, {3}, {4}};
    SmallVector<ReassociationIndices> split0 = {{0, 1}, {2}, {3}, {4}};
    Value input =
        rw.create<tensor::ExpandShapeOp>(loc, in5, adaptor.getInput(), split1);
    Value filter =
        rw.create<tensor::ExpandShapeOp>(loc, f5, adaptor.getFilter(), split0);
    Value init = filledTensor(rw, loc, out5, zero);
    auto conv = rw.create<linalg::Conv2DNgchwGfchwOp>(
        loc, out5, ValueRange{input, filter}, init, strides, dilations);
    rw.replaceOpWithNewOp<tensor::CollapseShapeOp>(op, outType,
                                                   conv.getResult(0), split1);
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
                           math::MathDialect>();
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
        ElementwiseLowering<prim::AddOp>, ElementwiseLowering<prim::SubOp>,
        ElementwiseLowering<prim::MulOp>, ElementwiseLowering<prim::DivOp>,
        ElementwiseLowering<prim::MaxOp>, ElementwiseLowering<prim::MinOp>,
        ElementwiseLowering<prim::PowOp>, ElementwiseLowering<prim::NegOp>,
        ElementwiseLowering<prim::AbsOp>, ElementwiseLowering<prim::SqrtOp>,
        ElementwiseLowering<prim::ExpOp>, ElementwiseLowering<prim::LogOp>,
        ElementwiseLowering<prim::TanhOp>, ElementwiseLowering<prim::ErfOp>,
        ElementwiseLowering<prim::CompareOp>,
        ElementwiseLowering<prim::SelectOp>,
        ElementwiseLowering<prim::ConvertOp>, DimLowering,
        BroadcastInDimLowering, ReshapeLowering, TransposeLowering,
        SliceLowering, PadLowering, ConcatLowering, ReduceLowering,
        ReduceWindowLowering, MatmulLowering, ConvLowering, ConstantLowering>(
        types, ctx);
    if (failed(applyPartialConversion(getOperation(), target,
                                      std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace
