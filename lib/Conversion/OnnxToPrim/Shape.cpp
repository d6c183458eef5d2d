//===- Shape.cpp - Constant, Flatten, Reshape, Transpose, Concat, Squeeze -===//
#include "OnnxToPrim.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace dlc;
using namespace dlc::onnx_to_prim;

namespace {

FailureOr<Results> convertConstant(NodeContext &ctx) {
  DictionaryAttr attrs = ctx.node.getAttrs();
  OpBuilder &b = ctx.b;
  TypedAttr value;
  if (auto tensor = dyn_cast_or_null<ElementsAttr>(attrs.get("value")))
    value = tensor;
  else if (auto f = dyn_cast_or_null<FloatAttr>(attrs.get("value_float")))
    value = DenseElementsAttr::get(RankedTensorType::get({}, b.getF32Type()),
                                   ArrayRef<Attribute>(f));
  else if (auto i = dyn_cast_or_null<IntegerAttr>(attrs.get("value_int")))
    value = DenseElementsAttr::get(RankedTensorType::get({}, b.getI64Type()),
                                   ArrayRef<Attribute>(i));
  else if (auto fs =
               dyn_cast_or_null<DenseF32ArrayAttr>(attrs.get("value_floats")))
    value = DenseElementsAttr::get(
        RankedTensorType::get({(int64_t)fs.size()}, b.getF32Type()),
        fs.asArrayRef());
  else if (auto is =
               dyn_cast_or_null<DenseI64ArrayAttr>(attrs.get("value_ints")))
    value = DenseElementsAttr::get(
        RankedTensorType::get({(int64_t)is.size()}, b.getI64Type()),
        is.asArrayRef());
  else
    return ctx.failure<Results>(
        "needs a value, value_float(s) or value_int(s) attribute (sparse and "
        "string constants are not supported)");
  return Results{b.create<arith::ConstantOp>(ctx.loc, value)};
}

FailureOr<Results> convertFlatten(NodeContext &ctx) {
  if (ctx.numInputs() != 1)
    return ctx.failure<Results>("expects 1 input");
  auto xt = ctx.inputType(0);
  int64_t rank = xt.getRank(), axis = ctx.intAttr("axis", 1);
  if (axis < 0)
    axis += rank;
  if (axis < 0 || axis > rank)
    return ctx.failure<Results>("axis out of range");
  int64_t outer = 1, inner = 1;
  for (int64_t d = 0; d < rank; ++d) {
    int64_t size = xt.getDimSize(d);
    int64_t &part = d < axis ? outer : inner;
    part = ShapedType::isDynamic(size) || ShapedType::isDynamic(part)
               ? ShapedType::kDynamic
               : part * size;
  }
  return Results{reshape(ctx.b, ctx.loc, ctx.input(0), {outer, inner})};
}

FailureOr<Results> convertReshape(NodeContext &ctx) {
  auto xt = ctx.inputType(0);
  SmallVector<int64_t> target;
  if (ctx.version() < 5) {
    auto shape = ctx.intsAttr("shape");
    if (!shape)
      return ctx.failure<Results>("needs a shape attribute");
    target = *shape;
  } else {
    if (ctx.numInputs() != 2)
      return ctx.failure<Results>("expects inputs data and shape");
    auto shape = constantInts(ctx.input(1));
    if (!shape)
      return ctx.failure<Results>(
          "the shape input must be a constant (computed shapes need dynamic "
          "shape support)");
    target = *shape;
  }
  bool allowZero = ctx.intAttr("allowzero", 0) != 0;
  int64_t known = 1, inferIndex = -1;
  for (auto [i, d] : llvm::enumerate(target)) {
    if (d == 0 && !allowZero) {
      if ((int64_t)i >= xt.getRank())
        return ctx.failure<Results>("shape copies dim " + Twine(i) +
                                    ", which the input does not have");
      d = xt.getDimSize(i);
    }
    if (d == -1) {
      if (inferIndex >= 0)
        return ctx.failure<Results>("shape has more than one -1");
      inferIndex = i;
      continue;
    }
    if (d < 0)
      return ctx.failure<Results>("shape has a negative dim");
    if (llvm::MulOverflow(known, d, known))
      return ctx.failure<Results>("shape has too many elements");
  }
  if (!xt.hasStaticShape())
    return ctx.failure<Results>("needs a statically shaped input");
  if (inferIndex >= 0) {
    if (known == 0 || xt.getNumElements() % known != 0)
      return ctx.failure<Results>("cannot infer the -1 dim");
    target[inferIndex] = xt.getNumElements() / known;
  } else if (known != xt.getNumElements()) {
    return ctx.failure<Results>("shape has " + Twine(known) +
                                " elements, the input " +
                                Twine(xt.getNumElements()));
  }
  return Results{reshape(ctx.b, ctx.loc, ctx.input(0), target)};
}

FailureOr<Results> convertTranspose(NodeContext &ctx) {
  if (ctx.numInputs() != 1)
    return ctx.failure<Results>("expects 1 input");
  int64_t rank = ctx.inputType(0).getRank();
  SmallVector<int64_t> perm;
  if (auto attr = ctx.intsAttr("perm")) {
    perm = *attr;
    for (int64_t &p : perm)
      if (p < 0)
        p += rank;
  } else {
    for (int64_t d = rank - 1; d >= 0; --d)
      perm.push_back(d);
  }
  SmallVector<int64_t> sorted(perm);
  llvm::sort(sorted);
  if (!llvm::equal(sorted, llvm::seq<int64_t>(0, rank)))
    return ctx.failure<Results>("perm is not a permutation of the dims");
  return Results{ctx.b.create<prim::TransposeOp>(
      ctx.loc, ctx.input(0), ctx.b.getDenseI64ArrayAttr(perm))};
}

FailureOr<Results> convertConcat(NodeContext &ctx) {
  if (ctx.numInputs() < 1)
    return ctx.failure<Results>("expects inputs");
  int64_t rank = ctx.inputType(0).getRank();
  if (ctx.version() >= 4 && !ctx.hasAttr("axis"))
    return ctx.failure<Results>("needs an axis attribute");
  auto axis = normalizeAxis(ctx, ctx.intAttr("axis", 1), rank);
  if (failed(axis))
    return failure();
  SmallVector<Value> inputs;
  for (size_t i = 0; i < ctx.numInputs(); ++i) {
    auto t = ctx.inputType(i);
    if (t.getRank() != rank ||
        t.getElementType() != ctx.inputType(0).getElementType())
      return ctx.failure<Results>("inputs differ in rank or element type");
    for (int64_t d = 0; d < rank; ++d)
      if (d != *axis && t.getDimSize(d) != ctx.inputType(0).getDimSize(d))
        return ctx.failure<Results>("inputs differ in dim " + Twine(d));
    if (t.getDimSize(*axis) != 0)
      inputs.push_back(ctx.input(i));
  }
  if (inputs.empty())
    return Results{ctx.input(0)};
  if (inputs.size() == 1)
    return Results{inputs.front()};
  return Results{ctx.b.create<prim::ConcatOp>(ctx.loc, inputs,
                                              ctx.b.getI64IntegerAttr(*axis))};
}

/// Axes from the attribute (before `inputSince`) or the optional 2nd input.
FailureOr<std::optional<SmallVector<int64_t>>> readAxes(NodeContext &ctx,
                                                        int64_t inputSince) {
  if (ctx.version() < inputSince)
    return ctx.intsAttr("axes");
  if (!ctx.hasInput(1))
    return std::optional<SmallVector<int64_t>>();
  auto axes = constantInts(ctx.input(1));
  if (!axes)
    return ctx.failure<std::optional<SmallVector<int64_t>>>(
        "the axes input must be a constant");
  return std::optional<SmallVector<int64_t>>(*axes);
}

FailureOr<Results> convertSqueeze(NodeContext &ctx) {
  auto xt = ctx.inputType(0);
  auto axes = readAxes(ctx, 13);
  if (failed(axes))
    return failure();
  int64_t rank = xt.getRank();
  SmallVector<bool> drop(rank, false);
  // Empty axes squeeze every size-1 dim, like absent ones (as onnxruntime).
  if (!*axes || (*axes)->empty()) {
    for (int64_t d = 0; d < rank; ++d)
      drop[d] = xt.getDimSize(d) == 1;
  } else {
    for (int64_t axis : **axes) {
      auto d = normalizeAxis(ctx, axis, rank);
      if (failed(d))
        return failure();
      if (xt.getDimSize(*d) != 1 && !ShapedType::isDynamic(xt.getDimSize(*d)))
        return ctx.failure<Results>("cannot squeeze dim " + Twine(*d) +
                                    " of size " + Twine(xt.getDimSize(*d)));
      drop[*d] = true;
    }
  }
  SmallVector<int64_t> shape;
  for (int64_t d = 0; d < rank; ++d)
    if (!drop[d])
      shape.push_back(xt.getDimSize(d));
  return Results{reshape(ctx.b, ctx.loc, ctx.input(0), shape)};
}

FailureOr<Results> convertUnsqueeze(NodeContext &ctx) {
  auto xt = ctx.inputType(0);
  auto axes = readAxes(ctx, 13);
  if (failed(axes))
    return failure();
  if (!*axes)
    return ctx.failure<Results>("needs axes");
  int64_t rank = xt.getRank() + (*axes)->size();
  SmallVector<bool> inserted(rank, false);
  for (int64_t axis : **axes) {
    auto d = normalizeAxis(ctx, axis, rank);
    if (failed(d))
      return failure();
    if (inserted[*d])
      return ctx.failure<Results>("axes repeat " + Twine(*d));
    inserted[*d] = true;
  }
  SmallVector<int64_t> shape;
  int64_t next = 0;
  for (int64_t d = 0; d < rank; ++d)
    shape.push_back(inserted[d] ? 1 : xt.getDimSize(next++));
  return Results{reshape(ctx.b, ctx.loc, ctx.input(0), shape)};
}

} // namespace

