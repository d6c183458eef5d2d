//===- Elementwise.cpp - arithmetic, math, logic, Where, Cast, Clip -------===//
#include "OnnxToPrim.h"

#include "dlc/Support/MlirDType.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
using namespace dlc;
using namespace dlc::onnx_to_prim;

namespace {

using prim::CompareDirection;

/// Why a node's element type is refused, or "" when the op takes it.
using ElementCheck = std::string (*)(const NodeContext &, Type);

std::string anyElement(const NodeContext &, Type) { return ""; }

std::string floatsOnly(const NodeContext &ctx, Type element) {
  if (isa<FloatType>(element))
    return "";
  return ctx.numInputs() == 1 ? "needs a floating-point input"
                              : "needs floating-point inputs";
}

std::string integersOnly(const NodeContext &ctx, Type element) {
  if (isa<IntegerType>(element) && !element.isInteger(1))
    return "";
  return ctx.numInputs() == 1 ? "needs an integer input"
                              : "needs integer inputs";
}

std::string boolsOnly(const NodeContext &ctx, Type element) {
  if (element.isInteger(1))
    return "";
  return ctx.numInputs() == 1 ? "needs a bool input" : "needs bool inputs";
}

/// Floats only, integers from `Opset` on.
template <int64_t Opset>
std::string floatsBefore(const NodeContext &ctx, Type element) {
  if (ctx.version() >= Opset || isa<FloatType>(element))
    return "";
  return "integer inputs need opset " + std::to_string(Opset);
}

/// Checks that every input has one element type that `check` accepts.
LogicalResult checkElements(const NodeContext &ctx, ElementCheck check) {
  Type element = ctx.inputType(0).getElementType();
  for (size_t i = 1; i < ctx.numInputs(); ++i)
    if (ctx.inputType(i).getElementType() != element)
      return ctx.fail("inputs have different element types");
  std::string refused = check(ctx, element);
  if (!refused.empty())
    return ctx.fail(refused);
  return success();
}

/// Before opset 7, B broadcasts to A only with broadcast=1, aligned at
/// `axis` (default: trailing dims). Reshaping B with trailing 1s turns that
/// into numpy broadcasting.
FailureOr<Value> legacyBroadcastOperand(NodeContext &ctx) {
  Value b = ctx.input(1);
  if (ctx.version() >= 7 || ctx.intAttr("broadcast", 0) == 0 ||
      !ctx.hasAttr("axis"))
    return b;
  auto at = ctx.inputType(0), bt = ctx.inputType(1);
  auto axis = normalizeAxis(ctx, ctx.intAttr("axis", 0), at.getRank());
  if (failed(axis))
    return failure();
  if (*axis + bt.getRank() > at.getRank())
    return ctx.failure<Value>("B does not fit A at axis " + Twine(*axis));
  Sizes sizes = sizesOf(ctx.b, ctx.loc, b);
  sizes.append(at.getRank() - *axis - bt.getRank(), ctx.b.getIndexAttr(1));
  return reshape(ctx.b, ctx.loc, b, sizes);
}

using UnaryBuild = std::function<Value(NodeContext &, Value)>;
using BinaryBuild = std::function<Value(NodeContext &, Value, Value)>;

/// A rule for a unary op built from its input by `build`.
Rule unaryRule(UnaryBuild build, ElementCheck check = anyElement) {
  return [build, check](NodeContext &ctx) -> FailureOr<Results> {
    if (ctx.numInputs() != 1)
      return ctx.failure<Results>("expects 1 input");
    if (failed(checkElements(ctx, check)))
      return failure();
    return Results{build(ctx, ctx.input(0))};
  };
}

template <typename OpTy> Rule unaryRule(ElementCheck check = anyElement) {
  return unaryRule(
      [](NodeContext &ctx, Value x) -> Value {
        return ctx.b.create<OpTy>(ctx.loc, x);
      },
      check);
}

/// A rule for a binary op built by `build` from its inputs broadcast together
/// (numpy rules, or before opset 7 the legacy broadcast attributes).
Rule binaryRule(BinaryBuild build, ElementCheck check = anyElement) {
  return [build, check](NodeContext &ctx) -> FailureOr<Results> {
    if (ctx.numInputs() != 2)
      return ctx.failure<Results>("expects 2 inputs");
    if (failed(checkElements(ctx, check)))
      return failure();
    auto rhs = legacyBroadcastOperand(ctx);
    if (failed(rhs))
      return failure();
    auto pair = broadcastPair(ctx, ctx.input(0), *rhs);
    if (failed(pair))
      return failure();
    return Results{build(ctx, pair->first, pair->second)};
  };
}

template <typename OpTy> Rule binaryRule(ElementCheck check = anyElement) {
  return binaryRule(
      [](NodeContext &ctx, Value lhs, Value rhs) -> Value {
        return ctx.b.create<OpTy>(ctx.loc, lhs, rhs);
      },
      check);
}

/// Integer arithmetic of shapes (small tensors of traced sizes) stays on the
/// sizes, so that Sub(Size(Shape(x)), axis) is a constant and seq * heads an
/// index product: `apply` combines two sizes. Null where the operands are
/// not such tensors.
using SizeArithmetic = std::function<OpFoldResult(OpBuilder &, Location,
                                                  OpFoldResult, OpFoldResult)>;
Value shapeArithmetic(NodeContext &ctx, const SizeArithmetic &apply) {
  auto lt = ctx.inputType(0), rt = ctx.inputType(1);
  if (lt.getElementType() != rt.getElementType() ||
      !isa<IntegerType>(lt.getElementType()) ||
      lt.getElementType().isInteger(1))
    return {};
  std::optional<Sizes> lhs = tracedSizes(ctx.b, ctx.input(0)),
                       rhs = tracedSizes(ctx.b, ctx.input(1));
  if (!lhs || !rhs ||
      (lhs->size() != rhs->size() && lhs->size() != 1 && rhs->size() != 1))
    return {};
  size_t n = std::max(lhs->size(), rhs->size());
  Sizes result;
  for (size_t i = 0; i < n; ++i)
    result.push_back(apply(ctx.b, ctx.loc, (*lhs)[lhs->size() == 1 ? 0 : i],
                           (*rhs)[rhs->size() == 1 ? 0 : i]));
  return sizesTensor(ctx.b, ctx.loc, result, lt.getElementType(),
                     lt.getRank() == 0 && rt.getRank() == 0);
}

/// A binary arithmetic rule that computes on shapes' sizes where it can:
/// `fold` on two static sizes, else `IndexOp` on index values.
template <typename OpTy, typename IndexOp>
Rule arithmeticRule(int64_t (*fold)(int64_t, int64_t)) {
  Rule general = binaryRule<OpTy>();
  SizeArithmetic apply = [fold](OpBuilder &b, Location loc, OpFoldResult l,
                                OpFoldResult r) -> OpFoldResult {
    std::optional<int64_t> a = getConstantIntValue(l),
                           c = getConstantIntValue(r);
    bool divides = std::is_same_v<IndexOp, arith::DivSIOp>;
    if (a && c && !(divides && *c == 0))
      return b.getIndexAttr(fold(*a, *c));
    Value divisor = sizeValue(b, loc, r);
    if (divides) {
      // x / 0 is 0, as prim.div's: never a trap.
      Value zero = b.create<arith::ConstantIndexOp>(loc, 0);
      Value isZero =
          b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::eq, divisor, zero);
      divisor = b.create<arith::SelectOp>(
          loc, isZero, b.create<arith::ConstantIndexOp>(loc, 1), divisor);
      Value q = b.create<IndexOp>(loc, sizeValue(b, loc, l), divisor);
      return b.create<arith::SelectOp>(loc, isZero, zero, q).getResult();
    }
    return b.create<IndexOp>(loc, sizeValue(b, loc, l), divisor).getResult();
  };
  return [general, apply](NodeContext &ctx) -> FailureOr<Results> {
    if (ctx.version() >= 7)
      if (Value v = shapeArithmetic(ctx, apply))
        return Results{v};
    return general(ctx);
  };
}

