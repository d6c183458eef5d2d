//===- OnnxToPrim.h - the onnx-to-prim rule table ---------------*- C++ -*-===//
//
// Internal to convert-onnx-to-prim. Each op family registers rows keyed by
// (op type, since version): a rule that turns one onnx.node into prim ops,
// and the schema (arity, optional inputs, attributes) checked before it runs.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_LIB_CONVERSION_ONNXTOPRIM_ONNXTOPRIM_H
#define DLC_LIB_CONVERSION_ONNXTOPRIM_ONNXTOPRIM_H

#include "dlc/Dialect/Onnx/IR/OnnxDialect.h"
#include "dlc/Dialect/Prim/IR/PrimDialect.h"

#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "llvm/ADT/StringMap.h"

#include <functional>

namespace dlc::onnx_to_prim {

class NodeContext;
using Results = llvm::SmallVector<mlir::Value>;
using Rule = std::function<mlir::FailureOr<Results>(NodeContext &)>;

/// The kinds of ONNX attributes, as the importer stores them in an
/// onnx.node's attribute dictionary.
enum class AttrKind {
  Int,     // IntegerAttr (i64)
  Float,   // FloatAttr (f32)
  String,  // StringAttr
  Ints,    // DenseI64ArrayAttr
  Floats,  // DenseF32ArrayAttr
  Strings, // ArrayAttr of StringAttrs
  Tensor,  // ElementsAttr
};
/// ONNX's name for a kind: "int", "floats", "tensor", ...
llvm::StringRef attrKindName(AttrKind kind);

struct AttrSpec {
  llvm::StringRef name; // a string literal
  AttrKind kind;
  bool required = false;
};

class RuleTable {
public:
  static constexpr unsigned kVariadic = ~0u;

  /// One row: the rule for an op type from `sinceVersion` on, and the schema
  /// convertNode checks a node against before the rule runs. The setters
  /// chain: `table.add("Clip", 11, rule).inputs(1, 3).optional({1, 2});`.
  struct Entry {
    int64_t sinceVersion;
    Rule rule;
    unsigned minInputs = 1, maxInputs = 1;
    /// Inputs that may be absent (an `onnx.none`); any other is required.
    llvm::SmallVector<unsigned, 2> optionalInputs;
    unsigned minOutputs = 1, maxOutputs = 1;
    /// Every attribute the op takes; any other is an error.
    llvm::SmallVector<AttrSpec, 4> attributes;

    /// `n` inputs, or `min` to `max` (kVariadic: no limit).
    Entry &inputs(unsigned n) { return inputs(n, n); }
    Entry &inputs(unsigned min, unsigned max) {
      minInputs = min;
      maxInputs = max;
      return *this;
    }
    Entry &optional(std::initializer_list<unsigned> positions) {
      optionalInputs.assign(positions);
      return *this;
    }
    Entry &outputs(unsigned n) { return outputs(n, n); }
    Entry &outputs(unsigned min, unsigned max) {
      minOutputs = min;
      maxOutputs = max;
      return *this;
    }
    Entry &attrs(std::initializer_list<AttrSpec> specs) {
      attributes.append(specs);
      return *this;
    }
    const AttrSpec *findAttr(llvm::StringRef name) const;
  };

  /// Adds the row of `opType` from `sinceVersion`: 1 input, 1 output and no
  /// attributes until its setters say otherwise.
  Entry &add(llvm::StringRef opType, int64_t sinceVersion, Rule rule);
  /// The entry with the greatest since version <= `version`, or null.
  const Entry *lookup(llvm::StringRef opType, int64_t version) const;
  /// Oldest version any rule of `opType` handles, or -1 if none.
  int64_t oldestVersion(llvm::StringRef opType) const;
  /// Each op type's rows, by ascending since version.
  const llvm::StringMap<std::vector<Entry>> &rows() const { return rules; }

private:
  llvm::StringMap<std::vector<Entry>> rules;
};

/// Short names for the rows of the add*Rules functions, which say
/// `using namespace schema;`:
///   table.add("Cast", 6, rule).attrs({{"to", Int, Required}});
namespace schema {
inline constexpr AttrKind Int = AttrKind::Int;
inline constexpr AttrKind Float = AttrKind::Float;
inline constexpr AttrKind String = AttrKind::String;
inline constexpr AttrKind Ints = AttrKind::Ints;
inline constexpr AttrKind Floats = AttrKind::Floats;
inline constexpr AttrKind Strings = AttrKind::Strings;
inline constexpr AttrKind Tensor = AttrKind::Tensor;
inline constexpr bool Required = true;
inline constexpr unsigned Variadic = RuleTable::kVariadic;
} // namespace schema

/// What a rule sees of the node it converts. convertNode has checked the node
/// against its row's schema: the input and output counts, the absent inputs,
/// every attribute's name and kind, the required attributes.
class NodeContext {
public:
  NodeContext(onnx::NodeOp node, mlir::OpBuilder &builder)
      : node(node), b(builder), loc(node.getLoc()) {}

