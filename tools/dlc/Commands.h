//===- Commands.h - dlc's subcommands ---------------------------*- C++ -*-===//
//
// One function per subcommand. Each takes its parsed flags, prints its
// results to stdout and its errors to stderr ("dlc: error: ..."), and
// returns the process exit code: 0 success, 1 the user's input is at fault,
// 2 an internal error.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_TOOLS_DLC_COMMANDS_H
#define DLC_TOOLS_DLC_COMMANDS_H

#include "dlc/Driver/BackendTest.h"

#include <string>
#include <vector>

namespace dlc::driver {

/// `dlc compile MODEL.onnx [-o OUT] [--emit=STAGE] [--shape NAME=DxD...]
/// [-ON]`.
struct CompileFlags {
  std::string modelPath;
  /// Empty: stdout for text stages, an error for obj and so.
  std::string outputPath;
  std::string emit = "so";
  std::vector<std::string> shapes;
  unsigned optLevel = 3;
};
int compileCommand(const CompileFlags &flags);

/// `dlc run MODEL.so [INPUT.pb...] [--output-dir DIR] [--expect OUT.pb...]`.
struct RunFlags {
  std::string libraryPath;
  std::vector<std::string> inputPaths;
  std::string outputDir;
  std::vector<std::string> expectPaths;
  Tolerance tolerance;
};
int runCommand(const RunFlags &flags);

/// `dlc test CASE_DIR...`: ONNX backend-test cases, one line each, then
/// "N passed, M failed".
struct TestFlags {
  std::vector<std::string> caseDirs;
  BackendTestOptions options;
  bool failFast = false;
};
int testCommand(const TestFlags &flags);

/// `dlc inspect MODEL.onnx|MODEL.so` or `dlc inspect --ops` (the op table:
/// "OP V1,V2,..." per line).
struct InspectFlags {
  std::string path;
  bool ops = false;
};
int inspectCommand(const InspectFlags &flags);

/// The stage names `--emit` accepts, comma-separated, for help and errors.
std::string stageNames();

} // namespace dlc::driver

#endif // DLC_TOOLS_DLC_COMMANDS_H