void dlc::onnx_to_prim::addShapeRules(RuleTable &table) {
  using namespace schema;
  // Constant: value is optional from opset 11 (sparse_value, which the
  // importer refuses, may stand instead); opset 12 adds the value_* forms.
  table.add("Constant", 1, convertConstant)
      .inputs(0)
      .attrs({{"value", Tensor, Required}});
  table.add("Constant", 11, convertConstant)
      .inputs(0)
      .attrs({{"value", Tensor}});
  table.add("Constant", 12, convertConstant)
      .inputs(0)
      .attrs({{"value", Tensor},
              {"value_float", Float},
              {"value_floats", Floats},
              {"value_int", Int},
              {"value_ints", Ints},
              {"value_string", String},
              {"value_strings", Strings}});
  table.add("Flatten", 1, convertFlatten).attrs({{"axis", Int}});
  // Reshape: the shape attribute before opset 5, an input after.
  table.add("Reshape", 1, convertReshape)
      .attrs({{"consumed_inputs", Ints}, {"shape", Ints}});
  table.add("Reshape", 5, convertReshape).inputs(2);
  table.add("Reshape", 14, convertReshape)
      .inputs(2)
      .attrs({{"allowzero", Int}});
  table.add("Transpose", 1, convertTranspose).attrs({{"perm", Ints}});
  table.add("Concat", 1, convertConcat)
      .inputs(1, Variadic)
      .attrs({{"axis", Int}});
  table.add("Concat", 4, convertConcat)
      .inputs(1, Variadic)
      .attrs({{"axis", Int, Required}});
  // Squeeze/Unsqueeze: the axes attribute before opset 13, an input after
  // (optional for Squeeze).
  table.add("Squeeze", 1, convertSqueeze).attrs({{"axes", Ints}});
  table.add("Squeeze", 13, convertSqueeze).inputs(1, 2).optional({1});
  table.add("Unsqueeze", 1, convertUnsqueeze).attrs({{"axes", Ints, Required}});
  table.add("Unsqueeze", 13, convertUnsqueeze).inputs(2);
}