  mutable onnx::NodeOp node; // Op accessors are not const.
  mlir::OpBuilder &b;
  mlir::Location loc;

  int64_t version() const { return node.getVersion(); }
  size_t numInputs() const { return node.getInputs().size(); }
  /// True when input `i` exists and is not an absent optional input.
  bool hasInput(size_t i) const;
  mlir::Value input(size_t i) const { return node.getInputs()[i]; }
  mlir::RankedTensorType inputType(size_t i) const {
    return mlir::cast<mlir::RankedTensorType>(input(i).getType());
  }
  /// True when the node's output `i` is used.
  bool outputUsed(size_t i) const {
    return i < node.getNumResults() && !node.getResult(i).use_empty();
  }

  /// An attribute's value, or `defaultValue` when the node has none of that
  /// kind. After the schema check a present attribute has the kind its row
  /// declares, and one the row does not declare is absent.
  bool hasAttr(llvm::StringRef name) const {
    return static_cast<bool>(node.getAttrs().get(name));
  }
  int64_t intAttr(llvm::StringRef name, int64_t defaultValue) const;
  float floatAttr(llvm::StringRef name, float defaultValue) const;
  std::string stringAttr(llvm::StringRef name,
                         llvm::StringRef defaultValue) const;
  std::optional<llvm::SmallVector<int64_t>>
  intsAttr(llvm::StringRef name) const;

