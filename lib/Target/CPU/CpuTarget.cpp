//===- CpuTarget.cpp - the host CPU: LLVM dialect, object code, model.so --===//
#include "CpuTarget.h"

#include "dlc/Target/Target.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Target/LLVMIR/Dialect/Builtin/BuiltinToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Dialect/LLVMIR/LLVMToLLVMIRTranslation.h"
#include "mlir/Target/LLVMIR/Export.h"

#include "lld/Common/Driver.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/SubtargetFeature.h"

#include <mutex>

LLD_HAS_DRIVER(elf)

using namespace mlir;

namespace {

llvm::Error makeError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

std::unique_ptr<llvm::TargetMachine> createHostMachine(unsigned optLevel,
                                                       std::string &error) {
  static std::once_flag initialized;
  std::call_once(initialized, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
  });
  std::string triple = llvm::sys::getDefaultTargetTriple();
  const llvm::Target *target =
      llvm::TargetRegistry::lookupTarget(triple, error);
  if (!target)
    return nullptr;
  llvm::SubtargetFeatures features;
  for (const auto &feature : llvm::sys::getHostCPUFeatures())
    features.AddFeature(feature.first(), feature.second);
  llvm::TargetOptions options;
  auto level = optLevel == 0   ? llvm::CodeGenOptLevel::None
               : optLevel == 1 ? llvm::CodeGenOptLevel::Less
               : optLevel == 2 ? llvm::CodeGenOptLevel::Default
                               : llvm::CodeGenOptLevel::Aggressive;
  return std::unique_ptr<llvm::TargetMachine>(target->createTargetMachine(
      triple, llvm::sys::getHostCPUName(), features.getString(), options,
      llvm::Reloc::PIC_, std::nullopt, level));
}

/// libdlcrt.a lies next to the running executable, in ../lib.
std::string runtimeArchive() {
  std::string exe = llvm::sys::fs::getMainExecutable(
      nullptr, reinterpret_cast<void *>(&runtimeArchive));
  llvm::SmallString<256> path(llvm::sys::path::parent_path(exe));
  llvm::sys::path::append(path, "..", "lib", "libdlcrt.a");
  return std::string(path);
}

class CpuTarget final : public dlc::Target {
public:
  llvm::StringRef name() const override { return "cpu"; }
  void buildCodegenPipeline(OpPassManager &pm) const override;
  llvm::Expected<std::string> emitCode(ModuleOp module,
                                       const dlc::TargetOptions &options,
                                       bool asObject) const override;
  llvm::Error linkArtifact(llvm::StringRef objectPath,
                           llvm::StringRef outputPath) const override;
};

} // namespace

const dlc::Target &dlc::getCpuTarget() {
  static const CpuTarget target;
  return target;
}

void CpuTarget::buildCodegenPipeline(OpPassManager &pm) const {
  // A fixed string: failing to parse it is a bug in dlc.
  if (failed(parsePassPipeline(
          "dlc-lower-shape-checks,dlc-linalg-to-microkernels,"
          "func.func(dlc-lower-memref-copy,convert-linalg-to-loops,"
          "dlc-approximate-math),"
          "canonicalize,expand-strided-metadata,lower-affine,arith-expand,"
          "convert-scf-to-cf,"
          "finalize-memref-to-llvm{use-generic-functions},"
          "convert-math-to-funcs,convert-math-to-llvm,convert-math-to-libm,"
          "convert-arith-to-llvm,convert-index-to-llvm,convert-func-to-llvm,"
          "convert-cf-to-llvm,reconcile-unrealized-casts,"
          "dlc-emit-model-abi",
          pm, llvm::errs())))
    llvm::report_fatal_error("dlc: malformed built-in pass pipeline");
}

