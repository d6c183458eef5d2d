//===- TensorIO.h - Host tensors, ONNX TensorProto files, compare -*- C++ -*-//
//
// The driver's view of a tensor: a name, a DLPack dtype, a shape and a
// compact row-major buffer in host memory. Read from and written to ONNX
// TensorProto files (the `.pb` files of the ONNX backend tests), and compared
// with a tolerance by both `dlc run --expect` and `dlc test`.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_DRIVER_TENSORIO_H
#define DLC_DRIVER_TENSORIO_H

#include "dlc/Driver/Status.h"
#include "dlc/Support/DType.h"

#include "llvm/ADT/ArrayRef.h"

#include <dlpack/dlpack.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace dlc::driver {

/// A tensor in host memory: compact row-major, 64-byte aligned, move-only.
class HostTensor {
public:
  HostTensor() = default;
  /// Allocates a zero-filled tensor. The dtype must be in the dtype table
  /// (dtypeFromDLPack) and every dimension must be non-negative.
  HostTensor(std::string name, DLDataType dtype, std::vector<int64_t> shape);

  const std::string &name() const { return tensorName; }
  void setName(std::string name) { tensorName = std::move(name); }
  DLDataType dtype() const { return elementType; }
  llvm::ArrayRef<int64_t> shape() const { return dims; }
  int64_t numElements() const;
  size_t elementSize() const;
  size_t sizeInBytes() const { return bytes; }

  uint8_t *data() { return buffer.get(); }
  const uint8_t *data() const { return buffer.get(); }

  /// A DLPack view of this tensor; valid while the tensor lives and keeps
  /// its shape. The view of a const tensor must only be read through.
  DLTensor view() const;

  /// Relabels the elements as `dtype`, which must have the same size.
  void setDtype(DLDataType dtype);

  /// "float32[1,10]".
  std::string typeString() const { return formatType(elementType, dims); }

  /// The element at flat index `i`, as a double (bool: 0 or 1).
  double elementAsDouble(int64_t i) const;
  /// The element at flat index `i`, printed exactly for integers and with
  /// 6 significant digits for floating point.
  std::string formatElement(int64_t i) const;
  /// The first `limit` elements separated by spaces, with "..." and a count
  /// when there are more.
  std::string formatValues(int64_t limit = 10) const;

private:
  struct FreeDeleter {
    void operator()(uint8_t *p) const { std::free(p); }
  };

  std::string tensorName;
  DLDataType elementType = {kDLFloat, 32, 1};
  std::vector<int64_t> dims;
  size_t bytes = 0;
  std::unique_ptr<uint8_t[], FreeDeleter> buffer;
};

/// ONNX's older backend-test data stores bfloat16 tensors as uint16: when
/// `wanted` is bfloat16 and `tensor` is uint16, relabels it as bfloat16.
void adoptLegacyBfloat16(HostTensor &tensor, DLDataType wanted);

/// Reads an ONNX TensorProto file (raw_data or the typed data fields).
Status readTensorFile(const std::string &path, HostTensor &tensor);

/// A tensor and the file it came from.
struct TensorFile {
  std::string path;
  HostTensor tensor;
};

/// Reads each of `paths` (readTensorFile) and appends it to `files`.
Status readTensorFiles(const std::vector<std::string> &paths,
                       std::vector<TensorFile> &files);

/// Writes a TensorProto with the tensor's name, dims, data type and
/// raw_data. Written to a temporary file and renamed into place.
Status writeTensorFile(const std::string &path, const HostTensor &tensor);

/// How close floating-point results must be: |a - b| <= atol + rtol * |b|,
/// with b the expected value.
struct Tolerance {
  double rtol = 1e-3;
  double atol = 1e-4;
};

/// The result of comparing a tensor with a reference.
struct Comparison {
  bool matches = false;
  /// Whether the dtypes and shapes are equal (else no element was compared).
  bool sameType = false;
  /// When !matches: one line saying why ("expected float32[2,3], got
  /// float32[3,2]" or "4 of 6 elements differ; worst at index 2: got 1.5,
  /// expected 1.25").
  std::string reason;
  /// The largest |actual - expected| over the elements where both are
  /// non-NaN; 0 when the shapes or dtypes differ.
  double maxAbsDiff = 0;
};

/// Compares `actual` with `expected`. The dtypes and shapes must be equal;
/// floating-point elements must be close (NaN matches NaN, an infinity only
/// the same infinity); integers and bools must be equal.
Comparison compareTensors(const HostTensor &actual, const HostTensor &expected,
                          const Tolerance &tolerance);

} // namespace dlc::driver

#endif // DLC_DRIVER_TENSORIO_H
