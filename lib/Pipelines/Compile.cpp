//===- Compile.cpp - ONNX file in, any stage out --------------------------===//
#include "dlc/Pipelines/Compile.h"

#include "dlc/Conversion/OnnxToPrim.h"
#include "dlc/Dialect/Onnx/IR/OnnxDialect.h"
#include "dlc/Import/Importer.h"
#include "dlc/Pipelines/Pipelines.h"
#include "dlc/Support/MlirDType.h"
#include "dlc/Target/Target.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

using namespace mlir;

namespace dlc {

std::optional<Stage> parseStage(llvm::StringRef name) {
  return llvm::StringSwitch<std::optional<Stage>>(name)
      .Case("onnx", Stage::Onnx)
      .Case("prim", Stage::Prim)
      .Case("linalg", Stage::Linalg)
      .Case("llvm", Stage::Llvm)
      .Case("obj", Stage::Obj)
      .Case("so", Stage::So)
      .Default(std::nullopt);
}

llvm::StringRef stageName(Stage stage) {
  switch (stage) {
  case Stage::Onnx:
    return "onnx";
  case Stage::Prim:
    return "prim";
  case Stage::Linalg:
    return "linalg";
  case Stage::Llvm:
    return "llvm";
  case Stage::Obj:
    return "obj";
  case Stage::So:
    return "so";
  }
  return "?";
}

namespace {

CompileResult failure(FailureKind kind, const std::string &message) {
  CompileResult result;
  result.failure = kind;
  result.message = message;
  return result;
}

/// Collects diagnostics as "PATH: error: message" lines.
class DiagnosticCollector {
public:
  DiagnosticCollector(MLIRContext &context, std::string path)
      : path(std::move(path)), handler(&context, [this](Diagnostic &diag) {
          if (diag.getSeverity() != DiagnosticSeverity::Error)
            return success();
          // Ops a node became carry the node's name as their location;
          // name it unless the message already does.
          std::string message = diag.str();
          auto name = dyn_cast<NameLoc>(diag.getLocation());
          if (name && !StringRef(message).starts_with("node '"))
            message = "node '" + name.getName().str() + "': " + message;
          messages += this->path + ": " + message + "\n";
          // Notes add context, except the IR dumps verifiers attach.
          for (const Diagnostic &note : diag.getNotes())
            if (!StringRef(note.str()).starts_with("see current operation"))
              messages += this->path + ": note: " + note.str() + "\n";
          return success();
        }) {}

  std::string take(const std::string &fallback) {
    std::string result = messages.empty() ? path + ": " + fallback : messages;
    messages.clear();
    if (!result.empty() && result.back() == '\n')
      result.pop_back();
    return result;
  }

private:
  std::string path;
  std::string messages;
  ScopedDiagnosticHandler handler;
};

std::unique_ptr<MLIRContext> makeContext() {
  DialectRegistry registry;
  registerAllDialects(registry);
  registerAllPasses();
  auto context = std::make_unique<MLIRContext>(registry);
  return context;
}

/// Writes `data` to `path` through a temporary file in the same directory,
/// renamed into place once complete ("-" writes to stdout).
llvm::Error writeOutput(const std::string &path, llvm::StringRef data) {
  if (path == "-") {
    llvm::outs() << data;
    llvm::outs().flush();
    return llvm::Error::success();
  }
  llvm::SmallString<256> temp;
  int fd;
  if (auto ec = llvm::sys::fs::createUniqueFile(path + ".tmp-%%%%%%", fd, temp))
    return llvm::createStringError(ec, "cannot create " + path + ": " +
                                           ec.message());
  {
    llvm::raw_fd_ostream os(fd, /*shouldClose=*/true);
    os << data;
    os.close();
    if (os.has_error()) {
      os.clear_error();
      llvm::sys::fs::remove(temp);
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "cannot write " + path);
    }
  }
  if (auto ec = llvm::sys::fs::rename(temp, path)) {
    llvm::sys::fs::remove(temp);
    return llvm::createStringError(ec, "cannot write " + path + ": " +
                                           ec.message());
  }
  return llvm::Error::success();
}

std::string printModule(ModuleOp module) {
  std::string text;
  llvm::raw_string_ostream os(text);
  module.print(os);
  return text;
}

/// Runs `build`'s pipeline on `module`.
LogicalResult runPipeline(MLIRContext &context, ModuleOp module,
                          llvm::function_ref<void(OpPassManager &)> build) {
  PassManager pm(&context);
  build(pm);
  return pm.run(module);
}

} // namespace

