//===- TensorIO.cpp - Host tensors, ONNX TensorProto files, compare -------===//

#include "TensorIO.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <onnx/onnx_pb.h>

#include <cassert>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <new>

using namespace dlc::driver;

namespace {

constexpr size_t kAlignment = 64;

DLDataType makeDtype(uint8_t code, uint8_t bits) { return {code, bits, 1}; }

/// The DLPack dtype of an ONNX TensorProto data type.
std::optional<DLDataType> dtypeFromOnnx(int32_t type) {
  switch (type) {
  case onnx::TensorProto::FLOAT:
    return makeDtype(kDLFloat, 32);
  case onnx::TensorProto::DOUBLE:
    return makeDtype(kDLFloat, 64);
  case onnx::TensorProto::FLOAT16:
    return makeDtype(kDLFloat, 16);
  case onnx::TensorProto::BFLOAT16:
    return makeDtype(kDLBfloat, 16);
  case onnx::TensorProto::INT8:
    return makeDtype(kDLInt, 8);
  case onnx::TensorProto::INT16:
    return makeDtype(kDLInt, 16);
  case onnx::TensorProto::INT32:
    return makeDtype(kDLInt, 32);
  case onnx::TensorProto::INT64:
    return makeDtype(kDLInt, 64);
  case onnx::TensorProto::UINT8:
    return makeDtype(kDLUInt, 8);
  case onnx::TensorProto::UINT16:
    return makeDtype(kDLUInt, 16);
  case onnx::TensorProto::UINT32:
    return makeDtype(kDLUInt, 32);
  case onnx::TensorProto::UINT64:
    return makeDtype(kDLUInt, 64);
  case onnx::TensorProto::BOOL:
    return makeDtype(kBoolTypeCode, 8);
  default:
    return std::nullopt;
  }
}

/// The ONNX TensorProto data type of a DLPack dtype.
std::optional<int32_t> onnxFromDtype(DLDataType dtype) {
  for (int32_t type = onnx::TensorProto::DataType_MIN;
       type <= onnx::TensorProto::DataType_MAX; ++type)
    if (std::optional<DLDataType> candidate = dtypeFromOnnx(type))
      if (sameDtype(*candidate, dtype))
        return type;
  return std::nullopt;
}

std::string onnxTypeName(int32_t type) {
  if (onnx::TensorProto::DataType_IsValid(type))
    return onnx::TensorProto::DataType_Name(
        static_cast<onnx::TensorProto::DataType>(type));
  return "data type " + std::to_string(type);
}

bool isFloating(DLDataType dtype) {
  return dtype.code == kDLFloat || dtype.code == kDLBfloat;
}

float halfToFloat(uint16_t h) {
  uint32_t sign = static_cast<uint32_t>(h & 0x8000) << 16;
  uint32_t exponent = (h >> 10) & 0x1f;
  uint32_t mantissa = h & 0x3ff;
  if (exponent == 0) {
    // Zero or subnormal: mantissa * 2^-24.
    float magnitude = std::ldexp(static_cast<float>(mantissa), -24);
    return sign ? -magnitude : magnitude;
  }
  uint32_t bits;
  if (exponent == 0x1f)
    bits = sign | 0x7f800000u | (mantissa << 13); // Inf or NaN
  else
    bits = sign | ((exponent + 112) << 23) | (mantissa << 13);
  float result;
  std::memcpy(&result, &bits, sizeof(result));
  return result;
}

float bfloatToFloat(uint16_t b) {
  uint32_t bits = static_cast<uint32_t>(b) << 16;
  float result;
  std::memcpy(&result, &bits, sizeof(result));
  return result;
}

template <typename T> T load(const uint8_t *data, int64_t i) {
  T value;
  std::memcpy(&value, data + i * sizeof(T), sizeof(T));
  return value;
}

/// The number of elements of `shape`, or nullopt when a dimension is
/// negative or the count (times `elementSize`) overflows.
std::optional<int64_t> checkedNumElements(llvm::ArrayRef<int64_t> shape,
                                          size_t elementSize) {
  int64_t count = 1;
  for (int64_t dim : shape)
    if (dim < 0 || __builtin_mul_overflow(count, dim, &count))
      return std::nullopt;
  int64_t bytes;
  if (__builtin_mul_overflow(count, static_cast<int64_t>(elementSize), &bytes))
    return std::nullopt;
  return count;
}

std::string formatIndex(llvm::ArrayRef<int64_t> shape, int64_t flat) {
  if (shape.empty())
    return "[]";
  llvm::SmallVector<int64_t> index(shape.size());
  for (size_t d = shape.size(); d-- > 0;) {
    index[d] = shape[d] ? flat % shape[d] : 0;
    flat = shape[d] ? flat / shape[d] : 0;
  }
  std::string result = "[";
  llvm::raw_string_ostream os(result);
  llvm::interleave(index, os, ",");
  os << "]";
  return result;
}

/// Copies the values of a repeated TensorProto field into `out`, converting
/// each to the element type `T`.
template <typename T, typename Field>
void copyValues(const Field &values, uint8_t *out) {
  for (int i = 0, e = values.size(); i < e; ++i) {
    T value = static_cast<T>(values.Get(i));
    std::memcpy(out + i * sizeof(T), &value, sizeof(T));
  }
}

} // namespace

