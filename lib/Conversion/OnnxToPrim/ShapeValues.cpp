//===- ShapeValues.cpp - Shape, Size, ConstantOfShape, Range, Expand ------===//
//
// The ops that turn shapes into data and back. Shapes become prim.from_sizes
// of the dims' sizes, and ops reading a shape operand take its sizes
// (tracedSizes), so that shape arithmetic on static dims folds away and on
// dynamic ones stays index arithmetic.
//
//===----------------------------------------------------------------------===//
#include "OnnxToPrim.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;
using namespace dlc;
using namespace dlc::onnx_to_prim;

namespace {

FailureOr<Results> convertShape(NodeContext &ctx) {
  Sizes sizes = sizesOf(ctx.b, ctx.loc, ctx.input(0));
  int64_t rank = sizes.size();
  // Opset 15: start and end select dims, negative from the back, clamped.
  auto clamp = [&](int64_t v) {
    return std::clamp<int64_t>(v < 0 ? v + rank : v, 0, rank);
  };
  int64_t start = clamp(ctx.intAttr("start", 0));
  int64_t end = clamp(ctx.intAttr("end", rank));
  Sizes selected;
  for (int64_t d = start; d < end; ++d)
    selected.push_back(sizes[d]);
  return Results{
      sizesTensor(ctx.b, ctx.loc, selected, ctx.b.getIntegerType(64))};
}

FailureOr<Results> convertSize(NodeContext &ctx) {
  OpFoldResult count = ctx.b.getIndexAttr(1);
  for (OpFoldResult size : sizesOf(ctx.b, ctx.loc, ctx.input(0)))
    count = mulSize(ctx.b, ctx.loc, count, size);
  return Results{sizesTensor(ctx.b, ctx.loc, count, ctx.b.getIntegerType(64),
                             /*scalar=*/true)};
}

FailureOr<Results> convertConstantOfShape(NodeContext &ctx) {
  auto sizes = sizesFromTensor(ctx, ctx.input(0));
  if (failed(sizes))
    return failure();
  TypedAttr value = ctx.b.getF32FloatAttr(0);
  if (auto tensor =
          dyn_cast_or_null<ElementsAttr>(ctx.node.getAttrs().get("value"))) {
    if (tensor.getNumElements() != 1)
      return ctx.failure<Results>("value must hold one element, it has " +
                                  Twine(tensor.getNumElements()));
    value = cast<TypedAttr>(*tensor.getValues<Attribute>().begin());
  }
  auto scalar = ctx.b.create<arith::ConstantOp>(
      ctx.loc, DenseElementsAttr::get(
                   RankedTensorType::get({}, value.getType()), value));
  return Results{broadcastTo(ctx.b, ctx.loc, scalar, *sizes)};
}

/// A float Range of constant bounds, computed at compile time (in double, as
/// the reference's numpy arange does).
FailureOr<Results> constantFloatRange(NodeContext &ctx, ElementsAttr s,
                                      ElementsAttr l, ElementsAttr d) {
  Type et = s.getElementType();
  double s0 = s.getValues<APFloat>()[0].convertToDouble(),
         l0 = l.getValues<APFloat>()[0].convertToDouble(),
         d0 = d.getValues<APFloat>()[0].convertToDouble();
  if (d0 == 0)
    return ctx.failure<Results>("delta must not be 0");
  double n = std::ceil((l0 - s0) / d0);
  if (!(n < (1 << 30)))
    return ctx.failure<Results>("the range has too many elements");
  SmallVector<Attribute> values;
  for (int64_t i = 0; i < (int64_t)std::max(0.0, n); ++i)
    values.push_back(ctx.b.getFloatAttr(et, s0 + i * d0));
  return Results{ctx.b.create<arith::ConstantOp>(
      ctx.loc,
      DenseElementsAttr::get(
          RankedTensorType::get({(int64_t)values.size()}, et), values))};
}

/// A float Range of bounds known at run time, computed in f64 (as the
/// reference's numpy arange does) and converted back: the count
/// ceil((limit - start) / delta) is 0 where it is negative or NaN or delta
/// is 0, and at most 2^62 (more than any allocation holds) so that its
/// conversion to an integer is defined; it is read back as a size.
Value floatRange(OpBuilder &b, Location loc, Value start, Value limit,
                 Value delta) {
  auto type = cast<RankedTensorType>(start.getType());
  auto wide = type.clone(b.getF64Type());
  auto toWide = [&](Value v) {
    return b.createOrFold<prim::ConvertOp>(loc, wide, v);
  };
  Value s = toWide(start), d = toWide(delta);
  Value zero = splatLike(b, loc, s, 0);
  Value q = b.create<prim::CeilOp>(
      loc, b.create<prim::DivOp>(
               loc, b.create<prim::SubOp>(loc, toWide(limit), s), d));
  Value positive =
      b.create<prim::CompareOp>(loc, prim::CompareDirection::gt, q, zero);
  Value capped =
      b.create<prim::MinOp>(loc, q, splatLike(b, loc, s, std::ldexp(1.0, 62)));
  Value count = b.create<prim::SelectOp>(loc, positive, capped, zero);
  Value noStep =
      b.create<prim::CompareOp>(loc, prim::CompareDirection::eq, d, zero);
  count = b.create<prim::SelectOp>(loc, noStep, zero, count);
  Value size = b.create<prim::SizeAtOp>(
      loc, b.create<prim::ConvertOp>(loc, type.clone(b.getI64Type()), count),
      0);
  Value positions = iota(b, loc, size, b.getF64Type());
  Value values = b.create<prim::AddOp>(
      loc,
      b.create<prim::MulOp>(loc, positions,
                            broadcastLike(b, loc, d, positions)),
      broadcastLike(b, loc, s, positions));
  return b.createOrFold<prim::ConvertOp>(
      loc,
      cast<RankedTensorType>(values.getType()).clone(type.getElementType()),
      values);
}

/// A Range of constant bounds of at most this many elements is a constant
/// tensor, so that the ops reading it as a shape or as axes see its elements
/// (tracedSizes).
constexpr int64_t kConstantRangeLength = 16;

/// Range(start, limit, delta): ceil((limit - start) / delta) elements (none
/// when negative), start + i * delta.
FailureOr<Results> convertRange(NodeContext &ctx) {
  Type et = ctx.inputType(0).getElementType();
  for (size_t i = 0; i < 3; ++i)
    if (ctx.inputType(i).getRank() != 0 ||
        ctx.inputType(i).getElementType() != et)
      return ctx.failure<Results>(
          "start, limit and delta must be scalars of one type");
  OpBuilder &b = ctx.b;
  Location loc = ctx.loc;
  if (isa<FloatType>(et)) {
    ElementsAttr s, l, d;
    if (matchPattern(ctx.input(0), m_Constant(&s)) &&
        matchPattern(ctx.input(1), m_Constant(&l)) &&
        matchPattern(ctx.input(2), m_Constant(&d)))
      return constantFloatRange(ctx, s, l, d);
    return Results{
        floatRange(b, loc, ctx.input(0), ctx.input(1), ctx.input(2))};
  }
  auto read = [&](size_t i) -> OpFoldResult {
    if (std::optional<Sizes> traced = tracedSizes(b, ctx.input(i)))
      return (*traced)[0];
    return b.create<prim::SizeAtOp>(loc, ctx.input(i), 0).getResult();
  };
  OpFoldResult first = read(0), last = read(1), step = read(2);
  std::optional<int64_t> f = getConstantIntValue(first),
                         l = getConstantIntValue(last),
                         d = getConstantIntValue(step);
  if (d == 0)
    return ctx.failure<Results>("delta must not be 0");
  OpFoldResult count;
  if (f && l && d) {
    int64_t span = *l - *f;
    int64_t steps = std::max<int64_t>(
        0, span / *d + (span % *d != 0 && (span < 0) == (*d < 0)));
    if (steps <= kConstantRangeLength) {
      Sizes values;
      for (int64_t k = 0; k < steps; ++k)
        values.push_back(b.getIndexAttr(*f + k * *d));
      return Results{sizesTensor(b, loc, values, et)};
    }
    count = b.getIndexAttr(steps);
  } else {
    // Signed index arithmetic: max(0, ceil((limit - start) / delta)), a
    // run-time delta of 0 dividing by 1 (never a trap).
    Value zero = b.create<arith::ConstantIndexOp>(loc, 0);
    Value divisor = sizeValue(b, loc, step);
    if (!d)
      divisor = b.create<arith::SelectOp>(
          loc,
          b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::eq, divisor, zero),
          b.create<arith::ConstantIndexOp>(loc, 1), divisor);
    Value span = b.create<arith::SubIOp>(loc, sizeValue(b, loc, last),
                                         sizeValue(b, loc, first));
    Value steps = b.create<arith::CeilDivSIOp>(loc, span, divisor);
    count = b.create<arith::MaxSIOp>(loc, steps, zero).getResult();
  }
  Value positions = iota(b, loc, count, et);
  Value scaled = b.create<prim::MulOp>(
      loc, positions, broadcastLike(b, loc, ctx.input(2), positions));
  return Results{b.create<prim::AddOp>(
      loc, scaled, broadcastLike(b, loc, ctx.input(0), scaled))};
}

