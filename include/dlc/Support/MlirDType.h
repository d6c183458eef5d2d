//===- MlirDType.h - The MLIR element type of each DType --------*- C++ -*-===//
//
// The MLIR side of the dtype table (dlc/Support/DType.h): float codes are
// f16/f32/f64, bfloat bf16, int signless iN, uint unsigned uiN, bool i1.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_SUPPORT_MLIRDTYPE_H
#define DLC_SUPPORT_MLIRDTYPE_H

#include "dlc/Support/DType.h"

#include "mlir/IR/Types.h"

namespace dlc {

/// The MLIR element type of `dtype`.
mlir::Type getMlirType(mlir::MLIRContext *context, const DType &dtype);

/// The row of an MLIR element type, or nullptr. Signless and signed integers
/// are int, unsigned ones uint, i1 is bool.
const DType *dtypeFromMlir(mlir::Type type);

} // namespace dlc

#endif // DLC_SUPPORT_MLIRDTYPE_H
