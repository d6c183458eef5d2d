// RUN: dlc-opt %s -convert-onnx-to-prim -split-input-file | FileCheck %s

// An integer base with a float exponent is raised in the float type, and
// the result truncated back to the base's type (as onnxruntime does).
// CHECK-LABEL: func.func @pow_int_float
// CHECK: %[[B:.*]] = prim.convert %arg0 : (tensor<4xi32>) -> tensor<4xf32>
// CHECK: %[[P:.*]] = prim.pow %[[B]], %arg1 : tensor<4xf32>
// CHECK: %[[R:.*]] = prim.convert %[[P]] : (tensor<4xf32>) -> tensor<4xi32>
// CHECK: return %[[R]] : tensor<4xi32>
func.func @pow_int_float(%b: tensor<4xi32>, %e: tensor<4xf32>) -> !onnx.value {
  %0 = onnx.node "Pow"(%b, %e) {attrs = {}, domain = "", node_name = "p", version = 15 : i64} : (tensor<4xi32>, tensor<4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// A float base keeps its type; the integer exponent is converted.
// CHECK-LABEL: func.func @pow_float_int
// CHECK: %[[E:.*]] = prim.convert %arg1 : (tensor<4xi64>) -> tensor<4xf32>
// CHECK: prim.pow %arg0, %[[E]] : tensor<4xf32>
func.func @pow_float_int(%b: tensor<4xf32>, %e: tensor<4xi64>) -> !onnx.value {
  %0 = onnx.node "Pow"(%b, %e) {attrs = {}, domain = "", node_name = "p", version = 15 : i64} : (tensor<4xf32>, tensor<4xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Squeeze-13 with an empty constant axes input squeezes every size-1 dim.
// CHECK-LABEL: func.func @squeeze_empty_axes
// CHECK: prim.reshape %arg0 : (tensor<1x3x1xf32>) -> tensor<3xf32>
func.func @squeeze_empty_axes(%x: tensor<1x3x1xf32>) -> !onnx.value {
  %axes = arith.constant dense<> : tensor<0xi64>
  %0 = onnx.node "Squeeze"(%x, %axes) {attrs = {}, domain = "", node_name = "s", version = 13 : i64} : (tensor<1x3x1xf32>, tensor<0xi64>) -> !onnx.value
  return %0 : !onnx.value
}
