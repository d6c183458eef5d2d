//===- Status.cpp - Outcome of one step of a dlc command ------------------===//

#include "dlc/Driver/Status.h"

#include "dlc/Pipelines/Compile.h"

using namespace dlc::driver;

Status dlc::driver::compileFailure(const dlc::CompileResult &result) {
  std::string message = firstLine(result.message);
  if (message.empty())
    message = "compilation failed";
  if (result.failure == dlc::FailureKind::InternalError)
    return Status::internalError(message);
  return Status::userError(message);
}

std::string dlc::driver::firstLine(llvm::StringRef text) {
  return text.ltrim("\r\n").split('\n').first.rtrim().str();
}

std::string dlc::driver::plural(size_t count, llvm::StringRef noun) {
  return std::to_string(count) + " " + noun.str() + (count == 1 ? "" : "s");
}
