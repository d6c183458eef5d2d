//===- Pooling.cpp - MaxPool, AveragePool, global pools -------------------===//
#include "OnnxToPrim.h"

#include "mlir/Dialect/Arith/IR/Arith.h"

using namespace mlir;
using namespace dlc;
using namespace dlc::onnx_to_prim;

namespace {

enum class PoolKind { Max, Average };

/// MaxPool's Indices: `index` holds row-major linear indices into the input
/// padded by `lo`/`hi`; returns them as indices into the unpadded `shape`,
/// whose spatial dims are row-major or, with `columnMajor`, column-major
/// (N and C always lead).
Value paddedToFlatIndex(NodeContext &ctx, Value index, ArrayRef<int64_t> shape,
                        ArrayRef<int64_t> lo, ArrayRef<int64_t> hi,
                        bool columnMajor) {
  OpBuilder &b = ctx.b;
  Location loc = ctx.loc;
  auto c = [&](int64_t v) { return splatLike(b, loc, index, (double)v); };
  int64_t rank = shape.size();
  // Unpadded coordinates, peeled off the padded linear index from the back.
  SmallVector<Value> coordinates(rank);
  Value rest = index;
  for (int64_t d = rank - 1; d >= 0; --d) {
    int64_t padded = shape[d] + lo[d] + hi[d];
    Value quotient = b.create<prim::DivOp>(loc, rest, c(padded));
    Value coordinate = b.create<prim::SubOp>(
        loc, rest, b.create<prim::MulOp>(loc, quotient, c(padded)));
    coordinates[d] = b.create<prim::SubOp>(loc, coordinate, c(lo[d]));
    rest = quotient;
  }
  SmallVector<int64_t> order; // dims from the fastest-varying one
  if (columnMajor)
    for (int64_t d = 2; d < rank; ++d)
      order.push_back(d);
  else
    for (int64_t d = rank - 1; d >= 2; --d)
      order.push_back(d);
  order.append({1, 0});
  Value flat;
  int64_t stride = 1;
  for (int64_t d : order) {
    Value term = b.create<prim::MulOp>(loc, coordinates[d], c(stride));
    flat = flat ? b.create<prim::AddOp>(loc, flat, term) : term;
    stride *= shape[d];
  }
  return flat;
}

FailureOr<Results> convertPool(NodeContext &ctx, PoolKind kind) {
  if (ctx.numInputs() != 1)
    return ctx.failure<Results>("expects 1 input");
  auto xt = ctx.inputType(0);
  Type elementType = xt.getElementType();
  if (xt.getRank() < 3)
    return ctx.failure<Results>("X must have rank >= 3");
  if (kind == PoolKind::Average && !isa<FloatType>(elementType))
    return ctx.failure<Results>("needs a floating-point input");
  int64_t spatial = xt.getRank() - 2;
  auto kernel = ctx.intsAttr("kernel_shape");
  if (!kernel || (int64_t)kernel->size() != spatial)
    return ctx.failure<Results>("kernel_shape needs one entry per spatial dim");
  ArrayRef<int64_t> in = xt.getShape().drop_front(2);
  if (llvm::any_of(in, ShapedType::isDynamic))
    return ctx.failure<Results>("pooling needs static spatial dims");
  auto attrs = readWindowAttrs(ctx, in, *kernel);
  if (failed(attrs))
    return failure();
  ArrayRef<int64_t> strides = attrs->strides, dilations = attrs->dilations;
  const SmallVector<int64_t> *pads = &attrs->pads;
  bool ceilMode = ctx.intAttr("ceil_mode", 0) != 0;

  // Output sizes, and the extra end padding ceil mode needs.
  SmallVector<int64_t> lo = {0, 0}, hi = {0, 0}, out;
  SmallVector<int64_t> extra(spatial, 0);
  for (int64_t i = 0; i < spatial; ++i) {
    int64_t pb = (*pads)[i], pe = (*pads)[i + spatial];
    int64_t span = dilations[i] * ((*kernel)[i] - 1) + 1;
    int64_t room = in[i] + pb + pe - span;
    if (room < 0)
      return ctx.failure<Results>("the window is larger than the padded input");
    int64_t size = room / strides[i] + 1;
    if (ceilMode && room % strides[i] != 0) {
      ++size;
      // The last window must start inside the input or the begin padding.
      if ((size - 1) * strides[i] >= in[i] + pb)
        --size;
    }
    extra[i] = std::max<int64_t>(0, (size - 1) * strides[i] + span -
                                        (in[i] + pb + pe));
    out.push_back(size);
    lo.push_back(pb);
    hi.push_back(pe + extra[i]);
  }

  Value x = ctx.input(0);
  OpBuilder &b = ctx.b;
  if (llvm::any_of(lo, [](int64_t p) { return p; }) ||
      llvm::any_of(hi, [](int64_t p) { return p; })) {
    // Average pooling only takes floats (checked above).
    TypedAttr value = kind == PoolKind::Max
                          ? limitAttr(b, elementType, /*highest=*/false)
                          : cast<TypedAttr>(b.getFloatAttr(elementType, 0.0));
    x = b.create<prim::PadOp>(ctx.loc, x, b.getDenseI64ArrayAttr(lo),
                              b.getDenseI64ArrayAttr(hi), value);
  }
  SmallVector<int64_t> window = {1, 1}, windowStrides = {1, 1},
                       windowDilations = {1, 1};
  window.append(kernel->begin(), kernel->end());
  windowStrides.append(strides.begin(), strides.end());
  windowDilations.append(dilations.begin(), dilations.end());
  auto reduceKind =
      kind == PoolKind::Max ? prim::ReduceKind::max : prim::ReduceKind::sum;
  Value y = b.create<prim::ReduceWindowOp>(
      ctx.loc, prim::ReduceKindAttr::get(b.getContext(), reduceKind), x,
      b.getDenseI64ArrayAttr(window), b.getDenseI64ArrayAttr(windowStrides),
      b.getDenseI64ArrayAttr(windowDilations));
  if (kind == PoolKind::Max) {
    if (!ctx.outputUsed(1))
      return Results{y};
    Value argmax = b.create<prim::ReduceWindowOp>(
        ctx.loc,
        prim::ReduceKindAttr::get(b.getContext(), prim::ReduceKind::argmax), x,
        b.getDenseI64ArrayAttr(window), b.getDenseI64ArrayAttr(windowStrides),
        b.getDenseI64ArrayAttr(windowDilations));
    return Results{y, paddedToFlatIndex(ctx, argmax, xt.getShape(), lo, hi,
                                        ctx.intAttr("storage_order", 0) != 0)};
  }

  // Divide each window sum by the number of elements it counts: all taps
  // inside the explicitly padded input (count_include_pad) or only the real
  // ones. The count is separable, a product of per-dimension counts.
  bool includePad = ctx.intAttr("count_include_pad", 0) != 0;
  SmallVector<SmallVector<double>> counts(spatial);
  for (int64_t i = 0; i < spatial; ++i) {
    int64_t pb = (*pads)[i], pe = (*pads)[i + spatial];
    int64_t first = includePad ? 0 : pb;
    int64_t last = includePad ? in[i] + pb + pe : in[i] + pb;
    for (int64_t o = 0; o < out[i]; ++o) {
      int64_t taps = 0;
      for (int64_t k = 0; k < (*kernel)[i]; ++k) {
        int64_t pos = o * strides[i] + k * dilations[i];
        taps += pos >= first && pos < last;
      }
      counts[i].push_back(std::max<int64_t>(taps, 1));
    }
  }
  // Multiply the per-dimension counts, each broadcast along its output dim;
  // dims whose windows all count the same fold into one scalar.
  auto yt = cast<RankedTensorType>(y.getType());
  Value divisor;
  double uniform = 1;
  for (int64_t i = 0; i < spatial; ++i) {
    if (llvm::all_equal(counts[i])) {
      uniform *= counts[i].front();
      continue;
    }
    SmallVector<Attribute> values;
    for (double count : counts[i])
      values.push_back(b.getFloatAttr(elementType, count));
    auto type = RankedTensorType::get({out[i]}, elementType);
    Value perDim = b.create<prim::BroadcastInDimOp>(
        ctx.loc, yt,
        b.create<arith::ConstantOp>(ctx.loc,
                                    DenseElementsAttr::get(type, values)),
        b.getDenseI64ArrayAttr({2 + i}));
    divisor =
        divisor ? b.create<prim::MulOp>(ctx.loc, divisor, perDim) : perDim;
  }
  if (!divisor || uniform != 1) {
    Value scalar = splatLike(b, ctx.loc, y, uniform);
    divisor =
        divisor ? b.create<prim::MulOp>(ctx.loc, divisor, scalar) : scalar;
  }
  return Results{b.create<prim::DivOp>(ctx.loc, y, divisor)};
}

FailureOr<Results> convertGlobalPool(NodeContext &ctx, PoolKind kind) {
  if (ctx.numInputs() != 1 || ctx.inputType(0).getRank() < 3)
    return ctx.failure<Results>("expects 1 input of rank >= 3");
  auto xt = ctx.inputType(0);
  SmallVector<int64_t> dims;
  int64_t count = 1;
  for (int64_t d = 2; d < xt.getRank(); ++d) {
    dims.push_back(d);
    count = xt.isDynamicDim(d) || ShapedType::isDynamic(count)
                ? ShapedType::kDynamic
                : count * xt.getDimSize(d);
  }
  if (kind == PoolKind::Max)
    return Results{reduce(ctx.b, ctx.loc, prim::ReduceKind::max, ctx.input(0),
                          dims, /*keepDims=*/true)};
  if (!isa<FloatType>(xt.getElementType()))
    return ctx.failure<Results>("needs a floating-point input");
  if (ShapedType::isDynamic(count) || count < 0)
    return ctx.failure<Results>("needs static spatial dims");
  Value sum = reduce(ctx.b, ctx.loc, prim::ReduceKind::sum, ctx.input(0), dims,
                     /*keepDims=*/true);
  return Results{ctx.b.create<prim::DivOp>(
      ctx.loc, sum, splatLike(ctx.b, ctx.loc, sum, (double)count))};
}

} // namespace