  /// Emits "node 'N' (Op, opset V): message" at the node and returns failure.
  mlir::LogicalResult fail(const llvm::Twine &message) const;
  /// Same, for rules returning FailureOr.
  template <typename T> mlir::FailureOr<T> failure(const llvm::Twine &m) const {
    (void)fail(m);
    return mlir::failure();
  }
};

/// The table with every family registered.
const RuleTable &getRuleTable();

void addElementwiseRules(RuleTable &table);
void addActivationRules(RuleTable &table);
void addContractionRules(RuleTable &table);
void addPoolingRules(RuleTable &table);
void addNormalizationRules(RuleTable &table);
void addShapeRules(RuleTable &table);
void addReductionRules(RuleTable &table);
void addShapeValueRules(RuleTable &table);
void addIndexingRules(RuleTable &table);
void addLossRules(RuleTable &table);
void addLayoutRules(RuleTable &table);
void addPositionalRules(RuleTable &table);
void addSignalRules(RuleTable &table);

//===----------------------------------------------------------------------===//
// Builders shared by the families
//===----------------------------------------------------------------------===//

/// Splat constant of `type` (a ranked tensor) holding `value`. With dynamic
/// dims it is a 0-d constant broadcast to `type`, sized like `shapeSource`
/// (a tensor of `type`'s shape) when one is given.
mlir::Value splatConstant(mlir::OpBuilder &b, mlir::Location loc,
                          mlir::RankedTensorType type, double value,
                          mlir::Value shapeSource = {});
mlir::Value splatConstant(mlir::OpBuilder &b, mlir::Location loc,
                          mlir::RankedTensorType type, mlir::TypedAttr value,
                          mlir::Value shapeSource = {});
/// prim.iota: the 1-D tensor 0, 1, ..., count - 1 of `elementType` (count
/// static or a run-time index value).
mlir::Value iota(mlir::OpBuilder &b, mlir::Location loc,
                 mlir::OpFoldResult count, mlir::Type elementType);
/// Splat constant shaped and typed like `like`.
mlir::Value splatLike(mlir::OpBuilder &b, mlir::Location loc, mlir::Value like,
                      double value);

/// Shapes as values: each dim's size is an index attribute when static and
/// an index value (a prim.dim or arithmetic on such) when known only at run
/// time. Static sizes fold, so static shapes build no run-time code.
using Sizes = llvm::SmallVector<mlir::OpFoldResult>;
/// The sizes of `value`'s dims (prim.dim for the dynamic ones).
Sizes sizesOf(mlir::OpBuilder &b, mlir::Location loc, mlir::Value value);
/// Static sizes.
Sizes staticSizes(mlir::OpBuilder &b, llvm::ArrayRef<int64_t> shape);
/// a * b, folded when both are static.
mlir::OpFoldResult mulSize(mlir::OpBuilder &b, mlir::Location loc,
                           mlir::OpFoldResult lhs, mlir::OpFoldResult rhs);
/// a / b (exact division is the caller's to check; a zero b gives a),
/// folded when static.
mlir::OpFoldResult divSize(mlir::OpBuilder &b, mlir::Location loc,
                           mlir::OpFoldResult lhs, mlir::OpFoldResult rhs);
/// The shape of `sizes` with ShapedType::kDynamic for the run-time ones.
llvm::SmallVector<int64_t> shapeOf(llvm::ArrayRef<mlir::OpFoldResult> sizes);

/// `value` reshaped to `sizes` (no op when its shape already is that, with
/// no dynamic dims).
mlir::Value reshape(mlir::OpBuilder &b, mlir::Location loc, mlir::Value value,
                    llvm::ArrayRef<mlir::OpFoldResult> sizes);
/// Reshape to a static shape.
mlir::Value reshape(mlir::OpBuilder &b, mlir::Location loc, mlir::Value value,
                    llvm::ArrayRef<int64_t> shape);
/// Broadcasts `value` (numpy rules, right-aligned) to `sizes`.
mlir::Value broadcastTo(mlir::OpBuilder &b, mlir::Location loc,
                        mlir::Value value,
                        llvm::ArrayRef<mlir::OpFoldResult> sizes);
/// Broadcasts `value` to the shape of `like`.
mlir::Value broadcastLike(mlir::OpBuilder &b, mlir::Location loc,
                          mlir::Value value, mlir::Value like);
/// Broadcasts every operand to their common numpy shape (element types may
/// differ).
mlir::FailureOr<llvm::SmallVector<mlir::Value>>
broadcastAll(NodeContext &ctx, mlir::ValueRange operands);
/// Broadcasts both operands to their common numpy shape.
mlir::FailureOr<std::pair<mlir::Value, mlir::Value>>
broadcastPair(NodeContext &ctx, mlir::Value lhs, mlir::Value rhs);
/// Shapes as data: a small integer tensor (what ONNX's Shape makes and
/// Reshape, Expand, Slice, Range read) is built as prim.from_sizes, so that
/// a consumer reads its elements as the sizes themselves.
/// The elements of a 1-D or 0-D integer tensor as sizes, where they are
/// known at compile time as values: a constant, a prim.from_sizes, or a
/// reshape or integer convert of one.
std::optional<Sizes> tracedSizes(mlir::OpBuilder &b, mlir::Value tensor);
/// The same, read at run time (prim.size_at) where not traced; fails for a
/// tensor that is not 1-D (or 0-D) of a static length.
mlir::FailureOr<Sizes> sizesFromTensor(NodeContext &ctx, mlir::Value tensor);
/// The integer tensor holding `sizes`: 1-D, or 0-D for one size when
/// `scalar`. Constant when the sizes are.
mlir::Value sizesTensor(mlir::OpBuilder &b, mlir::Location loc,
                        llvm::ArrayRef<mlir::OpFoldResult> sizes,
                        mlir::Type elementType, bool scalar = false);
/// An index value of `size` (a constant when static).
mlir::Value sizeValue(mlir::OpBuilder &b, mlir::Location loc,
                      mlir::OpFoldResult size);
/// The int64 values of a constant tensor (any integer type), if constant.
std::optional<llvm::SmallVector<int64_t>> constantInts(mlir::Value value);
/// Maps a possibly negative axis into [0, rank); fails if out of range.
mlir::FailureOr<int64_t> normalizeAxis(NodeContext &ctx, int64_t axis,
                                       int64_t rank);
/// Reduces `dims` (sorted) with `kind`, keeping them as size 1 if `keepDims`
/// (`selectLast`: prim.reduce's select_last, for argmax and argmin).
mlir::Value reduce(mlir::OpBuilder &b, mlir::Location loc,
                   prim::ReduceKind kind, mlir::Value value,
                   llvm::ArrayRef<int64_t> dims, bool keepDims,
                   bool selectLast = false);
/// The number of elements in dims `dims` of `value`, as a splat like `like`
/// of like's element type: a constant when static, else the run-time
/// product of their sizes.
mlir::Value countLike(mlir::OpBuilder &b, mlir::Location loc, mlir::Value value,
                      llvm::ArrayRef<int64_t> dims, mlir::Value like);
/// numpy's take_along_axis: for each position of `indices` (an integer
/// tensor of `data`'s rank, each dim no larger than data's), the element of
/// `data` at that position with dim `axis` replaced by the index there.
/// Indices are clamped into [0, size of `axis`) (negative ones are the
/// caller's to wrap), so that the gather never reads another row. A
/// prim.gather of `data` viewed as 1-D at row-major linearized positions.
mlir::Value takeAlongAxis(mlir::OpBuilder &b, mlir::Location loc,
                          mlir::Value data, mlir::Value indices, int64_t axis);
/// Softmax (or log-softmax when `log`) of `x` over `dims`, shifted by their
/// maximum (Normalization.cpp).
mlir::Value softmax(mlir::OpBuilder &b, mlir::Location loc, mlir::Value x,
                    llvm::ArrayRef<int64_t> dims, bool log);
/// The window attributes of a conv or pool, one entry per spatial dim
/// (pads: all begins, then all ends, with auto_pad resolved).
struct WindowAttrs {
  llvm::SmallVector<int64_t> strides, dilations, pads;
};
mlir::FailureOr<WindowAttrs> readWindowAttrs(NodeContext &ctx,
                                             llvm::ArrayRef<int64_t> inputShape,
                                             llvm::ArrayRef<int64_t> kernel);
/// The lowest (or highest) value of an element type: -inf/+inf for floats,
/// the exact integer limits otherwise (0/1 for i1).
mlir::TypedAttr limitAttr(mlir::Builder &b, mlir::Type elementType,
                          bool highest);

} // namespace dlc::onnx_to_prim

#endif // DLC_LIB_CONVERSION_ONNXTOPRIM_ONNXTOPRIM_H
