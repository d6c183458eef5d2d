//===- BackendTest.cpp - Running ONNX backend-test cases ------------------===//

#include "dlc/Driver/BackendTest.h"

#include "dlc/Driver/ModelLibrary.h"
#include "dlc/Pipelines/Compile.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace dlc::driver;
using llvm::StringRef;

namespace {

std::string joinPath(StringRef a, StringRef b) {
  llvm::SmallString<256> path(a);
  llvm::sys::path::append(path, b);
  return std::string(path);
}

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

std::string caseName(const std::string &dir) {
  StringRef trimmed = StringRef(dir).rtrim('/');
  StringRef name = llvm::sys::path::filename(trimmed);
  llvm::SmallString<256> real;
  if ((name.empty() || name == "." || name == "..") &&
      !llvm::sys::fs::real_path(dir, real))
    return llvm::sys::path::filename(real).str();
  return name.empty() ? dir : name.str();
}

} // namespace

Status dlc::driver::runBackendTestCase(const std::string &caseDir,
                                       const BackendTestOptions &options) {
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

  // The shapes of the first data set's tensors, for dynamic graph inputs.
  std::string modelPath = joinPath(caseDir, "model.onnx");
  dlc::ModelSummary summary;
  dlc::CompileResult inspected = dlc::inspectOnnx(modelPath, summary);
  if (!inspected)
    return compileFailure(inspected);
  dlc::CompileOptions compileOptions;
  compileOptions.inputPath = modelPath;
  compileOptions.emit = dlc::Stage::So;
  compileOptions.optLevel = options.optLevel;
  llvm::StringMap<llvm::SmallVector<int64_t>> firstShapes;
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
      firstShapes[input.name] =
          llvm::SmallVector<int64_t>(match->tensor.shape());
  }

  llvm::SmallString<128> tempDir;
  if (std::error_code error =
          llvm::sys::fs::createUniqueDirectory("dlc-test", tempDir))
    return Status::internalError("cannot create a temporary directory: " +
                                 error.message());
  auto removeTempDir = llvm::make_scope_exit(
      [&] { (void)llvm::sys::fs::remove_directories(tempDir); });
  compileOptions.outputPath = joinPath(tempDir, "model.so");
  // Compiled once for every data set's sizes; where dlc cannot lower the
  // dynamic dims yet, specialized on the first data set's shapes.
  dlc::CompileResult compiled = dlc::compile(compileOptions);
  if (!compiled && compiled.failure == dlc::FailureKind::UserError &&
      !firstShapes.empty()) {
    compileOptions.inputShapes = std::move(firstShapes);
    compiled = dlc::compile(compileOptions);
  }
  if (!compiled)
    return compileFailure(compiled);

  // Declared after removeTempDir: unloaded before the directory goes.
  std::unique_ptr<ModelLibrary> library;
  if (Status status = ModelLibrary::load(compileOptions.outputPath, library);
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
    if (Status status = runDataSet(*library, dataSet, options.tolerance);
        !status.ok())
      return status.withContext(dataSetName(i));
  }
  return Status::success();
}

void dlc::driver::collectBackendTestCases(const std::string &arg,
                                          std::vector<BackendTestCase> &cases) {
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