Value compare(NodeContext &ctx, CompareDirection direction, Value lhs,
              Value rhs) {
  return ctx.b.create<prim::CompareOp>(ctx.loc, direction, lhs, rhs);
}

Rule compareRule(CompareDirection direction, ElementCheck check = anyElement) {
  return binaryRule(
      [direction](NodeContext &ctx, Value lhs, Value rhs) {
        return compare(ctx, direction, lhs, rhs);
      },
      check);
}

/// Max, Min, Sum (or, with `mean`, Mean) of one or more inputs broadcast
/// together, folded left to right.
template <typename OpTy>
Rule variadicRule(ElementCheck check, bool mean = false) {
  return [check, mean](NodeContext &ctx) -> FailureOr<Results> {
    if (failed(checkElements(ctx, check)))
      return failure();
    auto inputs = broadcastAll(ctx, ctx.node.getInputs());
    if (failed(inputs))
      return failure();
    Value result = inputs->front();
    for (Value input : llvm::drop_begin(*inputs))
      result = ctx.b.create<OpTy>(ctx.loc, result, input);
    if (mean)
      result = ctx.b.create<prim::DivOp>(
          ctx.loc, result,
          splatLike(ctx.b, ctx.loc, result, double(inputs->size())));
    return Results{result};
  };
}

