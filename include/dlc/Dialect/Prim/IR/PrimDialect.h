//===- PrimDialect.h - the prim dialect -------------------------*- C++ -*-===//
#ifndef DLC_DIALECT_PRIM_IR_PRIMDIALECT_H
#define DLC_DIALECT_PRIM_IR_PRIMDIALECT_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "dlc/Dialect/Prim/IR/PrimOpsDialect.h.inc"

#include "dlc/Dialect/Prim/IR/PrimEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "dlc/Dialect/Prim/IR/PrimAttrs.h.inc"

#define GET_OP_CLASSES
#include "dlc/Dialect/Prim/IR/PrimOps.h.inc"

namespace dlc::prim {

/// Appends the bytes of `attr`'s elements in row-major order (splats
/// expanded) to `bytes`. Fails for i1 elements (stored bit-packed) and for
/// resource blobs that are not available.
/// True when index `size` is known to equal dim `dim` of `tensor`: both are
/// read from the same dim of one tensor (through ops whose result dims are
/// their operands', such as elementwise ops and transposes) or `size` is the
/// value an op's `sizes` gave that dim.
bool hasSize(mlir::Value size, mlir::Value tensor, int64_t dim);

mlir::LogicalResult getElementBytes(mlir::ElementsAttr attr,
                                    llvm::SmallVectorImpl<char> &bytes);

/// Reads an integer constant's elements as int64 (any integer width).
mlir::FailureOr<llvm::SmallVector<int64_t>>
getIntElements(mlir::ElementsAttr attr);

} // namespace dlc::prim

#endif // DLC_DIALECT_PRIM_IR_PRIMDIALECT_H
