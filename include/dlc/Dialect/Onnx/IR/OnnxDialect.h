//===- OnnxDialect.h - the onnx dialect -------------------------*- C++ -*-===//
#ifndef DLC_DIALECT_ONNX_IR_ONNXDIALECT_H
#define DLC_DIALECT_ONNX_IR_ONNXDIALECT_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "dlc/Dialect/Onnx/IR/OnnxOpsDialect.h.inc"

#define GET_TYPEDEF_CLASSES
#include "dlc/Dialect/Onnx/IR/OnnxOpsTypes.h.inc"

#define GET_OP_CLASSES
#include "dlc/Dialect/Onnx/IR/OnnxOps.h.inc"

#endif // DLC_DIALECT_ONNX_IR_ONNXDIALECT_H
