//===- DType.cpp - The element types dlc supports, in every spelling ------===//

#include "dlc/Support/DType.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace dlc;

namespace {

// ONNX TensorProto_DataType values (onnx/onnx.proto), so that this table
// needs no protobuf header.
constexpr DType kDTypes[] = {
    {1, "FLOAT", kDLFloat, 32, "float32"},
    {2, "UINT8", kDLUInt, 8, "uint8"},
    {3, "INT8", kDLInt, 8, "int8"},
    {4, "UINT16", kDLUInt, 16, "uint16"},
    {5, "INT16", kDLInt, 16, "int16"},
    {6, "INT32", kDLInt, 32, "int32"},
    {7, "INT64", kDLInt, 64, "int64"},
    {9, "BOOL", kBoolTypeCode, 8, "bool"},
    {10, "FLOAT16", kDLFloat, 16, "float16"},
    {11, "DOUBLE", kDLFloat, 64, "float64"},
    {12, "UINT32", kDLUInt, 32, "uint32"},
    {13, "UINT64", kDLUInt, 64, "uint64"},
    {16, "BFLOAT16", kDLBfloat, 16, "bfloat16"},
};

} // namespace

llvm::ArrayRef<DType> dlc::allDTypes() { return kDTypes; }

const DType *dlc::dtypeFromOnnx(int64_t onnxType) {
  const DType *row = llvm::find_if(
      kDTypes, [&](const DType &d) { return d.onnxType == onnxType; });
  return row == std::end(kDTypes) ? nullptr : row;
}

const DType *dlc::dtypeFromOnnxName(llvm::StringRef onnxName) {
  const DType *row = llvm::find_if(
      kDTypes, [&](const DType &d) { return d.onnxName == onnxName; });
  return row == std::end(kDTypes) ? nullptr : row;
}

const DType *dlc::dtypeFromDLPack(DLDataType dtype) {
  const DType *row = llvm::find_if(
      kDTypes, [&](const DType &d) { return sameDtype(d.dlpack(), dtype); });
  return row == std::end(kDTypes) ? nullptr : row;
}

std::string dlc::dtypeName(DLDataType dtype) {
  if (const DType *row = dtypeFromDLPack(dtype))
    return row->name.str();
  return "dtype(code=" + std::to_string(dtype.code) +
         ",bits=" + std::to_string(dtype.bits) +
         ",lanes=" + std::to_string(dtype.lanes) + ")";
}

std::string dlc::formatType(DLDataType dtype, llvm::ArrayRef<int64_t> shape) {
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
