//===- Commands.cpp - dlc's subcommands -----------------------------------===//

#include "Commands.h"

#include "dlc/Conversion/OnnxToPrim.h"
#include "dlc/Driver/ModelLibrary.h"
#include "dlc/Pipelines/Compile.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdio>
#include <fstream>

using namespace dlc::driver;
using llvm::StringRef;

namespace {

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// Prints "dlc: error: MESSAGE" and returns the failure's exit code.
int report(const Status &status) {
  llvm::outs().flush();
  llvm::errs() << "dlc: error: " << status.message() << "\n";
  return status.exitCode();
}

std::string formatNumber(double value) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.3g", value);
  return text;
}

/// Prints a compiler's diagnostics (all of them) to stderr.
void printDiagnostics(StringRef message) {
  if (message.empty())
    return;
  llvm::outs().flush();
  llvm::errs() << message;
  if (!message.ends_with("\n"))
    llvm::errs() << "\n";
}

/// Parses `--shape NAME=DxDx...` (commas also separate dimensions; an empty
/// list is a scalar).
Status parseShapeFlag(StringRef flag, std::string &name,
                      llvm::SmallVector<int64_t> &dims) {
  auto bad = [&](const std::string &why) {
    return Status::userError("--shape '" + flag.str() + "': " + why);
  };
  size_t equals = flag.rfind('=');
  if (equals == StringRef::npos || equals == 0)
    return bad("expected NAME=DxDx... (e.g. input=1x3x224x224)");
  name = flag.take_front(equals).str();
  StringRef list = flag.drop_front(equals + 1).trim();
  dims.clear();
  if (list.empty())
    return Status::success();
  llvm::SmallVector<StringRef> parts;
  list.split(parts, list.contains(',') ? ',' : 'x');
  for (StringRef part : parts) {
    int64_t dim;
    if (part.trim().getAsInteger(10, dim) || dim < 0)
      return bad("'" + part.str() + "' is not a dimension (a non-negative " +
                 "integer)");
    dims.push_back(dim);
  }
  return Status::success();
}

/// "max abs diff 1.2e-07: ok", or what differs.
std::string describe(const Comparison &comparison) {
  if (!comparison.sameType)
    return "MISMATCH: " + comparison.reason;
  std::string text = "max abs diff " + formatNumber(comparison.maxAbsDiff);
  return text +
         (comparison.matches ? ": ok" : ": MISMATCH: " + comparison.reason);
}

bool fileStartsWith(const std::string &path, StringRef prefix) {
  std::ifstream in(path, std::ios::binary);
  std::string head(prefix.size(), '\0');
  return in.read(head.data(), static_cast<std::streamsize>(head.size())) &&
         head == prefix;
}

//===----------------------------------------------------------------------===//
// dlc inspect helpers
//===----------------------------------------------------------------------===//

void printSpecs(llvm::raw_ostream &os, StringRef title,
                const std::vector<TensorSpec> &specs) {
  os << title << ":\n";
  if (specs.empty())
    os << "  (none)\n";
  for (const TensorSpec &spec : specs)
    os << "  " << spec.name << ": " << spec.typeString() << "\n";
}

void printSummaryTensors(llvm::raw_ostream &os, StringRef title,
                         const std::vector<dlc::ModelSummary::Tensor> &list) {
  os << title << ":\n";
  if (list.empty())
    os << "  (none)\n";
  for (const dlc::ModelSummary::Tensor &tensor : list)
    os << "  " << tensor.name << ": " << tensor.dtype << "["
       << llvm::join(tensor.dims, ",") << "]\n";
}

int inspectLibrary(const std::string &path) {
  std::unique_ptr<ModelLibrary> library;
  if (Status status = ModelLibrary::load(path, library); !status.ok())
    return report(status);
  llvm::raw_ostream &os = llvm::outs();
  std::string version = library->runtimeVersion();
  os << "runtime: dlc " << (version.empty() ? "(unknown)" : version) << "\n";
  os << "functions: " << llvm::join(library->functions(), ", ") << "\n";
  printSpecs(os, "inputs", library->inputs());
  printSpecs(os, "outputs", library->outputs());
  return ExitSuccess;
}

