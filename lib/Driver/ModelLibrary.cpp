//===- ModelLibrary.cpp - A compiled model.so loaded with dlopen ----------===//

#include "dlc/Driver/ModelLibrary.h"

#include "llvm/Support/FileSystem.h"

#include <cstring>
#include <dlfcn.h>
#include <link.h>
#include <type_traits>

using namespace dlc;
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
  case DLC_ERROR_SHAPE:
    return "shape error";
  case DLC_ERROR_UNSUPPORTED:
    return "unsupported";
  default:
    return "status " + std::to_string(static_cast<int>(status));
  }
}

/// A failed ABI call: the caller's fault for invalid arguments and shapes
/// the model refuses, dlc's (or the machine's) otherwise.
Status failure(dlc_status status, const dlc_error &error,
               const std::string &context) {
  std::string message = context + ": " + describe(status, error);
  if (status == DLC_ERROR_INVALID_ARGUMENT || status == DLC_ERROR_SHAPE)
    return Status::userError(message);
  return Status::internalError(message);
}

} // namespace

std::string TensorSpec::typeString() const {
  std::string text = dtypeName(dtype) + "[";
  for (size_t d = 0; d < shape.size(); ++d) {
    if (d)
      text += ",";
    if (shape[d] >= 0)
      text += std::to_string(shape[d]);
    else
      text += d < dimNames.size() && !dimNames[d].empty() ? dimNames[d] : "?";
  }
  return text + "]";
}

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
  if (int version = result->api.abiVersion(); version != DLC_ABI_VERSION)
    return Status::userError(path +
                             ": the model was built for dlc's ABI "
                             "version " +
                             std::to_string(version) + "; this dlc reads " +
                             std::to_string(DLC_ABI_VERSION) +
                             ": compile it again");

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
  auto resolve = [&](auto &function, const char *name) -> Status {
    dlerror();
    void *symbol = dlsym(handle, name);
    if (!symbol)
      return Status::userError(libraryPath + ": not a dlc model (no " + name +
                               ")");
    function =
        reinterpret_cast<std::remove_reference_t<decltype(function)>>(symbol);
    return Status::success();
  };
  // Models of ABI version 1 have dlc_model_open but no ABI version.
  if (!dlsym(handle, "dlc_runtime_abi_version") &&
      dlsym(handle, "dlc_model_open"))
    return Status::userError(libraryPath +
                             ": the model was built for dlc's ABI version 1; "
                             "this dlc reads " +
                             std::to_string(DLC_ABI_VERSION) +
                             ": compile it again");
  for (Status status : {
           resolve(api.abiVersion, "dlc_runtime_abi_version"),
           resolve(api.open, "dlc_model_open"),
           resolve(api.close, "dlc_model_close"),
           resolve(api.numFunctions, "dlc_model_num_functions"),
           resolve(api.functionAt, "dlc_model_function_at"),
           resolve(api.findFunction, "dlc_model_find_function"),
           resolve(api.functionName, "dlc_function_name"),
           resolve(api.numInputs, "dlc_function_num_inputs"),
           resolve(api.numOutputs, "dlc_function_num_outputs"),
           resolve(api.inputInfo, "dlc_function_input_info"),
           resolve(api.outputInfo, "dlc_function_output_info"),
           resolve(api.runAlloc, "dlc_function_run_alloc"),
           resolve(api.runtimeVersion, "dlc_runtime_version"),
       })
    if (!status.ok())
      return status;
  return Status::success();
}

Status ModelLibrary::readSpecs() {
  for (size_t i = 0, e = api.numFunctions(model); i < e; ++i)
    functionNames.push_back(api.functionName(api.functionAt(model, i)));
  dlc_error error = {};
  dlc_status found = api.findFunction(model, "main", &mainFunction, &error);
  if (found != DLC_OK)
    return failure(found, error, "cannot find the function 'main'");
  auto read = [&](bool isInput, std::vector<TensorSpec> &specs) -> Status {
    size_t count =
        isInput ? api.numInputs(mainFunction) : api.numOutputs(mainFunction);
    const char *kind = isInput ? "input" : "output";
    for (size_t i = 0; i < count; ++i) {
      dlc_tensor_info info = {};
      dlc_error error = {};
      dlc_status status = isInput
                              ? api.inputInfo(mainFunction, i, &info, &error)
                              : api.outputInfo(mainFunction, i, &info, &error);
      if (status != DLC_OK)
        return failure(status, error,
                       std::string("cannot describe ") + kind + " " +
                           std::to_string(i));
      if (info.ndim < 0 || (info.ndim > 0 && (!info.shape || !info.dim_names)))
        return Status::internalError(std::string("invalid description of ") +
                                     kind + " " + std::to_string(i));
      TensorSpec spec;
      spec.name = info.name ? info.name : "";
      spec.dtype = info.dtype;
      spec.shape.assign(info.shape, info.shape + info.ndim);
      for (int32_t d = 0; d < info.ndim; ++d)
        spec.dimNames.push_back(info.dim_names[d] ? info.dim_names[d] : "");
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

  for (const TensorSpec &spec : outputSpecs)
    if (!dtypeFromDLPack(spec.dtype))
      return Status::userError("output '" + spec.name + "' has unsupported " +
                               "element type " + dtypeName(spec.dtype));

  std::vector<DLTensor> inputViews;
  for (const HostTensor &tensor : inputs)
    inputViews.push_back(tensor.view());
  std::vector<DLManagedTensor *> managed(outputSpecs.size(), nullptr);
  dlc_error error = {};
  dlc_status status =
      api.runAlloc(mainFunction, inputViews.data(), inputViews.size(),
                   managed.data(), managed.size(), &error);
  if (status != DLC_OK)
    return failure(status, error, "model run failed");
  std::vector<HostTensor> results;
  for (size_t i = 0; i < managed.size(); ++i) {
    const DLTensor &t = managed[i]->dl_tensor;
    HostTensor tensor(outputSpecs[i].name, t.dtype,
                      std::vector<int64_t>(t.shape, t.shape + t.ndim));
    if (tensor.sizeInBytes() > 0)
      std::memcpy(tensor.data(),
                  static_cast<const char *>(t.data) + t.byte_offset,
                  tensor.sizeInBytes());
    results.push_back(std::move(tensor));
  }
  for (DLManagedTensor *tensor : managed)
    tensor->deleter(tensor);
  outputs = std::move(results);
  return Status::success();
}

Status dlc::driver::bindInputs(const std::vector<TensorSpec> &specs,
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
