//===- Shape.cpp - Constant, Flatten, Reshape, Transpose, Concat, Squeeze -===//
#include "IndexMath.h"

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
  Sizes sizes = sizesOf(ctx.b, ctx.loc, ctx.input(0));
  OpFoldResult outer = ctx.b.getIndexAttr(1), inner = outer;
  for (int64_t d = 0; d < rank; ++d) {
    OpFoldResult &part = d < axis ? outer : inner;
    part = mulSize(ctx.b, ctx.loc, part, sizes[d]);
  }
  return Results{reshape(ctx.b, ctx.loc, ctx.input(0), {outer, inner})};
}

FailureOr<Results> convertReshape(NodeContext &ctx) {
  auto xt = ctx.inputType(0);
  // The target: constants with ONNX's meaning (0 copies a dim, -1 is
  // inferred) and, from a computed shape, run-time sizes taken as they are.
  Sizes target;
  if (ctx.version() < 5) {
    auto shape = ctx.intsAttr("shape");
    if (!shape)
      return ctx.failure<Results>("needs a shape attribute");
    target = staticSizes(ctx.b, *shape);
  } else {
    auto shape = sizesFromTensor(ctx, ctx.input(1));
    if (failed(shape))
      return failure();
    target = *shape;
  }
  bool allowZero = ctx.intAttr("allowzero", 0) != 0;
  OpBuilder &b = ctx.b;
  Sizes inputSizes = sizesOf(b, ctx.loc, ctx.input(0));
  int64_t inferIndex = -1;
  Sizes sizes;
  // Entries known only at run time keep ONNX's meaning there: a 0 copies
  // the input's dim, a -1 read from data is inferred (below).
  SmallVector<int64_t> runTime;
  Location loc = ctx.loc;
  auto index = [&](int64_t v) -> Value {
    return b.create<arith::ConstantIndexOp>(loc, v);
  };
  auto equals = [&](Value v, int64_t c) -> Value {
    return b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::eq, v, index(c));
  };
  for (auto [i, entry] : llvm::enumerate(target)) {
    std::optional<int64_t> constant = getConstantIntValue(entry);
    if (!constant) {
      Value v = cast<Value>(entry);
      if (!allowZero && (int64_t)i < xt.getRank())
        v = b.create<arith::SelectOp>(loc, equals(v, 0),
                                      sizeValue(b, loc, inputSizes[i]), v);
      // A tensor's size is never -1; a value read from data may be.
      if (!cast<Value>(entry).getDefiningOp<prim::DimOp>())
        runTime.push_back(i);
      sizes.push_back(v);
      continue;
    }
    int64_t d = *constant;
    if (d == -1) {
      if (inferIndex >= 0)
        return ctx.failure<Results>("shape has more than one -1");
      inferIndex = i;
      sizes.push_back(OpFoldResult());
      continue;
    }
    if (d < -1)
      return ctx.failure<Results>("shape has a negative dim " + Twine(d));
    OpFoldResult size = b.getIndexAttr(d);
    if (d == 0 && !allowZero) {
      if ((int64_t)i >= xt.getRank())
        return ctx.failure<Results>("shape copies dim " + Twine(i) +
                                    ", which the input does not have");
      size = inputSizes[i];
    }
    sizes.push_back(size);
  }
  if (!runTime.empty() && inferIndex < 0) {
    // A run-time -1 is the element count over the others' (a zero product
    // divides by 1, failing the lowering's check of the count).
    Value known = index(1), numel = index(1);
    for (auto [i, size] : llvm::enumerate(sizes)) {
      Value v = sizeValue(b, loc, size);
      if (llvm::is_contained(runTime, (int64_t)i))
        v = b.create<arith::SelectOp>(loc, equals(v, -1), index(1), v);
      known = b.create<arith::MulIOp>(loc, known, v);
    }
    for (OpFoldResult size : inputSizes)
      numel = b.create<arith::MulIOp>(loc, numel, sizeValue(b, loc, size));
    known = b.create<arith::SelectOp>(loc, equals(known, 0), index(1), known);
    Value inferred = b.create<arith::DivUIOp>(loc, numel, known);
    for (int64_t i : runTime) {
      Value v = cast<Value>(sizes[i]);
      sizes[i] = b.create<arith::SelectOp>(loc, equals(v, -1), inferred, v)
                     .getResult();
    }
    return Results{reshape(b, loc, ctx.input(0), sizes)};
  }
  // Element counts as a static product and the dynamic sizes.
  struct Factors {
    int64_t product = 1;
    SmallVector<Value> dynamic;
  };
  auto factor = [](ArrayRef<OpFoldResult> list, Factors &f) {
    for (OpFoldResult size : list) {
      if (std::optional<int64_t> s = getConstantIntValue(size)) {
        if (llvm::MulOverflow(f.product, *s, f.product))
          return false;
      } else {
        f.dynamic.push_back(cast<Value>(size));
      }
    }
    return true;
  };
  Factors numel, known;
  Sizes others(sizes);
  if (inferIndex >= 0)
    others.erase(others.begin() + inferIndex);
  if (!factor(inputSizes, numel) || !factor(others, known))
    return ctx.failure<Results>("shape has too many elements");
  // Cancel the dynamic sizes both counts have (a 0 copies the input's), so
  // that [batch, 6] to [0, -1, 2] infers 3 at compile time.
  bool cancelled = true;
  for (Value size : known.dynamic) {
    auto *same = llvm::find(numel.dynamic, size);
    if (same == numel.dynamic.end()) {
      cancelled = false;
      break;
    }
    numel.dynamic.erase(same);
  }
  if (inferIndex < 0) {
    if (cancelled && numel.dynamic.empty() && known.product != numel.product)
      return ctx.failure<Results>("shape has " + Twine(known.product) +
                                  " elements, the input " +
                                  Twine(numel.product));
  } else if (known.product == 0) {
    return ctx.failure<Results>("cannot infer the -1 dim of a shape with "
                                "a 0 dim");
  } else if (cancelled && numel.dynamic.empty() &&
             numel.product % known.product != 0) {
    return ctx.failure<Results>(
        "cannot infer the -1 dim: " + Twine(numel.product) +
        " elements do not divide into " + Twine(known.product));
  } else if (cancelled && numel.product % known.product == 0) {
    OpFoldResult inferred = b.getIndexAttr(numel.product / known.product);
    for (Value size : numel.dynamic)
      inferred = mulSize(b, ctx.loc, inferred, size);
    sizes[inferIndex] = inferred;
  } else {
    // A count that does not divide fails the lowering's run-time check of
    // the element count.
    OpFoldResult all = b.getIndexAttr(1), rest = all;
    for (OpFoldResult size : inputSizes)
      all = mulSize(b, ctx.loc, all, size);
    for (OpFoldResult size : others)
      rest = mulSize(b, ctx.loc, rest, size);
    sizes[inferIndex] = divSize(b, ctx.loc, all, rest);
  }
  return Results{reshape(b, ctx.loc, ctx.input(0), sizes)};
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
    // Dynamic dims are checked at run time by the lowering.
    for (int64_t d = 0; d < rank; ++d) {
      int64_t size = t.getDimSize(d), first = ctx.inputType(0).getDimSize(d);
      if (d != *axis && size != first && !ShapedType::isDynamic(size) &&
          !ShapedType::isDynamic(first))
        return ctx.failure<Results>("inputs differ in dim " + Twine(d) + ": " +
                                    Twine(first) + " and " + Twine(size));
    }
    if (t.getDimSize(*axis) != 0)
      inputs.push_back(ctx.input(i));
  }
  if (inputs.empty())
    return Results{ctx.input(0)};
  if (inputs.size() == 1)
    return Results{inputs.front()};
  // Shapes joined: the sizes themselves.
  Sizes joined;
  for (Value input : inputs) {
    std::optional<Sizes> sizes = tracedSizes(ctx.b, input);
    if (!sizes || rank != 1) {
      joined.clear();
      break;
    }
    joined.append(*sizes);
  }
  if (!joined.empty())
    return Results{
        sizesTensor(ctx.b, ctx.loc, joined, ctx.inputType(0).getElementType())};
  return Results{ctx.b.create<prim::ConcatOp>(ctx.loc, inputs,
                                              ctx.b.getI64IntegerAttr(*axis))};
}