//===----------------------------------------------------------------------===//
// Dtypes
//===----------------------------------------------------------------------===//

std::string dlc::driver::dtypeName(DLDataType dtype) {
  if (dtype.lanes == 1) {
    std::string bits = std::to_string(dtype.bits);
    switch (dtype.code) {
    case kDLFloat:
      if (dtype.bits == 16 || dtype.bits == 32 || dtype.bits == 64)
        return "float" + bits;
      break;
    case kDLBfloat:
      if (dtype.bits == 16)
        return "bfloat16";
      break;
    case kDLInt:
      if (dtype.bits == 8 || dtype.bits == 16 || dtype.bits == 32 ||
          dtype.bits == 64)
        return "int" + bits;
      break;
    case kDLUInt:
      if (dtype.bits == 8 || dtype.bits == 16 || dtype.bits == 32 ||
          dtype.bits == 64)
        return "uint" + bits;
      break;
    case kBoolTypeCode:
      if (dtype.bits == 8)
        return "bool";
      break;
    default:
      break;
    }
  }
  return "dtype(code=" + std::to_string(dtype.code) +
         ",bits=" + std::to_string(dtype.bits) +
         ",lanes=" + std::to_string(dtype.lanes) + ")";
}

std::optional<size_t> dlc::driver::dtypeSize(DLDataType dtype) {
  if (llvm::StringRef(dtypeName(dtype)).starts_with("dtype("))
    return std::nullopt;
  return dtype.bits / 8;
}

std::string dlc::driver::formatType(DLDataType dtype,
                                    llvm::ArrayRef<int64_t> shape) {
  std::string result = dtypeName(dtype) + "[";
  llvm::raw_string_ostream os(result);
  llvm::interleave(
      shape, os,
      [&](int64_t dim) {
        if (dim < 0)
          os << "?";
        else
          os << dim;
      },
      ",");
  os << "]";
  return result;
}

//===----------------------------------------------------------------------===//
// HostTensor
//===----------------------------------------------------------------------===//

HostTensor::HostTensor(std::string name, DLDataType dtype,
                       std::vector<int64_t> shape)
    : tensorName(std::move(name)), elementType(dtype), dims(std::move(shape)) {
  bytes = static_cast<size_t>(numElements()) * elementSize();
  size_t allocated =
      (std::max<size_t>(bytes, 1) + kAlignment - 1) / kAlignment * kAlignment;
  buffer.reset(
      static_cast<uint8_t *>(std::aligned_alloc(kAlignment, allocated)));
  if (!buffer)
    throw std::bad_alloc();
  std::memset(buffer.get(), 0, allocated);
}

