//===- OnnxToPrim.cpp - the convert-onnx-to-prim pass ---------------------===//
#include "OnnxToPrim.h"

#include "dlc/Conversion/OnnxToPrim.h"
#include "dlc/Conversion/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Matchers.h"
#include "llvm/Support/FormatVariadic.h"

namespace dlc {
#define GEN_PASS_DEF_CONVERTONNXTOPRIM
#include "dlc/Conversion/Passes.h.inc"
} // namespace dlc

using namespace mlir;
using namespace dlc;
using namespace dlc::onnx_to_prim;

//===----------------------------------------------------------------------===//
// NodeContext
//===----------------------------------------------------------------------===//

bool NodeContext::hasInput(size_t i) const {
  return i < numInputs() && !isa<NoneType>(input(i).getType());
}

int64_t NodeContext::intAttr(StringRef name, int64_t defaultValue) const {
  if (auto attr = dyn_cast_or_null<IntegerAttr>(node.getAttrs().get(name)))
    return attr.getInt();
  return defaultValue;
}

float NodeContext::floatAttr(StringRef name, float defaultValue) const {
  if (auto attr = dyn_cast_or_null<FloatAttr>(node.getAttrs().get(name)))
    return attr.getValueAsDouble();
  return defaultValue;
}

std::string NodeContext::stringAttr(StringRef name,
                                    StringRef defaultValue) const {
  if (auto attr = dyn_cast_or_null<StringAttr>(node.getAttrs().get(name)))
    return attr.str();
  return defaultValue.str();
}

std::optional<SmallVector<int64_t>>
NodeContext::intsAttr(StringRef name) const {
  if (auto attr =
          dyn_cast_or_null<DenseI64ArrayAttr>(node.getAttrs().get(name)))
    return SmallVector<int64_t>(attr.asArrayRef());
  return std::nullopt;
}

LogicalResult NodeContext::fail(const Twine &message) const {
  StringRef name = node.getNodeName();
  return emitError(loc) << "node '" << (name.empty() ? "<unnamed>" : name)
                        << "' (" << node.getOpType() << ", opset " << version()
                        << "): " << message;
}

//===----------------------------------------------------------------------===//
// RuleTable
//===----------------------------------------------------------------------===//

StringRef dlc::onnx_to_prim::attrKindName(AttrKind kind) {
  switch (kind) {
  case AttrKind::Int:
    return "int";
  case AttrKind::Float:
    return "float";
  case AttrKind::String:
    return "string";
  case AttrKind::Ints:
    return "ints";
  case AttrKind::Floats:
    return "floats";
  case AttrKind::Strings:
    return "strings";
  case AttrKind::Tensor:
    return "tensor";
  }
  llvm_unreachable("unknown AttrKind");
}

const AttrSpec *RuleTable::Entry::findAttr(StringRef name) const {
  for (const AttrSpec &spec : attributes)
    if (spec.name == name)
      return &spec;
  return nullptr;
}

RuleTable::Entry &RuleTable::add(StringRef opType, int64_t sinceVersion,
                                 Rule rule) {
  auto &entries = rules[opType];
  auto it = llvm::partition_point(entries, [&](const Entry &entry) {
    return entry.sinceVersion < sinceVersion;
  });
  if (it != entries.end() && it->sinceVersion == sinceVersion)
    llvm::report_fatal_error("two rows for " + opType + " since opset " +
                             Twine(sinceVersion));
  Entry entry;
  entry.sinceVersion = sinceVersion;
  entry.rule = std::move(rule);
  return *entries.insert(it, std::move(entry));
}

const RuleTable::Entry *RuleTable::lookup(StringRef opType,
                                          int64_t version) const {
  auto it = rules.find(opType);
  if (it == rules.end())
    return nullptr;
  const Entry *best = nullptr;
  for (const Entry &entry : it->second)
    if (entry.sinceVersion <= version)
      best = &entry;
  return best;
}

int64_t RuleTable::oldestVersion(StringRef opType) const {
  auto it = rules.find(opType);
  return it == rules.end() ? -1 : it->second.front().sinceVersion;
}

