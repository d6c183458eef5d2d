// RUN: dlc-opt %s -convert-onnx-to-prim -canonicalize -split-input-file | FileCheck %s

// Shapes as values: ONNX ops over dynamic dims build their result sizes
// from prim.dim and index arithmetic, folded where they are static.

// A -1 cancels the dynamic dims both counts have: inferred at compile time.
// CHECK-LABEL: func.func @reshape_infer
// CHECK: %[[N:.*]] = prim.dim %arg0 {dim = 0 : i64}
// CHECK-NEXT: prim.reshape %arg0 sizes(%[[N]]) : (tensor<?x6xf32>) -> tensor<?x3x2xf32>
func.func @reshape_infer(%x: tensor<?x6xf32>) -> !onnx.value {
  %s = arith.constant dense<[0, -1, 2]> : tensor<3xi64>
  %0 = onnx.node "Reshape"(%x, %s) {attrs = {}, domain = "", node_name = "r", version = 14 : i64} : (tensor<?x6xf32>, tensor<3xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// CHECK-LABEL: func.func @flatten
// CHECK-DAG: %[[D0:.*]] = prim.dim %arg0 {dim = 0 : i64}
// CHECK-DAG: %[[D2:.*]] = prim.dim %arg0 {dim = 2 : i64}
// CHECK: %[[OUTER:.*]] = arith.muli %[[D0]], %c3
// CHECK: prim.reshape %arg0 sizes(%[[OUTER]], %[[D2]]) : (tensor<?x3x?xf32>) -> tensor<?x?xf32>
func.func @flatten(%x: tensor<?x3x?xf32>) -> !onnx.value {
  %0 = onnx.node "Flatten"(%x) {attrs = {axis = 2 : i64}, domain = "", node_name = "f", version = 13 : i64} : (tensor<?x3x?xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// [batch, seq, K] x [K, N] is one 2-D matmul over [batch * seq, K].
// CHECK-LABEL: func.func @matmul_nd_2d
// CHECK-DAG: %[[B:.*]] = prim.dim %arg0 {dim = 0 : i64}
// CHECK-DAG: %[[S:.*]] = prim.dim %arg0 {dim = 1 : i64}
// CHECK: %[[ROWS:.*]] = arith.muli %[[B]], %[[S]]
// CHECK: %[[FLAT:.*]] = prim.reshape %arg0 sizes(%[[ROWS]]) : (tensor<?x?x8xf32>) -> tensor<?x8xf32>
// CHECK: %[[P:.*]] = prim.matmul %[[FLAT]], %arg1 : (tensor<?x8xf32>, tensor<8x4xf32>) -> tensor<?x4xf32>
// CHECK: prim.reshape %[[P]] sizes(%[[B]], %[[S]]) : (tensor<?x4xf32>) -> tensor<?x?x4xf32>
func.func @matmul_nd_2d(%a: tensor<?x?x8xf32>, %b: tensor<8x4xf32>) -> !onnx.value {
  %0 = onnx.node "MatMul"(%a, %b) {attrs = {}, domain = "", node_name = "mm", version = 13 : i64} : (tensor<?x?x8xf32>, tensor<8x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Before opset 13 Softmax views its input as 2-D; a view that is the input
// itself folds away.
// CHECK-LABEL: func.func @softmax_opset11
// CHECK: prim.reduce max
// CHECK: prim.div
// CHECK-NOT: prim.reshape
// CHECK: return
func.func @softmax_opset11(%x: tensor<?x3xf32>) -> !onnx.value {
  %0 = onnx.node "Softmax"(%x) {attrs = {}, domain = "", node_name = "s", version = 11 : i64} : (tensor<?x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// CHECK-LABEL: func.func @unsqueeze
// CHECK: %[[N:.*]] = prim.dim %arg0 {dim = 0 : i64}
// CHECK: prim.reshape %arg0 sizes(%[[N]]) : (tensor<?x3xf32>) -> tensor<1x?x1x3xf32>
func.func @unsqueeze(%x: tensor<?x3xf32>) -> !onnx.value {
  %a = arith.constant dense<[0, 2]> : tensor<2xi64>
  %0 = onnx.node "Unsqueeze"(%x, %a) {attrs = {}, domain = "", node_name = "u", version = 13 : i64} : (tensor<?x3xf32>, tensor<2xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// The bias is broadcast to the convolution's run-time batch.
// CHECK-LABEL: func.func @conv_bias
// CHECK: %[[Y:.*]] = prim.conv
// CHECK: %[[N:.*]] = prim.dim %[[Y]] {dim = 0 : i64}
// CHECK: %[[B:.*]] = prim.broadcast_in_dim %{{.*}} sizes(%[[N]]) {dims = array<i64: 1, 2, 3>} : (tensor<2x1x1xf32>) -> tensor<?x2x2x2xf32>
// CHECK: prim.add %[[Y]], %[[B]]
func.func @conv_bias(%x: tensor<?x1x4x4xf32>, %w: tensor<2x1x3x3xf32>, %b: tensor<2xf32>) -> !onnx.value {
  %0 = onnx.node "Conv"(%x, %w, %b) {attrs = {}, domain = "", node_name = "c", version = 11 : i64} : (tensor<?x1x4x4xf32>, tensor<2x1x3x3xf32>, tensor<2xf32>) -> !onnx.value
  return %0 : !onnx.value
}
