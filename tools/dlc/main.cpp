//===- main.cpp - The dlc command-line driver -----------------------------===//
//
// Parses the command line with CLI11 and hands each subcommand to its
// function in Commands.cpp. Exit codes: 0 success, 1 the user's input is at
// fault, 2 an internal error.
//
//===----------------------------------------------------------------------===//

#include "Commands.h"

#include "dlc/Conversion/OnnxToPrim.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/PrettyStackTrace.h"
#include "llvm/Support/Signals.h"
#include "llvm/Support/raw_ostream.h"

#include <CLI/CLI.hpp>
#include <google/protobuf/stubs/common.h>

#include <cstdlib>
#include <new>
#include <unistd.h>

#ifndef DLC_VERSION
#error "DLC_VERSION must be defined by the build (the CMake project version)"
#endif

using namespace dlc::driver;

namespace {

/// LLVM's fatal errors are dlc's fault, never the user's: exit code 2, and
/// no abort.
void onFatalError(void *, const char *reason, bool) {
  llvm::errs() << "dlc: error: internal error: " << reason << "\n";
  llvm::sys::RunInterruptHandlers();
  std::_Exit(ExitInternalError);
}

void onBadAlloc(void *, const char *, bool) {
  static const char message[] = "dlc: error: out of memory\n";
  (void)!::write(STDERR_FILENO, message, sizeof(message) - 1);
  std::_Exit(ExitInternalError);
}

void addToleranceFlags(CLI::App &command, Tolerance &tolerance) {
  command
      .add_option("--rtol", tolerance.rtol,
                  "Relative tolerance: |a - b| <= atol + rtol * |b|")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  command.add_option("--atol", tolerance.atol, "Absolute tolerance")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
}

void addOptLevelFlag(CLI::App &command, unsigned &optLevel) {
  command
      .add_option("-O", optLevel, "Optimization level: -O0, -O1, -O2 or -O3")
      ->type_name("LEVEL")
      ->check(CLI::Range(0, 3))
      ->capture_default_str();
}

int runDriver(int argc, char **argv) {
  CLI::App app("dlc: an ahead-of-time compiler from ONNX models to native "
               "shared libraries.",
               "dlc");
  app.set_version_flag("--version", "dlc " DLC_VERSION);
  app.require_subcommand(1);

  CompileFlags compileFlags;
  CLI::App *compile = app.add_subcommand(
      "compile", "Compile an ONNX model to a shared library, an object file "
                 "or an intermediate stage");
  compile->add_option("model", compileFlags.modelPath, "The ONNX model")
      ->required()
      ->type_name("MODEL.onnx");
  compile
      ->add_option("-o,--output", compileFlags.outputPath,
                   "Output file; '-' is stdout. Required for --emit=obj and "
                   "--emit=so; text stages default to stdout")
      ->type_name("FILE");
  compile
      ->add_option("--emit", compileFlags.emit,
                   "The stage to stop after: " + stageNames())
      ->type_name("STAGE")
      ->capture_default_str();
  compile
      ->add_option("--shape", compileFlags.shapes,
                   "A static shape for a graph input, e.g. "
                   "--shape input=1x3x224x224 (repeatable)")
      ->type_name("NAME=DIMS")
      ->allow_extra_args(false);
  addOptLevelFlag(*compile, compileFlags.optLevel);

  RunFlags runFlags;
  CLI::App *run = app.add_subcommand(
      "run", "Run a compiled model on TensorProto (.pb) inputs");
  run->add_option("model", runFlags.libraryPath, "The compiled model")
      ->required()
      ->type_name("MODEL.so");
  run->add_option("inputs", runFlags.inputPaths,
                  "Input tensors, matched to the model's inputs by tensor "
                  "name, else by position")
      ->type_name("INPUT.pb");
  run->add_option("--output-dir", runFlags.outputDir,
                  "Write each output to DIR/output_<i>.pb (created if "
                  "missing)")
      ->type_name("DIR");
  run->add_option("--expect", runFlags.expectPaths,
                  "Reference outputs, matched to the outputs by position; "
                  "fail unless all are close")
      ->type_name("OUTPUT.pb");
  addToleranceFlags(*run, runFlags.tolerance);

  TestFlags testFlags;
  bool keepGoing = true;
  CLI::App *test =
      app.add_subcommand("test", "Compile and run ONNX backend-test cases");
  test->footer("A case directory holds model.onnx and test_data_set_N/ "
               "directories of input_<i>.pb and output_<i>.pb files. A "
               "directory without model.onnx stands for its subdirectories "
               "that have one.");
  test->add_option("cases", testFlags.caseDirs, "Test case directories")
      ->required()
      ->type_name("CASE_DIR");
  addToleranceFlags(*test, testFlags.options.tolerance);
  addOptLevelFlag(*test, testFlags.options.optLevel);
  CLI::Option *keepGoingFlag = test->add_flag(
      "--keep-going", keepGoing, "Run every case after a failure (default)");
  test->add_flag("--fail-fast", testFlags.failFast,
                 "Stop after the first failing case")
      ->excludes(keepGoingFlag);

  InspectFlags inspectFlags;
  CLI::App *inspect = app.add_subcommand(
      "inspect", "Describe an ONNX model or a compiled model.so, or list the "
                 "ONNX ops dlc compiles");
  CLI::Option *inspectFile =
      inspect->add_option("file", inspectFlags.path, "The model")
          ->type_name("MODEL.onnx|MODEL.so");
  inspect
      ->add_flag("--ops", inspectFlags.ops,
                 "List the ONNX ops dlc compiles instead of describing a "
                 "file")
      ->excludes(inspectFile);
  inspect->footer(
      "--ops prints one line per op type of the default ONNX domain, sorted "
      "by name: the op type, a space, and the opsets from which the rows of "
      "dlc's op table for it apply, ascending and comma-separated (e.g. "
      "'Clip 1,6,11'). A node of opset V is compiled by the row of the "
      "greatest opset <= V; an op type not listed, or an opset below its "
      "first, is not supported. dlc knows opsets up to " +
      std::to_string(dlc::kNewestOpset) + ".");

  app.footer("Run 'dlc COMMAND --help' for a command's options.");

  if (argc <= 1) {
    llvm::errs() << app.help();
    return ExitUserError;
  }
  llvm::StringRef command = argv[1];
  auto named = [&](CLI::App *sub) { return sub->get_name() == command; };
  if (command.starts_with("-") && command != "-h" && command != "--help" &&
      command != "--version") {
    llvm::errs() << "dlc: error: unknown option '" << command
                 << "' (expected a command: compile, run, test or inspect)\n";
    return ExitUserError;
  }
  if (!command.starts_with("-") && app.get_subcommands(named).empty()) {
    llvm::errs() << "dlc: error: unknown command '" << command
                 << "' (expected compile, run, test or inspect)\n";
    return ExitUserError;
  }
  auto usageError = [](const std::string &message) {
    llvm::errs() << "dlc: error: " << message << "\n"
                 << "Run 'dlc --help' or 'dlc COMMAND --help' for usage.\n";
    return ExitUserError;
  };
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError &e) {
    if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success))
      return app.exit(e); // --help, --version
    return usageError(e.what());
  }
  if (*inspect && inspectFlags.path.empty() && !inspectFlags.ops)
    return usageError("file is required (or --ops)");

  if (*compile)
    return compileCommand(compileFlags);
  if (*run)
    return runCommand(runFlags);
  if (*test)
    return testCommand(testFlags);
  return inspectCommand(inspectFlags);
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);
  llvm::setBugReportMsg("PLEASE report this dlc crash, with the command line "
                        "and the model.\n");
  llvm::install_fatal_error_handler(onFatalError);
  llvm::install_bad_alloc_error_handler(onBadAlloc);
  GOOGLE_PROTOBUF_VERIFY_VERSION;

  int exitCode;
  try {
    exitCode = runDriver(argc, argv);
  } catch (const std::bad_alloc &) {
    llvm::errs() << "dlc: error: out of memory\n";
    exitCode = ExitInternalError;
  } catch (const std::exception &e) {
    llvm::errs() << "dlc: error: internal error: " << e.what() << "\n";
    exitCode = ExitInternalError;
  } catch (...) {
    llvm::errs() << "dlc: error: internal error: unknown exception\n";
    exitCode = ExitInternalError;
  }
  llvm::outs().flush();
  if (llvm::outs().has_error()) {
    llvm::outs().clear_error();
    llvm::errs() << "dlc: error: cannot write to stdout\n";
    return exitCode ? exitCode : ExitUserError;
  }
  return exitCode;
}
