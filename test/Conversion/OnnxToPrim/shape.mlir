// RUN: dlc-opt %s -convert-onnx-to-prim -split-input-file | FileCheck %s

// Constant, Flatten, Reshape, Transpose, Concat, Squeeze, Unsqueeze.

// CHECK-LABEL: func.func @constants
// CHECK-SAME: -> (tensor<3xi64>, tensor<i64>, tensor<f32>, tensor<2xf32>, tensor<2x2xi32>)
// CHECK-DAG: %[[INTS:.*]] = arith.constant dense<[1, -2, 3]> : tensor<3xi64>
// CHECK-DAG: %[[INT:.*]] = arith.constant dense<7> : tensor<i64>
// CHECK-DAG: %[[FLOAT:.*]] = arith.constant dense<2.500000e+00> : tensor<f32>
// CHECK-DAG: %[[FLOATS:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00]> : tensor<2xf32>
// CHECK-DAG: %[[VALUE:.*]] = arith.constant dense<{{\[}}[1, 2], [3, 4]]> : tensor<2x2xi32>
// CHECK: return %[[INTS]], %[[INT]], %[[FLOAT]], %[[FLOATS]], %[[VALUE]]
func.func @constants() -> (!onnx.value, !onnx.value, !onnx.value, !onnx.value, !onnx.value) {
  %0 = onnx.node "Constant"() {attrs = {value_ints = array<i64: 1, -2, 3>}, domain = "", node_name = "c0", version = 13 : i64} : () -> !onnx.value
  %1 = onnx.node "Constant"() {attrs = {value_int = 7 : i64}, domain = "", node_name = "c1", version = 13 : i64} : () -> !onnx.value
  %2 = onnx.node "Constant"() {attrs = {value_float = 2.500000e+00 : f32}, domain = "", node_name = "c2", version = 13 : i64} : () -> !onnx.value
  %3 = onnx.node "Constant"() {attrs = {value_floats = array<f32: 1.000000e+00, 2.000000e+00>}, domain = "", node_name = "c3", version = 13 : i64} : () -> !onnx.value
  %4 = onnx.node "Constant"() {attrs = {value = dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>}, domain = "", node_name = "c4", version = 1 : i64} : () -> !onnx.value
  return %0, %1, %2, %3, %4 : !onnx.value, !onnx.value, !onnx.value, !onnx.value, !onnx.value
}

// -----

