//===- Contraction.cpp - MatMul, Gemm, Conv, ConvTranspose ----------------===//
#include "IndexMath.h"
#include "OnnxToPrim.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace dlc;
using namespace dlc::onnx_to_prim;

namespace {

/// Rejects [.., M, K] x [.., K', N] with static K != K' before prim.matmul
/// (whose type inference would otherwise fail on the user's model).
LogicalResult checkContraction(NodeContext &ctx, Value lhs, Value rhs) {
  auto l = cast<RankedTensorType>(lhs.getType());
  auto r = cast<RankedTensorType>(rhs.getType());
  int64_t k = l.getDimSize(l.getRank() - 1), k2 = r.getDimSize(r.getRank() - 2);
  if (!ShapedType::isDynamic(k) && !ShapedType::isDynamic(k2) && k != k2)
    return ctx.fail("contraction dims differ: " + Twine(k) + " vs " +
                    Twine(k2));
  return success();
}

FailureOr<Results> convertMatMul(NodeContext &ctx) {
  if (ctx.numInputs() != 2)
    return ctx.failure<Results>("expects 2 inputs");
  Value a = ctx.input(0), b = ctx.input(1);
  auto at = ctx.inputType(0), bt = ctx.inputType(1);
  if (at.getElementType() != bt.getElementType())
    return ctx.failure<Results>("inputs have different element types");
  if (at.getRank() == 0 || bt.getRank() == 0)
    return ctx.failure<Results>("inputs must have rank >= 1");
  OpBuilder &builder = ctx.b;
  Location loc = ctx.loc;
  Sizes as = sizesOf(builder, loc, a), bs = sizesOf(builder, loc, b);
  OpFoldResult one = builder.getIndexAttr(1);
  bool squeezeM = at.getRank() == 1, squeezeN = bt.getRank() == 1;
  if (squeezeM)
    as.insert(as.begin(), one);
  if (squeezeN)
    bs.push_back(one);
  a = reshape(builder, loc, a, as);
  b = reshape(builder, loc, b, bs);
  int64_t aBatch = as.size() - 2, bBatch = bs.size() - 2;
  // The result: [batch..., M, N], without M or N where they were squeezed.
  Sizes resultSizes;
  auto finish = [&](Value product) -> FailureOr<Results> {
    if (squeezeN)
      resultSizes.pop_back();
    if (squeezeM)
      resultSizes.erase(resultSizes.end() - (squeezeN ? 1 : 2));
    return Results{reshape(builder, loc, product, resultSizes)};
  };
  if (failed(checkContraction(ctx, a, b)))
    return failure();
  if (bBatch == 0 && aBatch > 0) {
    // [batch..., M, K] x [K, N] is one GEMM over [batch * M, K].
    OpFoldResult rows = one;
    for (int64_t d = 0; d <= aBatch; ++d)
      rows = mulSize(builder, loc, rows, as[d]);
    Value flat = reshape(builder, loc, a, {rows, as.back()});
    Value product = builder.create<prim::MatmulOp>(loc, flat, b);
    resultSizes.assign(as.begin(), as.end() - 1);
    resultSizes.push_back(bs.back());
    return finish(product);
  }
  // Broadcast the batch dimensions against each other.
  int64_t batchRank = std::max(aBatch, bBatch);
  Sizes batch(batchRank);
  for (int64_t i = 0; i < batchRank; ++i) {
    int64_t ai = i - (batchRank - aBatch), bi = i - (batchRank - bBatch);
    OpFoldResult da = ai >= 0 ? as[ai] : one, db = bi >= 0 ? bs[bi] : one;
    std::optional<int64_t> sa = getConstantIntValue(da),
                           sb = getConstantIntValue(db);
    if (sa && sb && *sa != *sb && *sa != 1 && *sb != 1)
      return ctx.failure<Results>("batch dims " + Twine(*sa) + " and " +
                                  Twine(*sb) + " do not broadcast");
    // A dynamic batch dim is not broadcast from 1: the lowering checks that
    // two of them are equal, and that one meeting a static dim has its size.
    batch[i] = sa == 1 ? db : sb == 1 ? da : sa ? da : db;
  }
  auto withBatch = [&](Value v, const Sizes &sizes) {
    Sizes shape(batch);
    shape.append(sizes.end() - 2, sizes.end());
    return broadcastTo(builder, loc, v, shape);
  };
  a = withBatch(a, as);
  b = withBatch(b, bs);
  Value product = builder.create<prim::MatmulOp>(loc, a, b);
  resultSizes = batch;
  resultSizes.push_back(as[as.size() - 2]);
  resultSizes.push_back(bs.back());
  return finish(product);
}

Value transpose2d(OpBuilder &b, Location loc, Value v) {
  return b.create<prim::TransposeOp>(loc, v, b.getDenseI64ArrayAttr({1, 0}));
}

FailureOr<Results> convertGemm(NodeContext &ctx) {
  if (ctx.numInputs() < 2 || ctx.inputType(0).getRank() != 2 ||
      ctx.inputType(1).getRank() != 2)
    return ctx.failure<Results>("expects 2-D inputs A and B");
  Value a = ctx.input(0), b = ctx.input(1);
  if (ctx.intAttr("transA", 0))
    a = transpose2d(ctx.b, ctx.loc, a);
  if (ctx.intAttr("transB", 0))
    b = transpose2d(ctx.b, ctx.loc, b);
  if (failed(checkContraction(ctx, a, b)))
    return failure();
  Value y = ctx.b.create<prim::MatmulOp>(ctx.loc, a, b);
  double alpha = ctx.floatAttr("alpha", 1.0f),
         beta = ctx.floatAttr("beta", 1.0f);
  if (alpha != 1.0)
    y = ctx.b.create<prim::MulOp>(ctx.loc, y,
                                  splatLike(ctx.b, ctx.loc, y, alpha));
  if (ctx.hasInput(2) && beta != 0.0) {
    if (ctx.inputType(2).getRank() > 2)
      return ctx.failure<Results>("C must have rank <= 2");
    Value c = broadcastLike(ctx.b, ctx.loc, ctx.input(2), y);
    if (beta != 1.0)
      c = ctx.b.create<prim::MulOp>(ctx.loc, c,
                                    splatLike(ctx.b, ctx.loc, c, beta));
    y = ctx.b.create<prim::AddOp>(ctx.loc, y, c);
  }
  return Results{y};
}

} // namespace