const RuleTable &dlc::onnx_to_prim::getRuleTable() {
  static const RuleTable table = [] {
    RuleTable t;
    addElementwiseRules(t);
    addActivationRules(t);
    addContractionRules(t);
    addPoolingRules(t);
    addNormalizationRules(t);
    addShapeRules(t);
    addReductionRules(t);
    addShapeValueRules(t);
    addIndexingRules(t);
    addLossRules(t);
    addLayoutRules(t);
    addPositionalRules(t);
    addSignalRules(t);
    return t;
  }();
  return table;
}

std::vector<OnnxToPrimOp> dlc::listOnnxToPrimOps() {
  std::vector<OnnxToPrimOp> ops;
  for (const auto &entry : getRuleTable().rows()) {
    OnnxToPrimOp &op = ops.emplace_back();
    op.opType = entry.getKey().str();
    for (const RuleTable::Entry &row : entry.getValue())
      op.sinceVersions.push_back(row.sinceVersion);
  }
  llvm::sort(ops, [](const OnnxToPrimOp &a, const OnnxToPrimOp &b) {
    return a.opType < b.opType;
  });
  return ops;
}

//===----------------------------------------------------------------------===//
// Shared builders
//===----------------------------------------------------------------------===//

Value dlc::onnx_to_prim::splatConstant(OpBuilder &b, Location loc,
                                       RankedTensorType type, double value,
                                       Value shapeSource) {
  Type elementType = type.getElementType();
  TypedAttr scalar;
  if (auto floatType = dyn_cast<FloatType>(elementType))
    scalar = b.getFloatAttr(floatType, value);
  else if (elementType.isInteger(1))
    scalar = b.getIntegerAttr(elementType, APInt(1, value != 0));
  else
    scalar = b.getIntegerAttr(elementType, static_cast<int64_t>(value));
  return splatConstant(b, loc, type, scalar, shapeSource);
}

Value dlc::onnx_to_prim::splatConstant(OpBuilder &b, Location loc,
                                       RankedTensorType type, TypedAttr value,
                                       Value shapeSource) {
  if (type.hasStaticShape())
    return b.create<arith::ConstantOp>(loc,
                                       DenseElementsAttr::get(type, value));
  Value scalar = b.create<arith::ConstantOp>(
      loc, DenseElementsAttr::get(type.clone(ArrayRef<int64_t>{}), value));
  SmallVector<Value> sizes;
  for (int64_t d = 0; shapeSource && d < type.getRank(); ++d)
    if (type.isDynamicDim(d))
      sizes.push_back(b.create<prim::DimOp>(loc, shapeSource, d));
  return b.create<prim::BroadcastInDimOp>(loc, type, scalar, sizes,
                                          b.getDenseI64ArrayAttr({}));
}

Value dlc::onnx_to_prim::iota(OpBuilder &b, Location loc, OpFoldResult count,
                              Type elementType) {
  std::optional<int64_t> length = getConstantIntValue(count);
  auto type = RankedTensorType::get({length.value_or(ShapedType::kDynamic)},
                                    elementType);
  SmallVector<Value> dynamic;
  if (!length)
    dynamic.push_back(cast<Value>(count));
  return b.create<prim::IotaOp>(loc, type, dynamic, b.getI64IntegerAttr(0));
}

Value dlc::onnx_to_prim::splatLike(OpBuilder &b, Location loc, Value like,
                                   double value) {
  return splatConstant(b, loc, cast<RankedTensorType>(like.getType()), value,
                       like);
}

Sizes dlc::onnx_to_prim::sizesOf(OpBuilder &b, Location loc, Value value) {
  auto type = cast<RankedTensorType>(value.getType());
  Sizes sizes;
  for (int64_t d = 0; d < type.getRank(); ++d)
    sizes.push_back(type.isDynamicDim(d)
                        ? OpFoldResult(b.create<prim::DimOp>(loc, value, d))
                        : OpFoldResult(b.getIndexAttr(type.getDimSize(d))));
  return sizes;
}

Sizes dlc::onnx_to_prim::staticSizes(OpBuilder &b, ArrayRef<int64_t> shape) {
  Sizes sizes;
  for (int64_t size : shape)
    sizes.push_back(b.getIndexAttr(size));
  return sizes;
}

Value dlc::onnx_to_prim::sizeValue(OpBuilder &b, Location loc,
                                   OpFoldResult size) {
  if (auto value = dyn_cast<Value>(size))
    return value;
  return b.create<arith::ConstantIndexOp>(
      loc, cast<IntegerAttr>(cast<Attribute>(size)).getInt());
}

