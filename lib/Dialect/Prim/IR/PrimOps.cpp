//===- PrimOps.cpp - prim op verifiers, type inference, folders -----------===//
#include "dlc/Dialect/Prim/IR/PrimDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/IR/TypeUtilities.h"

using namespace mlir;
using namespace dlc::prim;

//===----------------------------------------------------------------------===//
// Constant helpers
//===----------------------------------------------------------------------===//

static int64_t byteWidth(Type elementType) {
  return (elementType.getIntOrFloatBitWidth() + 7) / 8;
}

LogicalResult dlc::prim::getElementBytes(ElementsAttr attr,
                                         SmallVectorImpl<char> &bytes) {
  auto type = cast<ShapedType>(attr.getType());
  if (!type.hasStaticShape() || !type.getElementType().isIntOrFloat() ||
      type.getElementType().isInteger(1))
    return failure();
  int64_t width = byteWidth(type.getElementType());
  int64_t numel = type.getNumElements();
  if (auto dense = dyn_cast<DenseElementsAttr>(attr)) {
    ArrayRef<char> raw = dense.getRawData();
    if (dense.isSplat()) {
      for (int64_t i = 0; i < numel; ++i)
        bytes.append(raw.begin(), raw.begin() + width);
      return success();
    }
    bytes.append(raw.begin(), raw.end());
    return success();
  }
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(attr)) {
    AsmResourceBlob *blob = resource.getRawHandle().getBlob();
    if (!blob || (int64_t)blob->getData().size() != numel * width)
      return failure();
    bytes.append(blob->getData().begin(), blob->getData().end());
    return success();
  }
  return failure();
}

FailureOr<SmallVector<int64_t>> dlc::prim::getIntElements(ElementsAttr attr) {
  auto type = cast<ShapedType>(attr.getType());
  if (!type.getElementType().isIntOrIndex())
    return failure();
  SmallVector<int64_t> values;
  if (auto dense = dyn_cast<DenseIntElementsAttr>(attr)) {
    for (const APInt &v : dense.getValues<APInt>())
      values.push_back(type.getElementType().isInteger(1) ? v.getZExtValue()
                                                          : v.getSExtValue());
    return values;
  }
  SmallVector<char> bytes;
  if (failed(getElementBytes(attr, bytes)))
    return failure();
  unsigned bits = type.getElementType().getIntOrFloatBitWidth();
  int64_t width = byteWidth(type.getElementType());
  for (size_t offset = 0; offset < bytes.size(); offset += width) {
    uint64_t raw = 0;
    std::memcpy(&raw, bytes.data() + offset, width);
    values.push_back(APInt(bits, raw).getSExtValue());
  }
  return values;
}

//===----------------------------------------------------------------------===//
// Shared inference helpers
//===----------------------------------------------------------------------===//

static RankedTensorType getRanked(Value v) {
  return dyn_cast<RankedTensorType>(v.getType());
}

static LogicalResult emitInferError(std::optional<Location> loc,
                                    const Twine &message) {
  return emitOptionalError(loc, message);
}

//===----------------------------------------------------------------------===//
// CompareOp
//===----------------------------------------------------------------------===//

LogicalResult
CompareOp::inferReturnTypes(MLIRContext *context, std::optional<Location> loc,
                            ValueRange operands, DictionaryAttr attributes,
                            OpaqueProperties properties, RegionRange regions,
                            SmallVectorImpl<Type> &inferred) {
  auto lhs = getRanked(operands[0]);
  if (!lhs)
    return emitInferError(loc, "prim.compare needs ranked operands");
  inferred.push_back(lhs.clone(IntegerType::get(context, 1)));
  return success();
}

//===----------------------------------------------------------------------===//
// SelectOp, ConvertOp
//===----------------------------------------------------------------------===//

LogicalResult SelectOp::verify() {
  if (getCond().getType().getShape() != getOnTrue().getType().getShape())
    return emitOpError("condition shape differs from the value shape");
  return success();
}

LogicalResult ConvertOp::verify() {
  if (getOperand().getType().getShape() != getResult().getType().getShape())
    return emitOpError("result shape differs from the operand shape");
  return success();
}

OpFoldResult ConvertOp::fold(FoldAdaptor) {
  if (getOperand().getType() == getResult().getType())
    return getOperand();
  return {};
}

