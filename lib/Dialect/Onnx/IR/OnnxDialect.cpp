//===- OnnxDialect.cpp - the onnx dialect ---------------------------------===//
#include "dlc/Dialect/Onnx/IR/OnnxDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace dlc::onnx;

#include "dlc/Dialect/Onnx/IR/OnnxOpsDialect.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "dlc/Dialect/Onnx/IR/OnnxOpsTypes.cpp.inc"

#define GET_OP_CLASSES
#include "dlc/Dialect/Onnx/IR/OnnxOps.cpp.inc"

void OnnxDialect::initialize() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "dlc/Dialect/Onnx/IR/OnnxOpsTypes.cpp.inc"
      >();
  addOperations<
#define GET_OP_LIST
#include "dlc/Dialect/Onnx/IR/OnnxOps.cpp.inc"
      >();
}