OpFoldResult dlc::onnx_to_prim::mulSize(OpBuilder &b, Location loc,
                                        OpFoldResult lhs, OpFoldResult rhs) {
  std::optional<int64_t> l = getConstantIntValue(lhs),
                         r = getConstantIntValue(rhs);
  if (l && r)
    return b.getIndexAttr(*l * *r);
  if (l == 1)
    return rhs;
  if (r == 1)
    return lhs;
  return b
      .create<arith::MulIOp>(loc, sizeValue(b, loc, lhs),
                             sizeValue(b, loc, rhs))
      .getResult();
}

OpFoldResult dlc::onnx_to_prim::divSize(OpBuilder &b, Location loc,
                                        OpFoldResult lhs, OpFoldResult rhs) {
  std::optional<int64_t> l = getConstantIntValue(lhs),
                         r = getConstantIntValue(rhs);
  if (l && r && *r != 0)
    return b.getIndexAttr(*l / *r);
  // A zero divisor divides by 1 (never a trap): the result is the dividend.
  if (r == 1 || r == 0)
    return lhs;
  Value divisor = sizeValue(b, loc, rhs);
  if (!r) {
    Value zero = b.create<arith::ConstantIndexOp>(loc, 0);
    Value isZero =
        b.create<arith::CmpIOp>(loc, arith::CmpIPredicate::eq, divisor, zero);
    divisor = b.create<arith::SelectOp>(
        loc, isZero, b.create<arith::ConstantIndexOp>(loc, 1), divisor);
  }
  return b.create<arith::DivUIOp>(loc, sizeValue(b, loc, lhs), divisor)
      .getResult();
}

SmallVector<int64_t> dlc::onnx_to_prim::shapeOf(ArrayRef<OpFoldResult> sizes) {
  SmallVector<int64_t> shape;
  for (OpFoldResult size : sizes)
    shape.push_back(getConstantIntValue(size).value_or(ShapedType::kDynamic));
  return shape;
}

/// The values of the dynamic entries of `sizes`.
static SmallVector<Value> dynamicSizes(ArrayRef<OpFoldResult> sizes) {
  SmallVector<Value> values;
  for (OpFoldResult size : sizes)
    if (!getConstantIntValue(size))
      values.push_back(cast<Value>(size));
  return values;
}

/// True when `value` is known to have `sizes`.
static bool hasSizes(Value value, ArrayRef<OpFoldResult> sizes) {
  auto type = cast<RankedTensorType>(value.getType());
  if (type.getShape() != ArrayRef(shapeOf(sizes)))
    return false;
  for (auto [d, size] : llvm::enumerate(sizes))
    if (type.isDynamicDim(d) && !prim::hasSize(cast<Value>(size), value, d))
      return false;
  return true;
}

Value dlc::onnx_to_prim::reshape(OpBuilder &b, Location loc, Value value,
                                 ArrayRef<OpFoldResult> sizes) {
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> shape = shapeOf(sizes);
  if (hasSizes(value, sizes))
    return value;
  return b.create<prim::ReshapeOp>(loc, type.clone(shape), value,
                                   dynamicSizes(sizes));
}

Value dlc::onnx_to_prim::reshape(OpBuilder &b, Location loc, Value value,
                                 ArrayRef<int64_t> shape) {
  return reshape(b, loc, value, staticSizes(b, shape));
}

Value dlc::onnx_to_prim::broadcastTo(OpBuilder &b, Location loc, Value value,
                                     ArrayRef<OpFoldResult> sizes) {
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> shape = shapeOf(sizes);
  if (hasSizes(value, sizes))
    return value;
  int64_t offset = shape.size() - type.getRank();
  SmallVector<int64_t> dims;
  for (int64_t i = 0; i < type.getRank(); ++i)
    dims.push_back(offset + i);
  return b.create<prim::BroadcastInDimOp>(loc, type.clone(shape), value,
                                          dynamicSizes(sizes),
                                          b.getDenseI64ArrayAttr(dims));
}

Value dlc::onnx_to_prim::broadcastLike(OpBuilder &b, Location loc, Value value,
                                       Value like) {
  return broadcastTo(b, loc, value, sizesOf(b, loc, like));
}

