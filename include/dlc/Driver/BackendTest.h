//===- BackendTest.h - Running ONNX backend-test cases ----------*- C++ -*-===//
//
// What `dlc test` does with each case: a directory holding model.onnx and
// test_data_set_N/ directories of input_<i>.pb and output_<i>.pb files. The
// case is compiled to a temporary model.so, loaded, and run on every data
// set; each output is compared with its reference.
//
//===----------------------------------------------------------------------===//
#ifndef DLC_DRIVER_BACKENDTEST_H
#define DLC_DRIVER_BACKENDTEST_H

#include "dlc/Driver/Status.h"
#include "dlc/Driver/TensorIO.h"

#include <string>
#include <vector>

namespace dlc::driver {

/// How cases are compiled and checked.
struct BackendTestOptions {
  Tolerance tolerance;
  unsigned optLevel = 3;
};

/// A case to run, or an argument that named none.
struct BackendTestCase {
  std::string dir;
  /// The directory's name, as `dlc test` prints it.
  std::string name;
  /// Non-empty: the case fails with this message without running.
  std::string error;
};

/// Appends the cases `arg` names: a directory holding model.onnx is a case;
/// any other directory stands for its subdirectories that hold one (e.g.
/// `.../data/node`), in name order. An argument that names no case is one
/// case with an error.
void collectBackendTestCases(const std::string &arg,
                             std::vector<BackendTestCase> &cases);

/// Compiles the case in `caseDir` once, with its dynamic input dims as they
/// are (or, where dlc cannot lower them yet, with the shapes of the first
/// data set's tensors), and runs every data set through it. Fails on the
/// first data set whose outputs differ, saying which.
Status runBackendTestCase(const std::string &caseDir,
                          const BackendTestOptions &options);

} // namespace dlc::driver

#endif // DLC_DRIVER_BACKENDTEST_H
