// RUN: split-file %s %t
// RUN: dlc-opt %t/metadata.mlir -dlc-record-model-metadata | FileCheck %s --check-prefix=META
// RUN: dlc-opt %t/pipeline.mlir -dlc-record-model-metadata -dlc-linalg-to-llvm-pipeline | FileCheck %s --check-prefix=LLVM
// The same pipeline, as its target-independent and CPU halves:
// RUN: dlc-opt %t/pipeline.mlir -dlc-record-model-metadata -dlc-bufferize-pipeline -dlc-cpu-codegen-pipeline | FileCheck %s --check-prefix=LLVM
// RUN: dlc-opt %t/errors.mlir -dlc-record-model-metadata -split-input-file -verify-diagnostics
// RUN: not dlc-opt %t/no-graph.mlir -dlc-linalg-to-llvm-pipeline 2>&1 | FileCheck %s --check-prefix=NOGRAPH

// The runtime reads a model's signature from a text it finds in the shared
// library, one line per tensor:
//   <name length> <name> <DLPack type code> <bits> <rank> <dims...>
// (codes: 0 int, 1 uint, 2 float, 4 bfloat, 6 bool; bool is 8 bits; a
// dynamic dim is -1; an input or output without onnx.name is named by its
// index), and calls dlc_model_entry(args) with one memref descriptor pointer
// per input, then per output.

//--- metadata.mlir

// META: module attributes {dlc.model_metadata = "dlc-model 1\0Ainputs 6\0A11 input image 2 32 4 1 3 -1 -1\0A4 mask 6 8 1 4\0A1 2 0 64 0\0A1 u 1 8 1 2\0A1 h 2 16 1 2\0A1 b 4 16 1 2\0Aoutputs 2\0A6 logits 2 32 2 1 1000\0A1 1 6 8 1 4\0A"}
// META-LABEL: func.func @main_graph
// META-SAME: attributes {llvm.emit_c_interface}
// Other functions are neither described nor marked.
// META-LABEL: func.func @helper
// META-NOT: llvm.emit_c_interface
func.func @main_graph(%x: tensor<1x3x?x?xf32> {onnx.name = "input image"}, %m: tensor<4xi1> {onnx.name = "mask"}, %i: tensor<i64>, %u: tensor<2xui8> {onnx.name = "u"}, %h: tensor<2xf16> {onnx.name = "h"}, %b: tensor<2xbf16> {onnx.name = "b"}) -> (tensor<1x1000xf32> {onnx.name = "logits"}, tensor<4xi1>) {
  %c = arith.constant dense<0.0> : tensor<1x1000xf32>
  return %c, %m : tensor<1x1000xf32>, tensor<4xi1>
}
func.func @helper(%x: tensor<2xf32>) -> tensor<2xf32> {
  return %x : tensor<2xf32>
}

//--- pipeline.mlir

// The whole linalg-to-LLVM pipeline on a one-op graph: everything is in the
// LLVM dialect, exp is approximated (no libm call), the graph has a C
// interface taking the output as an out-parameter, and the ABI pass adds the
// entry point and the NUL-terminated metadata.
// LLVM-NOT: func.func
// LLVM-NOT: linalg.
// LLVM-NOT: expf
// LLVM: llvm.func @main_graph(
// LLVM: llvm.func @_mlir_ciface_main_graph(%{{.*}}: !llvm.ptr {onnx.name = "x"}, %{{.*}}: !llvm.ptr {onnx.name = "y"}
// LLVM: llvm.mlir.global external constant @dlc_model_metadata("dlc-model 1\0Ainputs 1\0A1 x 2 32 1 4\0Aoutputs 1\0A1 y 2 32 1 4\0A\00")
// LLVM: llvm.func @dlc_model_entry(%[[ARGS:[a-z0-9_]+]]: !llvm.ptr
// LLVM: %[[S0:.*]] = llvm.getelementptr %[[ARGS]][0] : (!llvm.ptr) -> !llvm.ptr, !llvm.ptr
// LLVM: %[[IN:.*]] = llvm.load %[[S0]] : !llvm.ptr -> !llvm.ptr
// LLVM: %[[S1:.*]] = llvm.getelementptr %[[ARGS]][1] : (!llvm.ptr) -> !llvm.ptr, !llvm.ptr
// LLVM: %[[OUT:.*]] = llvm.load %[[S1]] : !llvm.ptr -> !llvm.ptr
// LLVM: llvm.call @_mlir_ciface_main_graph(%[[IN]], %[[OUT]]
// LLVM: llvm.return
// The attribute has become the global.
// LLVM-NOT: dlc.model_metadata
#map = affine_map<(d0) -> (d0)>
func.func @main_graph(%x: tensor<4xf32> {onnx.name = "x"}) -> (tensor<4xf32> {onnx.name = "y"}) {
  %e = tensor.empty() : tensor<4xf32>
  %0 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%x : tensor<4xf32>) outs(%e : tensor<4xf32>) {
  ^bb0(%in: f32, %out: f32):
    %1 = math.exp %in : f32
    linalg.yield %1 : f32
  } -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

//--- errors.mlir

// expected-error @+1 {{no main_graph function}}
module {
  func.func @not_the_graph(%x: tensor<2xf32>) -> tensor<2xf32> {
    return %x : tensor<2xf32>
  }
}

// -----

module {
  // expected-error @+1 {{graph value 'x' is not a ranked tensor}}
  func.func @main_graph(%x: tensor<*xf32> {onnx.name = "x"}) -> tensor<*xf32> {
    return %x : tensor<*xf32>
  }
}

//--- no-graph.mlir

// Without main_graph (and so without recorded metadata) there is no entry
// point to emit.
// NOGRAPH: error: dlc-emit-model-abi needs the dlc.model_metadata attribute and an LLVM function _mlir_ciface_main_graph
#map = affine_map<(d0) -> (d0)>
func.func @some_function(%x: tensor<4xf32>) -> tensor<4xf32> {
  %e = tensor.empty() : tensor<4xf32>
  %0 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%x : tensor<4xf32>) outs(%e : tensor<4xf32>) {
  ^bb0(%in: f32, %out: f32):
    %1 = math.exp %in : f32
    linalg.yield %1 : f32
  } -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
