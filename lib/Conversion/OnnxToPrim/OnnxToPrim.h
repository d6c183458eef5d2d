//===- OnnxToPrim.h - the onnx-to-prim rule table ---------------*- C++ -*-===//
//
// Internal to convert-onnx-to-prim. Each op family registers rules keyed by
// (op type, since version); a rule turns one onnx.node into prim ops.
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

/// What a rule sees of the node it converts.
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

using Results = llvm::SmallVector<mlir::Value>;
using Rule = std::function<mlir::FailureOr<Results>(NodeContext &)>;

class RuleTable {
public:
  struct Entry {
    int64_t sinceVersion;
    Rule rule;
    /// Bit i set: input i may be absent (an `onnx.none`). Any other absent
    /// input is rejected before the rule runs.
    uint32_t optionalInputs;
  };

  void add(llvm::StringRef opType, int64_t sinceVersion, Rule rule,
           std::initializer_list<unsigned> optionalInputs = {});
  /// The entry with the greatest since version <= `version`, or null.
  const Entry *lookup(llvm::StringRef opType, int64_t version) const;
  /// Oldest version any rule of `opType` handles, or -1 if none.
  int64_t oldestVersion(llvm::StringRef opType) const;

private:
  llvm::StringMap<std::vector<Entry>> rules;
};

/// The table with every family registered.
const RuleTable &getRuleTable();

void addElementwiseRules(RuleTable &table);
void addContractionRules(RuleTable &table);
void addPoolingRules(RuleTable &table);
void addNormalizationRules(RuleTable &table);
void addShapeRules(RuleTable &table);
void addReductionRules(RuleTable &table);

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
/// a / b (exact division is the caller's to check), folded when static.
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
/// Broadcasts both operands to their common numpy shape.
mlir::FailureOr<std::pair<mlir::Value, mlir::Value>>
broadcastPair(NodeContext &ctx, mlir::Value lhs, mlir::Value rhs);
/// The int64 values of a constant tensor (any integer type), if constant.
std::optional<llvm::SmallVector<int64_t>> constantInts(mlir::Value value);
/// Maps a possibly negative axis into [0, rank); fails if out of range.
mlir::FailureOr<int64_t> normalizeAxis(NodeContext &ctx, int64_t axis,
                                       int64_t rank);
/// Reduces `dims` (sorted) with `kind`, keeping them as size 1 if `keepDims`.
mlir::Value reduce(mlir::OpBuilder &b, mlir::Location loc,
                   prim::ReduceKind kind, mlir::Value value,
                   llvm::ArrayRef<int64_t> dims, bool keepDims);
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
