//===- Elementwise.cpp - arithmetic, activations, Cast, Clip, Dropout -----===//
#include "OnnxToPrim.h"

#include "dlc/Support/MlirDType.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
using namespace dlc;
using namespace dlc::onnx_to_prim;

namespace {

bool isFloatTensor(Value v) {
  return isa<FloatType>(cast<RankedTensorType>(v.getType()).getElementType());
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

template <typename OpTy> Rule binaryRule() {
  return [](NodeContext &ctx) -> FailureOr<Results> {
    if (ctx.numInputs() != 2)
      return ctx.failure<Results>("expects 2 inputs");
    if (ctx.inputType(0).getElementType() != ctx.inputType(1).getElementType())
      return ctx.failure<Results>("inputs have different element types");
    auto rhs = legacyBroadcastOperand(ctx);
    if (failed(rhs))
      return failure();
    auto pair = broadcastPair(ctx, ctx.input(0), *rhs);
    if (failed(pair))
      return failure();
    return Results{ctx.b.create<OpTy>(ctx.loc, pair->first, pair->second)};
  };
}

template <typename OpTy> Rule unaryRule(bool floatOnly) {
  return [floatOnly](NodeContext &ctx) -> FailureOr<Results> {
    if (ctx.numInputs() != 1)
      return ctx.failure<Results>("expects 1 input");
    if (floatOnly && !isFloatTensor(ctx.input(0)))
      return ctx.failure<Results>("needs a floating-point input");
    return Results{ctx.b.create<OpTy>(ctx.loc, ctx.input(0))};
  };
}

/// A rule for a float activation built from the input by `build`.
Rule activationRule(std::function<Value(NodeContext &, Value)> build) {
  return [build](NodeContext &ctx) -> FailureOr<Results> {
    if (ctx.numInputs() != 1)
      return ctx.failure<Results>("expects 1 input");
    if (!isFloatTensor(ctx.input(0)))
      return ctx.failure<Results>("needs a floating-point input");
    return Results{build(ctx, ctx.input(0))};
  };
}

Value hardSigmoid(NodeContext &ctx, Value x, double alpha, double beta) {
  OpBuilder &b = ctx.b;
  Value scaled = b.create<prim::AddOp>(
      ctx.loc,
      b.create<prim::MulOp>(ctx.loc, x, splatLike(b, ctx.loc, x, alpha)),
      splatLike(b, ctx.loc, x, beta));
  Value upper =
      b.create<prim::MinOp>(ctx.loc, scaled, splatLike(b, ctx.loc, x, 1.0));
  return b.create<prim::MaxOp>(ctx.loc, upper, splatLike(b, ctx.loc, x, 0.0));
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
  std::pair<StringRef, Rule> binary[] = {{"Add", binaryRule<prim::AddOp>()},
                                         {"Sub", binaryRule<prim::SubOp>()},
                                         {"Mul", binaryRule<prim::MulOp>()},
                                         {"Div", binaryRule<prim::DivOp>()}};
  for (const auto &[op, rule] : binary) {
    table.add(op, 1, rule).inputs(2).attrs({axis, broadcast, consumed});
    table.add(op, 6, rule).inputs(2).attrs({axis, broadcast});
    table.add(op, 7, rule).inputs(2);
  }
  table.add("Pow", 1, convertPow).inputs(2).attrs({axis, broadcast});
  table.add("Pow", 7, convertPow).inputs(2);

  Rule reciprocal = activationRule([](NodeContext &ctx, Value x) {
    return ctx.b.create<prim::DivOp>(ctx.loc, splatLike(ctx.b, ctx.loc, x, 1.0),
                                     x);
  });
  Rule relu = [](NodeContext &ctx) -> FailureOr<Results> {
    if (ctx.numInputs() != 1)
      return ctx.failure<Results>("expects 1 input");
    Value x = ctx.input(0);
    return Results{
        ctx.b.create<prim::MaxOp>(ctx.loc, x, splatLike(ctx.b, ctx.loc, x, 0))};
  };
  Rule sigmoid = activationRule([](NodeContext &ctx, Value x) {
    OpBuilder &b = ctx.b;
    Value one = splatLike(b, ctx.loc, x, 1.0);
    Value e = b.create<prim::ExpOp>(ctx.loc, b.create<prim::NegOp>(ctx.loc, x));
    return b.create<prim::DivOp>(ctx.loc, one,
                                 b.create<prim::AddOp>(ctx.loc, one, e));
  });
  std::pair<StringRef, Rule> unary[] = {{"Neg", unaryRule<prim::NegOp>(false)},
                                        {"Abs", unaryRule<prim::AbsOp>(false)},
                                        {"Sqrt", unaryRule<prim::SqrtOp>(true)},
                                        {"Exp", unaryRule<prim::ExpOp>(true)},
                                        {"Log", unaryRule<prim::LogOp>(true)},
                                        {"Tanh", unaryRule<prim::TanhOp>(true)},
                                        {"Reciprocal", reciprocal},
                                        {"Relu", relu},
                                        {"Sigmoid", sigmoid}};
  for (const auto &[op, rule] : unary) {
    table.add(op, 1, rule).attrs({consumed});
    table.add(op, 6, rule);
  }
  table.add("Erf", 9, unaryRule<prim::ErfOp>(true));
  table.add("Identity", 1, [](NodeContext &ctx) -> FailureOr<Results> {
    if (ctx.numInputs() != 1)
      return ctx.failure<Results>("expects 1 input");
    return Results{ctx.input(0)};
  });

  Rule leakyRelu = activationRule([](NodeContext &ctx, Value x) {
    OpBuilder &b = ctx.b;
    double alpha = ctx.floatAttr("alpha", 0.01f);
    Value zero = splatLike(b, ctx.loc, x, 0.0);
    Value negative =
        b.create<prim::CompareOp>(ctx.loc, prim::CompareDirection::lt, x, zero);
    Value scaled =
        b.create<prim::MulOp>(ctx.loc, x, splatLike(b, ctx.loc, x, alpha));
    return b.create<prim::SelectOp>(ctx.loc, negative, scaled, x);
  });
  table.add("LeakyRelu", 1, leakyRelu).attrs({{"alpha", Float}, consumed});
  table.add("LeakyRelu", 6, leakyRelu).attrs({{"alpha", Float}});
  Rule hardSigmoidRule = activationRule([](NodeContext &ctx, Value x) {
    return hardSigmoid(ctx, x, ctx.floatAttr("alpha", 0.2f),
                       ctx.floatAttr("beta", 0.5f));
  });
  table.add("HardSigmoid", 1, hardSigmoidRule)
      .attrs({{"alpha", Float}, {"beta", Float}, consumed});
  table.add("HardSigmoid", 6, hardSigmoidRule)
      .attrs({{"alpha", Float}, {"beta", Float}});
  table.add("HardSwish", 14, activationRule([](NodeContext &ctx, Value x) {
              return ctx.b.create<prim::MulOp>(
                  ctx.loc, x, hardSigmoid(ctx, x, 1.0 / 6.0, 0.5));
            }));

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
