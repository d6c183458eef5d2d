//===- IndexMath.h - folding index arithmetic on sizes ----------*- C++ -*-===//
//
// Internal to convert-onnx-to-prim: arithmetic on sizes, positions and axes
// as OpFoldResults (Sizes' entries). Constants compute at compile time and
// build nothing; the others build arith ops on index values (i1 for
// conditions), folded where an operand allows. So an op whose pads, axes or
// repeats are constants keeps its static shapes, and one reading them from
// data (prim.size_at) computes its sizes at run time.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_LIB_CONVERSION_ONNXTOPRIM_INDEXMATH_H
#define DLC_LIB_CONVERSION_ONNXTOPRIM_INDEXMATH_H

#include "OnnxToPrim.h"

namespace dlc::onnx_to_prim {

class IndexMath {
public:
  using OFR = mlir::OpFoldResult;
  IndexMath(mlir::OpBuilder &b, mlir::Location loc) : b(b), loc(loc) {}

  OFR c(int64_t v) { return b.getIndexAttr(v); }
  /// An index (or i1) value of `v`, a constant when static.
  mlir::Value value(OFR v);

  OFR add(OFR lhs, OFR rhs);
  OFR sub(OFR lhs, OFR rhs);
  OFR mul(OFR lhs, OFR rhs);
  OFR min(OFR lhs, OFR rhs);
  OFR max(OFR lhs, OFR rhs);
  OFR clamp(OFR v, OFR lo, OFR hi) { return min(max(v, lo), hi); }
  /// ceil(lhs / rhs), signed; a zero divisor divides by 1 (never a trap).
  OFR ceilDiv(OFR lhs, OFR rhs);

  /// Conditions (i1).
  OFR eq(OFR lhs, OFR rhs);
  OFR lt(OFR lhs, OFR rhs);
  OFR orI(OFR lhs, OFR rhs);
  OFR select(OFR cond, OFR onTrue, OFR onFalse);

  /// A possibly negative axis counted from the end: its position among
  /// `rank` dims (a run-time axis out of range is the caller's to bear).
  OFR axis(OFR a, int64_t rank) {
    return select(lt(a, c(0)), add(a, c(rank)), a);
  }

private:
  mlir::OpBuilder &b;
  mlir::Location loc;
};

/// The value of each of `rank` dims from entries given per axis: dim d takes
/// `values[j]` where `axes[j]` (negative from the end) is d, else `absent`.
/// Constant axes map directly; axes read at run time select.
Sizes perDim(IndexMath &m, llvm::ArrayRef<mlir::OpFoldResult> axes,
             llvm::ArrayRef<mlir::OpFoldResult> values,
             mlir::OpFoldResult absent, int64_t rank);
/// Checks the constant entries of `axes` (in range, no repeats).
mlir::LogicalResult checkAxes(NodeContext &ctx,
                              llvm::ArrayRef<mlir::OpFoldResult> axes,
                              int64_t rank);
/// A tensor of `sizes` and the integer `elementType` whose every element
/// holds `size`.
mlir::Value splatSize(mlir::OpBuilder &b, mlir::Location loc,
                      mlir::OpFoldResult size, mlir::Type elementType,
                      llvm::ArrayRef<mlir::OpFoldResult> sizes);
/// `value` sliced to `count` elements from `first` in each dim (in range):
/// prim.slice when static, else prim.dynamic_slice.
mlir::Value sliceOf(mlir::OpBuilder &b, mlir::Location loc, mlir::Value value,
                    llvm::ArrayRef<mlir::OpFoldResult> first,
                    llvm::ArrayRef<mlir::OpFoldResult> count);

} // namespace dlc::onnx_to_prim

#endif // DLC_LIB_CONVERSION_ONNXTOPRIM_INDEXMATH_H