FailureOr<Results> convertWhere(NodeContext &ctx) {
  if (!ctx.inputType(0).getElementType().isInteger(1))
    return ctx.failure<Results>("the condition must be bool");
  if (ctx.inputType(1).getElementType() != ctx.inputType(2).getElementType())
    return ctx.failure<Results>("X and Y have different element types");
  auto operands = broadcastAll(ctx, {ctx.input(0), ctx.input(1), ctx.input(2)});
  if (failed(operands))
    return failure();
  return Results{ctx.b.create<prim::SelectOp>(ctx.loc, (*operands)[0],
                                              (*operands)[1], (*operands)[2])};
}

/// x == +inf and/or x == -inf, as detect_positive and detect_negative say.
Value isInf(NodeContext &ctx, Value x) {
  OpBuilder &b = ctx.b;
  auto type = cast<RankedTensorType>(x.getType());
  Value result;
  for (auto [attr, positive] :
       {std::pair<StringRef, bool>{"detect_positive", true},
        {"detect_negative", false}}) {
    if (ctx.intAttr(attr, 1) == 0)
      continue;
    Value inf = splatConstant(b, ctx.loc, type,
                              limitAttr(b, type.getElementType(), positive), x);
    Value match = compare(ctx, CompareDirection::eq, x, inf);
    result = result ? b.create<prim::MaxOp>(ctx.loc, result, match) : match;
  }
  if (!result)
    result = splatConstant(b, ctx.loc, type.clone(b.getI1Type()), 0, x);
  return result;
}

/// -1, 0 or 1 by the sign of x; NaN stays NaN.
Value sign(NodeContext &ctx, Value x) {
  OpBuilder &b = ctx.b;
  Type element = ctx.inputType(0).getElementType();
  Value zero = splatLike(b, ctx.loc, x, 0);
  // Where x is neither above nor below 0, it is 0 or (for floats) -0 or
  // NaN, which x + 0 makes +0 or NaN.
  Value otherwise =
      isa<FloatType>(element) ? b.create<prim::AddOp>(ctx.loc, x, zero) : x;
  Value positive = compare(ctx, CompareDirection::gt, x, zero);
  Value result = b.create<prim::SelectOp>(
      ctx.loc, positive, splatLike(b, ctx.loc, x, 1), otherwise);
  if (element.isUnsignedInteger())
    return result;
  Value negative = compare(ctx, CompareDirection::lt, x, zero);
  return b.create<prim::SelectOp>(ctx.loc, negative,
                                  splatLike(b, ctx.loc, x, -1), result);
}