// A Constant feeding Reshape's shape input is seen as constant.
// CHECK-LABEL: func.func @constant_feeds_reshape
// CHECK-SAME: (%[[X:.*]]: tensor<2x6xf32>) -> tensor<3x4xf32>
// CHECK: prim.reshape %[[X]] : (tensor<2x6xf32>) -> tensor<3x4xf32>
func.func @constant_feeds_reshape(%x: tensor<2x6xf32>) -> !onnx.value {
  %s = onnx.node "Constant"() {attrs = {value_ints = array<i64: 3, 4>}, domain = "", node_name = "c", version = 13 : i64} : () -> !onnx.value
  %0 = onnx.node "Reshape"(%x, %s) {attrs = {}, domain = "", node_name = "n", version = 14 : i64} : (tensor<2x6xf32>, !onnx.value) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// 0 copies the input dim, -1 takes the rest: [0, -1, 2] on [2, 3, 4] is [2, 6, 2].
// CHECK-LABEL: func.func @reshape_zero_and_minus_one
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>) -> tensor<2x6x2xf32>
// CHECK: %[[R:.*]] = prim.reshape %[[X]] : (tensor<2x3x4xf32>) -> tensor<2x6x2xf32>
// CHECK: return %[[R]]
func.func @reshape_zero_and_minus_one(%x: tensor<2x3x4xf32>) -> !onnx.value {
  %s = arith.constant dense<[0, -1, 2]> : tensor<3xi64>
  %0 = onnx.node "Reshape"(%x, %s) {attrs = {}, domain = "", node_name = "n", version = 14 : i64} : (tensor<2x3x4xf32>, tensor<3xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// A shape blob (as the importer makes for initializers) works as well.
// CHECK-LABEL: func.func @reshape_resource_shape
// CHECK: prim.reshape %{{.*}} : (tensor<2x3x4xf32>) -> tensor<24xf32>
func.func @reshape_resource_shape(%x: tensor<2x3x4xf32>) -> !onnx.value {
  %s = arith.constant dense_resource<shape_blob> : tensor<1xi64>
  %0 = onnx.node "Reshape"(%x, %s) {attrs = {}, domain = "", node_name = "n", version = 14 : i64} : (tensor<2x3x4xf32>, tensor<1xi64>) -> !onnx.value
  return %0 : !onnx.value
}

{-#
  dialect_resources: {
    builtin: {
      shape_blob: "0x08000000FFFFFFFFFFFFFFFF"
    }
  }
#-}

// -----

// Reshape-1 takes the shape as an attribute.
// CHECK-LABEL: func.func @reshape_opset1_attr
// CHECK: prim.reshape %{{.*}} : (tensor<2x3x4xf32>) -> tensor<4x3x2xf32>
func.func @reshape_opset1_attr(%x: tensor<2x3x4xf32>) -> !onnx.value {
  %0 = onnx.node "Reshape"(%x) {attrs = {shape = array<i64: 4, 0, -1>}, domain = "", node_name = "n", version = 1 : i64} : (tensor<2x3x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// With allowzero = 1 a 0 is a real zero-sized dim.
// CHECK-LABEL: func.func @reshape_allowzero
// CHECK: prim.reshape %{{.*}} : (tensor<0x3xf32>) -> tensor<3x0xf32>
func.func @reshape_allowzero(%x: tensor<0x3xf32>) -> !onnx.value {
  %s = arith.constant dense<[3, 0]> : tensor<2xi64>
  %0 = onnx.node "Reshape"(%x, %s) {attrs = {allowzero = 1 : i64}, domain = "", node_name = "n", version = 14 : i64} : (tensor<0x3xf32>, tensor<2xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Reshaping to the same shape is no op at all.
// CHECK-LABEL: func.func @reshape_same_shape
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NOT: prim.reshape
// CHECK: return %[[X]]
func.func @reshape_same_shape(%x: tensor<2x3xf32>) -> !onnx.value {
  %s = arith.constant dense<[2, -1]> : tensor<2xi64>
  %0 = onnx.node "Reshape"(%x, %s) {attrs = {}, domain = "", node_name = "n", version = 14 : i64} : (tensor<2x3xf32>, tensor<2xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// CHECK-LABEL: func.func @flatten
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>) -> (tensor<2x12xf32>, tensor<1x24xf32>, tensor<6x4xf32>, tensor<24x1xf32>)
// CHECK: prim.reshape %[[X]] : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
// CHECK: prim.reshape %[[X]] : (tensor<2x3x4xf32>) -> tensor<1x24xf32>
// CHECK: prim.reshape %[[X]] : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
// CHECK: prim.reshape %[[X]] : (tensor<2x3x4xf32>) -> tensor<24x1xf32>
func.func @flatten(%x: tensor<2x3x4xf32>) -> (!onnx.value, !onnx.value, !onnx.value, !onnx.value) {
  %0 = onnx.node "Flatten"(%x) {attrs = {}, domain = "", node_name = "n0", version = 13 : i64} : (tensor<2x3x4xf32>) -> !onnx.value
  %1 = onnx.node "Flatten"(%x) {attrs = {axis = 0 : i64}, domain = "", node_name = "n1", version = 13 : i64} : (tensor<2x3x4xf32>) -> !onnx.value
  %2 = onnx.node "Flatten"(%x) {attrs = {axis = -1 : i64}, domain = "", node_name = "n2", version = 13 : i64} : (tensor<2x3x4xf32>) -> !onnx.value
  %3 = onnx.node "Flatten"(%x) {attrs = {axis = 3 : i64}, domain = "", node_name = "n3", version = 13 : i64} : (tensor<2x3x4xf32>) -> !onnx.value
  return %0, %1, %2, %3 : !onnx.value, !onnx.value, !onnx.value, !onnx.value
}

// -----

// A dynamic batch dim stays outside the flattened part.
// CHECK-LABEL: func.func @flatten_dynamic_batch
// CHECK: prim.reshape %{{.*}} : (tensor<?x3x4xf32>) -> tensor<?x12xf32>
func.func @flatten_dynamic_batch(%x: tensor<?x3x4xf32>) -> !onnx.value {
  %0 = onnx.node "Flatten"(%x) {attrs = {}, domain = "", node_name = "n", version = 13 : i64} : (tensor<?x3x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Without perm, Transpose reverses the dims; negative entries count from the end.
// CHECK-LABEL: func.func @transpose
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>) -> (tensor<4x3x2xf32>, tensor<2x4x3xf32>)
// CHECK: prim.transpose %[[X]] {permutation = array<i64: 2, 1, 0>} : (tensor<2x3x4xf32>) -> tensor<4x3x2xf32>
// CHECK: prim.transpose %[[X]] {permutation = array<i64: 0, 2, 1>} : (tensor<2x3x4xf32>) -> tensor<2x4x3xf32>
func.func @transpose(%x: tensor<2x3x4xf32>) -> (!onnx.value, !onnx.value) {
  %0 = onnx.node "Transpose"(%x) {attrs = {}, domain = "", node_name = "n0", version = 13 : i64} : (tensor<2x3x4xf32>) -> !onnx.value
  %1 = onnx.node "Transpose"(%x) {attrs = {perm = array<i64: 0, -1, 1>}, domain = "", node_name = "n1", version = 13 : i64} : (tensor<2x3x4xf32>) -> !onnx.value
  return %0, %1 : !onnx.value, !onnx.value
}

// -----

// CHECK-LABEL: func.func @concat
// CHECK-SAME: (%[[A:.*]]: tensor<2x3x4xf32>, %[[B:.*]]: tensor<2x3x1xf32>, %[[C:.*]]: tensor<2x3x0xf32>)
// CHECK: %[[R:.*]] = prim.concat %[[A]], %[[B]] {dim = 2 : i64} : (tensor<2x3x4xf32>, tensor<2x3x1xf32>) -> tensor<2x3x5xf32>
// CHECK: return %[[R]]
func.func @concat(%a: tensor<2x3x4xf32>, %b: tensor<2x3x1xf32>, %c: tensor<2x3x0xf32>) -> !onnx.value {
  // The empty input is dropped.
  %0 = onnx.node "Concat"(%a, %c, %b) {attrs = {axis = -1 : i64}, domain = "", node_name = "n", version = 13 : i64} : (tensor<2x3x4xf32>, tensor<2x3x0xf32>, tensor<2x3x1xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Concat of a single input is that input.
// CHECK-LABEL: func.func @concat_single
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>)
// CHECK-NOT: prim.concat
// CHECK: return %[[A]]
func.func @concat_single(%a: tensor<2x3xf32>) -> !onnx.value {
  %0 = onnx.node "Concat"(%a) {attrs = {axis = 0 : i64}, domain = "", node_name = "n", version = 13 : i64} : (tensor<2x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Squeeze-11 takes axes as an attribute, Squeeze-13 as an input; no axes at
// all drops every size-1 dim.
// CHECK-LABEL: func.func @squeeze
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x1x4xf32>) -> (tensor<3x1x4xf32>, tensor<1x3x4xf32>, tensor<3x4xf32>, tensor<3x4xf32>)
// CHECK: %[[A:.*]] = prim.reshape %[[X]] : (tensor<1x3x1x4xf32>) -> tensor<3x1x4xf32>
// CHECK: %[[B:.*]] = prim.reshape %[[X]] : (tensor<1x3x1x4xf32>) -> tensor<1x3x4xf32>
// CHECK: %[[C:.*]] = prim.reshape %[[X]] : (tensor<1x3x1x4xf32>) -> tensor<3x4xf32>
// CHECK: %[[D:.*]] = prim.reshape %[[X]] : (tensor<1x3x1x4xf32>) -> tensor<3x4xf32>
// CHECK: return %[[A]], %[[B]], %[[C]], %[[D]]
func.func @squeeze(%x: tensor<1x3x1x4xf32>) -> (!onnx.value, !onnx.value, !onnx.value, !onnx.value) {
  %axes = arith.constant dense<-2> : tensor<1xi64>
  %0 = onnx.node "Squeeze"(%x) {attrs = {axes = array<i64: 0>}, domain = "", node_name = "n0", version = 11 : i64} : (tensor<1x3x1x4xf32>) -> !onnx.value
  %1 = onnx.node "Squeeze"(%x, %axes) {attrs = {}, domain = "", node_name = "n1", version = 13 : i64} : (tensor<1x3x1x4xf32>, tensor<1xi64>) -> !onnx.value
  %2 = onnx.node "Squeeze"(%x) {attrs = {}, domain = "", node_name = "n2", version = 13 : i64} : (tensor<1x3x1x4xf32>) -> !onnx.value
  %3 = onnx.node "Squeeze"(%x) {attrs = {}, domain = "", node_name = "n3", version = 1 : i64} : (tensor<1x3x1x4xf32>) -> !onnx.value
  return %0, %1, %2, %3 : !onnx.value, !onnx.value, !onnx.value, !onnx.value
}

// -----

// Unsqueeze axes refer to the output rank: [0, -1] on [3, 4] gives [1, 3, 4, 1].
// CHECK-LABEL: func.func @unsqueeze
// CHECK-SAME: (%[[X:.*]]: tensor<3x4xf32>) -> (tensor<3x1x4xf32>, tensor<1x3x4x1xf32>)
// CHECK: prim.reshape %[[X]] : (tensor<3x4xf32>) -> tensor<3x1x4xf32>
// CHECK: prim.reshape %[[X]] : (tensor<3x4xf32>) -> tensor<1x3x4x1xf32>
func.func @unsqueeze(%x: tensor<3x4xf32>) -> (!onnx.value, !onnx.value) {
  %axes = arith.constant dense<[0, -1]> : tensor<2xi64>
  %0 = onnx.node "Unsqueeze"(%x) {attrs = {axes = array<i64: 1>}, domain = "", node_name = "n0", version = 11 : i64} : (tensor<3x4xf32>) -> !onnx.value
  %1 = onnx.node "Unsqueeze"(%x, %axes) {attrs = {}, domain = "", node_name = "n1", version = 13 : i64} : (tensor<3x4xf32>, tensor<2xi64>) -> !onnx.value
  return %0, %1 : !onnx.value, !onnx.value
}

// -----

// Unsqueeze of a scalar, with a dynamic dim elsewhere kept.
// CHECK-LABEL: func.func @unsqueeze_scalar_and_dynamic
// CHECK: prim.reshape %{{.*}} : (tensor<f32>) -> tensor<1xf32>
// CHECK: prim.reshape %{{.*}} : (tensor<?x4xf32>) -> tensor<?x4x1xf32>
func.func @unsqueeze_scalar_and_dynamic(%s: tensor<f32>, %x: tensor<?x4xf32>) -> (!onnx.value, !onnx.value) {
  %0 = onnx.node "Unsqueeze"(%s) {attrs = {axes = array<i64: 0>}, domain = "", node_name = "n0", version = 1 : i64} : (tensor<f32>) -> !onnx.value
  %1 = onnx.node "Unsqueeze"(%x) {attrs = {axes = array<i64: 2>}, domain = "", node_name = "n1", version = 11 : i64} : (tensor<?x4xf32>) -> !onnx.value
  return %0, %1 : !onnx.value, !onnx.value
}