void dlc::onnx_to_prim::addPoolingRules(RuleTable &table) {
  using namespace schema;
  // Later versions add attributes (storage_order and the Indices output 8,
  // ceil_mode 10, dilations for AveragePool 19) that default to the older
  // behaviour, so one rule reads them all.
  Rule maxPool = [](NodeContext &ctx) {
    return convertPool(ctx, PoolKind::Max);
  };
  Rule averagePool = [](NodeContext &ctx) {
    return convertPool(ctx, PoolKind::Average);
  };
  const AttrSpec autoPad = {"auto_pad", String},
                 kernelShape = {"kernel_shape", Ints, Required},
                 pads = {"pads", Ints}, strides = {"strides", Ints},
                 ceilMode = {"ceil_mode", Int}, dilations = {"dilations", Ints};
  const AttrSpec storageOrder = {"storage_order", Int},
                 countIncludePad = {"count_include_pad", Int};
  table.add("MaxPool", 1, maxPool).attrs({autoPad, kernelShape, pads, strides});
  table.add("MaxPool", 8, maxPool)
      .outputs(1, 2)
      .attrs({autoPad, kernelShape, pads, strides, storageOrder});
  table.add("MaxPool", 10, maxPool)
      .outputs(1, 2)
      .attrs({autoPad, kernelShape, pads, strides, storageOrder, ceilMode,
              dilations});
  table.add("AveragePool", 1, averagePool)
      .attrs({autoPad, kernelShape, pads, strides});
  table.add("AveragePool", 7, averagePool)
      .attrs({autoPad, kernelShape, pads, strides, countIncludePad});
  table.add("AveragePool", 10, averagePool)
      .attrs({autoPad, kernelShape, pads, strides, countIncludePad, ceilMode});
  table.add("AveragePool", 19, averagePool)
      .attrs({autoPad, kernelShape, pads, strides, countIncludePad, ceilMode,
              dilations});
  table.add("GlobalAveragePool", 1, [](NodeContext &ctx) {
    return convertGlobalPool(ctx, PoolKind::Average);
  });
  table.add("GlobalMaxPool", 1, [](NodeContext &ctx) {
    return convertGlobalPool(ctx, PoolKind::Max);
  });
}