FailureOr<SmallVector<Value>>
dlc::onnx_to_prim::broadcastAll(NodeContext &ctx, ValueRange operands) {
  int64_t rank = 0;
  for (Value v : operands)
    rank = std::max(rank, cast<RankedTensorType>(v.getType()).getRank());
  Sizes sizes(rank);
  for (int64_t i = 0; i < rank; ++i) {
    // The result dim is the operands' static size other than 1 (all must
    // agree), else as large as the first operand's dynamic dim there (an
    // operand dim of 1 is broadcast; a dynamic one must equal it, which the
    // lowering checks at run time), else 1.
    int64_t size = 1;
    Value dynamicFrom;
    int64_t dynamicDim = 0;
    for (Value v : operands) {
      auto type = cast<RankedTensorType>(v.getType());
      int64_t d = i - (rank - type.getRank());
      int64_t dim = d >= 0 ? type.getDimSize(d) : 1;
      if (ShapedType::isDynamic(dim)) {
        if (!dynamicFrom) {
          dynamicFrom = v;
          dynamicDim = d;
        }
      } else if (dim != 1 && size == 1) {
        size = dim;
      } else if (dim != 1 && dim != size) {
        return ctx.failure<SmallVector<Value>>(
            "cannot broadcast dim " + Twine(size) + " against " + Twine(dim) +
            " (result dim " + Twine(i) + ")");
      }
    }
    if (size == 1 && dynamicFrom)
      sizes[i] = ctx.b.create<prim::DimOp>(ctx.loc, dynamicFrom, dynamicDim)
                     .getResult();
    else
      sizes[i] = ctx.b.getIndexAttr(size);
  }
  // An operand already of the result's shape stays as it is: the
  // elementwise op checks that its dynamic dims match at run time.
  SmallVector<Value> results;
  for (Value v : operands)
    results.push_back(cast<RankedTensorType>(v.getType()).getShape() ==
                              ArrayRef(shapeOf(sizes))
                          ? v
                          : broadcastTo(ctx.b, ctx.loc, v, sizes));
  return results;
}

FailureOr<std::pair<Value, Value>>
dlc::onnx_to_prim::broadcastPair(NodeContext &ctx, Value lhs, Value rhs) {
  auto all = broadcastAll(ctx, {lhs, rhs});
  if (failed(all))
    return failure();
  return std::make_pair((*all)[0], (*all)[1]);
}

std::optional<Sizes> dlc::onnx_to_prim::tracedSizes(OpBuilder &b,
                                                    Value tensor) {
  auto type = dyn_cast<RankedTensorType>(tensor.getType());
  if (!type || type.getRank() > 1 || !type.hasStaticShape() ||
      !isa<IntegerType>(type.getElementType()))
    return std::nullopt;
  if (auto constant = constantInts(tensor)) {
    Sizes sizes;
    for (int64_t v : *constant)
      sizes.push_back(b.getIndexAttr(v));
    return sizes;
  }
  Operation *op = tensor.getDefiningOp();
  if (auto fromSizes = dyn_cast_or_null<prim::FromSizesOp>(op)) {
    Sizes sizes;
    for (Value size : fromSizes.getSizes())
      sizes.push_back(getAsOpFoldResult(size));
    return sizes;
  }
  // A reshape of a static small tensor keeps its elements, and so does an
  // integer convert (shape values are far inside every integer type).
  if (isa_and_nonnull<prim::ReshapeOp, prim::ConvertOp>(op) &&
      isa<IntegerType>(
          cast<ShapedType>(op->getOperand(0).getType()).getElementType()))
    return tracedSizes(b, op->getOperand(0));
  return std::nullopt;
}

FailureOr<Sizes> dlc::onnx_to_prim::sizesFromTensor(NodeContext &ctx,
                                                    Value tensor) {
  if (std::optional<Sizes> traced = tracedSizes(ctx.b, tensor))
    return *traced;
  auto type = cast<RankedTensorType>(tensor.getType());
  if (type.getRank() > 1 || !type.hasStaticShape() ||
      !isa<IntegerType>(type.getElementType()))
    return ctx.failure<Sizes>("a shape operand must be a 1-D integer tensor "
                              "of a static length, got " +
                              llvm::formatv("{0}", type).str());
  Sizes sizes;
  for (int64_t i = 0; i < type.getNumElements(); ++i)
    sizes.push_back(
        ctx.b.create<prim::SizeAtOp>(ctx.loc, tensor, i).getResult());
  return sizes;
}