//===----------------------------------------------------------------------===//
// BroadcastInDimOp
//===----------------------------------------------------------------------===//

LogicalResult BroadcastInDimOp::verify() {
  auto in = getOperand().getType();
  auto out = getResult().getType();
  if (in.getElementType() != out.getElementType())
    return emitOpError("element types differ");
  ArrayRef<int64_t> dims = getDims();
  if ((int64_t)dims.size() != in.getRank())
    return emitOpError("needs one entry in dims per operand dimension");
  for (auto [i, d] : llvm::enumerate(dims)) {
    if (d < 0 || d >= out.getRank() || (i > 0 && d <= dims[i - 1]))
      return emitOpError("dims must be strictly increasing result dimensions");
    int64_t inDim = in.getDimSize(i), outDim = out.getDimSize(d);
    if (inDim != 1 && !ShapedType::isDynamic(inDim) &&
        !ShapedType::isDynamic(outDim) && inDim != outDim)
      return emitOpError("operand dimension ")
             << i << " (" << inDim << ") cannot broadcast to result dimension "
             << d << " (" << outDim << ")";
  }
  if (!getSizes().empty() &&
      (int64_t)getSizes().size() != out.getNumDynamicDims())
    return emitOpError("needs one size per dynamic result dimension (")
           << out.getNumDynamicDims() << "), got " << getSizes().size();
  return success();
}

//===----------------------------------------------------------------------===//
// DimOp
//===----------------------------------------------------------------------===//

LogicalResult DimOp::verify() {
  int64_t rank = getOperand().getType().getRank();
  int64_t dim = getDimAttr().getInt();
  if (dim < 0 || dim >= rank)
    return emitOpError("dim ") << dim << " is out of range for rank " << rank;
  return success();
}

namespace {
/// Where a dynamic dim's size comes from: dim `dim` of `tensor`, or `size`.
struct DimSource {
  Value tensor;
  int64_t dim;
  Value size;
};
} // namespace

/// The size given for dynamic dim `dim` of `type` by an op's `sizes`.
static Value sizeOperand(OperandRange sizes, RankedTensorType type,
                         int64_t dim) {
  int64_t k = 0;
  for (int64_t d = 0; d < dim; ++d)
    k += type.isDynamicDim(d);
  return sizes[k];
}

/// Follows dynamic dim `dim` of `value` back through ops whose result dims
/// are their operands' (elementwise ops, transposes, broadcasts without
/// sizes) to an op's size operand or the earliest tensor having it.
static DimSource traceDim(Value value, int64_t dim) {
  while (cast<RankedTensorType>(value.getType()).isDynamicDim(dim)) {
    Operation *op = value.getDefiningOp();
    if (!op)
      break;
    if (op->hasTrait<OpTrait::Elementwise>() && op->getNumOperands() > 0) {
      // Their operands have the result's shape (the lowering checks it).
      value = op->getOperand(0);
    } else if (auto transpose = dyn_cast<TransposeOp>(op)) {
      dim = transpose.getPermutation()[dim];
      value = transpose.getOperand();
    } else if (auto reshape = dyn_cast<ReshapeOp>(op)) {
      return {value, dim,
              sizeOperand(reshape.getSizes(), reshape.getType(), dim)};
    } else if (auto slice = dyn_cast<DynamicSliceOp>(op)) {
      return {value, dim, sizeOperand(slice.getSizes(), slice.getType(), dim)};
    } else if (auto broadcast = dyn_cast<BroadcastInDimOp>(op)) {
      if (!broadcast.getSizes().empty())
        return {value, dim,
                sizeOperand(broadcast.getSizes(), broadcast.getType(), dim)};
      // Without sizes a dynamic result dim is its operand dim's.
      const int64_t *mapped = llvm::find(broadcast.getDims(), dim);
      if (mapped == broadcast.getDims().end())
        break;
      dim = mapped - broadcast.getDims().begin();
      value = broadcast.getOperand();
    } else {
      break;
    }
  }
  return {value, dim, {}};
}