llvm::Expected<std::string>
CpuTarget::emitCode(ModuleOp module, const dlc::TargetOptions &options,
                    bool asObject) const {
  unsigned optLevel = options.optLevel;
  std::string error;
  auto machine = createHostMachine(optLevel, error);
  if (!machine)
    return makeError("cannot target the host CPU: " + error);

  DialectRegistry registry;
  registerBuiltinDialectTranslation(registry);
  registerLLVMDialectTranslation(registry);
  module->getContext()->appendDialectRegistry(registry);

  llvm::LLVMContext llvmContext;
  auto llvmModule = translateModuleToLLVMIR(module, llvmContext, "model");
  if (!llvmModule)
    return makeError("cannot translate the LLVM dialect to LLVM IR");
  llvmModule->setTargetTriple(machine->getTargetTriple().getTriple());
  llvmModule->setDataLayout(machine->createDataLayout());
  // Only the runtime, linked into the same library, calls into the model.
  for (llvm::GlobalValue &value : llvmModule->global_values())
    if (!value.isDeclaration() && !value.hasLocalLinkage())
      value.setVisibility(llvm::GlobalValue::HiddenVisibility);

  if (optLevel > 0) {
    llvm::LoopAnalysisManager lam;
    llvm::FunctionAnalysisManager fam;
    llvm::CGSCCAnalysisManager cgam;
    llvm::ModuleAnalysisManager mam;
    llvm::PipelineTuningOptions tuning;
    tuning.LoopVectorization = optLevel >= 2;
    tuning.SLPVectorization = optLevel >= 2;
    llvm::PassBuilder builder(machine.get(), tuning);
    builder.registerModuleAnalyses(mam);
    builder.registerCGSCCAnalyses(cgam);
    builder.registerFunctionAnalyses(fam);
    builder.registerLoopAnalyses(lam);
    builder.crossRegisterProxies(lam, fam, cgam, mam);
    llvm::OptimizationLevel level = optLevel == 1 ? llvm::OptimizationLevel::O1
                                    : optLevel == 2
                                        ? llvm::OptimizationLevel::O2
                                        : llvm::OptimizationLevel::O3;
    builder.buildPerModuleDefaultPipeline(level).run(*llvmModule, mam);
  }

  std::string out;
  llvm::raw_string_ostream stream(out);
  if (!asObject) {
    llvmModule->print(stream, nullptr);
    return out;
  }
  llvm::SmallVector<char, 0> buffer;
  llvm::raw_svector_ostream objectStream(buffer);
  llvm::legacy::PassManager codegen;
  if (machine->addPassesToEmitFile(codegen, objectStream, nullptr,
                                   llvm::CodeGenFileType::ObjectFile))
    return makeError("the host target cannot emit object files");
  codegen.run(*llvmModule);
  return std::string(buffer.begin(), buffer.end());
}

llvm::Error CpuTarget::linkArtifact(llvm::StringRef objectPath,
                                    llvm::StringRef outputPath) const {
  std::string runtime = runtimeArchive();
  if (!llvm::sys::fs::exists(runtime))
    return makeError("the runtime library " + runtime +
                     " is missing (is dlc installed correctly?)");
  // lld keeps global state between runs; serialize links in this process.
  static std::mutex linkMutex;
  std::lock_guard<std::mutex> lock(linkMutex);
  std::vector<std::string> args = {
      "ld.lld",
      "-shared",
      "--no-undefined",
      "--build-id=none",
      "--hash-style=gnu",
      "--eh-frame-hdr",
      "-z",
      "noexecstack",
      "-z",
      "now",
      "-o",
      outputPath.str(),
      objectPath.str(),
      // Nothing in the model references the runtime's public functions.
      "--whole-archive",
      runtime,
      "--no-whole-archive",
      "-L/usr/lib/x86_64-linux-gnu",
      "-L/lib/x86_64-linux-gnu",
      "--as-needed",
      "-lm",
      "-lc",
  };
  std::vector<const char *> argv;
  for (const std::string &arg : args)
    argv.push_back(arg.c_str());
  std::string errors;
  llvm::raw_string_ostream errorStream(errors);
  llvm::raw_null_ostream outStream;
  lld::Result result =
      lld::lldMain(argv, outStream, errorStream, {{lld::Gnu, &lld::elf::link}});
  if (result.retCode != 0)
    return makeError("linking " + outputPath + " failed: " + errors);
  return llvm::Error::success();
}