int64_t HostTensor::numElements() const {
  int64_t count = 1;
  for (int64_t dim : dims)
    count *= dim;
  return count;
}

size_t HostTensor::elementSize() const {
  return dtypeSize(elementType).value_or(0);
}

void HostTensor::setDtype(DLDataType dtype) {
  assert(dtypeSize(dtype) == dtypeSize(elementType) && "size changes");
  elementType = dtype;
}

DLTensor HostTensor::view() const {
  DLTensor tensor;
  tensor.data = const_cast<uint8_t *>(buffer.get());
  tensor.device = {kDLCPU, 0};
  tensor.ndim = static_cast<int32_t>(dims.size());
  tensor.dtype = elementType;
  tensor.shape = const_cast<int64_t *>(dims.data());
  tensor.strides = nullptr;
  tensor.byte_offset = 0;
  return tensor;
}

double HostTensor::elementAsDouble(int64_t i) const {
  const uint8_t *p = data();
  switch (elementType.code) {
  case kDLFloat:
    if (elementType.bits == 16)
      return halfToFloat(load<uint16_t>(p, i));
    if (elementType.bits == 32)
      return load<float>(p, i);
    return load<double>(p, i);
  case kDLBfloat:
    return bfloatToFloat(load<uint16_t>(p, i));
  case kDLInt:
    switch (elementType.bits) {
    case 8:
      return load<int8_t>(p, i);
    case 16:
      return load<int16_t>(p, i);
    case 32:
      return load<int32_t>(p, i);
    default:
      return static_cast<double>(load<int64_t>(p, i));
    }
  case kDLUInt:
    switch (elementType.bits) {
    case 8:
      return load<uint8_t>(p, i);
    case 16:
      return load<uint16_t>(p, i);
    case 32:
      return load<uint32_t>(p, i);
    default:
      return static_cast<double>(load<uint64_t>(p, i));
    }
  default: // bool
    return p[i] ? 1.0 : 0.0;
  }
}

std::string HostTensor::formatElement(int64_t i) const {
  const uint8_t *p = data();
  if (isFloating(elementType)) {
    char text[32];
    std::snprintf(text, sizeof(text), "%.6g", elementAsDouble(i));
    return text;
  }
  if (elementType.code == kBoolTypeCode)
    return p[i] ? "true" : "false";
  if (elementType.code == kDLUInt && elementType.bits == 64)
    return std::to_string(load<uint64_t>(p, i));
  if (elementType.code == kDLInt && elementType.bits == 64)
    return std::to_string(load<int64_t>(p, i));
  return std::to_string(static_cast<int64_t>(elementAsDouble(i)));
}

std::string HostTensor::formatValues(int64_t limit) const {
  int64_t count = numElements();
  if (count == 0)
    return "(empty)";
  std::string result;
  for (int64_t i = 0, e = std::min(count, limit); i < e; ++i) {
    if (i)
      result += ' ';
    result += formatElement(i);
  }
  if (count > limit)
    result += " ... (" + std::to_string(count) + " values)";
  return result;
}

void dlc::driver::adoptLegacyBfloat16(HostTensor &tensor, DLDataType wanted) {
  if (sameDtype(wanted, makeDtype(kDLBfloat, 16)) &&
      sameDtype(tensor.dtype(), makeDtype(kDLUInt, 16)))
    tensor.setDtype(wanted);
}

//===----------------------------------------------------------------------===//
// TensorProto files
//===----------------------------------------------------------------------===//

