//===- Activation.cpp - Relu, Sigmoid, LeakyRelu, HardSigmoid, HardSwish -===//
#include "OnnxToPrim.h"

using namespace mlir;
using namespace dlc;
using namespace dlc::onnx_to_prim;

namespace {

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
}
