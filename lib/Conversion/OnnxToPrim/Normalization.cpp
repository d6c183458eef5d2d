//===- Normalization.cpp - Softmax, Hardmax, BatchNorm, LayerNorm --------===//
#include "OnnxToPrim.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
using namespace dlc;
using namespace dlc::onnx_to_prim;

Value dlc::onnx_to_prim::softmax(OpBuilder &b, Location loc, Value x,
                                 ArrayRef<int64_t> dims, bool log) {
  Value max = reduce(b, loc, prim::ReduceKind::max, x, dims, true);
  Value shifted = b.create<prim::SubOp>(loc, x, broadcastLike(b, loc, max, x));
  Value e = b.create<prim::ExpOp>(loc, shifted);
  Value sum = reduce(b, loc, prim::ReduceKind::sum, e, dims, true);
  if (log)
    return b.create<prim::SubOp>(
        loc, shifted,
        broadcastLike(b, loc, b.create<prim::LogOp>(loc, sum), x));
  return b.create<prim::DivOp>(loc, e, broadcastLike(b, loc, sum, x));
}

namespace {

RankedTensorType typeOf(Value v) { return cast<RankedTensorType>(v.getType()); }

/// Hardmax of `x` along `dim`: 1 at the first maximum, 0 elsewhere. The
/// first maximum's index is the least index of a maximum, found by a
/// min-reduction over the indices of the maxima (the others replaced by
/// the dim's size).
FailureOr<Value> hardmax(NodeContext &ctx, Value x, int64_t dim) {
  OpBuilder &b = ctx.b;
  Location loc = ctx.loc;
  auto type = typeOf(x);
  int64_t size = type.getDimSize(dim);
  if (ShapedType::isDynamic(size))
    return ctx.failure<Value>("Hardmax needs a static size along its axis");
  Value max = reduce(b, loc, prim::ReduceKind::max, x, {dim}, true);
  Value isMax = b.create<prim::CompareOp>(loc, prim::CompareDirection::eq, x,
                                          broadcastLike(b, loc, max, x));
  // As numpy's argmax, a NaN is the maximum (the max of its row is NaN, which
  // equals nothing).
  Value isNaN =
      b.create<prim::CompareOp>(loc, prim::CompareDirection::ne, x, x);
  isMax = b.create<prim::MaxOp>(loc, isMax, isNaN);
  // The index along `dim` of every element.
  SmallVector<int64_t> indices = llvm::to_vector(llvm::seq<int64_t>(0, size));
  Value iota = b.create<arith::ConstantOp>(
      loc, DenseElementsAttr::get(RankedTensorType::get({size}, b.getI64Type()),
                                  ArrayRef(indices)));
  SmallVector<int64_t> column(type.getRank() - dim, 1);
  column[0] = size;
  Value index = broadcastLike(b, loc, reshape(b, loc, iota, column), x);
  Value candidate = b.create<prim::SelectOp>(loc, isMax, index,
                                             splatLike(b, loc, index, size));
  Value first = reduce(b, loc, prim::ReduceKind::min, candidate, {dim}, true);
  Value hot = b.create<prim::CompareOp>(loc, prim::CompareDirection::eq, index,
                                        broadcastLike(b, loc, first, x));
  return b.create<prim::ConvertOp>(loc, type, hot).getResult();
}

using AlongAxis =
    std::function<FailureOr<Value>(NodeContext &, Value, int64_t)>;

/// A rule for Softmax, LogSoftmax and Hardmax, computed by `along` over one
/// dim of a float input. From opset 13 that is the `axis` dim (default -1);
/// before, the input is viewed as 2-D, [d0*..*d(axis-1), rest] (default
/// axis 1), and the op works along its dim 1.
Rule alongAxisRule(AlongAxis along) {
  return [along](NodeContext &ctx) -> FailureOr<Results> {
    if (ctx.numInputs() != 1)
      return ctx.failure<Results>("expects 1 input");
    auto xt = ctx.inputType(0);
    if (!isa<FloatType>(xt.getElementType()))
      return ctx.failure<Results>("needs a floating-point input");
    int64_t rank = xt.getRank();
    if (rank == 0)
      return ctx.failure<Results>("needs an input of rank >= 1");
    bool coerce = ctx.version() < 13;
    auto axis = normalizeAxis(ctx, ctx.intAttr("axis", coerce ? 1 : -1), rank);
    if (failed(axis))
      return failure();
    if (!coerce) {
      auto y = along(ctx, ctx.input(0), *axis);
      if (failed(y))
        return failure();
      return Results{*y};
    }
    Sizes sizes = sizesOf(ctx.b, ctx.loc, ctx.input(0));
    OpFoldResult outer = ctx.b.getIndexAttr(1), inner = outer;
    for (int64_t d = 0; d < rank; ++d) {
      OpFoldResult &part = d < *axis ? outer : inner;
      part = mulSize(ctx.b, ctx.loc, part, sizes[d]);
    }
    Value flat = reshape(ctx.b, ctx.loc, ctx.input(0), {outer, inner});
    auto y = along(ctx, flat, 1);
    if (failed(y))
      return failure();
    return Results{reshape(ctx.b, ctx.loc, *y, sizes)};
  };
}

/// Reshapes a per-channel [C] vector to broadcast against `like` at dim 1.
Value perChannel(NodeContext &ctx, Value v, Value like) {
  Sizes channelSizes(typeOf(like).getRank() - 1, ctx.b.getIndexAttr(1));
  channelSizes[0] = sizesOf(ctx.b, ctx.loc, v)[0];
  return broadcastLike(ctx.b, ctx.loc, reshape(ctx.b, ctx.loc, v, channelSizes),
                       like);
}

FailureOr<Results> convertBatchNorm(NodeContext &ctx) {
  if (ctx.numInputs() != 5)
    return ctx.failure<Results>("expects inputs X, scale, B, mean, var");
  // Training mode normalizes with batch statistics: before opset 7 unless
  // is_test=1, from opset 14 with training_mode=1.
  if (ctx.intAttr("training_mode", 0) != 0 ||
      (ctx.version() < 7 && ctx.intAttr("is_test", 0) == 0))
    return ctx.failure<Results>("training mode is not supported in inference");
  if (ctx.version() < 9 && ctx.intAttr("spatial", 1) == 0)
    return ctx.failure<Results>("spatial=0 is not supported");
  for (size_t i = 1; i < 5; ++i)
    if (ctx.outputUsed(i))
      return ctx.failure<Results>("training outputs are not supported");
  auto xt = ctx.inputType(0);
  if (xt.getRank() < 2 || !isa<FloatType>(xt.getElementType()))
    return ctx.failure<Results>("X must be a float tensor of rank >= 2");
  for (size_t i = 1; i < 5; ++i)
    if (ctx.inputType(i).getRank() != 1 ||
        ctx.inputType(i).getElementType() != xt.getElementType())
      return ctx.failure<Results>("scale, B, mean and var must be 1-D "
                                  "tensors of X's element type");
  OpBuilder &b = ctx.b;
  Location loc = ctx.loc;
  double epsilon = ctx.floatAttr("epsilon", 1e-5f);
  Value scale = ctx.input(1), bias = ctx.input(2), mean = ctx.input(3),
        var = ctx.input(4);
  // y = x * a + c with a = scale / sqrt(var + eps), c = B - mean * a.
  Value a = b.create<prim::DivOp>(
      loc, scale,
      b.create<prim::SqrtOp>(
          loc,
          b.create<prim::AddOp>(loc, var, splatLike(b, loc, var, epsilon))));
  Value c =
      b.create<prim::SubOp>(loc, bias, b.create<prim::MulOp>(loc, mean, a));
  Value x = ctx.input(0);
  Value y = b.create<prim::MulOp>(loc, x, perChannel(ctx, a, x));
  return Results{b.create<prim::AddOp>(loc, y, perChannel(ctx, c, x))};
}

FailureOr<Results> convertLayerNorm(NodeContext &ctx) {
  if (ctx.numInputs() < 2)
    return ctx.failure<Results>("expects inputs X and Scale");
  auto xt = ctx.inputType(0);
  if (!isa<FloatType>(xt.getElementType()))
    return ctx.failure<Results>("needs a floating-point input");
  auto axis = normalizeAxis(ctx, ctx.intAttr("axis", -1), xt.getRank());
  if (failed(axis))
    return failure();
  SmallVector<int64_t> dims;
  int64_t count = 1;
  for (int64_t d = *axis; d < xt.getRank(); ++d) {
    dims.push_back(d);
    count = xt.isDynamicDim(d) || ShapedType::isDynamic(count)
                ? ShapedType::kDynamic
                : count * xt.getDimSize(d);
  }
  if (ShapedType::isDynamic(count) || count <= 0)
    return ctx.failure<Results>("needs static normalized dims");
  OpBuilder &b = ctx.b;
  Location loc = ctx.loc;
  Value x = ctx.input(0);
  Value mean = reduce(b, loc, prim::ReduceKind::sum, x, dims, true);
  mean = b.create<prim::DivOp>(loc, mean, splatLike(b, loc, mean, count));
  Value centered =
      b.create<prim::SubOp>(loc, x, broadcastLike(b, loc, mean, x));
  Value var =
      reduce(b, loc, prim::ReduceKind::sum,
             b.create<prim::MulOp>(loc, centered, centered), dims, true);
  var = b.create<prim::DivOp>(loc, var, splatLike(b, loc, var, count));
  Value invStd = b.create<prim::DivOp>(
      loc, splatLike(b, loc, var, 1.0),
      b.create<prim::SqrtOp>(
          loc, b.create<prim::AddOp>(
                   loc, var,
                   splatLike(b, loc, var, ctx.floatAttr("epsilon", 1e-5f)))));
  Value y =
      b.create<prim::MulOp>(loc, centered, broadcastLike(b, loc, invStd, x));
  auto scaleType = ctx.inputType(1);
  if (scaleType.getElementType() != xt.getElementType() ||
      scaleType.getRank() > xt.getRank())
    return ctx.failure<Results>("Scale must broadcast to X");
  y = b.create<prim::MulOp>(loc, y, broadcastLike(b, loc, ctx.input(1), x));
  if (ctx.hasInput(2))
    y = b.create<prim::AddOp>(loc, y, broadcastLike(b, loc, ctx.input(2), x));
  return Results{y, mean, invStd};
}

} // namespace

