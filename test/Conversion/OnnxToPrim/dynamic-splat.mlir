// RUN: dlc-opt %s -convert-onnx-to-prim -split-input-file | dlc-opt -split-input-file | FileCheck %s

// prim ops accept dynamic dims, so the conversion of a node with a dynamic
// input must print IR that parses again. Rules that build splat constants
// "like" a dynamically shaped value must not make an `arith.constant dense<..>
// : tensor<?x..>`, which is not valid IR ("elements literal type must have
// static shape").

// The splat takes its run-time size from the value it is like.
// CHECK-LABEL: func.func @relu_dynamic_batch
// CHECK-SAME: (%[[X:.*]]: tensor<?x3xf32>) -> tensor<?x3xf32>
// CHECK-NOT: dense<{{.*}}> : tensor<?x
// CHECK: %[[N:.*]] = prim.dim %[[X]] {dim = 0 : i64} : tensor<?x3xf32>
// CHECK: %[[ZERO:.*]] = prim.broadcast_in_dim %{{.*}} sizes(%[[N]]) {dims = array<i64>} : (tensor<f32>) -> tensor<?x3xf32>
// CHECK: prim.max %[[X]], %[[ZERO]] : tensor<?x3xf32>
func.func @relu_dynamic_batch(%x: tensor<?x3xf32>) -> !onnx.value {
  %0 = onnx.node "Relu"(%x) {attrs = {}, domain = "", node_name = "n", version = 14 : i64} : (tensor<?x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// CHECK-LABEL: func.func @sigmoid_dynamic_batch
// CHECK-NOT: dense<{{.*}}> : tensor<?x
// CHECK: prim.exp %{{.*}} : tensor<?x3xf32>
func.func @sigmoid_dynamic_batch(%x: tensor<?x3xf32>) -> !onnx.value {
  %0 = onnx.node "Sigmoid"(%x) {attrs = {}, domain = "", node_name = "n", version = 13 : i64} : (tensor<?x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// CHECK-LABEL: func.func @clip_opset6_dynamic
// CHECK-NOT: dense<{{.*}}> : tensor<?x
// CHECK: prim.min %{{.*}} : tensor<?x3xf32>
func.func @clip_opset6_dynamic(%x: tensor<?x3xf32>) -> !onnx.value {
  %0 = onnx.node "Clip"(%x) {attrs = {max = 6.000000e+00 : f32, min = 0.000000e+00 : f32}, domain = "", node_name = "n", version = 6 : i64} : (tensor<?x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Gemm with alpha != 1 on a dynamic batch.
// CHECK-LABEL: func.func @gemm_alpha_dynamic
// CHECK-NOT: dense<{{.*}}> : tensor<?x
// CHECK: prim.matmul %{{.*}} -> tensor<?x5xf32>
func.func @gemm_alpha_dynamic(%a: tensor<?x4xf32>, %b: tensor<4x5xf32>) -> !onnx.value {
  %0 = onnx.node "Gemm"(%a, %b) {attrs = {alpha = 2.000000e+00 : f32}, domain = "", node_name = "n", version = 13 : i64} : (tensor<?x4xf32>, tensor<4x5xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// ReduceMean over static dims of a tensor with a dynamic batch.
// CHECK-LABEL: func.func @reduce_mean_dynamic_batch
// CHECK-NOT: dense<{{.*}}> : tensor<?x
// CHECK: prim.reduce sum %{{.*}} {dims = array<i64: 1>} : (tensor<?x4xf32>) -> tensor<?xf32>
func.func @reduce_mean_dynamic_batch(%x: tensor<?x4xf32>) -> !onnx.value {
  %0 = onnx.node "ReduceMean"(%x) {attrs = {axes = array<i64: 1>, keepdims = 0 : i64}, domain = "", node_name = "n", version = 13 : i64} : (tensor<?x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// CHECK-LABEL: func.func @layer_norm_dynamic_batch
// CHECK-NOT: dense<{{.*}}> : tensor<?x
// CHECK: prim.sqrt %{{.*}} : tensor<?x1xf32>
func.func @layer_norm_dynamic_batch(%x: tensor<?x4xf32>, %s: tensor<4xf32>) -> !onnx.value {
  %0 = onnx.node "LayerNormalization"(%x, %s) {attrs = {}, domain = "", node_name = "n", version = 17 : i64} : (tensor<?x4xf32>, tensor<4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// CHECK-LABEL: func.func @global_average_pool_dynamic_batch
// CHECK-NOT: dense<{{.*}}> : tensor<?x
// CHECK: prim.reduce sum %{{.*}} {dims = array<i64: 2, 3>} : (tensor<?x3x2x2xf32>) -> tensor<?x3xf32>
func.func @global_average_pool_dynamic_batch(%x: tensor<?x3x2x2xf32>) -> !onnx.value {
  %0 = onnx.node "GlobalAveragePool"(%x) {attrs = {}, domain = "", node_name = "n", version = 1 : i64} : (tensor<?x3x2x2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// CHECK-LABEL: func.func @dropout_mask_dynamic
// CHECK-NOT: dense<{{.*}}> : tensor<?x
// CHECK: return %{{.*}}, %{{.*}} : tensor<?x3xf32>, tensor<?x3xi1>
func.func @dropout_mask_dynamic(%x: tensor<?x3xf32>) -> (!onnx.value, !onnx.value) {
  %0:2 = onnx.node "Dropout"(%x) {attrs = {}, domain = "", node_name = "n", version = 13 : i64} : (tensor<?x3xf32>) -> (!onnx.value, !onnx.value)
  return %0#0, %0#1 : !onnx.value, !onnx.value
}

// -----

// numpy broadcasting over a dynamic dim: the broadcast operand is sized by
// the dynamic operand's dim.
// CHECK-LABEL: func.func @add_bias_dynamic_batch
// CHECK-SAME: (%[[X:.*]]: tensor<?x3xf32>, %[[B:.*]]: tensor<3xf32>)
// CHECK: %[[N:.*]] = prim.dim %[[X]] {dim = 0 : i64} : tensor<?x3xf32>
// CHECK: %[[BB:.*]] = prim.broadcast_in_dim %[[B]] sizes(%[[N]]) {dims = array<i64: 1>} : (tensor<3xf32>) -> tensor<?x3xf32>
// CHECK: prim.add %[[X]], %[[BB]] : tensor<?x3xf32>
func.func @add_bias_dynamic_batch(%x: tensor<?x3xf32>, %b: tensor<3xf32>) -> !onnx.value {
  %0 = onnx.node "Add"(%x, %b) {attrs = {}, domain = "", node_name = "n", version = 14 : i64} : (tensor<?x3xf32>, tensor<3xf32>) -> !onnx.value
  return %0 : !onnx.value
}
