// RUN: dlc-opt %s -convert-onnx-to-prim -canonicalize -cse -split-input-file | FileCheck %s

// Pad, Split, Tile, DepthToSpace, SpaceToDepth.

// Constant pads: negative ones crop (a slice), then prim.pad.
// CHECK-LABEL: func.func @pad_static
// CHECK: %[[C:.*]] = prim.slice %arg0 {limit = array<i64: 3, 4>, start = array<i64: 0, 1>, strides = array<i64: 1, 1>} : (tensor<3x4xf32>) -> tensor<3x3xf32>
// CHECK: prim.pad %[[C]] {high = array<i64: 0, 2>, low = array<i64: 1, 0>, value = 2.500000e+00 : f32} : (tensor<3x3xf32>) -> tensor<4x5xf32>
func.func @pad_static(%x: tensor<3x4xf32>) -> !onnx.value {
  %p = arith.constant dense<[1, -1, 0, 2]> : tensor<4xi64>
  %v = arith.constant dense<2.5> : tensor<f32>
  %0 = onnx.node "Pad"(%x, %p, %v) {attrs = {}, domain = "", node_name = "p", version = 13 : i64} : (tensor<3x4xf32>, tensor<4xi64>, tensor<f32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Constant pads over a dynamic dim: prim.pad as well, nothing cropped.
// CHECK-LABEL: func.func @pad_static_dynamic_dim
// CHECK-NEXT: prim.pad %arg0 {high = array<i64: 2, 1>, low = array<i64: 1, 0>, value = 0.000000e+00 : f32} : (tensor<?x4xf32>) -> tensor<?x5xf32>
func.func @pad_static_dynamic_dim(%x: tensor<?x4xf32>) -> !onnx.value {
  %p = arith.constant dense<[1, 0, 2, 1]> : tensor<4xi64>
  %0 = onnx.node "Pad"(%x, %p) {attrs = {}, domain = "", node_name = "p", version = 13 : i64} : (tensor<?x4xf32>, tensor<4xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Opset 2: pads and value are attributes; an integer input takes the value
// converted.
// CHECK-LABEL: func.func @pad_attributes
// CHECK: prim.pad %arg0 {high = array<i64: 0, 1>, low = array<i64: 2, 0>, value = 3 : i32} : (tensor<2x3xi32>) -> tensor<4x4xi32>
func.func @pad_attributes(%x: tensor<2x3xi32>) -> !onnx.value {
  %0 = onnx.node "Pad"(%x) {attrs = {pads = array<i64: 2, 0, 0, 1>, value = 3.0 : f32}, domain = "", node_name = "p", version = 2 : i64} : (tensor<2x3xi32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Run-time pads and axes over a dynamic dim: each dim crops where its pads
// are negative (a dynamic slice), then concatenates fills before and after.
// CHECK-LABEL: func.func @pad_runtime
// CHECK-SAME: (%[[X:.*]]: tensor<?x4xf32>, %[[P:.*]]: tensor<2xi64>, %[[A:.*]]: tensor<1xi64>) -> tensor<?x?xf32>
// CHECK-DAG: %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : tensor<f32>
// CHECK-DAG: %[[LOW:.*]] = prim.size_at %[[P]] {index = 0 : i64}
// CHECK-DAG: %[[HIGH:.*]] = prim.size_at %[[P]] {index = 1 : i64}
// CHECK-DAG: %[[AXIS:.*]] = prim.size_at %[[A]] {index = 0 : i64}
// CHECK: %[[N:.*]] = prim.dim %[[X]] {dim = 0 : i64}
// CHECK: %[[CROP:.*]] = prim.dynamic_slice %[[X]] starts(%{{.*}}, %{{.*}}) sizes(%{{.*}}, %[[W:.*]]) {strides = array<i64: 1, 1>} : (tensor<?x4xf32>) -> tensor<?x?xf32>
// CHECK: %[[F0:.*]] = prim.broadcast_in_dim %[[ZERO]] sizes(%{{.*}}, %[[W]]) {dims = array<i64>} : (tensor<f32>) -> tensor<?x?xf32>
// CHECK: %[[F1:.*]] = prim.broadcast_in_dim %[[ZERO]] sizes(%{{.*}}, %[[W]])
// CHECK: %[[R0:.*]] = prim.concat %[[F0]], %[[CROP]], %[[F1]] {dim = 0 : i64}
// CHECK: prim.concat %{{.*}}, %[[R0]], %{{.*}} {dim = 1 : i64} : (tensor<?x?xf32>, tensor<?x?xf32>, tensor<?x?xf32>) -> tensor<?x?xf32>
func.func @pad_runtime(%x: tensor<?x4xf32>, %p: tensor<2xi64>, %a: tensor<1xi64>) -> !onnx.value {
  %n = onnx.none
  %0 = onnx.node "Pad"(%x, %p, %n, %a) {attrs = {}, domain = "", node_name = "p", version = 18 : i64} : (tensor<?x4xf32>, tensor<2xi64>, none, tensor<1xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Reflect with static sizes: a gather at constant positions.
// CHECK-LABEL: func.func @pad_reflect
// CHECK: %[[I:.*]] = arith.constant dense<[2, 1, 0, 1, 2, 1]> : tensor<6xi64>
// CHECK: prim.gather %arg0, %[[I]] {axis = 1 : i64} : (tensor<2x3xi32>, tensor<6xi64>) -> tensor<2x6xi32>
func.func @pad_reflect(%x: tensor<2x3xi32>) -> !onnx.value {
  %0 = onnx.node "Pad"(%x) {attrs = {mode = "reflect", pads = array<i64: 0, 2, 0, 1>}, domain = "", node_name = "p", version = 2 : i64} : (tensor<2x3xi32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// CHECK-LABEL: func.func @pad_wrap
// CHECK: %[[I:.*]] = arith.constant dense<[2, 0, 1, 2, 0]> : tensor<5xi64>
// CHECK: prim.gather %arg0, %[[I]] {axis = 0 : i64} : (tensor<3xf32>, tensor<5xi64>) -> tensor<5xf32>
func.func @pad_wrap(%x: tensor<3xf32>) -> !onnx.value {
  %p = arith.constant dense<[1, 1]> : tensor<2xi64>
  %0 = onnx.node "Pad"(%x, %p) {attrs = {mode = "wrap"}, domain = "", node_name = "p", version = 19 : i64} : (tensor<3xf32>, tensor<2xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Edge over a dynamic dim: the positions i - 2 clamped into [0, n - 1].
// CHECK-LABEL: func.func @pad_edge_dynamic
// CHECK: %[[N:.*]] = prim.dim %arg0 {dim = 0 : i64}
// CHECK: %[[OUT:.*]] = arith.addi %[[N]], %c3
// CHECK: %[[I:.*]] = prim.iota sizes(%{{.*}}) {dim = 0 : i64} : tensor<?xi64>
// CHECK: %[[J:.*]] = prim.sub %[[I]]
// CHECK: %[[LO:.*]] = prim.max %[[J]]
// CHECK: %[[P:.*]] = prim.min %[[LO]]
// CHECK: prim.gather %arg0, %[[P]] {axis = 0 : i64} : (tensor<?xf32>, tensor<?xi64>) -> tensor<?xf32>
func.func @pad_edge_dynamic(%x: tensor<?xf32>) -> !onnx.value {
  %p = arith.constant dense<[2, 1]> : tensor<2xi64>
  %0 = onnx.node "Pad"(%x, %p) {attrs = {mode = "edge"}, domain = "", node_name = "p", version = 13 : i64} : (tensor<?xf32>, tensor<2xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Opset 18's num_outputs: parts of ceil(7 / 3), the last smaller.
// CHECK-LABEL: func.func @split_uneven
// CHECK: prim.slice %arg0 {limit = array<i64: 3, 2>, start = array<i64: 0, 0>, strides = array<i64: 1, 1>} : (tensor<7x2xf32>) -> tensor<3x2xf32>
// CHECK: prim.slice %arg0 {limit = array<i64: 6, 2>, start = array<i64: 3, 0>, strides = array<i64: 1, 1>} : (tensor<7x2xf32>) -> tensor<3x2xf32>
// CHECK: prim.slice %arg0 {limit = array<i64: 7, 2>, start = array<i64: 6, 0>, strides = array<i64: 1, 1>} : (tensor<7x2xf32>) -> tensor<1x2xf32>
func.func @split_uneven(%x: tensor<7x2xf32>) -> (!onnx.value, !onnx.value, !onnx.value) {
  %0:3 = onnx.node "Split"(%x) {attrs = {axis = 0 : i64, num_outputs = 3 : i64}, domain = "", node_name = "s", version = 18 : i64} : (tensor<7x2xf32>) -> (!onnx.value, !onnx.value, !onnx.value)
  return %0#0, %0#1, %0#2 : !onnx.value, !onnx.value, !onnx.value
}

// -----

// CHECK-LABEL: func.func @split_attribute
// CHECK: prim.slice %arg0 {limit = array<i64: 2, 1>, start = array<i64: 0, 0>, strides = array<i64: 1, 1>} : (tensor<2x4xf32>) -> tensor<2x1xf32>
// CHECK: prim.slice %arg0 {limit = array<i64: 2, 4>, start = array<i64: 0, 1>, strides = array<i64: 1, 1>} : (tensor<2x4xf32>) -> tensor<2x3xf32>
func.func @split_attribute(%x: tensor<2x4xf32>) -> (!onnx.value, !onnx.value) {
  %0:2 = onnx.node "Split"(%x) {attrs = {axis = 1 : i64, split = array<i64: 1, 3>}, domain = "", node_name = "s", version = 11 : i64} : (tensor<2x4xf32>) -> (!onnx.value, !onnx.value)
  return %0#0, %0#1 : !onnx.value, !onnx.value
}

// -----

// Run-time sizes along a dynamic dim: starts and sizes clamped into it.
// CHECK-LABEL: func.func @split_dynamic
// CHECK-SAME: -> (tensor<2x?xf32>, tensor<2x?xf32>)
// CHECK-DAG: %[[N:.*]] = prim.dim %arg0 {dim = 1 : i64}
// CHECK-DAG: %[[S0:.*]] = prim.size_at %arg1 {index = 0 : i64}
// CHECK: %[[M0:.*]] = arith.maxsi %[[S0]], %c0
// CHECK: %[[C0:.*]] = arith.minsi %[[M0]], %[[N]]
// CHECK: prim.dynamic_slice %arg0 starts(%c0, %c0) sizes(%[[C0]]) {strides = array<i64: 1, 1>} : (tensor<2x?xf32>) -> tensor<2x?xf32>
// CHECK: %[[AT:.*]] = arith.minsi %[[S0]], %[[N]]
// CHECK: prim.dynamic_slice %arg0 starts(%c0, %[[AT]]) sizes(%{{.*}}) {strides = array<i64: 1, 1>} : (tensor<2x?xf32>) -> tensor<2x?xf32>
func.func @split_dynamic(%x: tensor<2x?xf32>, %s: tensor<2xi64>) -> (!onnx.value, !onnx.value) {
  %0:2 = onnx.node "Split"(%x, %s) {attrs = {axis = -1 : i64}, domain = "", node_name = "s", version = 13 : i64} : (tensor<2x?xf32>, tensor<2xi64>) -> (!onnx.value, !onnx.value)
  return %0#0, %0#1 : !onnx.value, !onnx.value
}

// -----

// Tile: [1, d0, 1, d1] broadcast to [r0, d0, r1, d1], then [r0 * d0, r1 * d1].
// CHECK-LABEL: func.func @tile
// CHECK: %[[V:.*]] = prim.reshape %arg0 : (tensor<2x3xf32>) -> tensor<1x2x1x3xf32>
// CHECK: %[[B:.*]] = prim.broadcast_in_dim %[[V]] {dims = array<i64: 0, 1, 2, 3>} : (tensor<1x2x1x3xf32>) -> tensor<2x2x1x3xf32>
// CHECK: prim.reshape %[[B]] : (tensor<2x2x1x3xf32>) -> tensor<4x3xf32>
func.func @tile(%x: tensor<2x3xf32>) -> !onnx.value {
  %r = arith.constant dense<[2, 1]> : tensor<2xi64>
  %0 = onnx.node "Tile"(%x, %r) {attrs = {}, domain = "", node_name = "t", version = 13 : i64} : (tensor<2x3xf32>, tensor<2xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Run-time repeats over a dynamic dim: the same, sized in index arithmetic.
// CHECK-LABEL: func.func @tile_dynamic
// CHECK-DAG: %[[R0:.*]] = prim.size_at %arg1 {index = 0 : i64}
// CHECK-DAG: %[[R1:.*]] = prim.size_at %arg1 {index = 1 : i64}
// CHECK-DAG: %[[N:.*]] = prim.dim %arg0 {dim = 0 : i64}
// CHECK: %[[C0:.*]] = arith.maxsi %[[R0]], %c0
// CHECK: %[[D0:.*]] = arith.muli %[[C0]], %[[N]]
// CHECK: %[[C1:.*]] = arith.maxsi %[[R1]], %c0
// CHECK: %[[D1:.*]] = arith.muli %[[C1]], %c3
// CHECK: %[[V:.*]] = prim.reshape %arg0 sizes(%[[N]]) : (tensor<?x3xf32>) -> tensor<1x?x1x3xf32>
// CHECK: %[[B:.*]] = prim.broadcast_in_dim %[[V]] sizes(%[[C0]], %[[N]], %[[C1]]) {dims = array<i64: 0, 1, 2, 3>} : (tensor<1x?x1x3xf32>) -> tensor<?x?x?x3xf32>
// CHECK: prim.reshape %[[B]] sizes(%[[D0]], %[[D1]]) : (tensor<?x?x?x3xf32>) -> tensor<?x?xf32>
func.func @tile_dynamic(%x: tensor<?x3xf32>, %r: tensor<2xi64>) -> !onnx.value {
  %0 = onnx.node "Tile"(%x, %r) {attrs = {}, domain = "", node_name = "t", version = 13 : i64} : (tensor<?x3xf32>, tensor<2xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// DepthToSpace DCR and CRD over a dynamic batch.
// CHECK-LABEL: func.func @depth_to_space
// CHECK: %[[N:.*]] = prim.dim %arg0 {dim = 0 : i64}
// CHECK: %[[S:.*]] = prim.reshape %arg0 sizes(%[[N]]) : (tensor<?x8x2x3xf32>) -> tensor<?x2x2x2x2x3xf32>
// CHECK: %[[T:.*]] = prim.transpose %[[S]] {permutation = array<i64: 0, 3, 4, 1, 5, 2>}
// CHECK: prim.reshape %[[T]] sizes(%[[N]]) : (tensor<?x2x2x2x3x2xf32>) -> tensor<?x2x4x6xf32>
// CHECK: %[[U:.*]] = prim.transpose %[[S]] {permutation = array<i64: 0, 1, 4, 2, 5, 3>}
// CHECK: prim.reshape %[[U]] sizes(%[[N]]) : (tensor<?x2x2x2x3x2xf32>) -> tensor<?x2x4x6xf32>
func.func @depth_to_space(%x: tensor<?x8x2x3xf32>) -> (!onnx.value, !onnx.value) {
  %0 = onnx.node "DepthToSpace"(%x) {attrs = {blocksize = 2 : i64}, domain = "", node_name = "d", version = 13 : i64} : (tensor<?x8x2x3xf32>) -> !onnx.value
  %1 = onnx.node "DepthToSpace"(%x) {attrs = {blocksize = 2 : i64, mode = "CRD"}, domain = "", node_name = "d", version = 13 : i64} : (tensor<?x8x2x3xf32>) -> !onnx.value
  return %0, %1 : !onnx.value, !onnx.value
}

// -----

// CHECK-LABEL: func.func @space_to_depth
// CHECK: %[[H:.*]] = prim.dim %arg0 {dim = 2 : i64}
// CHECK: %[[HB:.*]] = arith.divui %[[H]], %c2
// CHECK: %[[S:.*]] = prim.reshape %arg0 sizes(%[[HB]]) : (tensor<1x2x?x6xf32>) -> tensor<1x2x?x2x3x2xf32>
// CHECK: %[[T:.*]] = prim.transpose %[[S]] {permutation = array<i64: 0, 3, 5, 1, 2, 4>} : (tensor<1x2x?x2x3x2xf32>) -> tensor<1x2x2x2x?x3xf32>
// CHECK: prim.reshape %[[T]] sizes(%[[HB]]) : (tensor<1x2x2x2x?x3xf32>) -> tensor<1x8x?x3xf32>
func.func @space_to_depth(%x: tensor<1x2x?x6xf32>) -> !onnx.value {
  %0 = onnx.node "SpaceToDepth"(%x) {attrs = {blocksize = 2 : i64}, domain = "", node_name = "s", version = 13 : i64} : (tensor<1x2x?x6xf32>) -> !onnx.value
  return %0 : !onnx.value
}
