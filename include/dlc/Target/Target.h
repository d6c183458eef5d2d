//===- Target.h - what code generation needs of a target --------*- C++ -*-===//
//
// compile() lowers every model to bufferized linalg on memrefs
// (buildBufferizePipeline), then hands it to a Target: its pass pipeline
// lowers to the target's lowest MLIR dialect and emits the runtime ABI, it
// turns that module into code, and it links the code into the artifact.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_TARGET_TARGET_H
#define DLC_TARGET_TARGET_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>

namespace mlir {
class ModuleOp;
class OpPassManager;
} // namespace mlir

namespace dlc {

struct TargetOptions {
  unsigned optLevel = 3; // 0-3
};

class Target {
public:
  virtual ~Target() = default;

  /// The name compile() looks the target up by (`CompileOptions::target`).
  virtual llvm::StringRef name() const = 0;

  /// Bufferized linalg/memref to the target's lowest MLIR dialect, with the
  /// runtime ABI emitted; `dlc-<name>-codegen-pipeline` in dlc-opt.
  virtual void buildCodegenPipeline(mlir::OpPassManager &pm) const = 0;

  /// Translates the output of the codegen pipeline to LLVM IR text, or to
  /// object-file bytes if `asObject`.
  virtual llvm::Expected<std::string> emitCode(mlir::ModuleOp module,
                                               const TargetOptions &options,
                                               bool asObject) const = 0;

  /// Links the object file at `objectPath` (emitCode's bytes) and the
  /// runtime into the loadable artifact at `outputPath`.
  virtual llvm::Error linkArtifact(llvm::StringRef objectPath,
                                   llvm::StringRef outputPath) const = 0;
};

/// The target called `name`, or null if dlc has none by that name.
const Target *lookupTarget(llvm::StringRef name);
/// The names of every target, in the order they were added to dlc.
llvm::SmallVector<llvm::StringRef> targetNames();

} // namespace dlc

#endif // DLC_TARGET_TARGET_H