bool dlc::prim::hasSize(Value size, Value tensor, int64_t dim) {
  DimSource source = traceDim(tensor, dim);
  if (source.size)
    return source.size == size;
  auto read = size.getDefiningOp<DimOp>();
  if (!read)
    return false;
  DimSource other = traceDim(read.getOperand(), read.getDimAttr().getInt());
  return !other.size && other.tensor == source.tensor &&
         other.dim == source.dim;
}

OpFoldResult DimOp::fold(FoldAdaptor) {
  auto type = getOperand().getType();
  int64_t dim = getDimAttr().getInt();
  if (dim < 0 || dim >= type.getRank())
    return {};
  if (!type.isDynamicDim(dim))
    return IntegerAttr::get(IndexType::get(getContext()), type.getDimSize(dim));
  // Read the size where it comes from, so that equal sizes are one value.
  DimSource source = traceDim(getOperand(), dim);
  if (source.size)
    return source.size;
  if (source.tensor == getOperand())
    return {};
  auto sourceType = cast<RankedTensorType>(source.tensor.getType());
  if (!sourceType.isDynamicDim(source.dim))
    return IntegerAttr::get(IndexType::get(getContext()),
                            sourceType.getDimSize(source.dim));
  getOperandMutable().assign(source.tensor);
  setDimAttr(IntegerAttr::get(IntegerType::get(getContext(), 64), source.dim));
  return getResult();
}

/// True when `sizes`, the sizes of `type`'s dynamic dims, are `value`'s.
static bool sizesAreOwn(OperandRange sizes, RankedTensorType type,
                        Value value) {
  if (value.getType() != type)
    return false;
  int64_t k = 0;
  for (int64_t d = 0; d < type.getRank(); ++d)
    if (type.isDynamicDim(d) && !hasSize(sizes[k++], value, d))
      return false;
  return true;
}

OpFoldResult BroadcastInDimOp::fold(FoldAdaptor adaptor) {
  // With sizes the operand's dims must equal them: a no-op only where they
  // are the operand's own.
  if (getOperand().getType() == getResult().getType() &&
      (getSizes().empty() ||
       sizesAreOwn(getSizes(), getResult().getType(), getOperand())))
    return getOperand();
  auto splat = dyn_cast_or_null<SplatElementsAttr>(adaptor.getOperand());
  if (splat && getResult().getType().hasStaticShape())
    return SplatElementsAttr::get(getResult().getType(),
                                  splat.getSplatValue<Attribute>());
  return {};
}

//===----------------------------------------------------------------------===//
// FromSizesOp, SizeAtOp, IotaOp
//===----------------------------------------------------------------------===//

LogicalResult FromSizesOp::verify() {
  auto type = getResult().getType();
  int64_t count = getSizes().size();
  if (type.getRank() > 1 || (type.getRank() == 0 && count != 1) ||
      (type.getRank() == 1 && type.getDimSize(0) != count))
    return emitOpError("needs a 1-D result with one element per size (or a "
                       "0-D one of one size), got ")
           << type << " for " << count;
  return success();
}

OpFoldResult FromSizesOp::fold(FoldAdaptor adaptor) {
  SmallVector<APInt> values;
  auto type = getResult().getType();
  unsigned bits = type.getElementTypeBitWidth();
  for (Attribute size : adaptor.getSizes()) {
    auto constant = dyn_cast_or_null<IntegerAttr>(size);
    if (!constant)
      return {};
    values.push_back(APInt(bits, constant.getInt(), /*isSigned=*/true));
  }
  return DenseIntElementsAttr::get(type, values);
}

LogicalResult SizeAtOp::verify() {
  auto type = getOperand().getType();
  int64_t index = getIndex();
  if (type.getRank() > 1 || !type.hasStaticShape() || index < 0 ||
      index >= type.getNumElements())
    return emitOpError("index ") << index << " is not an element of " << type;
  return success();
}

OpFoldResult SizeAtOp::fold(FoldAdaptor adaptor) {
  int64_t index = getIndex();
  auto type = getOperand().getType();
  if (index < 0 || !type.hasStaticShape() || index >= type.getNumElements())
    return {};
  if (auto sizes = getOperand().getDefiningOp<FromSizesOp>())
    return sizes.getSizes()[index];
  if (auto constant = dyn_cast_or_null<ElementsAttr>(adaptor.getOperand()))
    if (FailureOr<SmallVector<int64_t>> values = getIntElements(constant);
        succeeded(values))
      return IntegerAttr::get(IndexType::get(getContext()), (*values)[index]);
  return {};
}

