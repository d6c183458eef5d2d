// RUN: dlc-opt %s -convert-onnx-to-prim -canonicalize -cse -split-input-file | FileCheck %s

// Integer arithmetic on shapes stays on their sizes: static ones fold to
// constants, dynamic ones are index arithmetic (a division guarding 0).

// CHECK-LABEL: func.func @rank_minus_axis
// CHECK: %[[C:.*]] = arith.constant dense<2> : tensor<1xi64>
// CHECK: return %[[C]]
func.func @rank_minus_axis(%x: tensor<?x3x4xf32>) -> !onnx.value {
  %s = onnx.node "Shape"(%x) {attrs = {}, domain = "", node_name = "shape", version = 13 : i64} : (tensor<?x3x4xf32>) -> !onnx.value
  %r = onnx.node "Size"(%s) {attrs = {}, domain = "", node_name = "rank", version = 13 : i64} : (!onnx.value) -> !onnx.value
  %axis = arith.constant dense<[1]> : tensor<1xi64>
  %n = onnx.node "Sub"(%r, %axis) {attrs = {}, domain = "", node_name = "sub", version = 14 : i64} : (!onnx.value, tensor<1xi64>) -> !onnx.value
  return %n : !onnx.value
}

// -----

// CHECK-LABEL: func.func @negate
// CHECK: %[[C:.*]] = arith.constant dense<-1> : tensor<1xi64>
// CHECK: return %[[C]]
func.func @negate() -> !onnx.value {
  %axis = arith.constant dense<[1]> : tensor<1xi64>
  %n = onnx.node "Neg"(%axis) {attrs = {}, domain = "", node_name = "neg", version = 13 : i64} : (tensor<1xi64>) -> !onnx.value
  return %n : !onnx.value
}

// -----

// CHECK-LABEL: func.func @seq_over_heads
// CHECK: %[[T:.*]] = prim.dim %arg0 {dim = 1 : i64}
// CHECK: %[[Q:.*]] = arith.divsi %[[T]], %c2 : index
// CHECK: prim.from_sizes %[[Q]] : tensor<i64>
func.func @seq_over_heads(%x: tensor<?x?xf32>) -> !onnx.value {
  %s = onnx.node "Shape"(%x) {attrs = {start = 1 : i64, end = 2 : i64}, domain = "", node_name = "shape", version = 15 : i64} : (tensor<?x?xf32>) -> !onnx.value
  %z = arith.constant dense<0> : tensor<1xi64>
  %t = onnx.node "Squeeze"(%s, %z) {attrs = {}, domain = "", node_name = "sq", version = 13 : i64} : (!onnx.value, tensor<1xi64>) -> !onnx.value
  %h = arith.constant dense<2> : tensor<i64>
  %n = onnx.node "Div"(%t, %h) {attrs = {}, domain = "", node_name = "div", version = 14 : i64} : (!onnx.value, tensor<i64>) -> !onnx.value
  return %n : !onnx.value
}

// -----

// A run-time divisor of 0 gives 0, never a trap.
// CHECK-LABEL: func.func @by_size
// CHECK-DAG: %[[A:.*]] = prim.dim %arg0 {dim = 0 : i64}
// CHECK-DAG: %[[B:.*]] = prim.dim %arg0 {dim = 1 : i64}
// CHECK: %[[Z:.*]] = arith.cmpi eq, %[[B]], %c0
// CHECK: %[[D:.*]] = arith.select %[[Z]], %c1, %[[B]]
// CHECK: %[[Q:.*]] = arith.divsi %[[A]], %[[D]]
// CHECK: arith.select %[[Z]], %c0, %[[Q]]
func.func @by_size(%x: tensor<?x?xf32>) -> !onnx.value {
  %s = onnx.node "Shape"(%x) {attrs = {end = 1 : i64}, domain = "", node_name = "s0", version = 15 : i64} : (tensor<?x?xf32>) -> !onnx.value
  %t = onnx.node "Shape"(%x) {attrs = {start = 1 : i64}, domain = "", node_name = "s1", version = 15 : i64} : (tensor<?x?xf32>) -> !onnx.value
  %n = onnx.node "Div"(%s, %t) {attrs = {}, domain = "", node_name = "div", version = 14 : i64} : (!onnx.value, !onnx.value) -> !onnx.value
  return %n : !onnx.value
}