/// asin(x) = atan(x / sqrt((1 - x) * (1 + x))), accurate up to |x| = 1
/// (where it is atan(+-inf)): 1 - x is exact there.
Value arcsine(NodeContext &ctx, Value x) {
  OpBuilder &b = ctx.b;
  Value one = splatLike(b, ctx.loc, x, 1);
  Value below = b.create<prim::SubOp>(ctx.loc, one, x);
  Value above = b.create<prim::AddOp>(ctx.loc, one, x);
  Value root = b.create<prim::SqrtOp>(
      ctx.loc, b.create<prim::MulOp>(ctx.loc, below, above));
  return b.create<prim::AtanOp>(ctx.loc,
                                b.create<prim::DivOp>(ctx.loc, x, root));
}

/// acos(x) = 2 * atan(sqrt((1 - x) / (1 + x))), accurate on all of [-1, 1]
/// (at -1 it is 2 * atan(inf)).
Value arccosine(NodeContext &ctx, Value x) {
  OpBuilder &b = ctx.b;
  Value one = splatLike(b, ctx.loc, x, 1);
  Value below = b.create<prim::SubOp>(ctx.loc, one, x);
  Value above = b.create<prim::AddOp>(ctx.loc, one, x);
  Value half = b.create<prim::AtanOp>(
      ctx.loc, b.create<prim::SqrtOp>(
                   ctx.loc, b.create<prim::DivOp>(ctx.loc, below, above)));
  return b.create<prim::MulOp>(ctx.loc, half, splatLike(b, ctx.loc, x, 2));
}

FailureOr<Results> convertMod(NodeContext &ctx) {
  if (failed(checkElements(ctx, anyElement)))
    return failure();
  int64_t fmod = ctx.intAttr("fmod", 0);
  if (fmod != 0 && fmod != 1)
    return ctx.failure<Results>("fmod must be 0 or 1, got " + Twine(fmod));
  Type element = ctx.inputType(0).getElementType();
  if (isa<FloatType>(element) && fmod == 0)
    return ctx.failure<Results>("floating-point inputs need fmod=1");
  auto pair = broadcastPair(ctx, ctx.input(0), ctx.input(1));
  if (failed(pair))
    return failure();
  auto [a, d] = *pair;
  OpBuilder &b = ctx.b;
  // fmod=1 (and any unsigned remainder): the sign of the dividend.
  Value r = b.create<prim::RemOp>(ctx.loc, a, d);
  if (fmod == 1 || element.isUnsignedInteger())
    return Results{r};
  // fmod=0 (integers): the sign of the divisor, as Python's %: a non-zero
  // remainder whose sign differs from the divisor's has the divisor added.
  Value zero = splatLike(b, ctx.loc, r, 0);
  Value negative = compare(ctx, CompareDirection::lt, r, zero);
  Value negativeDivisor = compare(ctx, CompareDirection::lt, d, zero);
  Value signsDiffer =
      compare(ctx, CompareDirection::ne, negative, negativeDivisor);
  Value adjust = b.create<prim::MulOp>(
      ctx.loc, compare(ctx, CompareDirection::ne, r, zero), signsDiffer);
  return Results{b.create<prim::SelectOp>(
      ctx.loc, adjust, b.create<prim::AddOp>(ctx.loc, r, d), r)};
}

FailureOr<Results> convertBitShift(NodeContext &ctx) {
  if (failed(checkElements(ctx, anyElement)))
    return failure();
  if (!ctx.inputType(0).getElementType().isUnsignedInteger())
    return ctx.failure<Results>("needs unsigned integer inputs");
  std::string direction = ctx.stringAttr("direction", "");
  if (direction != "LEFT" && direction != "RIGHT")
    return ctx.failure<Results>("direction must be LEFT or RIGHT, got '" +
                                direction + "'");
  auto pair = broadcastPair(ctx, ctx.input(0), ctx.input(1));
  if (failed(pair))
    return failure();
  auto [x, y] = *pair;
  // x << y = x * 2^y and x >> y = x / 2^y. 2^y wraps to 0 once y reaches
  // the bit width, and x / 0 is 0, so both shifts give 0 past the width.
  OpBuilder &b = ctx.b;
  Value power = b.create<prim::PowOp>(ctx.loc, splatLike(b, ctx.loc, y, 2), y);
  if (direction == "LEFT")
    return Results{b.create<prim::MulOp>(ctx.loc, x, power)};
  return Results{b.create<prim::DivOp>(ctx.loc, x, power)};
}