/// Axes from the attribute (before `inputSince`) or the optional 2nd input:
/// constants, or read at run time; none when absent.
FailureOr<std::optional<Sizes>> readAxes(NodeContext &ctx, int64_t inputSince) {
  if (ctx.version() < inputSince) {
    if (auto axes = ctx.intsAttr("axes"))
      return std::optional<Sizes>(staticSizes(ctx.b, *axes));
    return std::optional<Sizes>();
  }
  if (!ctx.hasInput(1))
    return std::optional<Sizes>();
  auto axes = sizesFromTensor(ctx, ctx.input(1));
  if (failed(axes))
    return failure();
  return std::optional<Sizes>(*axes);
}

/// Squeeze and Unsqueeze keep their output rank static (the input's minus or
/// plus the number of axes) with axes read at run time: each output dim's
/// size is selected in index arithmetic, folding to the plain mapping when
/// the axes are constants.
FailureOr<Results> convertSqueeze(NodeContext &ctx) {
  auto xt = ctx.inputType(0);
  auto axes = readAxes(ctx, 13);
  if (failed(axes))
    return failure();
  int64_t rank = xt.getRank();
  Sizes sizes = sizesOf(ctx.b, ctx.loc, ctx.input(0)), kept;
  // Empty axes squeeze every size-1 dim, like absent ones (as onnxruntime).
  if (!*axes || (*axes)->empty()) {
    for (int64_t d = 0; d < rank; ++d)
      if (xt.getDimSize(d) != 1)
        kept.push_back(sizes[d]);
    return Results{reshape(ctx.b, ctx.loc, ctx.input(0), kept)};
  }
  if (failed(checkAxes(ctx, **axes, rank)))
    return failure();
  int64_t outRank = rank - (int64_t)(*axes)->size();
  if (outRank < 0)
    return ctx.failure<Results>("has " + Twine((*axes)->size()) +
                                " axes for rank " + Twine(rank));
  IndexMath m(ctx.b, ctx.loc);
  Sizes positions;
  for (OpFoldResult axis : **axes) {
    positions.push_back(m.axis(axis, rank));
    std::optional<int64_t> d = getConstantIntValue(positions.back());
    if (d && xt.getDimSize(*d) != 1 && !xt.isDynamicDim(*d))
      return ctx.failure<Results>("cannot squeeze dim " + Twine(*d) +
                                  " of size " + Twine(xt.getDimSize(*d)));
  }
  // Input dim d, unless squeezed, is output dim `before` (the dims kept
  // before it). A squeezed dim that is not 1 at run time fails the
  // lowering's check of the element count.
  kept.assign(outRank, m.c(1));
  OpFoldResult before = m.c(0);
  for (int64_t d = 0; d < rank; ++d) {
    OpFoldResult squeezed = ctx.b.getBoolAttr(false);
    for (OpFoldResult p : positions)
      squeezed = m.orI(squeezed, m.eq(p, m.c(d)));
    for (int64_t k = 0; k < outRank; ++k)
      kept[k] = m.select(squeezed, kept[k],
                         m.select(m.eq(before, m.c(k)), sizes[d], kept[k]));
    before = m.add(before, m.select(squeezed, m.c(0), m.c(1)));
  }
  return Results{reshape(ctx.b, ctx.loc, ctx.input(0), kept)};
}

