//===- MlirDType.cpp - The MLIR element type of each DType ----------------===//

#include "dlc/Support/MlirDType.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/Support/ErrorHandling.h"

using namespace dlc;
using namespace mlir;

Type dlc::getMlirType(MLIRContext *context, const DType &dtype) {
  switch (dtype.code) {
  case kDLFloat:
    if (dtype.bits == 16)
      return Float16Type::get(context);
    if (dtype.bits == 32)
      return Float32Type::get(context);
    return Float64Type::get(context);
  case kDLBfloat:
    return BFloat16Type::get(context);
  case kDLInt:
    return IntegerType::get(context, dtype.bits);
  case kDLUInt:
    return IntegerType::get(context, dtype.bits, IntegerType::Unsigned);
  case kBoolTypeCode:
    return IntegerType::get(context, 1);
  default:
    llvm_unreachable("a dtype code outside the table");
  }
}

const DType *dlc::dtypeFromMlir(Type type) {
  DLDataType dtype = {0, 0, 1};
  if (type.isInteger(1)) {
    dtype.code = kBoolTypeCode;
    dtype.bits = 8;
  } else if (auto integer = dyn_cast<IntegerType>(type)) {
    if (integer.getWidth() > 64)
      return nullptr;
    dtype.code = integer.isUnsigned() ? kDLUInt : kDLInt;
    dtype.bits = integer.getWidth();
  } else if (type.isBF16()) {
    dtype.code = kDLBfloat;
    dtype.bits = 16;
  } else if (type.isF16() || type.isF32() || type.isF64()) {
    dtype.code = kDLFloat;
    dtype.bits = type.getIntOrFloatBitWidth();
  } else {
    return nullptr;
  }
  return dtypeFromDLPack(dtype);
}