/// Pads [begin..., end...], resolving auto_pad.
static FailureOr<SmallVector<int64_t>>
resolvePads(NodeContext &ctx, ArrayRef<int64_t> inputShape,
            ArrayRef<int64_t> kernel, ArrayRef<int64_t> strides,
            ArrayRef<int64_t> dilations) {
  size_t n = kernel.size();
  std::string autoPad = ctx.stringAttr("auto_pad", "NOTSET");
  if (autoPad == "NOTSET") {
    SmallVector<int64_t> pads =
        ctx.intsAttr("pads").value_or(SmallVector<int64_t>(2 * n, 0));
    if (pads.size() != 2 * n)
      return ctx.failure<SmallVector<int64_t>>(
          "pads has " + Twine(pads.size()) + " entries, expected " +
          Twine(2 * n));
    if (llvm::any_of(pads, [](int64_t p) { return p < 0 || p > (1 << 30); }))
      return ctx.failure<SmallVector<int64_t>>("pads must be in [0, 2^30]");
    return pads;
  }
  SmallVector<int64_t> pads(2 * n, 0);
  if (autoPad == "VALID")
    return pads;
  if (autoPad != "SAME_UPPER" && autoPad != "SAME_LOWER")
    return ctx.failure<SmallVector<int64_t>>("unknown auto_pad '" + autoPad +
                                             "'");
  for (size_t i = 0; i < n; ++i) {
    int64_t size = inputShape[i];
    if (ShapedType::isDynamic(size))
      return ctx.failure<SmallVector<int64_t>>(
          "auto_pad needs static spatial dims");
    int64_t out = (size + strides[i] - 1) / strides[i];
    int64_t total = std::max<int64_t>(
        0, (out - 1) * strides[i] + (kernel[i] - 1) * dilations[i] + 1 - size);
    int64_t small = total / 2;
    pads[i] = autoPad == "SAME_UPPER" ? small : total - small;
    pads[i + n] = total - pads[i];
  }
  return pads;
}