Value dlc::onnx_to_prim::sizesTensor(OpBuilder &b, Location loc,
                                     ArrayRef<OpFoldResult> sizes,
                                     Type elementType, bool scalar) {
  SmallVector<Value> values;
  for (OpFoldResult size : sizes)
    values.push_back(sizeValue(b, loc, size));
  auto type =
      scalar ? RankedTensorType::get({}, elementType)
             : RankedTensorType::get({(int64_t)values.size()}, elementType);
  return b.createOrFold<prim::FromSizesOp>(loc, type, values);
}

std::optional<SmallVector<int64_t>>
dlc::onnx_to_prim::constantInts(Value value) {
  ElementsAttr attr;
  if (!matchPattern(value, m_Constant(&attr)))
    return std::nullopt;
  auto values = prim::getIntElements(attr);
  if (failed(values))
    return std::nullopt;
  return *values;
}

FailureOr<int64_t>
dlc::onnx_to_prim::normalizeAxis(NodeContext &ctx, int64_t axis, int64_t rank) {
  int64_t normalized = axis < 0 ? axis + rank : axis;
  if (normalized < 0 || normalized >= rank)
    return ctx.failure<int64_t>("axis " + Twine(axis) +
                                " is out of range for rank " + Twine(rank));
  return normalized;
}

Value dlc::onnx_to_prim::reduce(OpBuilder &b, Location loc,
                                prim::ReduceKind kind, Value value,
                                ArrayRef<int64_t> dims, bool keepDims,
                                bool selectLast) {
  Value reduced = b.create<prim::ReduceOp>(
      loc, prim::ReduceKindAttr::get(b.getContext(), kind), value,
      b.getDenseI64ArrayAttr(dims), selectLast ? b.getUnitAttr() : UnitAttr());
  if (!keepDims)
    return reduced;
  Sizes sizes = sizesOf(b, loc, value);
  for (int64_t d : dims)
    sizes[d] = b.getIndexAttr(1);
  return reshape(b, loc, reduced, sizes);
}

Value dlc::onnx_to_prim::countLike(OpBuilder &b, Location loc, Value value,
                                   ArrayRef<int64_t> dims, Value like) {
  Sizes sizes = sizesOf(b, loc, value);
  OpFoldResult count = b.getIndexAttr(1);
  for (int64_t d : dims)
    count = mulSize(b, loc, count, sizes[d]);
  if (std::optional<int64_t> n = getConstantIntValue(count))
    return splatLike(b, loc, like, *n);
  Value scalar = b.createOrFold<prim::ConvertOp>(
      loc,
      RankedTensorType::get(
          {}, cast<RankedTensorType>(like.getType()).getElementType()),
      sizesTensor(b, loc, count, b.getI64Type(), /*scalar=*/true));
  return broadcastLike(b, loc, scalar, like);
}

/// Each position's row-major offset into a tensor of `sizes`, for the
/// positions of a tensor shaped like `like`, as i64: sum over d of
/// position_d * stride_d, with `axisIndices` in place of dim `axis`'s
/// position.
static Value linearIndex(OpBuilder &b, Location loc,
                         ArrayRef<OpFoldResult> sizes, Value like, int64_t axis,
                         Value axisIndices) {
  auto type = cast<RankedTensorType>(like.getType()).clone(b.getI64Type());
  Sizes likeSizes = sizesOf(b, loc, like);
  SmallVector<Value> dynamic;
  for (OpFoldResult size : likeSizes)
    if (!getConstantIntValue(size))
      dynamic.push_back(cast<Value>(size));
  Value linear;
  OpFoldResult stride = b.getIndexAttr(1);
  for (int64_t d = type.getRank() - 1; d >= 0; --d) {
    Value position = d == axis ? axisIndices
                               : b.create<prim::IotaOp>(loc, type, dynamic,
                                                        b.getI64IntegerAttr(d))
                                     .getResult();
    Value term = position;
    if (getConstantIntValue(stride) != 1)
      term = b.create<prim::MulOp>(
          loc, position,
          broadcastLike(b, loc,
                        sizesTensor(b, loc, stride, b.getI64Type(), true),
                        position));
    linear =
        linear ? b.create<prim::AddOp>(loc, linear, term).getResult() : term;
    stride = mulSize(b, loc, stride, sizes[d]);
  }
  return linear;
}

