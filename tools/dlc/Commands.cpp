//===- Commands.cpp - dlc's subcommands -----------------------------------===//

#include "Commands.h"
#include "ModelLibrary.h"

#include "dlc/Pipelines/Compile.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/ScopeExit.h"
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

std::string firstLine(StringRef text) {
  return text.ltrim("\r\n").split('\n').first.rtrim().str();
}

std::string plural(size_t count, StringRef noun) {
  return std::to_string(count) + " " + noun.str() + (count == 1 ? "" : "s");
}

std::string formatNumber(double value) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.3g", value);
  return text;
}

/// A failed dlc::compile or dlc::inspectOnnx as a one-line Status.
Status compileFailure(const dlc::CompileResult &result) {
  std::string message = firstLine(result.message);
  if (message.empty())
    message = "compilation failed";
  if (result.failure == dlc::FailureKind::InternalError)
    return Status::internalError(message);
  return Status::userError(message);
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

/// A tensor and the file it came from.
struct TensorFile {
  std::string path;
  HostTensor tensor;
};

Status readTensorFiles(const std::vector<std::string> &paths,
                       std::vector<TensorFile> &files) {
  for (const std::string &path : paths) {
    TensorFile file;
    file.path = path;
    if (Status status = readTensorFile(path, file.tensor); !status.ok())
      return status;
    files.push_back(std::move(file));
  }
  return Status::success();
}

/// Puts `files` in the model's input order: a tensor whose name is an input's
/// name goes there; the others fill the remaining inputs in order. Checks
/// every dtype and shape.
Status bindInputs(const std::vector<TensorSpec> &specs,
                  std::vector<TensorFile> &files,
                  std::vector<HostTensor> &inputs) {
  if (files.size() != specs.size()) {
    std::string expected;
    for (const TensorSpec &spec : specs)
      expected +=
          (expected.empty() ? "" : ", ") + spec.name + ": " + spec.typeString();
    return Status::userError("the model takes " +
                             plural(specs.size(), "input") +
                             (specs.empty() ? "" : " (" + expected + ")") +
                             ", got " + plural(files.size(), "input file"));
  }

  std::vector<int> fileOf(specs.size(), -1);
  std::vector<bool> placed(files.size(), false);
  for (size_t f = 0; f < files.size(); ++f) {
    const std::string &name = files[f].tensor.name();
    if (name.empty())
      continue;
    for (size_t s = 0; s < specs.size(); ++s) {
      if (specs[s].name != name)
        continue;
      if (fileOf[s] >= 0)
        return Status::userError("input '" + name +
                                 "' given twice: " + files[fileOf[s]].path +
                                 " and " + files[f].path);
      fileOf[s] = static_cast<int>(f);
      placed[f] = true;
      break;
    }
  }
  size_t next = 0;
  for (size_t f = 0; f < files.size(); ++f) {
    if (placed[f])
      continue;
    while (fileOf[next] >= 0)
      ++next;
    fileOf[next] = static_cast<int>(f);
  }

  inputs.clear();
  for (size_t s = 0; s < specs.size(); ++s) {
    TensorFile &file = files[fileOf[s]];
    adoptLegacyBfloat16(file.tensor, specs[s].dtype);
    if (!specs[s].accepts(file.tensor))
      return Status::userError("input '" + specs[s].name + "': expected " +
                               specs[s].typeString() + ", got " +
                               file.tensor.typeString() + " from " + file.path);
    inputs.push_back(std::move(file.tensor));
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

std::string joinPath(StringRef a, StringRef b) {
  llvm::SmallString<256> path(a);
  llvm::sys::path::append(path, b);
  return std::string(path);
}

bool fileStartsWith(const std::string &path, StringRef prefix) {
  std::ifstream in(path, std::ios::binary);
  std::string head(prefix.size(), '\0');
  return in.read(head.data(), static_cast<std::streamsize>(head.size())) &&
         head == prefix;
}

//===----------------------------------------------------------------------===//
// dlc test helpers
//===----------------------------------------------------------------------===//

/// One `test_data_set_N` directory, loaded.
struct DataSet {
  std::vector<TensorFile> inputs;
  std::vector<HostTensor> outputs;
};

/// The `test_data_set_N` directories of a case, by increasing N.
Status listDataSets(const std::string &caseDir,
                    std::vector<std::string> &dataSets) {
  std::vector<std::pair<unsigned, std::string>> found;
  std::error_code error;
  for (llvm::sys::fs::directory_iterator it(caseDir, error), end;
       !error && it != end; it.increment(error)) {
    StringRef name = llvm::sys::path::filename(it->path());
    unsigned index;
    if (name.consume_front("test_data_set_") && !name.getAsInteger(10, index) &&
        llvm::sys::fs::is_directory(it->path()))
      found.emplace_back(index, it->path());
  }
  if (error)
    return Status::userError("cannot list '" + caseDir +
                             "': " + error.message());
  llvm::sort(found);
  dataSets.clear();
  for (auto &entry : found)
    dataSets.push_back(std::move(entry.second));
  return Status::success();
}

/// Loads `input_<i>.pb` and `output_<i>.pb` for i = 0, 1, ... until a file
/// is missing.
Status loadDataSet(const std::string &dir, DataSet &dataSet) {
  for (unsigned i = 0;; ++i) {
    std::string path = joinPath(dir, "input_" + std::to_string(i) + ".pb");
    if (!llvm::sys::fs::exists(path))
      break;
    TensorFile file;
    file.path = path;
    if (Status status = readTensorFile(path, file.tensor); !status.ok())
      return status;
    dataSet.inputs.push_back(std::move(file));
  }
  for (unsigned i = 0;; ++i) {
    std::string path = joinPath(dir, "output_" + std::to_string(i) + ".pb");
    if (!llvm::sys::fs::exists(path))
      break;
    HostTensor tensor;
    if (Status status = readTensorFile(path, tensor); !status.ok())
      return status;
    dataSet.outputs.push_back(std::move(tensor));
  }
  if (dataSet.outputs.empty())
    return Status::userError("no output_0.pb in " + dir);
  return Status::success();
}

Status runDataSet(const ModelLibrary &library, DataSet &dataSet,
                  const Tolerance &tolerance) {
  std::vector<HostTensor> inputs;
  if (Status status = bindInputs(library.inputs(), dataSet.inputs, inputs);
      !status.ok())
    return status;
  if (dataSet.outputs.size() != library.outputs().size())
    return Status::userError(
        "the model has " + plural(library.outputs().size(), "output") +
        ", the data set " + plural(dataSet.outputs.size(), "output file"));
  std::vector<HostTensor> outputs;
  if (Status status = library.run(inputs, outputs); !status.ok())
    return status;
  for (size_t i = 0; i < outputs.size(); ++i) {
    adoptLegacyBfloat16(dataSet.outputs[i], outputs[i].dtype());
    Comparison comparison =
        compareTensors(outputs[i], dataSet.outputs[i], tolerance);
    if (!comparison.matches)
      return Status::userError("output " + std::to_string(i) + " '" +
                               outputs[i].name() + "': " + comparison.reason);
  }
  return Status::success();
}

/// Compiles one backend-test case to a temporary model.so and runs every
/// data set through it.
Status runTestCase(const std::string &caseDir, const TestFlags &flags) {
  std::vector<std::string> dataSetDirs;
  if (Status status = listDataSets(caseDir, dataSetDirs); !status.ok())
    return status;
  if (dataSetDirs.empty())
    return Status::userError("no test_data_set_* directories");
  auto dataSetName = [&](size_t i) {
    return llvm::sys::path::filename(dataSetDirs[i]).str();
  };
  DataSet first;
  if (Status status = loadDataSet(dataSetDirs[0], first); !status.ok())
    return status;

  // Give dynamic graph inputs the shapes of the first data set's tensors.
  std::string modelPath = joinPath(caseDir, "model.onnx");
  dlc::ModelSummary summary;
  dlc::CompileResult inspected = dlc::inspectOnnx(modelPath, summary);
  if (!inspected)
    return compileFailure(inspected);
  dlc::CompileOptions options;
  options.inputPath = modelPath;
  options.emit = dlc::Stage::So;
  options.optLevel = flags.optLevel;
  for (size_t i = 0; i < summary.inputs.size(); ++i) {
    const dlc::ModelSummary::Tensor &input = summary.inputs[i];
    bool dynamic = llvm::any_of(input.dims, [](const std::string &dim) {
      int64_t size;
      return StringRef(dim).getAsInteger(10, size) || size < 0;
    });
    if (!dynamic)
      continue;
    const TensorFile *match = nullptr;
    for (const TensorFile &file : first.inputs)
      if (file.tensor.name() == input.name)
        match = &file;
    if (!match && i < first.inputs.size())
      match = &first.inputs[i];
    if (match)
      options.inputShapes[input.name] =
          llvm::SmallVector<int64_t>(match->tensor.shape());
  }

  llvm::SmallString<128> tempDir;
  if (std::error_code error =
          llvm::sys::fs::createUniqueDirectory("dlc-test", tempDir))
    return Status::internalError("cannot create a temporary directory: " +
                                 error.message());
  auto removeTempDir = llvm::make_scope_exit(
      [&] { (void)llvm::sys::fs::remove_directories(tempDir); });
  options.outputPath = joinPath(tempDir, "model.so");
  dlc::CompileResult compiled = dlc::compile(options);
  if (!compiled)
    return compileFailure(compiled);

  // Declared after removeTempDir: unloaded before the directory goes.
  std::unique_ptr<ModelLibrary> library;
  if (Status status = ModelLibrary::load(options.outputPath, library);
      !status.ok())
    return status;
  for (size_t i = 0; i < dataSetDirs.size(); ++i) {
    DataSet dataSet;
    if (i == 0) {
      dataSet = std::move(first);
    } else if (Status status = loadDataSet(dataSetDirs[i], dataSet);
               !status.ok()) {
      return status;
    }
    if (Status status = runDataSet(*library, dataSet, flags.tolerance);
        !status.ok())
      return status.withContext(dataSetName(i));
  }
  return Status::success();
}

/// A test case to run, or an argument that named none.
struct TestCase {
  std::string dir;
  std::string name;
  std::string error; // non-empty: FAIL without running
};

std::string caseName(const std::string &dir) {
  StringRef trimmed = StringRef(dir).rtrim('/');
  StringRef name = llvm::sys::path::filename(trimmed);
  llvm::SmallString<256> real;
  if ((name.empty() || name == "." || name == "..") &&
      !llvm::sys::fs::real_path(dir, real))
    return llvm::sys::path::filename(real).str();
  return name.empty() ? dir : name.str();
}

/// A directory holding model.onnx is a case; any other directory stands
/// for its subdirectories that hold one (e.g. `.../data/node`).
void collectCases(const std::string &arg, std::vector<TestCase> &cases) {
  if (!llvm::sys::fs::is_directory(arg)) {
    cases.push_back(
        {arg, caseName(arg),
         llvm::sys::fs::exists(arg) ? "not a directory" : "no such directory"});
    return;
  }
  if (llvm::sys::fs::exists(joinPath(arg, "model.onnx"))) {
    cases.push_back({arg, caseName(arg), ""});
    return;
  }
  std::vector<std::string> subdirs;
  std::error_code error;
  for (llvm::sys::fs::directory_iterator it(arg, error), end;
       !error && it != end; it.increment(error))
    if (llvm::sys::fs::is_directory(it->path()) &&
        llvm::sys::fs::exists(joinPath(it->path(), "model.onnx")))
      subdirs.push_back(it->path());
  if (error) {
    cases.push_back({arg, caseName(arg), "cannot list: " + error.message()});
    return;
  }
  if (subdirs.empty()) {
    cases.push_back(
        {arg, caseName(arg), "no model.onnx in it or its subdirectories"});
    return;
  }
  llvm::sort(subdirs);
  for (std::string &dir : subdirs)
    cases.push_back({dir, caseName(dir), ""});
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
      std::string path =
          joinPath(flags.outputDir, "output_" + std::to_string(i) + ".pb");
      if (Status status = writeTensorFile(path, output); !status.ok())
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
  std::vector<TestCase> cases;
  for (const std::string &arg : flags.caseDirs)
    collectCases(arg, cases);

  llvm::raw_ostream &os = llvm::outs();
  size_t passed = 0, failed = 0;
  for (const TestCase &testCase : cases) {
    std::string error = testCase.error;
    if (error.empty()) {
      Status status = Status::success();
      try {
        status = runTestCase(testCase.dir, flags);
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
