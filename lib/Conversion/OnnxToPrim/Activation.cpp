//===- Activation.cpp - Relu, Sigmoid, Elu, Gelu, PRelu, Shrink, ... ------===//
#include "OnnxToPrim.h"

#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace dlc;
using namespace dlc::onnx_to_prim;

namespace {

using prim::CompareDirection;

/// Short names for the prims the formulas below build at the node.
struct Ops {
  NodeContext &ctx;

  /// A splat of `value` shaped and typed like `like`.
  Value splat(Value like, double value) {
    return splatLike(ctx.b, ctx.loc, like, value);
  }
  template <typename OpTy> Value make(Value a) {
    return ctx.b.create<OpTy>(ctx.loc, a);
  }
  template <typename OpTy> Value make(Value a, Value b) {
    return ctx.b.create<OpTy>(ctx.loc, a, b);
  }
  Value compare(CompareDirection direction, Value a, Value b) {
    return ctx.b.create<prim::CompareOp>(ctx.loc, direction, a, b);
  }
  Value select(Value cond, Value onTrue, Value onFalse) {
    return ctx.b.create<prim::SelectOp>(ctx.loc, cond, onTrue, onFalse);
  }
  Value add(Value a, Value b) { return make<prim::AddOp>(a, b); }
  Value sub(Value a, Value b) { return make<prim::SubOp>(a, b); }
  Value mul(Value a, Value b) { return make<prim::MulOp>(a, b); }
  Value div(Value a, Value b) { return make<prim::DivOp>(a, b); }
  Value max(Value a, Value b) { return make<prim::MaxOp>(a, b); }
  Value min(Value a, Value b) { return make<prim::MinOp>(a, b); }
  Value exp(Value a) { return make<prim::ExpOp>(a); }
  Value log(Value a) { return make<prim::LogOp>(a); }
  Value tanh(Value a) { return make<prim::TanhOp>(a); }
  /// a * factor.
  Value scale(Value a, double factor) { return mul(a, splat(a, factor)); }
};

/// A rule for an activation built from its input by `build` (which may
/// refuse an attribute's value); `floatOnly` refuses integer inputs.
Rule activationRule(std::function<FailureOr<Value>(NodeContext &, Value)> build,
                    bool floatOnly = true) {
  return [build, floatOnly](NodeContext &ctx) -> FailureOr<Results> {
    if (ctx.numInputs() != 1)
      return ctx.failure<Results>("expects 1 input");
    if (floatOnly && !isa<FloatType>(ctx.inputType(0).getElementType()))
      return ctx.failure<Results>("needs a floating-point input");
    FailureOr<Value> y = build(ctx, ctx.input(0));
    if (failed(y))
      return failure();
    return Results{*y};
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

/// log(1 + t) for t >= 0, accurate for small t too (Kahan's log1p: with
/// u = 1 + t rounded, log(u) * t / (u - 1), or t where u is 1).
Value logOnePlus(NodeContext &ctx, Value t) {
  Ops o{ctx};
  Value one = o.splat(t, 1);
  Value u = o.add(one, t);
  Value log = o.log(u);
  Value scaled = o.mul(t, o.div(log, o.sub(u, one)));
  return o.select(o.compare(CompareDirection::eq, u, one), t, scaled);
}

/// log(1 + e^x), as max(x, 0) + log1p(e^-|x|), which neither overflows nor
/// loses the small values of very negative x.
Value softplus(NodeContext &ctx, Value x) {
  Ops o{ctx};
  Value positive = o.max(x, o.splat(x, 0));
  Value decay = o.exp(o.make<prim::NegOp>(o.make<prim::AbsOp>(x)));
  return o.add(positive, logOnePlus(ctx, decay));
}

/// Selu with the row's defaults (opset 6 gave alpha and gamma more digits).
Rule seluRule(float alphaDefault, float gammaDefault) {
  return activationRule([=](NodeContext &ctx, Value x) -> Value {
    Ops o{ctx};
    double alpha = ctx.floatAttr("alpha", alphaDefault);
    double gamma = ctx.floatAttr("gamma", gammaDefault);
    // gamma * (x > 0 ? x : alpha * e^x - alpha)
    Value positive = o.compare(CompareDirection::gt, x, o.splat(x, 0));
    Value scaled = o.scale(o.exp(x), alpha);
    Value negative = o.sub(scaled, o.splat(x, alpha));
    return o.scale(o.select(positive, x, negative), gamma);
  });
}

FailureOr<Value> celu(NodeContext &ctx, Value x) {
  double alpha = ctx.floatAttr("alpha", 1.0f);
  if (alpha == 0)
    return ctx.failure<Value>("alpha must not be 0");
  Ops o{ctx};
  // max(0, x) + min(0, alpha * (e^(x / alpha) - 1))
  Value zero = o.splat(x, 0);
  Value positive = o.max(zero, x);
  Value e = o.exp(o.scale(x, 1 / alpha));
  Value em1 = o.sub(e, o.splat(x, 1));
  Value negative = o.min(zero, o.scale(em1, alpha));
  return o.add(positive, negative);
}

FailureOr<Value> gelu(NodeContext &ctx, Value x) {
  std::string approximate = ctx.stringAttr("approximate", "none");
  if (approximate != "none" && approximate != "tanh")
    return ctx.failure<Value>("approximate must be 'none' or 'tanh', got '" +
                              approximate + "'");
  Ops o{ctx};
  // x / 2 * (1 + erf(x / sqrt(2))), or with tanh:
  // x / 2 * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 * x^3))).
  Value t;
  if (approximate == "none") {
    t = o.make<prim::ErfOp>(o.scale(x, llvm::numbers::inv_sqrt2));
  } else {
    Value cube = o.mul(o.mul(x, x), x);
    Value inner = o.add(x, o.scale(cube, 0.044715));
    t = o.tanh(
        o.scale(inner, llvm::numbers::sqrt2 * llvm::numbers::inv_sqrtpi));
  }
  Value half = o.scale(x, 0.5);
  Value one = o.splat(x, 1);
  return o.mul(half, o.add(one, t));
}

/// PRelu: x < 0 ? slope * x : x, the slope broadcast to X (numpy rules in
/// one direction). Before opset 7 a 1-D slope other than a single value
/// holds one value per channel (dim 1 of X).
FailureOr<Results> convertPRelu(NodeContext &ctx) {
  Value x = ctx.input(0), slope = ctx.input(1);
  auto xt = ctx.inputType(0), st = ctx.inputType(1);
  if (xt.getElementType() != st.getElementType())
    return ctx.failure<Results>("inputs have different element types");
  if (ctx.version() < 9 && !isa<FloatType>(xt.getElementType()))
    return ctx.failure<Results>("integer inputs need opset 9");
  if (ctx.version() < 7 && st.getRank() == 1 && xt.getRank() >= 2 &&
      st.getDimSize(0) != 1) {
    Sizes channel(xt.getRank() - 1, ctx.b.getIndexAttr(1));
    channel[0] = sizesOf(ctx.b, ctx.loc, slope)[0];
    slope = reshape(ctx.b, ctx.loc, slope, channel);
    st = cast<RankedTensorType>(slope.getType());
  }
  if (st.getRank() > xt.getRank())
    return ctx.failure<Results>("the slope has a higher rank than X");
  int64_t offset = xt.getRank() - st.getRank();
  for (int64_t d = 0; d < st.getRank(); ++d) {
    int64_t s = st.getDimSize(d), xd = xt.getDimSize(offset + d);
    if (s != 1 && !ShapedType::isDynamic(s) && !ShapedType::isDynamic(xd) &&
        s != xd)
      return ctx.failure<Results>("slope dim " + Twine(s) +
                                  " does not broadcast to X dim " + Twine(xd));
  }
  Ops o{ctx};
  slope = broadcastLike(ctx.b, ctx.loc, slope, x);
  Value negative = o.compare(CompareDirection::lt, x, o.splat(x, 0));
  return Results{o.select(negative, o.mul(slope, x), x)};
}

/// x < -lambd ? x + bias : (x > lambd ? x - bias : 0). Integers are shrunk
/// in f64, as the float lambd and bias ask, and truncated back.
Value shrink(NodeContext &ctx, Value x) {
  Ops o{ctx};
  auto type = cast<RankedTensorType>(x.getType());
  bool integer = !isa<FloatType>(type.getElementType());
  if (integer)
    x = ctx.b.create<prim::ConvertOp>(ctx.loc, type.clone(ctx.b.getF64Type()),
                                      x);
  double lambd = ctx.floatAttr("lambd", 0.5f);
  double bias = ctx.floatAttr("bias", 0.0f);
  Value above = o.compare(CompareDirection::gt, x, o.splat(x, lambd));
  Value lowered = o.sub(x, o.splat(x, bias));
  Value high = o.select(above, lowered, o.splat(x, 0));
  Value below = o.compare(CompareDirection::lt, x, o.splat(x, -lambd));
  Value raised = o.add(x, o.splat(x, bias));
  Value y = o.select(below, raised, high);
  return integer ? ctx.b.create<prim::ConvertOp>(ctx.loc, type, y).getResult()
                 : y;
}

} // namespace

void dlc::onnx_to_prim::addActivationRules(RuleTable &table) {
  using namespace schema;
  const AttrSpec consumed = {"consumed_inputs", Ints};
  const AttrSpec alpha = {"alpha", Float};
  Rule relu = activationRule(
      [](NodeContext &ctx, Value x) -> Value {
        return ctx.b.create<prim::MaxOp>(ctx.loc, x,
                                         splatLike(ctx.b, ctx.loc, x, 0));
      },
      /*floatOnly=*/false);
  Rule sigmoid = activationRule([](NodeContext &ctx, Value x) -> Value {
    OpBuilder &b = ctx.b;
    Value one = splatLike(b, ctx.loc, x, 1.0);
    Value e = b.create<prim::ExpOp>(ctx.loc, b.create<prim::NegOp>(ctx.loc, x));
    return b.create<prim::DivOp>(ctx.loc, one,
                                 b.create<prim::AddOp>(ctx.loc, one, e));
  });
  for (const auto &[op, rule] :
       {std::pair<StringRef, Rule>{"Relu", relu}, {"Sigmoid", sigmoid}}) {
    table.add(op, 1, rule).attrs({consumed});
    table.add(op, 6, rule);
  }

  Rule leakyRelu = activationRule([](NodeContext &ctx, Value x) -> Value {
    OpBuilder &b = ctx.b;
    double alpha = ctx.floatAttr("alpha", 0.01f);
    Value zero = splatLike(b, ctx.loc, x, 0.0);
    Value negative =
        b.create<prim::CompareOp>(ctx.loc, prim::CompareDirection::lt, x, zero);
    Value scaled =
        b.create<prim::MulOp>(ctx.loc, x, splatLike(b, ctx.loc, x, alpha));
    return b.create<prim::SelectOp>(ctx.loc, negative, scaled, x);
  });
  table.add("LeakyRelu", 1, leakyRelu).attrs({alpha, consumed});
  table.add("LeakyRelu", 6, leakyRelu).attrs({alpha});
  Rule hardSigmoidRule = activationRule([](NodeContext &ctx, Value x) -> Value {
    return hardSigmoid(ctx, x, ctx.floatAttr("alpha", 0.2f),
                       ctx.floatAttr("beta", 0.5f));
  });
  table.add("HardSigmoid", 1, hardSigmoidRule)
      .attrs({alpha, {"beta", Float}, consumed});
  table.add("HardSigmoid", 6, hardSigmoidRule).attrs({alpha, {"beta", Float}});
  table.add("HardSwish", 14,
            activationRule([](NodeContext &ctx, Value x) -> Value {
              return ctx.b.create<prim::MulOp>(
                  ctx.loc, x, hardSigmoid(ctx, x, 1.0 / 6.0, 0.5));
            }));

  Rule elu = activationRule([](NodeContext &ctx, Value x) -> Value {
    Ops o{ctx};
    // x < 0 ? alpha * (e^x - 1) : x
    double alpha = ctx.floatAttr("alpha", 1.0f);
    Value negative = o.compare(CompareDirection::lt, x, o.splat(x, 0));
    Value e = o.exp(x);
    Value em1 = o.sub(e, o.splat(x, 1));
    return o.select(negative, o.scale(em1, alpha), x);
  });
  table.add("Elu", 1, elu).attrs({alpha, consumed});
  table.add("Elu", 6, elu).attrs({alpha});
  const AttrSpec gamma = {"gamma", Float};
  table.add("Selu", 1, seluRule(1.6732f, 1.0507f))
      .attrs({alpha, gamma, consumed});
  table
      .add("Selu", 6,
           seluRule(1.67326319217681884765625f, 1.05070102214813232421875f))
      .attrs({alpha, gamma});
  table.add("Celu", 12, activationRule(celu)).attrs({alpha});
  table
      .add("ThresholdedRelu", 10,
           activationRule([](NodeContext &ctx, Value x) -> Value {
             Ops o{ctx};
             // x > alpha ? x : 0
             Value alpha = o.splat(x, ctx.floatAttr("alpha", 1.0f));
             Value above = o.compare(CompareDirection::gt, x, alpha);
             return o.select(above, x, o.splat(x, 0));
           }))
      .attrs({alpha});
  table.add("Softplus", 1, activationRule(softplus));
  table.add("Softsign", 1,
            activationRule([](NodeContext &ctx, Value x) -> Value {
              Ops o{ctx};
              // x / (1 + |x|)
              Value one = o.splat(x, 1);
              return o.div(x, o.add(one, o.make<prim::AbsOp>(x)));
            }));
  table.add("Mish", 18, activationRule([](NodeContext &ctx, Value x) -> Value {
              Ops o{ctx};
              return o.mul(x, o.tanh(softplus(ctx, x)));
            }));
  table.add("Gelu", 20, activationRule(gelu)).attrs({{"approximate", String}});
  table.add("PRelu", 1, convertPRelu).inputs(2).attrs({consumed});
  table.add("PRelu", 6, convertPRelu).inputs(2);
  table.add("PRelu", 7, convertPRelu).inputs(2);
  table.add("Shrink", 9, activationRule(shrink, /*floatOnly=*/false))
      .attrs({{"lambd", Float}, {"bias", Float}});
}