Value dlc::onnx_to_prim::takeAlongAxis(OpBuilder &b, Location loc, Value data,
                                       Value indices, int64_t axis) {
  Sizes sizes = sizesOf(b, loc, data);
  OpFoldResult last = b.getIndexAttr(0);
  if (std::optional<int64_t> n = getConstantIntValue(sizes[axis]))
    last = b.getIndexAttr(std::max<int64_t>(*n - 1, 0));
  else
    last = b.create<arith::SubIOp>(loc, cast<Value>(sizes[axis]),
                                   b.create<arith::ConstantIndexOp>(loc, 1))
               .getResult();
  auto it = cast<RankedTensorType>(indices.getType());
  Value zero = splatLike(b, loc, indices, 0);
  Value top = broadcastLike(
      b, loc, sizesTensor(b, loc, last, it.getElementType(), true), indices);
  Value clamped = b.create<prim::MinOp>(
      loc, b.create<prim::MaxOp>(loc, indices, zero), top);
  Value axisIndices =
      b.createOrFold<prim::ConvertOp>(loc, it.clone(b.getI64Type()), clamped);
  Value linear = linearIndex(b, loc, sizes, indices, axis, axisIndices);
  // data as 1-D, gathered at the linear positions (in range by construction).
  OpFoldResult count = b.getIndexAttr(1);
  for (OpFoldResult size : sizes)
    count = mulSize(b, loc, count, size);
  Value flat = reshape(b, loc, data, ArrayRef<OpFoldResult>{count});
  auto flatType = cast<RankedTensorType>(flat.getType());
  return b.create<prim::GatherOp>(
      loc, flatType.clone(cast<RankedTensorType>(linear.getType()).getShape()),
      flat, linear, b.getI64IntegerAttr(0));
}

TypedAttr dlc::onnx_to_prim::limitAttr(Builder &b, Type elementType,
                                       bool highest) {
  if (isa<FloatType>(elementType))
    return b.getFloatAttr(elementType,
                          highest ? std::numeric_limits<double>::infinity()
                                  : -std::numeric_limits<double>::infinity());
  unsigned bits = elementType.getIntOrFloatBitWidth();
  APInt value;
  if (elementType.isUnsignedInteger() || bits == 1)
    value = highest ? APInt::getMaxValue(bits) : APInt::getZero(bits);
  else
    value = highest ? APInt::getSignedMaxValue(bits)
                    : APInt::getSignedMinValue(bits);
  return b.getIntegerAttr(elementType, value);
}

bool dlc::hasOnnxToPrimRule(StringRef opType, StringRef domain, int64_t version,
                            std::string &reason) {
  if (!domain.empty()) {
    reason = "ops of domain '" + domain.str() + "' are not supported";
    return false;
  }
  if (version > kNewestOpset) {
    reason = "dlc knows ONNX opsets up to " + std::to_string(kNewestOpset) +
             ", an op may have changed since";
    return false;
  }
  const RuleTable &table = getRuleTable();
  if (table.lookup(opType, version))
    return true;
  int64_t oldest = table.oldestVersion(opType);
  reason = oldest < 0
               ? "dlc cannot compile this op type yet"
               : "dlc supports this op from opset " + std::to_string(oldest);
  return false;
}

//===----------------------------------------------------------------------===//
// The pass
//===----------------------------------------------------------------------===//

