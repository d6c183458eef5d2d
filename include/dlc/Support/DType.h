//===- DType.h - The element types dlc supports, in every spelling -*- C++ -*-//
//
// One table for the whole project: each element type dlc compiles, with its
// ONNX TensorProto data type, its DLPack dtype, its name and its size. The
// MLIR side of each row is in dlc/Support/MlirDType.h; the runtime (C, no
// C++) spells the same DLPack dtypes on its own.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_SUPPORT_DTYPE_H
#define DLC_SUPPORT_DTYPE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <dlpack/dlpack.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace dlc {

/// The DLPack type code dlc uses for bool (DLPack 0.6 has none); 8 bits.
constexpr uint8_t kBoolTypeCode = 6;

/// One element type: a row of the table.
struct DType {
  /// The onnx::TensorProto_DataType value.
  int32_t onnxType;
  /// The ONNX enum name ("FLOAT"), as Cast spells `to` before opset 6.
  llvm::StringLiteral onnxName;
  /// The DLPack type code: kDLFloat, kDLBfloat, kDLInt, kDLUInt or
  /// kBoolTypeCode. With `bits`, it also says which MLIR type this is.
  uint8_t code;
  /// The DLPack bits (bool: 8, one byte per element).
  uint8_t bits;
  /// "float32", "bfloat16", "int64", "uint8", "bool", ...
  llvm::StringLiteral name;

  DLDataType dlpack() const { return {code, bits, 1}; }
  size_t byteSize() const { return bits / 8; }
  bool isFloatingPoint() const { return code == kDLFloat || code == kDLBfloat; }
  bool isBool() const { return code == kBoolTypeCode; }
};

/// Every element type dlc supports.
llvm::ArrayRef<DType> allDTypes();

/// The row of an ONNX TensorProto data type, or nullptr.
const DType *dtypeFromOnnx(int64_t onnxType);
/// The row of an ONNX data type's enum name ("FLOAT"), or nullptr.
const DType *dtypeFromOnnxName(llvm::StringRef onnxName);
/// The row of a DLPack dtype (one lane), or nullptr.
const DType *dtypeFromDLPack(DLDataType dtype);

inline bool sameDtype(DLDataType a, DLDataType b) {
  return a.code == b.code && a.bits == b.bits && a.lanes == b.lanes;
}

/// The name of a DLPack dtype ("float32"); a generic spelling
/// ("dtype(code=C,bits=B,lanes=L)") for one the table lacks.
std::string dtypeName(DLDataType dtype);

/// "float32[1,3,224,224]"; a dimension of -1 prints as "?".
std::string formatType(DLDataType dtype, llvm::ArrayRef<int64_t> shape);

} // namespace dlc

#endif // DLC_SUPPORT_DTYPE_H
