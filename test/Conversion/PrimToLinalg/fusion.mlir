// RUN: dlc-opt %s -dlc-prim-to-linalg-pipeline -split-input-file | FileCheck %s

// The prim-to-linalg pipeline lowers each prim op to its own linalg op, then
// linalg-fuse-elementwise-ops merges elementwise chains (broadcasts
// included) into one linalg.generic. The pipeline also records the model
// metadata, so the graph function is @main_graph.

// bias broadcast + add + exp: one generic that reads the bias through a
// broadcasting map; no intermediate tensors.
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func.func @main_graph
// CHECK-SAME: (%[[X:.*]]: tensor<4x8xf32>, %[[B:.*]]: tensor<8xf32>) -> tensor<4x8xf32>
// CHECK: %[[E:.*]] = tensor.empty() : tensor<4x8xf32>
// CHECK-NEXT: %[[G:.*]] = linalg.generic {indexing_maps = [#[[ID]], #[[ROW]], #[[ID]]], iterator_types = ["parallel", "parallel"]} ins(%[[X]], %[[B]] : tensor<4x8xf32>, tensor<8xf32>) outs(%[[E]] : tensor<4x8xf32>)
// CHECK-NEXT: ^bb0(%[[IX:.*]]: f32, %[[IB:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[S:.*]] = arith.addf %[[IX]], %[[IB]] : f32
// CHECK-NEXT: %[[R:.*]] = math.exp %[[S]] : f32
// CHECK-NEXT: linalg.yield %[[R]] : f32
// CHECK-NEXT: } -> tensor<4x8xf32>
// CHECK-NEXT: return %[[G]]
// CHECK-NOT: linalg.generic
func.func @main_graph(%x: tensor<4x8xf32>, %b: tensor<8xf32>) -> tensor<4x8xf32> {
  %0 = prim.broadcast_in_dim %b {dims = array<i64: 1>} : (tensor<8xf32>) -> tensor<4x8xf32>
  %1 = prim.add %x, %0 : tensor<4x8xf32>
  %2 = prim.exp %1 : tensor<4x8xf32>
  return %2 : tensor<4x8xf32>
}

// -----

// A Linear + ReLU layer: the matmul stays a named op; bias add and the max
// against a splat zero fuse into one generic, the splat becoming a scalar.
// CHECK-LABEL: func.func @main_graph
// CHECK-SAME: (%[[A:.*]]: tensor<4x8xf32>, %[[W:.*]]: tensor<8x16xf32>, %[[B:.*]]: tensor<16xf32>)
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[M:.*]] = linalg.matmul ins(%[[A]], %[[W]] : tensor<4x8xf32>, tensor<8x16xf32>)
// CHECK: %[[G:.*]] = linalg.generic {{.*}} ins(%[[M]], %[[B]] : tensor<4x16xf32>, tensor<16xf32>)
// CHECK-NEXT: ^bb0(%[[IM:.*]]: f32, %[[IB:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[S:.*]] = arith.addf %[[IM]], %[[IB]] : f32
// CHECK-NEXT: %[[R:.*]] = arith.maximumf %[[S]], %[[ZERO]] : f32
// CHECK-NEXT: linalg.yield %[[R]] : f32
// CHECK: return %[[G]]
// CHECK-NOT: linalg.generic
func.func @main_graph(%a: tensor<4x8xf32>, %w: tensor<8x16xf32>, %b: tensor<16xf32>) -> tensor<4x16xf32> {
  %m = prim.matmul %a, %w : (tensor<4x8xf32>, tensor<8x16xf32>) -> tensor<4x16xf32>
  %bb = prim.broadcast_in_dim %b {dims = array<i64: 1>} : (tensor<16xf32>) -> tensor<4x16xf32>
  %y = prim.add %m, %bb : tensor<4x16xf32>
  %z = arith.constant dense<0.0> : tensor<4x16xf32>
  %r = prim.max %y, %z : tensor<4x16xf32>
  return %r : tensor<4x16xf32>
}

// -----

// The pipeline marks the graph for a C interface and records its metadata.
// CHECK: module attributes {dlc.functions = [@main_graph], dlc.model_metadata = "dlc-model 2\0Afunction 4 main\0Ainputs 1\0A1 x 2 32 1 4\0Aoutputs 1\0A1 y 2 32 1 4\0A"}
// CHECK-LABEL: func.func @main_graph
// CHECK-SAME: attributes {llvm.emit_c_interface}
// CHECK: math.tanh
func.func @main_graph(%x: tensor<4xf32> {onnx.name = "x"}) -> (tensor<4xf32> {onnx.name = "y"}) {
  %0 = prim.tanh %x : tensor<4xf32>
  return %0 : tensor<4xf32>
}
