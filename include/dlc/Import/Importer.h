//===- Importer.h - ONNX ModelProto to the onnx dialect ---------*- C++ -*-===//
#ifndef DLC_IMPORT_IMPORTER_H
#define DLC_IMPORT_IMPORTER_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"

namespace dlc {

struct ImportOptions {
  /// Dims to use for graph inputs instead of the file's (`--shape`); each
  /// entry must have the input's rank.
  llvm::StringMap<llvm::SmallVector<int64_t>> inputShapes;
};

/// Reads an ONNX model file into a module holding one function,
/// `main_graph`, in the onnx dialect. Errors name the file and, where one is
/// at fault, the node and its op type.
llvm::Expected<mlir::OwningOpRef<mlir::ModuleOp>>
importOnnxFile(mlir::MLIRContext &context, llvm::StringRef path,
               const ImportOptions &options = {});

/// Name of the graph function and of the attributes the importer sets.
inline constexpr llvm::StringLiteral kGraphFunctionName = "main_graph";
inline constexpr llvm::StringLiteral kNameAttr = "onnx.name";
inline constexpr llvm::StringLiteral kDimParamsAttr = "onnx.dim_params";
inline constexpr llvm::StringLiteral kDeclaredTypeAttr = "onnx.declared_type";
inline constexpr llvm::StringLiteral kOpsetImportAttr = "onnx.opset_import";
inline constexpr llvm::StringLiteral kSourceAttr = "onnx.source";

} // namespace dlc

#endif // DLC_IMPORT_IMPORTER_H