LogicalResult IotaOp::verify() {
  auto type = getResult().getType();
  int64_t dim = getDim();
  if (dim < 0 || dim >= type.getRank())
    return emitOpError("dim ")
           << dim << " is out of range for rank " << type.getRank();
  if ((int64_t)getSizes().size() != type.getNumDynamicDims())
    return emitOpError("needs one size per dynamic result dimension (")
           << type.getNumDynamicDims() << "), got " << getSizes().size();
  return success();
}

//===----------------------------------------------------------------------===//
// GatherOp, DynamicSliceOp
//===----------------------------------------------------------------------===//

LogicalResult GatherOp::verify() {
  auto in = getOperand().getType();
  auto indices = getIndices().getType();
  auto out = getResult().getType();
  int64_t axis = getAxis();
  if (axis < 0 || axis >= in.getRank())
    return emitOpError("axis ")
           << axis << " is out of range for rank " << in.getRank();
  if (in.getElementType() != out.getElementType())
    return emitOpError("element types differ");
  SmallVector<int64_t> shape(in.getShape().take_front(axis));
  shape.append(indices.getShape().begin(), indices.getShape().end());
  shape.append(in.getShape().begin() + axis + 1, in.getShape().end());
  if (failed(verifyCompatibleShape(shape, out.getShape())))
    return emitOpError("result must have shape [operand dims before axis, "
                       "indices dims, operand dims after axis]");
  return success();
}

OpFoldResult GatherOp::fold(FoldAdaptor adaptor) {
  // Constant tables gathered at constant positions (a filter flipped or
  // regrouped at compile time); bounded so that folding stays cheap.
  auto table = dyn_cast_or_null<ElementsAttr>(adaptor.getOperand());
  auto positions = dyn_cast_or_null<ElementsAttr>(adaptor.getIndices());
  auto inType = getOperand().getType();
  auto outType = getResult().getType();
  if (!table || !positions || !outType.hasStaticShape() ||
      outType.getNumElements() > (int64_t(1) << 22))
    return {};
  FailureOr<SmallVector<int64_t>> indices = getIntElements(positions);
  SmallVector<char> bytes;
  if (failed(indices) || failed(getElementBytes(table, bytes)))
    return {};
  int64_t axis = getAxis(), size = inType.getDimSize(axis);
  if (size < 1)
    return {};
  int64_t outer = 1, inner = 1;
  for (int64_t d = 0; d < axis; ++d)
    outer *= inType.getDimSize(d);
  for (int64_t d = axis + 1; d < inType.getRank(); ++d)
    inner *= inType.getDimSize(d);
  int64_t width = byteWidth(inType.getElementType()) * inner;
  SmallVector<char> out;
  out.reserve(outType.getNumElements() * byteWidth(inType.getElementType()));
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t i : *indices) {
      int64_t at = std::clamp<int64_t>(i, 0, size - 1);
      const char *row = bytes.data() + (o * size + at) * width;
      out.append(row, row + width);
    }
  return DenseElementsAttr::getFromRawBuffer(outType, out);
}

LogicalResult DynamicSliceOp::verify() {
  auto in = getOperand().getType();
  auto out = getResult().getType();
  if (in.getElementType() != out.getElementType() ||
      in.getRank() != out.getRank())
    return emitOpError("operand and result differ in element type or rank");
  if ((int64_t)getStarts().size() != in.getRank() ||
      (int64_t)getStrides().size() != in.getRank())
    return emitOpError("needs a start and a stride per dimension");
  if (llvm::any_of(getStrides(), [](int64_t s) { return s < 1; }))
    return emitOpError("strides must be positive");
  if ((int64_t)getSizes().size() != out.getNumDynamicDims())
    return emitOpError("needs one size per dynamic result dimension (")
           << out.getNumDynamicDims() << "), got " << getSizes().size();
  return success();
}

//===----------------------------------------------------------------------===//
// ReshapeOp
//===----------------------------------------------------------------------===//

