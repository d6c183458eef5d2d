//===- Compile.h - dlc's compiler entry point -------------------*- C++ -*-===//
//
// The one function the driver calls: ONNX file in, any stage out. It owns
// no global state, so one process may compile several models.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_PIPELINES_COMPILE_H
#define DLC_PIPELINES_COMPILE_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace dlc {

/// The stages `--emit` can stop after, in pipeline order.
enum class Stage { Onnx, Prim, Linalg, Llvm, Obj, So };
inline constexpr Stage kAllStages[] = {Stage::Onnx, Stage::Prim, Stage::Linalg,
                                       Stage::Llvm, Stage::Obj,  Stage::So};

/// Parses a stage name (`onnx`, `prim`, `linalg`, `llvm`, `obj`, `so`).
std::optional<Stage> parseStage(llvm::StringRef name);
llvm::StringRef stageName(Stage stage);

struct CompileOptions {
  std::string inputPath;
  /// Where to write; "-" is stdout (text stages only). Written to a
  /// temporary name and renamed, so a failed compile leaves nothing.
  std::string outputPath;
  Stage emit = Stage::So;
  unsigned optLevel = 3; // -O0 .. -O3
  /// The target to generate code for, by name (dlc/Target/Target.h).
  std::string target = "cpu";
  /// `--shape NAME=DxD…` overrides for graph inputs.
  llvm::StringMap<llvm::SmallVector<int64_t>> inputShapes;
};

/// Why a compile failed: the user's input (exit code 1) or dlc (exit 2).
enum class FailureKind { None, UserError, InternalError };

struct CompileResult {
  FailureKind failure = FailureKind::None;
  /// Every diagnostic, one per line, already prefixed with the file name.
  std::string message;
  explicit operator bool() const { return failure == FailureKind::None; }
};

CompileResult compile(const CompileOptions &options);

/// What `dlc inspect` reports of an ONNX file.
struct ModelSummary {
  struct Tensor {
    std::string name;
    std::string dtype;             // "float32", "int64", ...
    std::vector<std::string> dims; // a number, or the symbolic name / "?"
  };
  std::vector<Tensor> inputs, outputs;
  std::vector<std::pair<std::string, int64_t>> opsets;      // domain, version
  std::vector<std::pair<std::string, int64_t>> opHistogram; // op type, count
  std::vector<std::string> unsupportedOps; // "Op (opset N): reason"
};

/// Reads an ONNX file and summarizes it. Fails like compile().
CompileResult inspectOnnx(const std::string &path, ModelSummary &summary);

} // namespace dlc

#endif // DLC_PIPELINES_COMPILE_H