int inspectModel(const std::string &path) {
  dlc::ModelSummary summary;
  dlc::CompileResult result = dlc::inspectOnnx(path, summary);
  printDiagnostics(result.message);
  if (!result)
    return result.failure == dlc::FailureKind::InternalError ? ExitInternalError
                                                             : ExitUserError;

  llvm::raw_ostream &os = llvm::outs();
  printSummaryTensors(os, "inputs", summary.inputs);
  printSummaryTensors(os, "outputs", summary.outputs);
  os << "opsets:";
  for (size_t i = 0; i < summary.opsets.size(); ++i) {
    const auto &[domain, version] = summary.opsets[i];
    os << (i ? ", " : " ") << (domain.empty() ? "ai.onnx" : domain) << " "
       << version;
  }
  os << "\n";

  std::vector<std::pair<std::string, int64_t>> histogram = summary.opHistogram;
  llvm::stable_sort(histogram, [](const auto &a, const auto &b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  int64_t nodes = 0;
  size_t width = 0;
  for (const auto &[op, count] : histogram) {
    nodes += count;
    width = std::max(width, op.size());
  }
  os << "ops: " << plural(nodes, "node") << ", "
     << plural(histogram.size(), "op type") << "\n";
  for (const auto &[op, count] : histogram)
    os << "  " << llvm::left_justify(op, width) << "  " << count << "\n";

  if (summary.unsupportedOps.empty()) {
    os << "all ops supported\n";
  } else {
    os << "unsupported:\n";
    for (const std::string &op : summary.unsupportedOps)
      os << "  " << op << "\n";
  }
  return ExitSuccess;
}

/// One line per op type: "Clip 1,6,11".
int inspectOps() {
  llvm::raw_ostream &os = llvm::outs();
  for (const dlc::OnnxToPrimOp &op : dlc::listOnnxToPrimOps()) {
    os << op.opType << " ";
    llvm::interleave(op.sinceVersions, os, ",");
    os << "\n";
  }
  return ExitSuccess;
}

} // namespace

//===----------------------------------------------------------------------===//
// Commands
//===----------------------------------------------------------------------===//

std::string dlc::driver::stageNames() {
  std::string names;
  for (dlc::Stage stage : dlc::kAllStages)
    names += (names.empty() ? "" : ", ") + dlc::stageName(stage).str();
  return names;
}

int dlc::driver::compileCommand(const CompileFlags &flags) {
  dlc::CompileOptions options;
  options.inputPath = flags.modelPath;
  options.optLevel = flags.optLevel;
  std::optional<dlc::Stage> stage = dlc::parseStage(flags.emit);
  if (!stage)
    return report(Status::userError(
        "unknown stage '" + flags.emit +
        "' for --emit (expected one of: " + stageNames() + ")"));
  options.emit = *stage;
  for (const std::string &flag : flags.shapes) {
    std::string name;
    llvm::SmallVector<int64_t> dims;
    if (Status status = parseShapeFlag(flag, name, dims); !status.ok())
      return report(status);
    if (!options.inputShapes.try_emplace(name, std::move(dims)).second)
      return report(
          Status::userError("--shape given twice for input '" + name + "'"));
  }

  bool binary = *stage == dlc::Stage::Obj || *stage == dlc::Stage::So;
  if (flags.outputPath.empty() && binary)
    return report(
        Status::userError("--emit=" + flags.emit +
                          " needs an output file: add -o FILE (e.g. -o " +
                          llvm::sys::path::stem(flags.modelPath).str() +
                          (*stage == dlc::Stage::So ? ".so" : ".o") + ")"));
  if (flags.outputPath == "-" && binary)
    return report(Status::userError("--emit=" + flags.emit +
                                    " output is binary: it cannot go to "
                                    "stdout; name a file with -o"));
  options.outputPath = flags.outputPath.empty() ? "-" : flags.outputPath;

  dlc::CompileResult result = dlc::compile(options);
  llvm::outs().flush();
  printDiagnostics(result.message);
  if (result)
    return ExitSuccess;
  if (result.message.empty())
    return report(compileFailure(result));
  return result.failure == dlc::FailureKind::InternalError ? ExitInternalError
                                                           : ExitUserError;
}

int dlc::driver::runCommand(const RunFlags &flags) {
  std::unique_ptr<ModelLibrary> library;
  if (Status status = ModelLibrary::load(flags.libraryPath, library);
      !status.ok())
    return report(status);

  std::vector<TensorFile> inputFiles, expectFiles;
  if (Status status = readTensorFiles(flags.inputPaths, inputFiles);
      !status.ok())
    return report(status);
  if (Status status = readTensorFiles(flags.expectPaths, expectFiles);
      !status.ok())
    return report(status);
  const std::vector<TensorSpec> &outputSpecs = library->outputs();
  if (expectFiles.size() > outputSpecs.size())
    return report(Status::userError(
        "got " + plural(expectFiles.size(), "--expect file") +
        ", but the model has " + plural(outputSpecs.size(), "output")));

  std::vector<HostTensor> inputs, outputs;
  if (Status status = bindInputs(library->inputs(), inputFiles, inputs);
      !status.ok())
    return report(status);
  if (Status status = library->run(inputs, outputs); !status.ok())
    return report(status);

  if (!flags.outputDir.empty())
    if (std::error_code error =
            llvm::sys::fs::create_directories(flags.outputDir))
      return report(Status::userError("cannot create directory '" +
                                      flags.outputDir +
                                      "': " + error.message()));

  llvm::raw_ostream &os = llvm::outs();
  std::vector<std::string> mismatches;
  for (size_t i = 0; i < outputs.size(); ++i) {
    const HostTensor &output = outputs[i];
    os << "output " << i << " '" << output.name()
       << "': " << output.typeString() << "\n";
    os << "  values:   " << output.formatValues() << "\n";
    if (i < expectFiles.size()) {
      HostTensor &expected = expectFiles[i].tensor;
      adoptLegacyBfloat16(expected, output.dtype());
      os << "  expected: " << expected.formatValues() << "\n";
      Comparison comparison = compareTensors(output, expected, flags.tolerance);
      os << "  " << describe(comparison) << "\n";
      if (!comparison.matches)
        mismatches.push_back(std::to_string(i) + " '" + output.name() + "'");
    }
    if (!flags.outputDir.empty()) {
      llvm::SmallString<256> path(flags.outputDir);
      llvm::sys::path::append(path, "output_" + std::to_string(i) + ".pb");
      if (Status status = writeTensorFile(std::string(path), output);
          !status.ok())
        return report(status);
    }
  }
  if (!mismatches.empty())
    return report(
        Status::userError((mismatches.size() == 1 ? "output " : "outputs ") +
                          llvm::join(mismatches, ", ") +
                          (mismatches.size() == 1 ? " does" : " do") +
                          " not match the expected values (rtol " +
                          formatNumber(flags.tolerance.rtol) + ", atol " +
                          formatNumber(flags.tolerance.atol) + ")"));
  return ExitSuccess;
}

int dlc::driver::testCommand(const TestFlags &flags) {
  std::vector<BackendTestCase> cases;
  for (const std::string &arg : flags.caseDirs)
    collectBackendTestCases(arg, cases);

  llvm::raw_ostream &os = llvm::outs();
  size_t passed = 0, failed = 0;
  for (const BackendTestCase &testCase : cases) {
    std::string error = testCase.error;
    if (error.empty()) {
      Status status = Status::success();
      try {
        status = runBackendTestCase(testCase.dir, flags.options);
      } catch (const std::bad_alloc &) {
        status = Status::internalError("out of memory");
      } catch (const std::exception &e) {
        status =
            Status::internalError(std::string("internal error: ") + e.what());
      }
      if (!status.ok())
        error = firstLine(status.message());
      if (!status.ok() && error.empty())
        error = "failed";
    }
    if (error.empty()) {
      ++passed;
      os << "PASS " << testCase.name << "\n";
    } else {
      ++failed;
      os << "FAIL " << testCase.name << ": " << error << "\n";
    }
    os.flush();
    if (failed && flags.failFast)
      break;
  }
  os << passed << " passed, " << failed << " failed\n";
  os.flush();
  return failed ? ExitUserError : ExitSuccess;
}

int dlc::driver::inspectCommand(const InspectFlags &flags) {
  if (flags.ops)
    return inspectOps();
  if (llvm::sys::fs::is_directory(flags.path))
    return report(Status::userError("'" + flags.path + "' is a directory"));
  if (!llvm::sys::fs::exists(flags.path))
    return report(Status::userError("cannot open '" + flags.path +
                                    "': No such file or directory"));
  if (fileStartsWith(flags.path, "\177ELF") ||
      llvm::sys::path::extension(flags.path) == ".so")
    return inspectLibrary(flags.path);
  return inspectModel(flags.path);
}
