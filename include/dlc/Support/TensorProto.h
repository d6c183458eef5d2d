//===- TensorProto.h - Decoding ONNX TensorProtos ---------------*- C++ -*-===//
//
// The one decoder of ONNX TensorProtos, shared by the importer (initializers
// and tensor attributes) and the driver's tensor files: it checks a tensor's
// data type, dims and value count, and writes its values as compact
// little-endian bytes. External data is the importer's to read.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_SUPPORT_TENSORPROTO_H
#define DLC_SUPPORT_TENSORPROTO_H

#include "dlc/Support/DType.h"

#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace onnx {
class TensorProto;
} // namespace onnx

namespace dlc {

/// The name of an ONNX data type ("FLOAT", "STRING"), or "#N" for a value
/// outside the enum.
std::string onnxTypeName(int32_t onnxType);

/// The element type and dims of a checked TensorProto.
struct TensorProtoShape {
  const DType *dtype = nullptr;
  std::vector<int64_t> dims;
  int64_t numElements = 0;

  size_t sizeInBytes() const { return numElements * dtype->byteSize(); }
  /// "float32[2,3]".
  std::string typeString() const { return formatType(dtype->dlpack(), dims); }
};

/// Checks that `tensor` has a data type of the dtype table, is not
/// segmented, has non-negative dims whose byte size fits in int64_t and,
/// unless its data is external, holds as many values as its dims call for
/// (in raw_data or in the typed field for its type). The error is a phrase
/// without context, e.g. "raw_data holds 8 bytes, but float32[3] needs 12".
llvm::Expected<TensorProtoShape>
checkTensorProto(const ::onnx::TensorProto &tensor);

/// Writes the inline values of `tensor`, checked as `shape`, to `out`
/// (shape.sizeInBytes() bytes): compact, little-endian, bools as 0 or 1.
void copyTensorProtoData(const ::onnx::TensorProto &tensor,
                         const TensorProtoShape &shape, uint8_t *out);

} // namespace dlc

#endif // DLC_SUPPORT_TENSORPROTO_H