FailureOr<WindowAttrs> dlc::onnx_to_prim::readWindowAttrs(
    NodeContext &ctx, ArrayRef<int64_t> inputShape, ArrayRef<int64_t> kernel) {
  int64_t spatial = kernel.size();
  WindowAttrs attrs;
  attrs.strides =
      ctx.intsAttr("strides").value_or(SmallVector<int64_t>(spatial, 1));
  attrs.dilations =
      ctx.intsAttr("dilations").value_or(SmallVector<int64_t>(spatial, 1));
  if ((int64_t)attrs.strides.size() != spatial ||
      (int64_t)attrs.dilations.size() != spatial)
    return ctx.failure<WindowAttrs>("strides/dilations need one entry per "
                                    "spatial dim");
  auto positive = [](int64_t v) { return v >= 1; };
  if (!llvm::all_of(attrs.strides, positive) ||
      !llvm::all_of(attrs.dilations, positive) ||
      !llvm::all_of(kernel, positive))
    return ctx.failure<WindowAttrs>(
        "kernel sizes, strides and dilations must be >= 1");
  auto pads =
      resolvePads(ctx, inputShape, kernel, attrs.strides, attrs.dilations);
  if (failed(pads))
    return failure();
  attrs.pads = std::move(*pads);
  return attrs;
}