FailureOr<Results> convertUnsqueeze(NodeContext &ctx) {
  auto xt = ctx.inputType(0);
  auto axes = readAxes(ctx, 13);
  if (failed(axes))
    return failure();
  if (!*axes)
    return ctx.failure<Results>("needs axes");
  int64_t rank = xt.getRank() + (*axes)->size();
  if (failed(checkAxes(ctx, **axes, rank)))
    return failure();
  IndexMath m(ctx.b, ctx.loc);
  Sizes positions;
  for (OpFoldResult axis : **axes)
    positions.push_back(m.axis(axis, rank));
  // Output dim d is 1 where inserted, else input dim d - `before` (the dims
  // inserted before it).
  Sizes sizes = sizesOf(ctx.b, ctx.loc, ctx.input(0)), result;
  OpFoldResult before = m.c(0);
  for (int64_t d = 0; d < rank; ++d) {
    OpFoldResult inserted = ctx.b.getBoolAttr(false);
    for (OpFoldResult p : positions)
      inserted = m.orI(inserted, m.eq(p, m.c(d)));
    OpFoldResult from = m.sub(m.c(d), before), size = m.c(1);
    for (int64_t i = 0; i < xt.getRank(); ++i)
      size = m.select(m.eq(from, m.c(i)), sizes[i], size);
    result.push_back(m.select(inserted, m.c(1), size));
    before = m.add(before, m.select(inserted, m.c(1), m.c(0)));
  }
  return Results{reshape(ctx.b, ctx.loc, ctx.input(0), result)};
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
