// RUN: split-file %s %t
// RUN: dlc-opt %t/metadata.mlir -dlc-record-model-metadata | FileCheck %s --check-prefix=META
// RUN: dlc-opt %t/pipeline.mlir -dlc-record-model-metadata -dlc-linalg-to-llvm-pipeline | FileCheck %s --check-prefix=LLVM
// The same pipeline, as its target-independent and CPU halves:
// RUN: dlc-opt %t/pipeline.mlir -dlc-record-model-metadata -dlc-bufferize-pipeline -dlc-cpu-codegen-pipeline | FileCheck %s --check-prefix=LLVM
// RUN: dlc-opt %t/errors.mlir -dlc-record-model-metadata -split-input-file -verify-diagnostics
// RUN: dlc-opt %t/dynamic.mlir -dlc-record-model-metadata -one-shot-bufferize="bufferize-function-boundaries function-boundary-type-conversion=identity-layout-map" -dlc-abi-out-params | FileCheck %s --check-prefix=PARAMS
// RUN: dlc-opt %t/dynamic.mlir -dlc-record-model-metadata -dlc-linalg-to-llvm-pipeline | FileCheck %s --check-prefix=DYN
// RUN: not dlc-opt %t/no-graph.mlir -dlc-linalg-to-llvm-pipeline 2>&1 | FileCheck %s --check-prefix=NOGRAPH

// The runtime reads a model's function table from a text it finds in the
// shared library (version 2): `function <len> <name>`, then one line per
// tensor:
//   <name length> <name> <DLPack type code> <bits> <rank> <dims...>
// (codes: 0 int, 1 uint, 2 float, 4 bfloat, 6 bool; bool is 8 bits; a
// dynamic dim is -1, or ?<len>:<name> with its symbolic name; an input or
// output without onnx.name is named by its index), and calls entry i of
// dlc_model_functions with one memref descriptor pointer per input, then
// per output.

//--- metadata.mlir

