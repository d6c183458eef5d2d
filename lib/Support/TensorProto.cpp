//===- TensorProto.cpp - Decoding ONNX TensorProtos -----------------------===//

#include "dlc/Support/TensorProto.h"

#include <onnx/onnx_pb.h>

#include <cstring>

using namespace dlc;
using TP = onnx::TensorProto;

namespace {

llvm::Error failure(const std::string &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

/// The typed field that holds `onnxType`'s values when raw_data is absent,
/// and how many it holds.
std::pair<const char *, int64_t> typedField(const TP &tensor,
                                            int32_t onnxType) {
  switch (onnxType) {
  case TP::FLOAT:
    return {"float_data", tensor.float_data_size()};
  case TP::DOUBLE:
    return {"double_data", tensor.double_data_size()};
  case TP::INT64:
    return {"int64_data", tensor.int64_data_size()};
  case TP::UINT32:
  case TP::UINT64:
    return {"uint64_data", tensor.uint64_data_size()};
  default: // Every narrower type, float16 and bfloat16 as bits.
    return {"int32_data", tensor.int32_data_size()};
  }
}

/// Copies the values of a repeated TensorProto field into `out`, converting
/// each to the element type `T` (narrow types keep the low bits).
template <typename T, typename Field>
void copyValues(const Field &values, uint8_t *out) {
  for (int i = 0, e = values.size(); i < e; ++i) {
    T value = static_cast<T>(values.Get(i));
    std::memcpy(out + i * sizeof(T), &value, sizeof(T));
  }
}

} // namespace

std::string dlc::onnxTypeName(int32_t onnxType) {
  if (TP::DataType_IsValid(onnxType))
    return TP::DataType_Name(static_cast<TP::DataType>(onnxType));
  return "#" + std::to_string(onnxType);
}

llvm::Expected<TensorProtoShape>
dlc::checkTensorProto(const ::onnx::TensorProto &tensor) {
  TensorProtoShape shape;
  shape.dtype = dtypeFromOnnx(tensor.data_type());
  if (!shape.dtype)
    return failure("element type " + onnxTypeName(tensor.data_type()) +
                   " is not supported");
  if (tensor.has_segment())
    return failure("segmented tensors (or sequences) are not supported");

  shape.dims.assign(tensor.dims().begin(), tensor.dims().end());
  int64_t count = 1, bytes;
  for (int64_t dim : shape.dims)
    if (dim < 0 || __builtin_mul_overflow(count, dim, &count))
      return failure("invalid dims " + shape.typeString());
  if (__builtin_mul_overflow(
          count, static_cast<int64_t>(shape.dtype->byteSize()), &bytes))
    return failure("invalid dims " + shape.typeString());
  shape.numElements = count;
  if (tensor.data_location() == TP::EXTERNAL)
    return shape;

  if (tensor.has_raw_data()) {
    int64_t available = static_cast<int64_t>(tensor.raw_data().size());
    if (available != bytes)
      return failure("raw_data holds " + std::to_string(available) +
                     " bytes, but " + shape.typeString() + " needs " +
                     std::to_string(bytes));
    return shape;
  }
  auto [field, available] = typedField(tensor, tensor.data_type());
  if (available != count)
    return failure(std::string(field) + " holds " + std::to_string(available) +
                   " values, but " + shape.typeString() + " needs " +
                   std::to_string(count));
  return shape;
}

void dlc::copyTensorProtoData(const ::onnx::TensorProto &tensor,
                              const TensorProtoShape &shape, uint8_t *out) {
  if (tensor.has_raw_data()) {
    std::memcpy(out, tensor.raw_data().data(), shape.sizeInBytes());
    if (shape.dtype->isBool())
      for (int64_t i = 0; i < shape.numElements; ++i)
        out[i] = out[i] != 0;
    return;
  }
  switch (tensor.data_type()) {
  case TP::FLOAT:
    copyValues<float>(tensor.float_data(), out);
    break;
  case TP::DOUBLE:
    copyValues<double>(tensor.double_data(), out);
    break;
  case TP::INT64:
    copyValues<int64_t>(tensor.int64_data(), out);
    break;
  case TP::UINT32:
    copyValues<uint32_t>(tensor.uint64_data(), out);
    break;
  case TP::UINT64:
    copyValues<uint64_t>(tensor.uint64_data(), out);
    break;
  case TP::BOOL:
    for (int i = 0, e = tensor.int32_data_size(); i < e; ++i)
      out[i] = tensor.int32_data(i) != 0;
    break;
  default: // The low bits of int32_data.
    switch (shape.dtype->byteSize()) {
    case 1:
      copyValues<uint8_t>(tensor.int32_data(), out);
      break;
    case 2:
      copyValues<uint16_t>(tensor.int32_data(), out);
      break;
    default:
      copyValues<uint32_t>(tensor.int32_data(), out);
      break;
    }
    break;
  }
}