LogicalResult ReshapeOp::verify() {
  auto in = getOperand().getType();
  auto out = getResult().getType();
  if (in.getElementType() != out.getElementType())
    return emitOpError("element types differ");
  if (in.hasStaticShape() && out.hasStaticShape() &&
      in.getNumElements() != out.getNumElements())
    return emitOpError("changes the element count from ")
           << in.getNumElements() << " to " << out.getNumElements();
  if ((int64_t)getSizes().size() != out.getNumDynamicDims())
    return emitOpError("needs one size per dynamic result dimension (")
           << out.getNumDynamicDims() << "), got " << getSizes().size();
  return success();
}

OpFoldResult ReshapeOp::fold(FoldAdaptor adaptor) {
  auto type = getResult().getType();
  // With sizes the operand's dims must equal them: a no-op only where they
  // are the operand's own.
  if (getOperand().getType() == type &&
      (getSizes().empty() || sizesAreOwn(getSizes(), type, getOperand())))
    return getOperand();
  if (auto producer = getOperand().getDefiningOp<ReshapeOp>()) {
    getOperandMutable().assign(producer.getOperand());
    return getResult();
  }
  if (auto dense = dyn_cast_or_null<DenseElementsAttr>(adaptor.getOperand()))
    if (type.hasStaticShape())
      return dense.reshape(type);
  if (auto resource =
          dyn_cast_or_null<DenseResourceElementsAttr>(adaptor.getOperand()))
    if (type.hasStaticShape())
      return DenseResourceElementsAttr::get(type, resource.getRawHandle());
  return {};
}

//===----------------------------------------------------------------------===//
// TransposeOp
//===----------------------------------------------------------------------===//

LogicalResult
TransposeOp::inferReturnTypes(MLIRContext *context, std::optional<Location> loc,
                              ValueRange operands, DictionaryAttr attributes,
                              OpaqueProperties properties, RegionRange regions,
                              SmallVectorImpl<Type> &inferred) {
  TransposeOp::Adaptor adaptor(operands, attributes, properties, regions);
  auto in = getRanked(adaptor.getOperand());
  if (!in)
    return emitInferError(loc, "prim.transpose needs a ranked operand");
  ArrayRef<int64_t> perm = adaptor.getPermutation();
  if ((int64_t)perm.size() != in.getRank())
    return emitInferError(loc, "permutation length differs from the rank");
  SmallVector<bool> seen(perm.size(), false);
  SmallVector<int64_t> shape;
  for (int64_t p : perm) {
    if (p < 0 || p >= in.getRank() || seen[p])
      return emitInferError(loc, "permutation is not a permutation");
    seen[p] = true;
    shape.push_back(in.getDimSize(p));
  }
  inferred.push_back(in.clone(shape));
  return success();
}

OpFoldResult TransposeOp::fold(FoldAdaptor adaptor) {
  ArrayRef<int64_t> perm = getPermutation();
  if (llvm::equal(perm, llvm::seq<int64_t>(0, perm.size())))
    return getOperand();
  auto attr = dyn_cast_or_null<ElementsAttr>(adaptor.getOperand());
  auto inType = getOperand().getType();
  auto outType = getResult().getType();
  if (!attr || !outType.hasStaticShape())
    return {};
  if (auto splat = dyn_cast<SplatElementsAttr>(attr))
    return SplatElementsAttr::get(outType, splat.getSplatValue<Attribute>());
  SmallVector<char> bytes;
  if (failed(getElementBytes(attr, bytes)))
    return {};
  int64_t width = byteWidth(inType.getElementType());
  int64_t rank = inType.getRank();
  // Strides of the input, read through the permutation.
  SmallVector<int64_t> inStrides(rank, 1);
  for (int64_t d = rank - 2; d >= 0; --d)
    inStrides[d] = inStrides[d + 1] * inType.getDimSize(d + 1);
  SmallVector<char> out(bytes.size());
  SmallVector<int64_t> index(rank, 0);
  int64_t numel = outType.getNumElements();
  for (int64_t linear = 0; linear < numel; ++linear) {
    int64_t src = 0;
    for (int64_t d = 0; d < rank; ++d)
      src += index[d] * inStrides[perm[d]];
    std::memcpy(out.data() + linear * width, bytes.data() + src * width, width);
    for (int64_t d = rank - 1; d >= 0; --d) {
      if (++index[d] < outType.getDimSize(d))
        break;
      index[d] = 0;
    }
  }
  return DenseElementsAttr::getFromRawBuffer(outType, out);
}