// META: module attributes {dlc.functions = [@main_graph], dlc.model_metadata = "dlc-model 2\0Afunction 4 main\0Ainputs 7\0A11 input image 2 32 4 1 3 ?5:batch -1\0A4 mask 6 8 1 4\0A1 2 0 64 0\0A1 u 1 8 1 2\0A1 h 2 16 1 2\0A1 b 4 16 1 2\0A1 6 2 32 1 -1\0Aoutputs 3\0A6 logits 2 32 2 1 1000\0A1 1 6 8 1 4\0A1 v 2 32 1 ?5:batch\0A"}
// META-LABEL: func.func @main_graph
// Results with a dynamic dim are marked: the function returns them.
// META-SAME: -> (tensor<1x1000xf32> {onnx.name = "logits"}, tensor<4xi1>, tensor<?xf32> {dlc.dynamic_output, onnx.dim_params = ["batch"], onnx.name = "v"})
// META-SAME: attributes {llvm.emit_c_interface}
// Other functions are neither described nor marked.
// META-LABEL: func.func @helper
// META-NOT: llvm.emit_c_interface
func.func @main_graph(%x: tensor<1x3x?x?xf32> {onnx.name = "input image", onnx.dim_params = ["", "", "batch", ""]}, %m: tensor<4xi1> {onnx.name = "mask"}, %i: tensor<i64>, %u: tensor<2xui8> {onnx.name = "u"}, %h: tensor<2xf16> {onnx.name = "h"}, %b: tensor<2xbf16> {onnx.name = "b"}, %v: tensor<?xf32>) -> (tensor<1x1000xf32> {onnx.name = "logits"}, tensor<4xi1>, tensor<?xf32> {onnx.name = "v", onnx.dim_params = ["batch"]}) {
  %c = arith.constant dense<0.0> : tensor<1x1000xf32>
  return %c, %m, %v : tensor<1x1000xf32>, tensor<4xi1>, tensor<?xf32>
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
// LLVM: llvm.func @_mlir_ciface_main_graph(%{{.*}}: !llvm.ptr {onnx.name = "x"}, %{{.*}}: !llvm.ptr {dlc.output_index = 0 : i64, onnx.name = "y"}
// LLVM: llvm.mlir.global external constant @dlc_model_metadata("dlc-model 2\0Afunction 4 main\0Ainputs 1\0A1 x 2 32 1 4\0Aoutputs 1\0A1 y 2 32 1 4\0A\00")
// LLVM: llvm.func @dlc_model_entry_0(%[[ARGS:[a-z0-9_]+]]: !llvm.ptr
// LLVM: %[[S0:.*]] = llvm.getelementptr %[[ARGS]][0] : (!llvm.ptr) -> !llvm.ptr, !llvm.ptr
// LLVM: %[[IN:.*]] = llvm.load %[[S0]] : !llvm.ptr -> !llvm.ptr
// LLVM: %[[S1:.*]] = llvm.getelementptr %[[ARGS]][1] : (!llvm.ptr) -> !llvm.ptr, !llvm.ptr
// LLVM: %[[OUT:.*]] = llvm.load %[[S1]] : !llvm.ptr -> !llvm.ptr
// LLVM: llvm.call @_mlir_ciface_main_graph(%[[IN]], %[[OUT]]
// LLVM: llvm.return
// LLVM: llvm.mlir.global external constant @dlc_model_functions()
// LLVM: llvm.mlir.addressof @dlc_model_entry_0
// LLVM: llvm.mlir.global external constant @dlc_model_function_count(1 : i64)
// The attribute has become the global.
// LLVM-NOT: dlc.model_metadata
// LLVM-NOT: dlc.functions
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
// NOGRAPH: error: no dlc.functions attribute
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

//--- dynamic.mlir

// A dynamic result is returned, not an out-parameter: the static one is
// written in place (no copy), and the entry stores the returned descriptor
// into the slot of output 0.
// PARAMS-LABEL: func.func @main_graph
// PARAMS-SAME: (%{{.*}}: memref<?xf32> {onnx.name = "x"}, %{{.*}}: memref<4xf32> {onnx.name = "s"}, %{{.*}}: memref<4xf32> {dlc.output_index = 1 : i64, onnx.name = "y"}) -> (memref<?xf32> {dlc.dynamic_output, onnx.name = "e"})
// PARAMS-NOT: memref.copy
// PARAMS: return %{{.*}} : memref<?xf32>
// DYN: llvm.func @dlc_model_entry_0(%[[ARGS:[a-z0-9_]+]]: !llvm.ptr
// DYN: %[[RES:.*]] = llvm.alloca %{{.*}} x !llvm.struct<(ptr, ptr, i64, array<1 x i64>, array<1 x i64>)>
// DYN: llvm.call @_mlir_ciface_main_graph(%[[RES]],
// DYN: %[[DESC:.*]] = llvm.load %[[RES]]
// DYN: %[[SLOT:.*]] = llvm.getelementptr %[[ARGS]][2]
// DYN: %[[OUT0:.*]] = llvm.load %[[SLOT]]
// DYN: llvm.store %[[DESC]], %[[OUT0]]
#map = affine_map<(d0) -> (d0)>
func.func @main_graph(%x: tensor<?xf32> {onnx.name = "x"}, %s: tensor<4xf32> {onnx.name = "s"}) -> (tensor<?xf32> {onnx.name = "e"}, tensor<4xf32> {onnx.name = "y"}) {
  %c0 = arith.constant 0 : index
  %n = tensor.dim %x, %c0 : tensor<?xf32>
  %e = tensor.empty(%n) : tensor<?xf32>
  %0 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%x : tensor<?xf32>) outs(%e : tensor<?xf32>) {
  ^bb0(%in: f32, %out: f32):
    %1 = math.exp %in : f32
    linalg.yield %1 : f32
  } -> tensor<?xf32>
  %e4 = tensor.empty() : tensor<4xf32>
  %2 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]} ins(%s : tensor<4xf32>) outs(%e4 : tensor<4xf32>) {
  ^bb0(%in: f32, %out: f32):
    %3 = math.exp %in : f32
    linalg.yield %3 : f32
  } -> tensor<4xf32>
  return %0, %2 : tensor<?xf32>, tensor<4xf32>
}
