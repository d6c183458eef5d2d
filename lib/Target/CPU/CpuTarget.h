//===- CpuTarget.h - the host CPU target ------------------------*- C++ -*-===//
#ifndef DLC_LIB_TARGET_CPU_CPUTARGET_H
#define DLC_LIB_TARGET_CPU_CPUTARGET_H

namespace dlc {

class Target;

/// The host CPU: the LLVM dialect, optimized for the host's triple, CPU and
/// features, linked in process with lld and libdlcrt.a into a model.so.
const Target &getCpuTarget();

} // namespace dlc

#endif // DLC_LIB_TARGET_CPU_CPUTARGET_H
