//===- TensorIO.cpp - Host tensors, ONNX TensorProto files, compare -------===//

#include "dlc/Driver/TensorIO.h"

#include "dlc/Support/TensorProto.h"

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

using namespace dlc;
using namespace dlc::driver;

namespace {

constexpr size_t kAlignment = 64;

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

} // namespace

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
  const DType *row = dtypeFromDLPack(elementType);
  return row ? row->byteSize() : 0;
}

void HostTensor::setDtype(DLDataType dtype) {
  assert(dtypeFromDLPack(dtype) &&
         dtypeFromDLPack(dtype)->byteSize() == elementSize() && "size changes");
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
  if (dtypeFromDLPack(elementType)->isFloatingPoint()) {
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
  if (sameDtype(wanted, {kDLBfloat, 16, 1}) &&
      sameDtype(tensor.dtype(), {kDLUInt, 16, 1}))
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
  llvm::Expected<TensorProtoShape> shape = checkTensorProto(proto);
  if (!shape)
    return Status::userError(what + ": " + llvm::toString(shape.takeError()));
  if (proto.data_location() == onnx::TensorProto::EXTERNAL)
    return Status::userError(what + ": external data is not supported");

  HostTensor result(proto.name(), shape->dtype->dlpack(), shape->dims);
  copyTensorProtoData(proto, *shape, result.data());
  tensor = std::move(result);
  return Status::success();
}

Status dlc::driver::readTensorFiles(const std::vector<std::string> &paths,
                                    std::vector<TensorFile> &files) {
  for (const std::string &path : paths) {
    TensorFile file;
    file.path = path;
    if (Status status = readTensorFile(path, file.tensor); !status.ok())
      return status;
    files.push_back(std::move(file));
  }
  return Status::success();
}

Status dlc::driver::writeTensorFile(const std::string &path,
                                    const HostTensor &tensor) {
  const DType *dtype = dtypeFromDLPack(tensor.dtype());
  if (!dtype)
    return Status::internalError("cannot write " + tensor.typeString() +
                                 " as an ONNX tensor");
  onnx::TensorProto proto;
  proto.set_name(tensor.name());
  for (int64_t dim : tensor.shape())
    proto.add_dims(dim);
  proto.set_data_type(dtype->onnxType);
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

  const DType *dtype = dtypeFromDLPack(actual.dtype());
  bool floating = dtype->isFloatingPoint();
  bool boolean = dtype->isBool();
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