void dlc::onnx_to_prim::addNormalizationRules(RuleTable &table) {
  using namespace schema;
  // Opset 13 changed Softmax/LogSoftmax/Hardmax from "flatten to 2-D at axis"
  // (default 1) to "normalize along axis" (default -1); the rule checks the
  // version.
  auto softmaxAlong = [](bool log) -> AlongAxis {
    return [log](NodeContext &ctx, Value x, int64_t dim) -> FailureOr<Value> {
      return softmax(ctx.b, ctx.loc, x, {dim}, log);
    };
  };
  std::pair<StringRef, AlongAxis> alongAxis[] = {
      {"Softmax", softmaxAlong(false)},
      {"LogSoftmax", softmaxAlong(true)},
      {"Hardmax", hardmax}};
  for (const auto &[op, along] : alongAxis) {
    table.add(op, 1, alongAxisRule(along)).attrs({{"axis", Int}});
    table.add(op, 13, alongAxisRule(along)).attrs({{"axis", Int}});
  }
  // Outputs 1-4 (running and saved statistics) exist for training; is_test
  // goes at opset 7, spatial at 9, training_mode comes at 14.
  const AttrSpec epsilon = {"epsilon", Float}, momentum = {"momentum", Float};
  table.add("BatchNormalization", 1, convertBatchNorm)
      .inputs(5)
      .outputs(1, 5)
      .attrs({{"consumed_inputs", Ints, Required},
              epsilon,
              {"is_test", Int},
              momentum,
              {"spatial", Int}});
  table.add("BatchNormalization", 6, convertBatchNorm)
      .inputs(5)
      .outputs(1, 5)
      .attrs({epsilon, {"is_test", Int}, momentum, {"spatial", Int}});
  table.add("BatchNormalization", 7, convertBatchNorm)
      .inputs(5)
      .outputs(1, 5)
      .attrs({epsilon, momentum, {"spatial", Int}});
  table.add("BatchNormalization", 9, convertBatchNorm)
      .inputs(5)
      .outputs(1, 5)
      .attrs({epsilon, momentum});
  table.add("BatchNormalization", 14, convertBatchNorm)
      .inputs(5)
      .outputs(1, 3)
      .attrs({epsilon, momentum, {"training_mode", Int}});
  table.add("LayerNormalization", 17, convertLayerNorm)
      .inputs(2, 3)
      .optional({2})
      .outputs(1, 3)
      .attrs({{"axis", Int}, epsilon, {"stash_type", Int}});
}