namespace {

/// "2 inputs", "1 to 3 inputs", "at least 1 input".
std::string describeCount(unsigned min, unsigned max, StringRef noun) {
  std::string count;
  if (max == RuleTable::kVariadic)
    count = "at least " + std::to_string(min);
  else if (min == max)
    count = std::to_string(min);
  else
    count = std::to_string(min) + " to " + std::to_string(max);
  bool singular = count == "1" || count == "at least 1";
  return count + " " + noun.str() + (singular ? "" : "s");
}

/// The kind of an attribute as the importer stores it, if it is one.
std::optional<AttrKind> attrKindOf(Attribute attr) {
  if (isa<IntegerAttr>(attr))
    return AttrKind::Int;
  if (isa<FloatAttr>(attr))
    return AttrKind::Float;
  if (isa<StringAttr>(attr))
    return AttrKind::String;
  if (isa<DenseI64ArrayAttr>(attr))
    return AttrKind::Ints;
  if (isa<DenseF32ArrayAttr>(attr))
    return AttrKind::Floats;
  if (auto array = dyn_cast<ArrayAttr>(attr))
    if (llvm::all_of(array, llvm::IsaPred<StringAttr>))
      return AttrKind::Strings;
  if (isa<ElementsAttr>(attr))
    return AttrKind::Tensor;
  return std::nullopt;
}

/// Checks the node against its row's schema.
LogicalResult checkSchema(const NodeContext &ctx,
                          const RuleTable::Entry &entry) {
  size_t inputs = ctx.numInputs();
  if (inputs < entry.minInputs || inputs > entry.maxInputs)
    return ctx.fail("expects " +
                    describeCount(entry.minInputs, entry.maxInputs, "input") +
                    ", has " + Twine(inputs));
  for (size_t i = 0; i < inputs; ++i)
    if (!ctx.hasInput(i) && !llvm::is_contained(entry.optionalInputs, i))
      return ctx.fail("input " + Twine(i) + " is required");
  size_t outputs = ctx.node.getNumResults();
  if (outputs < entry.minOutputs || outputs > entry.maxOutputs)
    return ctx.fail(
        "expects " +
        describeCount(entry.minOutputs, entry.maxOutputs, "output") + ", has " +
        Twine(outputs));
  for (NamedAttribute attr : ctx.node.getAttrs()) {
    const AttrSpec *spec = entry.findAttr(attr.getName());
    if (!spec) {
      std::string known;
      for (const AttrSpec &s : entry.attributes)
        known += (known.empty() ? "" : ", ") + s.name.str();
      return ctx.fail("unknown attribute '" + attr.getName().strref() + "'; " +
                      ctx.node.getOpType() + " takes " +
                      (known.empty() ? "none" : known));
    }
    std::optional<AttrKind> kind = attrKindOf(attr.getValue());
    if (kind != spec->kind)
      return ctx.fail("attribute '" + spec->name + "' must be " +
                      attrKindName(spec->kind) + ", got " +
                      (kind ? attrKindName(*kind).str()
                            : llvm::formatv("{0}", attr.getValue()).str()));
  }
  for (const AttrSpec &spec : entry.attributes)
    if (spec.required && !ctx.hasAttr(spec.name))
      return ctx.fail("attribute '" + spec.name + "' is required");
  return success();
}

struct ConvertOnnxToPrimPass
    : dlc::impl::ConvertOnnxToPrimBase<ConvertOnnxToPrimPass> {
  void runOnOperation() override {
    const RuleTable &table = getRuleTable();
    for (auto func : getOperation().getOps<func::FuncOp>())
      if (failed(convertFunction(func, table)))
        return signalPassFailure();
  }

  static LogicalResult convertNode(onnx::NodeOp node, const RuleTable &table) {
    OpBuilder builder(node);
    NodeContext ctx(node, builder);
    for (Value input : node.getInputs())
      if (!isa<RankedTensorType, NoneType>(input.getType()))
        return ctx.fail("an input has type " +
                        llvm::formatv("{0}", input.getType()).str() +
                        ", not a ranked tensor");
    std::string reason;
    if (!hasOnnxToPrimRule(node.getOpType(), node.getDomain(),
                           node.getVersion(), reason))
      return ctx.fail(reason);
    const RuleTable::Entry *entry =
        table.lookup(node.getOpType(), node.getVersion());
    if (failed(checkSchema(ctx, *entry)))
      return failure();
    FailureOr<Results> results = entry->rule(ctx);
    if (failed(results))
      return failure();
    for (auto [i, result] : llvm::enumerate(node.getResults())) {
      if (result.use_empty())
        continue;
      if (i >= results->size() || !(*results)[i])
        return ctx.fail("output " + Twine(i) + " is not supported");
      result.replaceAllUsesWith((*results)[i]);
    }
    node.erase();
    return success();
  }

  static LogicalResult convertFunction(func::FuncOp func,
                                       const RuleTable &table) {
    for (Operation &op : llvm::make_early_inc_range(func.getOps()))
      if (auto node = dyn_cast<onnx::NodeOp>(op))
        if (failed(convertNode(node, table)))
          return failure();
    for (Operation &op : llvm::make_early_inc_range(func.getOps()))
      if (isa<onnx::NoneOp>(op) && op.use_empty())
        op.erase();
    Operation *terminator = func.getBody().front().getTerminator();
    func.setFunctionType(FunctionType::get(func.getContext(),
                                           func.getArgumentTypes(),
                                           terminator->getOperandTypes()));
    return success();
  }
};

} // namespace
