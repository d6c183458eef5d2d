//===- PrimDialect.cpp - the prim dialect ---------------------------------===//
#include "dlc/Dialect/Prim/IR/PrimDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace dlc::prim;

#include "dlc/Dialect/Prim/IR/PrimOpsDialect.cpp.inc"

#include "dlc/Dialect/Prim/IR/PrimEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "dlc/Dialect/Prim/IR/PrimAttrs.cpp.inc"

void PrimDialect::initialize() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "dlc/Dialect/Prim/IR/PrimAttrs.cpp.inc"
      >();
  addOperations<
#define GET_OP_LIST
#include "dlc/Dialect/Prim/IR/PrimOps.cpp.inc"
      >();
}

Operation *PrimDialect::materializeConstant(OpBuilder &builder, Attribute value,
                                            Type type, Location loc) {
  auto typed = dyn_cast<TypedAttr>(value);
  if (!typed || typed.getType() != type)
    return nullptr;
  return builder.create<arith::ConstantOp>(loc, type, typed);
}