/// Expand: numpy broadcasting of the input against the shape operand.
FailureOr<Results> convertExpand(NodeContext &ctx) {
  auto shape = sizesFromTensor(ctx, ctx.input(1));
  if (failed(shape))
    return failure();
  Sizes in = sizesOf(ctx.b, ctx.loc, ctx.input(0));
  int64_t rank = std::max<int64_t>(in.size(), shape->size());
  Sizes sizes(rank);
  for (int64_t i = 0; i < rank; ++i) {
    int64_t xi = i - (rank - in.size()), si = i - (rank - shape->size());
    OpFoldResult x = xi >= 0 ? in[xi] : ctx.b.getIndexAttr(1);
    OpFoldResult s = si >= 0 ? (*shape)[si] : ctx.b.getIndexAttr(1);
    std::optional<int64_t> xs = getConstantIntValue(x),
                           ss = getConstantIntValue(s);
    if (xs && ss && *xs != *ss && *xs != 1 && *ss != 1)
      return ctx.failure<Results>("cannot expand dim " + Twine(*xs) + " to " +
                                  Twine(*ss) + " (result dim " + Twine(i) +
                                  ")");
    // The input's dim unless it is 1 (a dynamic one is never broadcast: the
    // lowering checks it against a static target).
    sizes[i] = xs == 1 ? s : (ss && !xs) ? s : x;
  }
  return Results{broadcastTo(ctx.b, ctx.loc, ctx.input(0), sizes)};
}

} // namespace

void dlc::onnx_to_prim::addShapeValueRules(RuleTable &table) {
  using namespace schema;
  table.add("Shape", 1, convertShape);
  table.add("Shape", 15, convertShape).attrs({{"start", Int}, {"end", Int}});
  table.add("Size", 1, convertSize);
  table.add("ConstantOfShape", 9, convertConstantOfShape)
      .attrs({{"value", Tensor}});
  table.add("Range", 11, convertRange).inputs(3);
  table.add("Expand", 8, convertExpand).inputs(2);
}