//===----------------------------------------------------------------------===//
// SliceOp, PadOp, ConcatOp
//===----------------------------------------------------------------------===//

LogicalResult
SliceOp::inferReturnTypes(MLIRContext *context, std::optional<Location> loc,
                          ValueRange operands, DictionaryAttr attributes,
                          OpaqueProperties properties, RegionRange regions,
                          SmallVectorImpl<Type> &inferred) {
  SliceOp::Adaptor adaptor(operands, attributes, properties, regions);
  auto in = getRanked(adaptor.getOperand());
  ArrayRef<int64_t> start = adaptor.getStart(), limit = adaptor.getLimit(),
                    strides = adaptor.getStrides();
  if (!in || (int64_t)start.size() != in.getRank() ||
      limit.size() != start.size() || strides.size() != start.size())
    return emitInferError(loc, "prim.slice needs start/limit/strides per dim");
  SmallVector<int64_t> shape;
  for (int64_t d = 0; d < in.getRank(); ++d) {
    int64_t size = in.getDimSize(d);
    if (strides[d] <= 0 || start[d] < 0 || limit[d] < start[d] ||
        (!ShapedType::isDynamic(size) && limit[d] > size))
      return emitInferError(loc, "prim.slice bounds out of range in dim " +
                                     Twine(d));
    shape.push_back((limit[d] - start[d] + strides[d] - 1) / strides[d]);
  }
  inferred.push_back(in.clone(shape));
  return success();
}

LogicalResult
PadOp::inferReturnTypes(MLIRContext *context, std::optional<Location> loc,
                        ValueRange operands, DictionaryAttr attributes,
                        OpaqueProperties properties, RegionRange regions,
                        SmallVectorImpl<Type> &inferred) {
  PadOp::Adaptor adaptor(operands, attributes, properties, regions);
  auto in = getRanked(adaptor.getOperand());
  ArrayRef<int64_t> low = adaptor.getLow(), high = adaptor.getHigh();
  if (!in || (int64_t)low.size() != in.getRank() || high.size() != low.size())
    return emitInferError(loc, "prim.pad needs low/high per dim");
  if (adaptor.getValue().getType() != in.getElementType())
    return emitInferError(loc, "prim.pad value type differs from elements");
  SmallVector<int64_t> shape;
  for (int64_t d = 0; d < in.getRank(); ++d) {
    if (low[d] < 0 || high[d] < 0)
      return emitInferError(loc, "prim.pad amounts must be non-negative");
    int64_t size = in.getDimSize(d);
    shape.push_back(ShapedType::isDynamic(size) ? size
                                                : size + low[d] + high[d]);
  }
  inferred.push_back(in.clone(shape));
  return success();
}

LogicalResult
ConcatOp::inferReturnTypes(MLIRContext *context, std::optional<Location> loc,
                           ValueRange operands, DictionaryAttr attributes,
                           OpaqueProperties properties, RegionRange regions,
                           SmallVectorImpl<Type> &inferred) {
  ConcatOp::Adaptor adaptor(operands, attributes, properties, regions);
  if (operands.empty())
    return emitInferError(loc, "prim.concat needs at least one input");
  auto first = getRanked(operands[0]);
  int64_t dim = adaptor.getDim();
  if (!first || dim < 0 || dim >= first.getRank())
    return emitInferError(loc, "prim.concat dimension out of range");
  SmallVector<int64_t> shape(first.getShape());
  shape[dim] = 0;
  for (Value v : operands) {
    auto t = getRanked(v);
    if (!t || t.getRank() != first.getRank())
      return emitInferError(loc, "prim.concat inputs differ in rank");
    for (int64_t d = 0; d < t.getRank(); ++d) {
      if (d == dim)
        continue;
      if (!ShapedType::isDynamic(t.getDimSize(d)) &&
          !ShapedType::isDynamic(shape[d]) && t.getDimSize(d) != shape[d])
        return emitInferError(loc,
                              "prim.concat inputs differ in dim " + Twine(d));
    }
    if (ShapedType::isDynamic(shape[dim]) ||
        ShapedType::isDynamic(t.getDimSize(dim)))
      shape[dim] = ShapedType::kDynamic;
    else
      shape[dim] += t.getDimSize(dim);
  }
  inferred.push_back(first.clone(shape));
  return success();
}

