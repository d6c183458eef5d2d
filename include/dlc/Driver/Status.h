//===- Status.h - Outcome of one step of a dlc command ----------*- C++ -*-===//
//
// Every failure the driver reports says whose fault it is: the user's input
// (exit code 1) or dlc itself (exit code 2). With the few helpers that word
// the driver's messages.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_DRIVER_STATUS_H
#define DLC_DRIVER_STATUS_H

#include "llvm/ADT/StringRef.h"

#include <string>
#include <utility>

namespace dlc {
struct CompileResult;
} // namespace dlc

namespace dlc::driver {

/// The exit codes of every dlc command.
enum ExitCode : int {
  ExitSuccess = 0,
  ExitUserError = 1,
  ExitInternalError = 2,
};

/// Success, or a one-line message and the exit code the failure calls for.
class [[nodiscard]] Status {
public:
  static Status success() { return Status(ExitSuccess, {}); }
  static Status userError(std::string message) {
    return Status(ExitUserError, std::move(message));
  }
  static Status internalError(std::string message) {
    return Status(ExitInternalError, std::move(message));
  }

  bool ok() const { return code == ExitSuccess; }
  int exitCode() const { return code; }
  const std::string &message() const { return text; }

  /// Returns this failure with "context: " in front of its message.
  Status withContext(const std::string &context) const {
    return ok() ? *this : Status(code, context + ": " + text);
  }

private:
  Status(int code, std::string text) : code(code), text(std::move(text)) {}

  int code;
  std::string text;
};

/// A failed dlc::compile or dlc::inspectOnnx as a one-line Status.
Status compileFailure(const dlc::CompileResult &result);

/// The first line of `text` after any leading line breaks, without trailing
/// whitespace.
std::string firstLine(llvm::StringRef text);

/// "1 input", "2 inputs".
std::string plural(size_t count, llvm::StringRef noun);

} // namespace dlc::driver

#endif // DLC_DRIVER_STATUS_H