CompileResult compile(const CompileOptions &options) {
  bool wantObject = options.emit == Stage::Obj || options.emit == Stage::So;
  if (wantObject && options.outputPath == "-")
    return failure(FailureKind::UserError,
                   "refusing to write binary output to stdout; give -o FILE");
  const Target *target = lookupTarget(options.target);
  if (!target)
    return failure(FailureKind::UserError,
                   "unknown target '" + options.target +
                       "'; dlc knows: " + llvm::join(targetNames(), ", "));
  auto context = makeContext();
  const std::string &path = options.inputPath;
  DiagnosticCollector diagnostics(*context, path);

  ImportOptions importOptions;
  importOptions.inputShapes = options.inputShapes;
  auto imported = importOnnxFile(*context, path, importOptions);
  if (!imported)
    return failure(FailureKind::UserError, toString(imported.takeError()));
  ModuleOp module = imported->get();

  auto emitText = [&]() -> CompileResult {
    if (auto err = writeOutput(options.outputPath, printModule(module)))
      return failure(FailureKind::UserError, toString(std::move(err)));
    return CompileResult();
  };
  if (options.emit == Stage::Onnx)
    return emitText();
  if (failed(runPipeline(*context, module, buildOnnxToPrimPipeline)))
    return failure(FailureKind::UserError,
                   diagnostics.take("cannot convert the model to prim"));
  if (options.emit == Stage::Prim)
    return emitText();
  if (failed(runPipeline(*context, module, buildPrimToLinalgPipeline)))
    return failure(FailureKind::UserError,
                   diagnostics.take("cannot lower the model to linalg"));
  if (options.emit == Stage::Linalg)
    return emitText();
  if (failed(runPipeline(*context, module, [&](OpPassManager &pm) {
        buildBufferizePipeline(pm);
        target->buildCodegenPipeline(pm);
      })))
    return failure(FailureKind::InternalError,
                   diagnostics.take("internal error lowering to LLVM"));

  TargetOptions targetOptions;
  targetOptions.optLevel = options.optLevel;
  auto code = target->emitCode(module, targetOptions, wantObject);
  if (!code)
    return failure(FailureKind::InternalError,
                   path + ": " + toString(code.takeError()));
  if (options.emit != Stage::So) {
    if (auto err = writeOutput(options.outputPath, *code))
      return failure(FailureKind::UserError, toString(std::move(err)));
    return CompileResult();
  }

  llvm::SmallString<256> objectPath, linkedPath;
  if (auto ec =
          llvm::sys::fs::createTemporaryFile("dlc-model", "o", objectPath))
    return failure(FailureKind::InternalError,
                   "cannot create a temporary file: " + ec.message());
  llvm::FileRemover objectRemover(objectPath);
  if (auto err = writeOutput(std::string(objectPath), *code))
    return failure(FailureKind::InternalError, toString(std::move(err)));
  // Link into a temporary file next to the output, renamed into place once
  // complete; creating it first reports an unwritable output as the user's.
  int fd;
  if (auto ec = llvm::sys::fs::createUniqueFile(
          options.outputPath + ".tmp-%%%%%%", fd, linkedPath))
    return failure(FailureKind::UserError,
                   "cannot create " + options.outputPath + ": " + ec.message());
  llvm::sys::Process::SafelyCloseFileDescriptor(fd);
  llvm::FileRemover linkedRemover(linkedPath);
  if (auto err = target->linkArtifact(objectPath, linkedPath))
    return failure(FailureKind::InternalError, toString(std::move(err)));
  if (auto ec = llvm::sys::fs::rename(linkedPath, options.outputPath))
    return failure(FailureKind::UserError,
                   "cannot write " + options.outputPath + ": " + ec.message());
  return CompileResult();
}