Status dlc::driver::readTensorFile(const std::string &path,
                                   HostTensor &tensor) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> file =
      llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!file)
    return Status::userError("cannot read '" + path +
                             "': " + file.getError().message());
  llvm::StringRef contents = (*file)->getBuffer();
  if (contents.size() > static_cast<size_t>(INT_MAX))
    return Status::userError(path + ": tensor files over 2 GiB are not "
                                    "supported");

  onnx::TensorProto proto;
  if (!proto.ParseFromArray(contents.data(), static_cast<int>(contents.size())))
    return Status::userError(path + ": not an ONNX TensorProto file");
  if (!proto.has_data_type() ||
      proto.data_type() == onnx::TensorProto::UNDEFINED)
    return Status::userError(path +
                             ": not an ONNX TensorProto file (no data type)");

  std::string what = path;
  if (!proto.name().empty())
    what += ": tensor '" + proto.name() + "'";
  std::optional<DLDataType> dtype = dtypeFromOnnx(proto.data_type());
  if (!dtype)
    return Status::userError(what + ": element type " +
                             onnxTypeName(proto.data_type()) +
                             " is not supported");
  if (proto.data_location() == onnx::TensorProto::EXTERNAL)
    return Status::userError(what + ": external data is not supported");
  if (proto.has_segment())
    return Status::userError(what + ": segmented tensors (or sequences) are "
                                    "not supported");

  std::vector<int64_t> shape(proto.dims().begin(), proto.dims().end());
  size_t elementSize = *dtypeSize(*dtype);
  std::optional<int64_t> count = checkedNumElements(shape, elementSize);
  if (!count)
    return Status::userError(what + ": invalid dims " +
                             formatType(*dtype, shape));

  // Find where the values are and check their count before allocating.
  int32_t type = proto.data_type();
  const char *field = "raw_data";
  int64_t available;
  if (proto.has_raw_data()) {
    available = static_cast<int64_t>(proto.raw_data().size());
    if (available != *count * static_cast<int64_t>(elementSize))
      return Status::userError(
          what + ": raw_data holds " + std::to_string(available) +
          " bytes, but " + formatType(*dtype, shape) + " needs " +
          std::to_string(*count * static_cast<int64_t>(elementSize)));
  } else {
    switch (type) {
    case onnx::TensorProto::FLOAT:
      field = "float_data";
      available = proto.float_data_size();
      break;
    case onnx::TensorProto::DOUBLE:
      field = "double_data";
      available = proto.double_data_size();
      break;
    case onnx::TensorProto::INT64:
      field = "int64_data";
      available = proto.int64_data_size();
      break;
    case onnx::TensorProto::UINT32:
    case onnx::TensorProto::UINT64:
      field = "uint64_data";
      available = proto.uint64_data_size();
      break;
    default:
      field = "int32_data";
      available = proto.int32_data_size();
      break;
    }
    if (available != *count)
      return Status::userError(what + ": " + field + " holds " +
                               std::to_string(available) + " values, but " +
                               formatType(*dtype, shape) + " needs " +
                               std::to_string(*count));
  }

  HostTensor result(proto.name(), *dtype, std::move(shape));
  uint8_t *out = result.data();
  if (proto.has_raw_data()) {
    std::memcpy(out, proto.raw_data().data(), result.sizeInBytes());
  } else {
    switch (type) {
    case onnx::TensorProto::FLOAT:
      copyValues<float>(proto.float_data(), out);
      break;
    case onnx::TensorProto::DOUBLE:
      copyValues<double>(proto.double_data(), out);
      break;
    case onnx::TensorProto::INT64:
      copyValues<int64_t>(proto.int64_data(), out);
      break;
    case onnx::TensorProto::UINT32:
      copyValues<uint32_t>(proto.uint64_data(), out);
      break;
    case onnx::TensorProto::UINT64:
      copyValues<uint64_t>(proto.uint64_data(), out);
      break;
    case onnx::TensorProto::INT32:
      copyValues<int32_t>(proto.int32_data(), out);
      break;
    case onnx::TensorProto::INT16:
      copyValues<int16_t>(proto.int32_data(), out);
      break;
    case onnx::TensorProto::INT8:
      copyValues<int8_t>(proto.int32_data(), out);
      break;
    case onnx::TensorProto::BOOL:
      for (int i = 0, e = proto.int32_data_size(); i < e; ++i)
        out[i] = proto.int32_data(i) != 0;
      break;
    default: // UINT8, UINT16, FLOAT16, BFLOAT16: the low bits of int32_data.
      if (elementSize == 1)
        copyValues<uint8_t>(proto.int32_data(), out);
      else
        copyValues<uint16_t>(proto.int32_data(), out);
      break;
    }
  }
  tensor = std::move(result);
  return Status::success();
}

