//===- Target.cpp - the targets dlc generates code for --------------------===//
#include "dlc/Target/Target.h"

#include "CPU/CpuTarget.h"

using namespace dlc;

static llvm::ArrayRef<const Target *> allTargets() {
  static const Target *const targets[] = {&getCpuTarget()};
  return targets;
}

const Target *dlc::lookupTarget(llvm::StringRef name) {
  for (const Target *target : allTargets())
    if (target->name() == name)
      return target;
  return nullptr;
}

llvm::SmallVector<llvm::StringRef> dlc::targetNames() {
  llvm::SmallVector<llvm::StringRef> names;
  for (const Target *target : allTargets())
    names.push_back(target->name());
  return names;
}