namespace {

FailureOr<Results> convertConv(NodeContext &ctx) {
  if (ctx.numInputs() < 2)
    return ctx.failure<Results>("expects inputs X and W");
  auto xt = ctx.inputType(0), wt = ctx.inputType(1);
  if (xt.getRank() != wt.getRank() || xt.getRank() < 3 || xt.getRank() > 5)
    return ctx.failure<Results>(
        "only 1-D to 3-D convolutions are supported (X has rank " +
        Twine(xt.getRank()) + ", W rank " + Twine(wt.getRank()) + ")");
  if (xt.getElementType() != wt.getElementType() ||
      !isa<FloatType>(xt.getElementType()))
    return ctx.failure<Results>("X and W must be of one float type");
  int64_t spatial = xt.getRank() - 2;
  SmallVector<int64_t> kernel(wt.getShape().drop_front(2));
  if (auto attr = ctx.intsAttr("kernel_shape")) {
    if (*attr != ArrayRef<int64_t>(kernel))
      return ctx.failure<Results>("kernel_shape differs from W's shape");
  }
  if (llvm::any_of(kernel, ShapedType::isDynamic))
    return ctx.failure<Results>("W must have static spatial dims");
  auto window = readWindowAttrs(ctx, xt.getShape().drop_front(2), kernel);
  if (failed(window))
    return failure();
  SmallVector<int64_t> strides = window->strides, dilations = window->dilations;
  const SmallVector<int64_t> *pads = &window->pads;
  Value x = ctx.input(0), w = ctx.input(1);
  SmallVector<int64_t> lo = {0, 0}, hi = {0, 0};
  lo.append(pads->begin(), pads->begin() + spatial);
  hi.append(pads->begin() + spatial, pads->end());
  if (spatial == 1) {
    // A 1-D convolution is a 2-D one over height 1 (which the 2-D kernels
    // of the runtime then run).
    auto withHeight = [&](Value v) {
      Sizes sizes = sizesOf(ctx.b, ctx.loc, v);
      sizes.insert(sizes.begin() + 2, ctx.b.getIndexAttr(1));
      return reshape(ctx.b, ctx.loc, v, sizes);
    };
    x = withHeight(x);
    w = withHeight(w);
    strides.insert(strides.begin(), 1);
    dilations.insert(dilations.begin(), 1);
    lo.insert(lo.begin() + 2, 0);
    hi.insert(hi.begin() + 2, 0);
  }
  if (llvm::any_of(lo, [](int64_t p) { return p != 0; }) ||
      llvm::any_of(hi, [](int64_t p) { return p != 0; }))
    x = ctx.b.create<prim::PadOp>(ctx.loc, x, ctx.b.getDenseI64ArrayAttr(lo),
                                  ctx.b.getDenseI64ArrayAttr(hi),
                                  ctx.b.getFloatAttr(xt.getElementType(), 0.0));
  // Check what prim.conv's type inference relies on.
  int64_t groups = ctx.intAttr("group", 1);
  int64_t channels = xt.getDimSize(1), features = wt.getDimSize(0);
  if (groups < 1 || ShapedType::isDynamic(channels) ||
      ShapedType::isDynamic(features) || channels % groups != 0 ||
      channels / groups != wt.getDimSize(1) || features % groups != 0)
    return ctx.failure<Results>(
        "X has " + Twine(channels) + " channels and W is [" + Twine(features) +
        ", " + Twine(wt.getDimSize(1)) +
        ", ...]: they do not fit group=" + Twine(groups));
  auto padded = cast<RankedTensorType>(x.getType());
  auto filter = cast<RankedTensorType>(w.getType());
  for (int64_t i = 0; i < padded.getRank() - 2; ++i) {
    int64_t size = padded.getDimSize(2 + i);
    int64_t span = dilations[i] * (filter.getDimSize(2 + i) - 1) + 1;
    if (!ShapedType::isDynamic(size) && span > size)
      return ctx.failure<Results>("the kernel is larger than the padded input");
  }
  Value y = ctx.b.create<prim::ConvOp>(
      ctx.loc, x, w, ctx.b.getDenseI64ArrayAttr(strides),
      ctx.b.getDenseI64ArrayAttr(dilations), ctx.b.getI64IntegerAttr(groups));
  auto yt = cast<RankedTensorType>(y.getType());
  if (ctx.hasInput(2)) {
    auto bt = ctx.inputType(2);
    if (bt.getRank() != 1)
      return ctx.failure<Results>("bias B must be 1-D");
    SmallVector<int64_t> biasShape(yt.getRank() - 1, 1);
    biasShape[0] = bt.getDimSize(0);
    Value bias = reshape(ctx.b, ctx.loc, ctx.input(2), biasShape);
    y = ctx.b.create<prim::AddOp>(ctx.loc, y,
                                  broadcastLike(ctx.b, ctx.loc, bias, y));
  }
  if (spatial == 1) {
    Sizes sizes = sizesOf(ctx.b, ctx.loc, y);
    sizes.erase(sizes.begin() + 2);
    y = reshape(ctx.b, ctx.loc, y, sizes);
  }
  return Results{y};
}

/// `x` with dim `dim` cut to [start, start + size) (a static range).
Value sliceDim(OpBuilder &b, Location loc, Value x, int64_t dim, int64_t start,
               int64_t size) {
  Sizes count = sizesOf(b, loc, x);
  Sizes first(count.size(), b.getIndexAttr(0));
  first[dim] = b.getIndexAttr(start);
  count[dim] = b.getIndexAttr(size);
  return sliceOf(b, loc, x, first, count);
}

/// ConvTranspose as the convolution it is the gradient of: the input with
/// stride - 1 zeros between its elements, padded by the kernel's extent
/// less the pads (cropped where that is negative), convolved with the
/// filter flipped and its channels swapped per group.
FailureOr<Results> convertConvTranspose(NodeContext &ctx) {
  OpBuilder &b = ctx.b;
  Location loc = ctx.loc;
  auto xt = ctx.inputType(0), wt = ctx.inputType(1);
  int64_t rank = xt.getRank(), spatial = rank - 2;
  if (wt.getRank() != rank || rank < 3 || rank > 5)
    return ctx.failure<Results>("only 1-D to 3-D transposed convolutions are "
                                "supported, with X and W of one rank");
  if (xt.getElementType() != wt.getElementType() ||
      !isa<FloatType>(xt.getElementType()))
    return ctx.failure<Results>("X and W must be of one float type");
  if (!wt.hasStaticShape())
    return ctx.failure<Results>("W must have a static shape");
  int64_t groups = ctx.intAttr("group", 1);
  int64_t channels = xt.getDimSize(1), perGroup = wt.getDimSize(1);
  if (groups < 1 || ShapedType::isDynamic(channels) ||
      channels != wt.getDimSize(0) || channels % groups != 0)
    return ctx.failure<Results>(
        "X has " + Twine(channels) + " channels and W is [" +
        Twine(wt.getDimSize(0)) +
        ", ...]: they do not fit group=" + Twine(groups));
  SmallVector<int64_t> kernel(wt.getShape().drop_front(2));
  auto readInts = [&](StringRef name, int64_t fill,
                      size_t count) -> FailureOr<SmallVector<int64_t>> {
    SmallVector<int64_t> v =
        ctx.intsAttr(name).value_or(SmallVector<int64_t>(count, fill));
    if (v.size() != count)
      return ctx.failure<SmallVector<int64_t>>(
          Twine(name) + " has " + Twine(v.size()) + " entries, expected " +
          Twine(count));
    return v;
  };
  auto strides = readInts("strides", 1, spatial);
  auto dilations = readInts("dilations", 1, spatial);
  auto outputPadding = readInts("output_padding", 0, spatial);
  auto pads = readInts("pads", 0, 2 * spatial);
  if (failed(strides) || failed(dilations) || failed(outputPadding) ||
      failed(pads))
    return failure();
  if (auto attr = ctx.intsAttr("kernel_shape"); attr && *attr != kernel)
    return ctx.failure<Results>("kernel_shape differs from W's shape");
  for (int64_t i = 0; i < spatial; ++i)
    if ((*strides)[i] < 1 || (*dilations)[i] < 1 || (*outputPadding)[i] < 0 ||
        (*outputPadding)[i] >= std::max((*strides)[i], (*dilations)[i]))
      return ctx.failure<Results>(
          "strides and dilations must be >= 1 and output_padding in [0, "
          "max(stride, dilation))");
  // output_shape or auto_pad fix the total padding per dim.
  std::string autoPad = ctx.stringAttr("auto_pad", "NOTSET");
  auto outputShape = ctx.intsAttr("output_shape");
  if (autoPad != "NOTSET" && autoPad != "VALID" && autoPad != "SAME_UPPER" &&
      autoPad != "SAME_LOWER")
    return ctx.failure<Results>("unknown auto_pad '" + autoPad + "'");
  if (outputShape || autoPad == "SAME_UPPER" || autoPad == "SAME_LOWER") {
    for (int64_t i = 0; i < spatial; ++i) {
      int64_t in = xt.getDimSize(2 + i);
      if (ShapedType::isDynamic(in))
        return ctx.failure<Results>("output_shape and auto_pad need static "
                                    "spatial dims");
      int64_t out = outputShape
                        ? (*outputShape)[outputShape->size() - spatial + i]
                        : in * (*strides)[i];
      int64_t total = (*strides)[i] * (in - 1) + (*outputPadding)[i] +
                      ((kernel[i] - 1) * (*dilations)[i] + 1) - out;
      // Rounded down, as ONNX's reference does (a negative total grows
      // the output at the end).
      int64_t half = llvm::divideFloorSigned(total, 2);
      bool upper = autoPad == "SAME_UPPER";
      (*pads)[i] = upper ? half : total - half;
      (*pads)[spatial + i] = upper ? total - half : half;
    }
  }
  Value x = ctx.input(0);
  // Zeros between the elements: [.., S, ..] -> [.., S, 1, ..] padded to
  // [.., S, s, ..], merged and cut to (S - 1) * s + 1.
  for (int64_t i = 0; i < spatial; ++i) {
    int64_t s = (*strides)[i], dim = 2 + i;
    if (s == 1)
      continue;
    Sizes sizes = sizesOf(b, loc, x);
    Sizes split(sizes);
    split.insert(split.begin() + dim + 1, b.getIndexAttr(1));
    Value y = reshape(b, loc, x, split);
    SmallVector<int64_t> low(rank + 1, 0), high(rank + 1, 0);
    high[dim + 1] = s - 1;
    y = b.create<prim::PadOp>(loc, y, b.getDenseI64ArrayAttr(low),
                              b.getDenseI64ArrayAttr(high),
                              b.getFloatAttr(xt.getElementType(), 0.0));
    Sizes merged(sizes);
    merged[dim] = mulSize(b, loc, sizes[dim], b.getIndexAttr(s));
    y = reshape(b, loc, y, merged);
    std::optional<int64_t> n = getConstantIntValue(sizes[dim]);
    if (!n)
      return ctx.failure<Results>("strided transposed convolutions need "
                                  "static spatial dims");
    x = sliceDim(b, loc, y, dim, 0, (*n - 1) * s + 1);
  }
  // The convolution's padding: the kernel's extent less the pads.
  SmallVector<int64_t> low(rank, 0), high(rank, 0);
  for (int64_t i = 0; i < spatial; ++i) {
    int64_t extent = (*dilations)[i] * (kernel[i] - 1);
    low[2 + i] = extent - (*pads)[i];
    high[2 + i] = extent - (*pads)[spatial + i] + (*outputPadding)[i];
  }
  SmallVector<int64_t> padLow(low), padHigh(high);
  for (int64_t d = 0; d < rank; ++d) {
    padLow[d] = std::max<int64_t>(0, low[d]);
    padHigh[d] = std::max<int64_t>(0, high[d]);
  }
  if (llvm::any_of(padLow, [](int64_t p) { return p > 0; }) ||
      llvm::any_of(padHigh, [](int64_t p) { return p > 0; }))
    x = b.create<prim::PadOp>(loc, x, b.getDenseI64ArrayAttr(padLow),
                              b.getDenseI64ArrayAttr(padHigh),
                              b.getFloatAttr(xt.getElementType(), 0.0));
  for (int64_t d = 2; d < rank; ++d) {
    if (low[d] >= 0 && high[d] >= 0)
      continue;
    int64_t size = cast<RankedTensorType>(x.getType()).getDimSize(d);
    if (ShapedType::isDynamic(size))
      return ctx.failure<Results>("pads beyond the kernel need static "
                                  "spatial dims");
    int64_t start = std::max<int64_t>(0, -low[d]);
    int64_t keep = size - start - std::max<int64_t>(0, -high[d]);
    if (keep < 1)
      return ctx.failure<Results>("the pads leave no output");
    x = sliceDim(b, loc, x, d, start, keep);
  }
  // W [C, F/g, K...] -> [F, C/g, K...], flipped: as [g, C/g, F/g, K...]
  // transposed to [g, F/g, C/g, K...] (all folded for a constant W).
  int64_t inPerGroup = channels / groups, features = perGroup * groups;
  SmallVector<int64_t> grouped = {groups, inPerGroup, perGroup};
  grouped.append(kernel);
  Value w = reshape(b, loc, ctx.input(1), grouped);
  SmallVector<int64_t> perm = {0, 2, 1};
  for (int64_t i = 0; i < spatial; ++i)
    perm.push_back(3 + i);
  w = b.create<prim::TransposeOp>(loc, w, b.getDenseI64ArrayAttr(perm));
  SmallVector<int64_t> filterShape = {features, inPerGroup};
  filterShape.append(kernel);
  w = reshape(b, loc, w, filterShape);
  for (int64_t i = 0; i < spatial; ++i) {
    SmallVector<int64_t> reversed;
    for (int64_t k = kernel[i] - 1; k >= 0; --k)
      reversed.push_back(k);
    Value indices = b.create<arith::ConstantOp>(
        loc, DenseIntElementsAttr::get(
                 RankedTensorType::get({kernel[i]}, b.getI64Type()), reversed));
    w = b.create<prim::GatherOp>(loc, cast<RankedTensorType>(w.getType()), w,
                                 indices, b.getI64IntegerAttr(2 + i));
  }
  auto padded = cast<RankedTensorType>(x.getType());
  for (int64_t i = 0; i < spatial; ++i) {
    int64_t size = padded.getDimSize(2 + i);
    if (!ShapedType::isDynamic(size) &&
        (*dilations)[i] * (kernel[i] - 1) + 1 > size)
      return ctx.failure<Results>("the pads leave no output");
  }
  Value y = b.create<prim::ConvOp>(
      loc, x, w, b.getDenseI64ArrayAttr(SmallVector<int64_t>(spatial, 1)),
      b.getDenseI64ArrayAttr(*dilations), b.getI64IntegerAttr(groups));
  if (ctx.hasInput(2)) {
    auto bt = ctx.inputType(2);
    if (bt.getRank() != 1 || bt.getDimSize(0) != features)
      return ctx.failure<Results>("bias B must be 1-D with " + Twine(features) +
                                  " elements");
    SmallVector<int64_t> biasShape(rank - 1, 1);
    biasShape[0] = features;
    Value bias = reshape(b, loc, ctx.input(2), biasShape);
    y = b.create<prim::AddOp>(loc, y, broadcastLike(b, loc, bias, y));
  }
  return Results{y};
}

} // namespace