//===----------------------------------------------------------------------===//
// ReduceOp, ReduceWindowOp
//===----------------------------------------------------------------------===//

LogicalResult
ReduceOp::inferReturnTypes(MLIRContext *context, std::optional<Location> loc,
                           ValueRange operands, DictionaryAttr attributes,
                           OpaqueProperties properties, RegionRange regions,
                           SmallVectorImpl<Type> &inferred) {
  ReduceOp::Adaptor adaptor(operands, attributes, properties, regions);
  auto in = getRanked(adaptor.getOperand());
  if (!in)
    return emitInferError(loc, "prim.reduce needs a ranked operand");
  ArrayRef<int64_t> dims = adaptor.getDims();
  SmallVector<int64_t> shape;
  for (auto [i, d] : llvm::enumerate(dims))
    if (d < 0 || d >= in.getRank() || (i > 0 && d <= dims[i - 1]))
      return emitInferError(loc, "prim.reduce dims must be sorted and valid");
  bool isArg = adaptor.getKind() == ReduceKind::argmax ||
               adaptor.getKind() == ReduceKind::argmin;
  if (isArg && dims.size() != 1)
    return emitInferError(loc, "prim.reduce argmax/argmin reduce one dim");
  if (!isArg && adaptor.getSelectLast())
    return emitInferError(loc, "prim.reduce select_last needs argmax/argmin");
  for (int64_t d = 0; d < in.getRank(); ++d)
    if (!llvm::is_contained(dims, d))
      shape.push_back(in.getDimSize(d));
  if (isArg)
    inferred.push_back(in.clone(shape, IntegerType::get(context, 64)));
  else
    inferred.push_back(in.clone(shape));
  return success();
}

LogicalResult ReduceWindowOp::inferReturnTypes(
    MLIRContext *context, std::optional<Location> loc, ValueRange operands,
    DictionaryAttr attributes, OpaqueProperties properties, RegionRange regions,
    SmallVectorImpl<Type> &inferred) {
  ReduceWindowOp::Adaptor adaptor(operands, attributes, properties, regions);
  auto in = getRanked(adaptor.getOperand());
  ArrayRef<int64_t> window = adaptor.getWindow(),
                    strides = adaptor.getStrides(),
                    dilations = adaptor.getDilations();
  if (!in || (int64_t)window.size() != in.getRank() ||
      strides.size() != window.size() || dilations.size() != window.size())
    return emitInferError(
        loc, "prim.reduce_window needs window/strides/dilations per dim");
  if (adaptor.getKind() == ReduceKind::argmin)
    return emitInferError(loc, "prim.reduce_window has no argmin");
  SmallVector<int64_t> shape;
  for (int64_t d = 0; d < in.getRank(); ++d) {
    if (window[d] < 1 || strides[d] < 1 || dilations[d] < 1)
      return emitInferError(loc, "prim.reduce_window sizes must be positive");
    int64_t size = in.getDimSize(d);
    if (ShapedType::isDynamic(size)) {
      shape.push_back(size);
      continue;
    }
    int64_t span = dilations[d] * (window[d] - 1) + 1;
    if (span > size)
      return emitInferError(loc, "prim.reduce_window window larger than dim " +
                                     Twine(d));
    shape.push_back((size - span) / strides[d] + 1);
  }
  if (adaptor.getKind() == ReduceKind::argmax)
    inferred.push_back(in.clone(shape, IntegerType::get(context, 64)));
  else
    inferred.push_back(in.clone(shape));
  return success();
}

//===----------------------------------------------------------------------===//
// CumsumOp
//===----------------------------------------------------------------------===//

LogicalResult CumsumOp::verify() {
  int64_t rank = getOperand().getType().getRank(), dim = getDim();
  if (dim < 0 || dim >= rank)
    return emitOpError("dim ") << dim << " is out of range for rank " << rank;
  return success();
}

//===----------------------------------------------------------------------===//
// MatmulOp, ConvOp
//===----------------------------------------------------------------------===//

static int64_t mergeDim(int64_t a, int64_t b) {
  return ShapedType::isDynamic(a) ? b : a;
}

