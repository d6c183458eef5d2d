//===- ModelLibrary.cpp - A compiled model.so loaded with dlopen ----------===//

#include "ModelLibrary.h"

#include "llvm/Support/FileSystem.h"

#include <cstring>
#include <dlfcn.h>
#include <link.h>
#include <type_traits>

using namespace dlc::driver;

namespace {

/// The message of a failed ABI call, falling back to the status's name.
std::string describe(dlc_status status, const dlc_error &error) {
  if (error.message[0])
    return std::string(error.message,
                       strnlen(error.message, sizeof(error.message)));
  switch (status) {
  case DLC_ERROR_INVALID_ARGUMENT:
    return "invalid argument";
  case DLC_ERROR_OUT_OF_MEMORY:
    return "out of memory";
  case DLC_ERROR_INTERNAL:
    return "internal error";
  default:
    return "status " + std::to_string(static_cast<int>(status));
  }
}

/// A failed ABI call: the caller's fault for invalid arguments, dlc's (or
/// the machine's) otherwise.
Status failure(dlc_status status, const dlc_error &error,
               const std::string &context) {
  std::string message = context + ": " + describe(status, error);
  if (status == DLC_ERROR_INVALID_ARGUMENT)
    return Status::userError(message);
  return Status::internalError(message);
}

} // namespace

bool TensorSpec::accepts(const HostTensor &tensor) const {
  if (!sameDtype(dtype, tensor.dtype()) ||
      shape.size() != tensor.shape().size())
    return false;
  for (size_t i = 0; i < shape.size(); ++i)
    if (shape[i] >= 0 && shape[i] != tensor.shape()[i])
      return false;
  return true;
}

Status ModelLibrary::load(const std::string &path,
                          std::unique_ptr<ModelLibrary> &library) {
  if (!llvm::sys::fs::exists(path))
    return Status::userError("cannot open '" + path +
                             "': No such file or directory");
  std::unique_ptr<ModelLibrary> result(new ModelLibrary());
  result->libraryPath = path;
  // Without a slash dlopen would search the library path instead.
  std::string loadPath =
      path.find('/') == std::string::npos ? "./" + path : path;
  result->handle = dlopen(loadPath.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!result->handle) {
    // dlerror() usually starts with the path; say it once.
    const char *error = dlerror();
    llvm::StringRef reason = error ? error : "unknown error";
    reason.consume_front(loadPath + ": ");
    return Status::userError("cannot load '" + path + "': " + reason.str());
  }
  // The loader matches files by inode: if an earlier model that dlclose
  // could not unload had the same inode, dlopen returns that one.
  struct link_map *map = nullptr;
  if (dlinfo(result->handle, RTLD_DI_LINKMAP, &map) == 0 && map &&
      map->l_name && loadPath != map->l_name)
    return Status::internalError("cannot load '" + path +
                                 "': the loader returned '" + map->l_name +
                                 "', which is still loaded");
  if (Status status = result->resolveApi(); !status.ok())
    return status;

  dlc_error error = {};
  dlc_status status = result->api.open(&result->model, &error);
  if (status != DLC_OK || !result->model) {
    result->model = nullptr;
    return failure(status, error, path + ": cannot open the model");
  }
  if (Status specs = result->readSpecs(); !specs.ok())
    return specs.withContext(path);
  library = std::move(result);
  return Status::success();
}

ModelLibrary::~ModelLibrary() {
  if (model)
    api.close(model);
  if (handle)
    dlclose(handle);
}

Status ModelLibrary::resolveApi() {
  auto resolve = [&](auto &function, const char *name,
                     bool required = true) -> Status {
    dlerror();
    void *symbol = dlsym(handle, name);
    if (!symbol && required)
      return Status::userError(libraryPath + ": not a dlc model (no " + name +
                               ")");
    function =
        reinterpret_cast<std::remove_reference_t<decltype(function)>>(symbol);
    return Status::success();
  };
  for (Status status : {
           resolve(api.open, "dlc_model_open"),
           resolve(api.close, "dlc_model_close"),
           resolve(api.numInputs, "dlc_model_num_inputs"),
           resolve(api.numOutputs, "dlc_model_num_outputs"),
           resolve(api.inputInfo, "dlc_model_input_info"),
           resolve(api.outputInfo, "dlc_model_output_info"),
           resolve(api.run, "dlc_model_run"),
           resolve(api.runtimeVersion, "dlc_runtime_version",
                   /*required=*/false),
       })
    if (!status.ok())
      return status;
  return Status::success();
}

Status ModelLibrary::readSpecs() {
  auto read = [&](bool isInput, std::vector<TensorSpec> &specs) -> Status {
    size_t count = isInput ? api.numInputs(model) : api.numOutputs(model);
    const char *kind = isInput ? "input" : "output";
    for (size_t i = 0; i < count; ++i) {
      dlc_tensor_info info = {};
      dlc_error error = {};
      dlc_status status = isInput ? api.inputInfo(model, i, &info, &error)
                                  : api.outputInfo(model, i, &info, &error);
      if (status != DLC_OK)
        return failure(status, error,
                       std::string("cannot describe ") + kind + " " +
                           std::to_string(i));
      if (info.ndim < 0 || (info.ndim > 0 && !info.shape))
        return Status::internalError(std::string("invalid description of ") +
                                     kind + " " + std::to_string(i));
      TensorSpec spec;
      spec.name = info.name ? info.name : "";
      spec.dtype = info.dtype;
      spec.shape.assign(info.shape, info.shape + info.ndim);
      specs.push_back(std::move(spec));
    }
    return Status::success();
  };
  if (Status status = read(/*isInput=*/true, inputSpecs); !status.ok())
    return status;
  return read(/*isInput=*/false, outputSpecs);
}

std::string ModelLibrary::runtimeVersion() const {
  const char *version = api.runtimeVersion ? api.runtimeVersion() : nullptr;
  return version ? version : "";
}

Status ModelLibrary::run(const std::vector<HostTensor> &inputs,
                         std::vector<HostTensor> &outputs) const {
  if (inputs.size() != inputSpecs.size())
    return Status::userError("the model has " +
                             std::to_string(inputSpecs.size()) +
                             " inputs, got " + std::to_string(inputs.size()));
  for (size_t i = 0; i < inputs.size(); ++i)
    if (!inputSpecs[i].accepts(inputs[i]))
      return Status::userError("input '" + inputSpecs[i].name + "': expected " +
                               inputSpecs[i].typeString() + ", got " +
                               inputs[i].typeString());

  std::vector<HostTensor> results;
  results.reserve(outputSpecs.size());
  for (const TensorSpec &spec : outputSpecs) {
    for (int64_t dim : spec.shape)
      if (dim < 0)
        return Status::userError("output '" + spec.name + "' is " +
                                 spec.typeString() +
                                 ": dynamic output shapes not supported yet");
    if (!dtypeSize(spec.dtype))
      return Status::userError("output '" + spec.name + "' has unsupported " +
                               "element type " + dtypeName(spec.dtype));
    results.emplace_back(spec.name, spec.dtype, spec.shape);
  }

  std::vector<DLTensor> inputViews, outputViews;
  for (const HostTensor &tensor : inputs)
    inputViews.push_back(tensor.view());
  for (const HostTensor &tensor : results)
    outputViews.push_back(tensor.view());
  dlc_error error = {};
  dlc_status status = api.run(model, inputViews.data(), inputViews.size(),
                              outputViews.data(), outputViews.size(), &error);
  if (status != DLC_OK)
    return failure(status, error, "model run failed");
  outputs = std::move(results);
  return Status::success();
}