void dlc::onnx_to_prim::addContractionRules(RuleTable &table) {
  using namespace schema;
  table.add("MatMul", 1, convertMatMul).inputs(2);
  // C is required before opset 11; broadcast is implicit from opset 7.
  table.add("Gemm", 1, convertGemm)
      .inputs(3)
      .attrs({{"alpha", Float},
              {"beta", Float},
              {"broadcast", Int},
              {"transA", Int},
              {"transB", Int}});
  table.add("Gemm", 7, convertGemm)
      .inputs(3)
      .attrs({{"alpha", Float},
              {"beta", Float},
              {"transA", Int},
              {"transB", Int}});
  table.add("Gemm", 11, convertGemm)
      .inputs(2, 3)
      .optional({2})
      .attrs({{"alpha", Float},
              {"beta", Float},
              {"transA", Int},
              {"transB", Int}});
  table.add("ConvTranspose", 1, convertConvTranspose)
      .inputs(2, 3)
      .optional({2})
      .attrs({{"auto_pad", String},
              {"dilations", Ints},
              {"group", Int},
              {"kernel_shape", Ints},
              {"output_padding", Ints},
              {"output_shape", Ints},
              {"pads", Ints},
              {"strides", Ints}});
  table.add("Conv", 1, convertConv)
      .inputs(2, 3)
      .optional({2})
      .attrs({{"auto_pad", String},
              {"dilations", Ints},
              {"group", Int},
              {"kernel_shape", Ints},
              {"pads", Ints},
              {"strides", Ints}});
}