static bool dimsConflict(int64_t a, int64_t b) {
  return !ShapedType::isDynamic(a) && !ShapedType::isDynamic(b) && a != b;
}

LogicalResult
MatmulOp::inferReturnTypes(MLIRContext *context, std::optional<Location> loc,
                           ValueRange operands, DictionaryAttr attributes,
                           OpaqueProperties properties, RegionRange regions,
                           SmallVectorImpl<Type> &inferred) {
  auto lhs = getRanked(operands[0]);
  auto rhs = getRanked(operands[1]);
  if (!lhs || !rhs || lhs.getRank() < 2 || lhs.getRank() != rhs.getRank())
    return emitInferError(loc, "prim.matmul needs operands of one rank >= 2");
  int64_t rank = lhs.getRank();
  SmallVector<int64_t> shape;
  for (int64_t d = 0; d < rank - 2; ++d) {
    if (dimsConflict(lhs.getDimSize(d), rhs.getDimSize(d)))
      return emitInferError(loc, "prim.matmul batch dims differ");
    shape.push_back(mergeDim(lhs.getDimSize(d), rhs.getDimSize(d)));
  }
  if (dimsConflict(lhs.getDimSize(rank - 1), rhs.getDimSize(rank - 2)))
    return emitInferError(loc, "prim.matmul contraction dims differ: " +
                                   Twine(lhs.getDimSize(rank - 1)) + " vs " +
                                   Twine(rhs.getDimSize(rank - 2)));
  shape.push_back(lhs.getDimSize(rank - 2));
  shape.push_back(rhs.getDimSize(rank - 1));
  inferred.push_back(lhs.clone(shape));
  return success();
}

LogicalResult
ConvOp::inferReturnTypes(MLIRContext *context, std::optional<Location> loc,
                         ValueRange operands, DictionaryAttr attributes,
                         OpaqueProperties properties, RegionRange regions,
                         SmallVectorImpl<Type> &inferred) {
  ConvOp::Adaptor adaptor(operands, attributes, properties, regions);
  auto in = getRanked(adaptor.getInput());
  auto filter = getRanked(adaptor.getFilter());
  if (!in || !filter || in.getRank() < 3 || in.getRank() > 5 ||
      filter.getRank() != in.getRank())
    return emitInferError(loc, "prim.conv needs input and filter of one rank "
                               "in 3..5");
  int64_t spatial = in.getRank() - 2;
  ArrayRef<int64_t> strides = adaptor.getStrides(),
                    dilations = adaptor.getDilations();
  int64_t groups = adaptor.getGroups();
  if ((int64_t)strides.size() != spatial ||
      (int64_t)dilations.size() != spatial || groups < 1)
    return emitInferError(loc, "prim.conv needs strides and dilations per "
                               "spatial dim and groups >= 1");
  int64_t channels = in.getDimSize(1), features = filter.getDimSize(0);
  if (!ShapedType::isDynamic(channels) &&
      (channels % groups != 0 ||
       dimsConflict(channels / groups, filter.getDimSize(1))))
    return emitInferError(loc, "prim.conv channel count does not match the "
                               "filter and groups");
  if (!ShapedType::isDynamic(features) && features % groups != 0)
    return emitInferError(loc, "prim.conv features not divisible by groups");
  SmallVector<int64_t> shape = {in.getDimSize(0), features};
  for (int64_t i = 0; i < spatial; ++i) {
    int64_t size = in.getDimSize(2 + i), k = filter.getDimSize(2 + i);
    if (strides[i] < 1 || dilations[i] < 1)
      return emitInferError(loc, "prim.conv strides/dilations must be >= 1");
    if (ShapedType::isDynamic(size) || ShapedType::isDynamic(k)) {
      shape.push_back(ShapedType::kDynamic);
      continue;
    }
    int64_t span = dilations[i] * (k - 1) + 1;
    if (span > size)
      return emitInferError(loc, "prim.conv kernel larger than the input");
    shape.push_back((size - span) / strides[i] + 1);
  }
  inferred.push_back(in.clone(shape));
  return success();
}

#define GET_OP_CLASSES
#include "dlc/Dialect/Prim/IR/PrimOps.cpp.inc"