static std::string dtypeName(Type type) {
  if (const DType *dtype = dtypeFromMlir(type))
    return dtype->name.str();
  std::string name;
  llvm::raw_string_ostream(name) << type;
  return name;
}

static ModelSummary::Tensor describeTensor(StringRef name, Type type,
                                           ArrayAttr dimParams) {
  ModelSummary::Tensor tensor;
  tensor.name = name.str();
  auto ranked = dyn_cast_if_present<RankedTensorType>(type);
  if (!ranked) {
    tensor.dtype = "?";
    return tensor;
  }
  tensor.dtype = dtypeName(ranked.getElementType());
  for (int64_t d = 0; d < ranked.getRank(); ++d) {
    std::string param;
    if (dimParams && d < (int64_t)dimParams.size())
      param = cast<StringAttr>(dimParams[d]).str();
    if (!ranked.isDynamicDim(d))
      tensor.dims.push_back(std::to_string(ranked.getDimSize(d)));
    else
      tensor.dims.push_back(param.empty() ? "?" : param);
  }
  return tensor;
}

CompileResult inspectOnnx(const std::string &path, ModelSummary &summary) {
  auto context = makeContext();
  DiagnosticCollector diagnostics(*context, path);
  auto imported = importOnnxFile(*context, path);
  if (!imported)
    return failure(FailureKind::UserError, toString(imported.takeError()));
  ModuleOp module = imported->get();
  auto func = module.lookupSymbol<func::FuncOp>(kGraphFunctionName);

  for (unsigned i = 0; i < func.getNumArguments(); ++i) {
    DictionaryAttr attrs = func.getArgAttrDict(i);
    summary.inputs.push_back(describeTensor(
        attrs.getAs<StringAttr>(kNameAttr).getValue(),
        func.getArgumentTypes()[i], attrs.getAs<ArrayAttr>(kDimParamsAttr)));
  }
  if (auto opsets = module->getAttrOfType<DictionaryAttr>(kOpsetImportAttr))
    for (NamedAttribute entry : opsets)
      summary.opsets.emplace_back(
          entry.getName() == "ai.onnx" ? "" : entry.getName().str(),
          cast<IntegerAttr>(entry.getValue()).getInt());
  std::map<std::string, int64_t> histogram;
  std::map<std::string, std::string> unsupported;
  func.walk([&](onnx::NodeOp node) {
    std::string key = node.getDomain().empty()
                          ? node.getOpType().str()
                          : (node.getDomain() + "." + node.getOpType()).str();
    ++histogram[key];
    std::string reason;
    if (!hasOnnxToPrimRule(node.getOpType(), node.getDomain(),
                           node.getVersion(), reason))
      unsupported[key] =
          key + " (opset " + std::to_string(node.getVersion()) + "): " + reason;
  });
  for (const auto &[op, count] : histogram)
    summary.opHistogram.emplace_back(op, count);
  llvm::stable_sort(summary.opHistogram, [](const auto &a, const auto &b) {
    return a.second > b.second;
  });
  for (const auto &entry : unsupported)
    summary.unsupportedOps.push_back(entry.second);

  // Outputs: the type the file declares, else the one conversion infers
  // (if it succeeds; if not, report why: attribute-level limits show here).
  SmallVector<DictionaryAttr> outputAttrs;
  for (unsigned i = 0; i < func.getNumResults(); ++i)
    outputAttrs.push_back(func.getResultAttrDict(i));
  bool converted =
      succeeded(runPipeline(*context, module, buildOnnxToPrimPipeline));
  if (!converted && unsupported.empty())
    summary.unsupportedOps.push_back(diagnostics.take("conversion failed"));
  func = module.lookupSymbol<func::FuncOp>(kGraphFunctionName);
  for (auto [i, attrs] : llvm::enumerate(outputAttrs)) {
    Type type = converted ? func.getResultTypes()[i] : Type();
    if (auto declared = attrs.getAs<TypeAttr>(kDeclaredTypeAttr))
      type = declared.getValue();
    summary.outputs.push_back(
        describeTensor(attrs.getAs<StringAttr>(kNameAttr).getValue(), type,
                       attrs.getAs<ArrayAttr>(kDimParamsAttr)));
  }
  return CompileResult();
}

} // namespace dlc