/// A Clip bound: an optional scalar input (opset 11+) or a float attribute.
FailureOr<Value> clipBound(NodeContext &ctx, size_t inputIndex,
                           StringRef attrName, bool highest) {
  Value x = ctx.input(0);
  auto type = ctx.inputType(0);
  if (ctx.version() < 11 && ctx.hasAttr(attrName))
    return splatLike(ctx.b, ctx.loc, x, ctx.floatAttr(attrName, 0));
  if (ctx.version() < 11 || !ctx.hasInput(inputIndex))
    return splatConstant(ctx.b, ctx.loc, type,
                         limitAttr(ctx.b, type.getElementType(), highest));
  Value bound = ctx.input(inputIndex);
  auto boundType = cast<RankedTensorType>(bound.getType());
  if (boundType.getElementType() != type.getElementType() ||
      !boundType.hasStaticShape() || boundType.getNumElements() != 1)
    return ctx.failure<Value>("min and max must be scalars of the input type");
  bound = reshape(ctx.b, ctx.loc, bound, ArrayRef<int64_t>{});
  return broadcastLike(ctx.b, ctx.loc, bound, x);
}

FailureOr<Results> convertClip(NodeContext &ctx) {
  if (ctx.numInputs() < 1)
    return ctx.failure<Results>("expects an input");
  auto lo = clipBound(ctx, 1, "min", /*highest=*/false);
  auto hi = clipBound(ctx, 2, "max", /*highest=*/true);
  if (failed(lo) || failed(hi))
    return failure();
  Value raised = ctx.b.create<prim::MaxOp>(ctx.loc, ctx.input(0), *lo);
  return Results{ctx.b.create<prim::MinOp>(ctx.loc, raised, *hi)};
}

FailureOr<Results> convertCast(NodeContext &ctx) {
  if (ctx.numInputs() != 1 || !ctx.hasAttr("to"))
    return ctx.failure<Results>("expects 1 input and a 'to' attribute");
  // Opsets 1-5 name the type ("FLOAT"); later ones give its TensorProto
  // DataType code.
  int64_t code = ctx.intAttr("to", 0);
  if (ctx.version() < 6) {
    const dlc::DType *named = dlc::dtypeFromOnnxName(ctx.stringAttr("to", ""));
    code = named ? named->onnxType : 0;
  }
  const dlc::DType *dtype = dlc::dtypeFromOnnx(code);
  if (!dtype)
    return ctx.failure<Results>("cast to element type #" + Twine(code) +
                                " is not supported");
  Type to = dlc::getMlirType(ctx.b.getContext(), *dtype);
  auto type = ctx.inputType(0);
  return Results{
      ctx.b.create<prim::ConvertOp>(ctx.loc, type.clone(to), ctx.input(0))};
}

/// CastLike: Cast to the element type of the second input.
FailureOr<Results> convertCastLike(NodeContext &ctx) {
  Type to = ctx.inputType(1).getElementType();
  return Results{ctx.b.create<prim::ConvertOp>(
      ctx.loc, ctx.inputType(0).clone(to), ctx.input(0))};
}

FailureOr<Results> convertDropout(NodeContext &ctx) {
  if (ctx.numInputs() < 1)
    return ctx.failure<Results>("expects an input");
  bool training = false;
  if (ctx.version() >= 12) {
    if (ctx.hasInput(2)) {
      auto mode = constantInts(ctx.input(2));
      if (!mode || mode->size() != 1)
        return ctx.failure<Results>(
            "training_mode must be a constant (dlc compiles inference)");
      training = (*mode)[0] != 0;
    }
  } else if (ctx.version() < 7) {
    training = ctx.intAttr("is_test", 0) == 0;
  }
  if (training)
    return ctx.failure<Results>("training mode is not supported in inference");
  Value x = ctx.input(0);
  Results results{x};
  if (ctx.outputUsed(1)) {
    // The mask is bool from opset 10; before, it has the input's type.
    auto maskType = ctx.version() >= 10
                        ? ctx.inputType(0).clone(ctx.b.getI1Type())
                        : ctx.inputType(0);
    results.push_back(splatConstant(ctx.b, ctx.loc, maskType, 1));
  }
  return results;
}

