//===- ModelLibrary.h - A compiled model.so loaded with dlopen --*- C++ -*-===//
//
// Loads a shared object produced by `dlc compile`, resolves the runtime's C
// ABI (include/dlc/runtime/dlc_runtime.h) in it, and runs it on host tensors.
// Each library is opened with RTLD_LOCAL, so one process may load many.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_DRIVER_MODELLIBRARY_H
#define DLC_DRIVER_MODELLIBRARY_H

#include "dlc/Driver/Status.h"
#include "dlc/Driver/TensorIO.h"

#include "dlc/runtime/dlc_runtime.h"

#include <memory>
#include <string>
#include <vector>

namespace dlc::driver {

/// One input or output of a compiled model, as its library describes it.
struct TensorSpec {
  std::string name;
  DLDataType dtype;
  std::vector<int64_t> shape;        // -1: dynamic
  std::vector<std::string> dimNames; // a dynamic dim's symbolic name, or ""

  /// "float32[batch,3,224,224]": a dynamic dim by its name, else "?".
  std::string typeString() const;
  /// Whether `tensor` has this dtype and shape (any size for a -1 dim).
  bool accepts(const HostTensor &tensor) const;
};

class ModelLibrary {
public:
  /// Loads `path` and opens the model in it. Fails with a user error when
  /// the file is missing, not a dlc model, or built for another ABI.
  static Status load(const std::string &path,
                     std::unique_ptr<ModelLibrary> &library);

  ModelLibrary(const ModelLibrary &) = delete;
  ModelLibrary &operator=(const ModelLibrary &) = delete;
  /// Closes the model and unloads the library.
  ~ModelLibrary();

  const std::string &path() const { return libraryPath; }
  /// The signature of `main`.
  const std::vector<TensorSpec> &inputs() const { return inputSpecs; }
  const std::vector<TensorSpec> &outputs() const { return outputSpecs; }
  /// The model's function table, `main` first.
  const std::vector<std::string> &functions() const { return functionNames; }
  /// The version of the runtime linked into the library, or "" if it does
  /// not say.
  std::string runtimeVersion() const;

  /// Runs `main` on `inputs` (in the model's input order; checked against
  /// inputs()) and returns its outputs, named, at the shapes the run gives
  /// them (the runtime allocates them).
  Status run(const std::vector<HostTensor> &inputs,
             std::vector<HostTensor> &outputs) const;

private:
  ModelLibrary() = default;

  /// The C ABI's entry points, resolved with dlsym.
  struct Api {
    decltype(&dlc_runtime_abi_version) abiVersion = nullptr;
    decltype(&dlc_model_open) open = nullptr;
    decltype(&dlc_model_close) close = nullptr;
    decltype(&dlc_model_num_functions) numFunctions = nullptr;
    decltype(&dlc_model_function_at) functionAt = nullptr;
    decltype(&dlc_model_find_function) findFunction = nullptr;
    decltype(&dlc_function_name) functionName = nullptr;
    decltype(&dlc_function_num_inputs) numInputs = nullptr;
    decltype(&dlc_function_num_outputs) numOutputs = nullptr;
    decltype(&dlc_function_input_info) inputInfo = nullptr;
    decltype(&dlc_function_output_info) outputInfo = nullptr;
    decltype(&dlc_function_run_alloc) runAlloc = nullptr;
    decltype(&dlc_runtime_version) runtimeVersion = nullptr;
  };

  Status resolveApi();
  Status readSpecs();

  std::string libraryPath;
  void *handle = nullptr;
  dlc_model *model = nullptr;
  const dlc_function *mainFunction = nullptr;
  Api api;
  std::vector<TensorSpec> inputSpecs, outputSpecs;
  std::vector<std::string> functionNames;
};

/// Puts `files` in the order of `specs` (a model's inputs): a tensor whose
/// name is an input's name goes there; the others fill the remaining inputs
/// in order. Checks every dtype and shape (after adoptLegacyBfloat16).
Status bindInputs(const std::vector<TensorSpec> &specs,
                  std::vector<TensorFile> &files,
                  std::vector<HostTensor> &inputs);

} // namespace dlc::driver

#endif // DLC_DRIVER_MODELLIBRARY_H
