//===- CpuTarget.h - LLVM dialect to host object code and model.so -*- C++ -*-//
#ifndef DLC_TARGET_CPUTARGET_H
#define DLC_TARGET_CPUTARGET_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>

namespace mlir {
class ModuleOp;
} // namespace mlir

namespace dlc {

/// Translates an LLVM-dialect module to LLVM IR for the host CPU (its
/// triple, CPU name and features), optimized at `optLevel` (0-3).
/// `asObject` selects ELF object bytes (position independent) instead of
/// textual LLVM IR.
llvm::Expected<std::string> emitHostCode(mlir::ModuleOp module,
                                         unsigned optLevel, bool asObject);

/// Links `objectPath` with the runtime archive into a shared library at
/// `outputPath` with lld, in process. The library needs only libc and libm.
llvm::Error linkSharedLibrary(llvm::StringRef objectPath,
                              llvm::StringRef runtimeArchive,
                              llvm::StringRef outputPath);

} // namespace dlc

#endif // DLC_TARGET_CPUTARGET_H