Status dlc::driver::writeTensorFile(const std::string &path,
                                    const HostTensor &tensor) {
  std::optional<int32_t> type = onnxFromDtype(tensor.dtype());
  if (!type)
    return Status::internalError("cannot write " + tensor.typeString() +
                                 " as an ONNX tensor");
  onnx::TensorProto proto;
  proto.set_name(tensor.name());
  for (int64_t dim : tensor.shape())
    proto.add_dims(dim);
  proto.set_data_type(*type);
  proto.set_raw_data(tensor.data(), tensor.sizeInBytes());
  std::string bytes;
  if (!proto.SerializeToString(&bytes))
    return Status::internalError("cannot serialize tensor '" + tensor.name() +
                                 "'");

  llvm::Error error =
      llvm::writeToOutput(path, [&](llvm::raw_ostream &os) -> llvm::Error {
        os << bytes;
        return llvm::Error::success();
      });
  if (error)
    return Status::userError("cannot write '" + path +
                             "': " + llvm::toString(std::move(error)));
  return Status::success();
}

//===----------------------------------------------------------------------===//
// Comparison
//===----------------------------------------------------------------------===//

Comparison dlc::driver::compareTensors(const HostTensor &actual,
                                       const HostTensor &expected,
                                       const Tolerance &tolerance) {
  Comparison result;
  if (!sameDtype(actual.dtype(), expected.dtype()) ||
      actual.shape() != expected.shape()) {
    result.reason =
        "expected " + expected.typeString() + ", got " + actual.typeString();
    return result;
  }
  result.sameType = true;

  bool floating = isFloating(actual.dtype());
  bool boolean = actual.dtype().code == kBoolTypeCode;
  size_t elementSize = actual.elementSize();
  int64_t count = actual.numElements();
  int64_t mismatches = 0;
  int64_t worst = -1;
  double worstDiff = -1;
  for (int64_t i = 0; i < count; ++i) {
    double a = actual.elementAsDouble(i);
    double b = expected.elementAsDouble(i);
    bool close;
    double diff;
    if (floating) {
      if (std::isnan(a) || std::isnan(b)) {
        close = std::isnan(a) && std::isnan(b);
        diff = close ? 0 : INFINITY;
      } else if (a == b) {
        close = true;
        diff = 0;
      } else {
        // An infinity matches only itself (a == b above).
        diff = std::fabs(a - b);
        close = std::isfinite(a) && std::isfinite(b) &&
                diff <= tolerance.atol + tolerance.rtol * std::fabs(b);
        result.maxAbsDiff = std::max(result.maxAbsDiff, diff);
      }
    } else {
      if (boolean)
        close = (actual.data()[i] != 0) == (expected.data()[i] != 0);
      else
        close =
            std::memcmp(actual.data() + i * elementSize,
                        expected.data() + i * elementSize, elementSize) == 0;
      diff = std::fabs(a - b);
      result.maxAbsDiff = std::max(result.maxAbsDiff, diff);
    }
    if (close)
      continue;
    ++mismatches;
    if (diff > worstDiff) {
      worstDiff = diff;
      worst = i;
    }
  }

  result.matches = mismatches == 0;
  if (!result.matches)
    result.reason = std::to_string(mismatches) + " of " +
                    std::to_string(count) + " elements differ; worst at " +
                    formatIndex(actual.shape(), worst) + ": got " +
                    actual.formatElement(worst) + ", expected " +
                    expected.formatElement(worst);
  return result;
}
