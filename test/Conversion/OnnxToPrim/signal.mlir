// RUN: dlc-opt %s -convert-onnx-to-prim -canonicalize -cse -split-input-file | FileCheck %s

// The windows: cosines of x = n * 2 pi / D over prim.iota positions, with
// D = N (periodic) or N - 1 (symmetric).

// A constant size: a static window, computed in f32.
// CHECK-LABEL: func.func @hann
// CHECK-SAME: () -> tensor<10xf32>
// CHECK: %[[N:.*]] = prim.iota {dim = 0 : i64} : tensor<10xf32>
// CHECK: %[[X:.*]] = prim.mul %[[N]], %{{.*}} : tensor<10xf32>
// CHECK: %[[COS:.*]] = prim.cos %[[X]] : tensor<10xf32>
// CHECK: prim.mul %[[COS]], %{{.*}} : tensor<10xf32>
// CHECK: prim.add
func.func @hann() -> !onnx.value {
  %n = arith.constant dense<10> : tensor<i64>
  %0 = onnx.node "HannWindow"(%n) {attrs = {}, domain = "", node_name = "w", version = 17 : i64} : (tensor<i64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// A run-time size (a graph input): the length is its element; symmetric
// divides by N - 1; a double output computes in f64.
// CHECK-LABEL: func.func @blackman_dynamic
// CHECK-SAME: (%[[S:.*]]: tensor<i32>) -> tensor<?xf64>
// CHECK: %[[N:.*]] = prim.size_at %[[S]] {index = 0 : i64} : tensor<i32>
// CHECK: %[[LEN:.*]] = arith.maxsi %[[N]], %{{.*}} : index
// CHECK: %[[D:.*]] = arith.subi %[[LEN]], %{{.*}} : index
// CHECK-DAG: prim.iota sizes(%[[LEN]]) {dim = 0 : i64} : tensor<?xf64>
// CHECK-DAG: %[[DT:.*]] = prim.from_sizes %[[D]] : tensor<1xi64>
// CHECK: prim.convert %[[DT]] : (tensor<1xi64>) -> tensor<1xf64>
// CHECK-COUNT-2: prim.cos %{{.*}} : tensor<?xf64>
// CHECK-NOT: prim.convert
func.func @blackman_dynamic(%s: tensor<i32>) -> !onnx.value {
  %0 = onnx.node "BlackmanWindow"(%s) {attrs = {output_datatype = 11 : i64, periodic = 0 : i64}, domain = "", node_name = "w", version = 17 : i64} : (tensor<i32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// An integer output: computed in f32, converted.
// CHECK-LABEL: func.func @hamming_int
// CHECK-SAME: -> tensor<4xi32>
// CHECK: prim.cos
// CHECK: prim.convert %{{.*}} : (tensor<4xf32>) -> tensor<4xi32>
func.func @hamming_int() -> !onnx.value {
  %n = arith.constant dense<4> : tensor<i64>
  %0 = onnx.node "HammingWindow"(%n) {attrs = {output_datatype = 6 : i64}, domain = "", node_name = "w", version = 17 : i64} : (tensor<i64>) -> !onnx.value
  return %0 : !onnx.value
}