FailureOr<Results> convertPow(NodeContext &ctx) {
  if (ctx.numInputs() != 2)
    return ctx.failure<Results>("expects 2 inputs");
  auto legacy = legacyBroadcastOperand(ctx);
  if (failed(legacy))
    return failure();
  Value base = ctx.input(0), exponent = *legacy;
  auto baseType = ctx.inputType(0);
  Type baseElement = baseType.getElementType();
  Type exponentElement = ctx.inputType(1).getElementType();
  // The result has the base's type. An integer base with a float exponent
  // is raised in the exponent's float type and truncated back; otherwise the
  // exponent takes the base's type.
  Type computeType =
      isa<IntegerType>(baseElement) && isa<FloatType>(exponentElement)
          ? exponentElement
          : baseElement;
  auto convertTo = [&](Value v, Type element) -> Value {
    auto type = cast<RankedTensorType>(v.getType());
    if (type.getElementType() == element)
      return v;
    return ctx.b.create<prim::ConvertOp>(ctx.loc, type.clone(element), v);
  };
  auto pair = broadcastPair(ctx, convertTo(base, computeType),
                            convertTo(exponent, computeType));
  if (failed(pair))
    return failure();
  Value power = ctx.b.create<prim::PowOp>(ctx.loc, pair->first, pair->second);
  return Results{convertTo(power, baseElement)};
}

} // namespace

