// RUN: dlc-opt %s -convert-onnx-to-prim -split-input-file | FileCheck %s

// ReduceSum (axes input from opset 13), ReduceMean and ReduceMax (axes input
// from opset 18), keepdims and noop_with_empty_axes.

// Opset 11: axes attribute, keepdims defaults to 1.
// CHECK-LABEL: func.func @reduce_sum_opset11_keepdims
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>) -> tensor<2x1x4xf32>
// CHECK: %[[S:.*]] = prim.reduce sum %[[X]] {dims = array<i64: 1>} : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
// CHECK: %[[R:.*]] = prim.reshape %[[S]] : (tensor<2x4xf32>) -> tensor<2x1x4xf32>
// CHECK: return %[[R]]
func.func @reduce_sum_opset11_keepdims(%x: tensor<2x3x4xf32>) -> !onnx.value {
  %0 = onnx.node "ReduceSum"(%x) {attrs = {axes = array<i64: 1>}, domain = "", node_name = "n", version = 11 : i64} : (tensor<2x3x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Negative, unsorted axes are normalized and sorted; keepdims = 0.
// CHECK-LABEL: func.func @reduce_sum_opset11_no_keepdims
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>) -> tensor<3xf32>
// CHECK: %[[S:.*]] = prim.reduce sum %[[X]] {dims = array<i64: 0, 2>} : (tensor<2x3x4xf32>) -> tensor<3xf32>
// CHECK-NEXT: return %[[S]]
func.func @reduce_sum_opset11_no_keepdims(%x: tensor<2x3x4xf32>) -> !onnx.value {
  %0 = onnx.node "ReduceSum"(%x) {attrs = {axes = array<i64: -1, 0>, keepdims = 0 : i64}, domain = "", node_name = "n", version = 11 : i64} : (tensor<2x3x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Opset 11 without axes reduces everything.
// CHECK-LABEL: func.func @reduce_sum_opset11_all
// CHECK: %[[S:.*]] = prim.reduce sum %{{.*}} {dims = array<i64: 0, 1>} : (tensor<2x3xf32>) -> tensor<f32>
// CHECK: prim.reshape %[[S]] : (tensor<f32>) -> tensor<1x1xf32>
func.func @reduce_sum_opset11_all(%x: tensor<2x3xf32>) -> !onnx.value {
  %0 = onnx.node "ReduceSum"(%x) {attrs = {}, domain = "", node_name = "n", version = 11 : i64} : (tensor<2x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Opset 13: axes is a constant input.
// CHECK-LABEL: func.func @reduce_sum_opset13_axes_input
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>) -> (tensor<2x3xf32>, tensor<1x3x1xf32>)
// CHECK: %[[A:.*]] = prim.reduce sum %[[X]] {dims = array<i64: 2>} : (tensor<2x3x4xf32>) -> tensor<2x3xf32>
// CHECK: %[[B:.*]] = prim.reduce sum %[[X]] {dims = array<i64: 0, 2>} : (tensor<2x3x4xf32>) -> tensor<3xf32>
// CHECK: %[[BK:.*]] = prim.reshape %[[B]] : (tensor<3xf32>) -> tensor<1x3x1xf32>
// CHECK: return %[[A]], %[[BK]]
func.func @reduce_sum_opset13_axes_input(%x: tensor<2x3x4xf32>) -> (!onnx.value, !onnx.value) {
  %a = arith.constant dense<2> : tensor<1xi64>
  %b = arith.constant dense<[2, -3]> : tensor<2xi64>
  %0 = onnx.node "ReduceSum"(%x, %a) {attrs = {keepdims = 0 : i64}, domain = "", node_name = "n0", version = 13 : i64} : (tensor<2x3x4xf32>, tensor<1xi64>) -> !onnx.value
  %1 = onnx.node "ReduceSum"(%x, %b) {attrs = {keepdims = 1 : i64}, domain = "", node_name = "n1", version = 13 : i64} : (tensor<2x3x4xf32>, tensor<2xi64>) -> !onnx.value
  return %0, %1 : !onnx.value, !onnx.value
}

// -----

// noop_with_empty_axes = 1 with absent axes is the identity; with an empty
// axes tensor too.
// CHECK-LABEL: func.func @reduce_sum_noop_with_empty_axes
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
// CHECK-NOT: prim.reduce
// CHECK: return %[[X]], %[[X]] : tensor<2x3x4xf32>, tensor<2x3x4xf32>
func.func @reduce_sum_noop_with_empty_axes(%x: tensor<2x3x4xf32>) -> (!onnx.value, !onnx.value) {
  %none = onnx.none
  %empty = arith.constant dense<> : tensor<0xi64>
  %0 = onnx.node "ReduceSum"(%x, %none) {attrs = {noop_with_empty_axes = 1 : i64}, domain = "", node_name = "n0", version = 13 : i64} : (tensor<2x3x4xf32>, none) -> !onnx.value
  %1 = onnx.node "ReduceSum"(%x, %empty) {attrs = {noop_with_empty_axes = 1 : i64}, domain = "", node_name = "n1", version = 13 : i64} : (tensor<2x3x4xf32>, tensor<0xi64>) -> !onnx.value
  return %0, %1 : !onnx.value, !onnx.value
}

// -----

// noop_with_empty_axes = 0 (default) with empty axes reduces all dims.
// CHECK-LABEL: func.func @reduce_sum_empty_axes_reduces_all
// CHECK: %[[S:.*]] = prim.reduce sum %{{.*}} {dims = array<i64: 0, 1, 2>} : (tensor<2x3x4xf32>) -> tensor<f32>
// CHECK-NEXT: return %[[S]] : tensor<f32>
func.func @reduce_sum_empty_axes_reduces_all(%x: tensor<2x3x4xf32>) -> !onnx.value {
  %empty = arith.constant dense<> : tensor<0xi64>
  %0 = onnx.node "ReduceSum"(%x, %empty) {attrs = {keepdims = 0 : i64}, domain = "", node_name = "n", version = 13 : i64} : (tensor<2x3x4xf32>, tensor<0xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// ReduceMean is a sum divided by the reduced element count (2 * 4 = 8).
// Before opset 18 axes is an attribute.
// CHECK-LABEL: func.func @reduce_mean_opset13
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>) -> tensor<1x3x1xf32>
// CHECK: %[[S:.*]] = prim.reduce sum %[[X]] {dims = array<i64: 0, 2>} : (tensor<2x3x4xf32>) -> tensor<3xf32>
// CHECK: %[[K:.*]] = prim.reshape %[[S]] : (tensor<3xf32>) -> tensor<1x3x1xf32>
// CHECK: %[[N:.*]] = arith.constant dense<8.000000e+00> : tensor<1x3x1xf32>
// CHECK: %[[M:.*]] = prim.div %[[K]], %[[N]] : tensor<1x3x1xf32>
// CHECK: return %[[M]]
func.func @reduce_mean_opset13(%x: tensor<2x3x4xf32>) -> !onnx.value {
  %0 = onnx.node "ReduceMean"(%x) {attrs = {axes = array<i64: 0, 2>}, domain = "", node_name = "n", version = 13 : i64} : (tensor<2x3x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// ReduceMean-18 reads axes from its input.
// CHECK-LABEL: func.func @reduce_mean_opset18
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>) -> tensor<2x4xf32>
// CHECK: %[[S:.*]] = prim.reduce sum %[[X]] {dims = array<i64: 1>} : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
// CHECK: %[[N:.*]] = arith.constant dense<3.000000e+00> : tensor<2x4xf32>
// CHECK: %[[M:.*]] = prim.div %[[S]], %[[N]] : tensor<2x4xf32>
// CHECK: return %[[M]]
func.func @reduce_mean_opset18(%x: tensor<2x3x4xf32>) -> !onnx.value {
  %a = arith.constant dense<1> : tensor<1xi64>
  %0 = onnx.node "ReduceMean"(%x, %a) {attrs = {keepdims = 0 : i64}, domain = "", node_name = "n", version = 18 : i64} : (tensor<2x3x4xf32>, tensor<1xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// A dynamic dim outside the reduced ones stays dynamic.
// CHECK-LABEL: func.func @reduce_sum_dynamic_kept_dim
// CHECK: prim.reduce sum %{{.*}} {dims = array<i64: 1>} : (tensor<?x4xf32>) -> tensor<?xf32>
func.func @reduce_sum_dynamic_kept_dim(%x: tensor<?x4xf32>) -> !onnx.value {
  %0 = onnx.node "ReduceSum"(%x) {attrs = {axes = array<i64: 1>, keepdims = 0 : i64}, domain = "", node_name = "n", version = 11 : i64} : (tensor<?x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// CHECK-LABEL: func.func @reduce_max
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xi32>) -> (tensor<2x4xi32>, tensor<2x3x1xi32>)
// CHECK: %[[A:.*]] = prim.reduce max %[[X]] {dims = array<i64: 1>} : (tensor<2x3x4xi32>) -> tensor<2x4xi32>
// CHECK: %[[B:.*]] = prim.reduce max %[[X]] {dims = array<i64: 2>} : (tensor<2x3x4xi32>) -> tensor<2x3xi32>
// CHECK: %[[BK:.*]] = prim.reshape %[[B]] : (tensor<2x3xi32>) -> tensor<2x3x1xi32>
// CHECK: return %[[A]], %[[BK]]
func.func @reduce_max(%x: tensor<2x3x4xi32>) -> (!onnx.value, !onnx.value) {
  %a = arith.constant dense<-1> : tensor<1xi64>
  %0 = onnx.node "ReduceMax"(%x) {attrs = {axes = array<i64: 1>, keepdims = 0 : i64}, domain = "", node_name = "n0", version = 13 : i64} : (tensor<2x3x4xi32>) -> !onnx.value
  %1 = onnx.node "ReduceMax"(%x, %a) {attrs = {}, domain = "", node_name = "n1", version = 18 : i64} : (tensor<2x3x4xi32>, tensor<1xi64>) -> !onnx.value
  return %0, %1 : !onnx.value, !onnx.value
}

// -----

// Repeated axes count once.
// CHECK-LABEL: func.func @reduce_repeated_axes
// CHECK: prim.reduce sum %{{.*}} {dims = array<i64: 1>} : (tensor<2x3xf32>) -> tensor<2xf32>
func.func @reduce_repeated_axes(%x: tensor<2x3xf32>) -> !onnx.value {
  %0 = onnx.node "ReduceSum"(%x) {attrs = {axes = array<i64: 1, -1>, keepdims = 0 : i64}, domain = "", node_name = "n", version = 11 : i64} : (tensor<2x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}