void dlc::onnx_to_prim::addElementwiseRules(RuleTable &table) {
  using namespace schema;
  // Opsets 1-5 add the legacy consumed_inputs attribute; opset 7 replaced
  // the broadcast/axis attributes by multidirectional (numpy) broadcasting.
  // Later versions only widen the accepted types.
  const AttrSpec consumed = {"consumed_inputs", Ints};
  const AttrSpec axis = {"axis", Int}, broadcast = {"broadcast", Int};
  std::pair<StringRef, Rule> arithmetic[] = {
      {"Add", arithmeticRule<prim::AddOp, arith::AddIOp>(
                  [](int64_t a, int64_t b) { return a + b; })},
      {"Sub", arithmeticRule<prim::SubOp, arith::SubIOp>(
                  [](int64_t a, int64_t b) { return a - b; })},
      {"Mul", arithmeticRule<prim::MulOp, arith::MulIOp>(
                  [](int64_t a, int64_t b) { return a * b; })},
      // Truncating, as ONNX's integer Div (a 0 divisor is handled above).
      {"Div", arithmeticRule<prim::DivOp, arith::DivSIOp>(
                  [](int64_t a, int64_t b) { return a / b; })}};
  for (const auto &[op, rule] : arithmetic) {
    table.add(op, 1, rule).inputs(2).attrs({axis, broadcast, consumed});
    table.add(op, 6, rule).inputs(2).attrs({axis, broadcast});
    table.add(op, 7, rule).inputs(2);
  }
  table.add("Pow", 1, convertPow).inputs(2).attrs({axis, broadcast});
  table.add("Pow", 7, convertPow).inputs(2);

  // Comparisons and bool logic give bool.
  std::pair<StringRef, Rule> logic[] = {
      {"Equal", compareRule(CompareDirection::eq)},
      {"Less", compareRule(CompareDirection::lt, floatsBefore<9>)},
      {"Greater", compareRule(CompareDirection::gt, floatsBefore<9>)},
      {"And", binaryRule<prim::AndOp>(boolsOnly)},
      {"Or", binaryRule<prim::OrOp>(boolsOnly)},
      {"Xor", binaryRule<prim::XorOp>(boolsOnly)}};
  for (const auto &[op, rule] : logic) {
    table.add(op, 1, rule).inputs(2).attrs({axis, broadcast});
    table.add(op, 7, rule).inputs(2);
  }
  table.add("LessOrEqual", 12, compareRule(CompareDirection::le)).inputs(2);
  table.add("GreaterOrEqual", 12, compareRule(CompareDirection::ge)).inputs(2);
  table.add("Not", 1, unaryRule<prim::NotOp>(boolsOnly));
  std::pair<StringRef, Rule> bitwise[] = {
      {"BitwiseAnd", binaryRule<prim::AndOp>(integersOnly)},
      {"BitwiseOr", binaryRule<prim::OrOp>(integersOnly)},
      {"BitwiseXor", binaryRule<prim::XorOp>(integersOnly)}};
  for (const auto &[op, rule] : bitwise)
    table.add(op, 18, rule).inputs(2);
  table.add("BitwiseNot", 18, unaryRule<prim::NotOp>(integersOnly));
  table.add("Where", 9, convertWhere).inputs(3);
  table.add("IsNaN", 9,
            unaryRule(
                [](NodeContext &ctx, Value x) {
                  return compare(ctx, CompareDirection::ne, x, x);
                },
                floatsOnly));
  table.add("IsInf", 10, unaryRule(isInf, floatsOnly))
      .attrs({{"detect_negative", Int}, {"detect_positive", Int}});

  // Max, Min, Sum and Mean: inputs of one shape until opset 8, broadcast
  // together from then on.
  std::pair<StringRef, Rule> variadic[] = {
      {"Max", variadicRule<prim::MaxOp>(floatsBefore<12>)},
      {"Min", variadicRule<prim::MinOp>(floatsBefore<12>)},
      {"Sum", variadicRule<prim::AddOp>(floatsOnly)},
      {"Mean", variadicRule<prim::AddOp>(floatsOnly, /*mean=*/true)}};
  for (const auto &[op, rule] : variadic) {
    table.add(op, 1, rule).inputs(1, Variadic).attrs({consumed});
    table.add(op, 6, rule).inputs(1, Variadic);
    table.add(op, 8, rule).inputs(1, Variadic);
  }

  table.add("Mod", 10, convertMod).inputs(2).attrs({{"fmod", Int}});
  table.add("BitShift", 11, convertBitShift)
      .inputs(2)
      .attrs({{"direction", String, Required}});

  Rule reciprocal = unaryRule(
      [](NodeContext &ctx, Value x) -> Value {
        return ctx.b.create<prim::DivOp>(ctx.loc,
                                         splatLike(ctx.b, ctx.loc, x, 1.0), x);
      },
      floatsOnly);
  std::pair<StringRef, Rule> unary[] = {
      {"Neg", unaryRule([](NodeContext &ctx, Value x) -> Value {
         // A shape's negation stays on its sizes (see shapeArithmetic).
         auto type = cast<RankedTensorType>(x.getType());
         if (std::optional<Sizes> sizes = tracedSizes(ctx.b, x);
             sizes && !type.getElementType().isInteger(1)) {
           Sizes negated;
           for (OpFoldResult size : *sizes)
             negated.push_back(
                 getConstantIntValue(size)
                     ? OpFoldResult(
                           ctx.b.getIndexAttr(-*getConstantIntValue(size)))
                     : ctx.b
                           .create<arith::SubIOp>(
                               ctx.loc,
                               ctx.b.create<arith::ConstantIndexOp>(ctx.loc, 0),
                               cast<Value>(size))
                           .getResult());
           return sizesTensor(ctx.b, ctx.loc, negated, type.getElementType(),
                              type.getRank() == 0);
         }
         return ctx.b.create<prim::NegOp>(ctx.loc, x);
       })},
      {"Abs", unaryRule<prim::AbsOp>()},
      {"Sqrt", unaryRule<prim::SqrtOp>(floatsOnly)},
      {"Exp", unaryRule<prim::ExpOp>(floatsOnly)},
      {"Log", unaryRule<prim::LogOp>(floatsOnly)},
      {"Tanh", unaryRule<prim::TanhOp>(floatsOnly)},
      {"Floor", unaryRule<prim::FloorOp>(floatsOnly)},
      {"Ceil", unaryRule<prim::CeilOp>(floatsOnly)},
      {"Reciprocal", reciprocal}};
  for (const auto &[op, rule] : unary) {
    table.add(op, 1, rule).attrs({consumed});
    table.add(op, 6, rule);
  }
  table.add("Erf", 9, unaryRule<prim::ErfOp>(floatsOnly));
  table.add("Round", 11, unaryRule<prim::RoundEvenOp>(floatsOnly));
  table.add("Sign", 9, unaryRule(sign));
  std::pair<StringRef, Rule> trigonometric[] = {
      {"Sin", unaryRule<prim::SinOp>(floatsOnly)},
      {"Cos", unaryRule<prim::CosOp>(floatsOnly)},
      {"Tan", unaryRule(
                  [](NodeContext &ctx, Value x) -> Value {
                    Value sin = ctx.b.create<prim::SinOp>(ctx.loc, x);
                    Value cos = ctx.b.create<prim::CosOp>(ctx.loc, x);
                    return ctx.b.create<prim::DivOp>(ctx.loc, sin, cos);
                  },
                  floatsOnly)},
      {"Asin", unaryRule(arcsine, floatsOnly)},
      {"Acos", unaryRule(arccosine, floatsOnly)},
      {"Atan", unaryRule<prim::AtanOp>(floatsOnly)}};
  for (const auto &[op, rule] : trigonometric)
    table.add(op, 7, rule);
  std::pair<StringRef, Rule> hyperbolic[] = {
      {"Sinh", unaryRule<prim::SinhOp>(floatsOnly)},
      {"Cosh", unaryRule<prim::CoshOp>(floatsOnly)},
      {"Asinh", unaryRule<prim::AsinhOp>(floatsOnly)},
      {"Acosh", unaryRule<prim::AcoshOp>(floatsOnly)},
      {"Atanh", unaryRule<prim::AtanhOp>(floatsOnly)}};
  for (const auto &[op, rule] : hyperbolic)
    table.add(op, 9, rule);
  table.add("Identity", 1, [](NodeContext &ctx) -> FailureOr<Results> {
    if (ctx.numInputs() != 1)
      return ctx.failure<Results>("expects 1 input");
    return Results{ctx.input(0)};
  });

  // Clip's bounds are attributes before opset 11, optional inputs after.
  table.add("Clip", 1, convertClip)
      .attrs({{"min", Float}, {"max", Float}, consumed});
  table.add("Clip", 6, convertClip).attrs({{"min", Float}, {"max", Float}});
  table.add("Clip", 11, convertClip).inputs(1, 3).optional({1, 2});
  // Cast names the type before opset 6, gives its DataType code after.
  table.add("Cast", 1, convertCast).attrs({{"to", String, Required}});
  table.add("Cast", 6, convertCast).attrs({{"to", Int, Required}});
  table.add("Cast", 19, convertCast)
      .attrs({{"to", Int, Required}, {"saturate", Int}});
  table.add("CastLike", 15, convertCastLike).inputs(2);
  table.add("CastLike", 19, convertCastLike)
      .inputs(2)
      .attrs({{"saturate", Int}});
  // Dropout: is_test until opset 7; ratio and training_mode are inputs from
  // opset 12. The mask output is optional.
  table.add("Dropout", 1, convertDropout)
      .outputs(1, 2)
      .attrs({{"is_test", Int}, {"ratio", Float}, consumed});
  table.add("Dropout", 6, convertDropout)
      .outputs(1, 2)
      .attrs({{"is_test", Int}, {"ratio", Float}});
  table.add("Dropout", 7, convertDropout)
      .outputs(1, 2)
      .attrs({{"ratio", Float}});
  table.add("Dropout", 12, convertDropout)
      .inputs(1, 3)
      .optional({1, 2})
      .outputs(1, 2)
      .attrs({{"seed", Int}});
}
