// RUN: dlc-opt %s -convert-prim-to-linalg -split-input-file | FileCheck %s

// broadcast_in_dim, reshape, transpose, slice, pad, concat.

// A broadcast is a linalg.generic whose input map drops the new dims and
// reads index 0 of the expanded size-1 dims.
// CHECK: #[[IN:.*]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func.func @broadcast_in_dim
// CHECK-SAME: (%[[X:.*]]: tensor<3x1xf32>) -> tensor<2x3x4xf32>
// CHECK: %[[E:.*]] = tensor.empty() : tensor<2x3x4xf32>
// CHECK: %[[G:.*]] = linalg.generic {indexing_maps = [#[[IN]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel"]} ins(%[[X]] : tensor<3x1xf32>) outs(%[[E]] : tensor<2x3x4xf32>)
// CHECK-NEXT: ^bb0(%[[V:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: linalg.yield %[[V]] : f32
// CHECK: return %[[G]]
func.func @broadcast_in_dim(%x: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %0 = prim.broadcast_in_dim %x {dims = array<i64: 1, 2>} : (tensor<3x1xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// A scalar broadcast reads no index at all; a size-1 dim that stays 1 keeps
// its index, one that grows reads index 0.
// CHECK-DAG: #[[SCALAR:.*]] = affine_map<(d0, d1) -> ()>
// CHECK-DAG: #[[ID:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ROW:.*]] = affine_map<(d0, d1) -> (d0, 0)>
// CHECK-LABEL: func.func @broadcast_scalar_and_unit
// CHECK: linalg.generic {indexing_maps = [#[[SCALAR]], #[[ID]]]{{.*}} ins(%{{.*}} : tensor<f32>) outs(%{{.*}} : tensor<1x5xf32>)
// CHECK: linalg.generic {indexing_maps = [#[[ROW]], #[[ID]]]{{.*}} ins(%{{.*}} : tensor<1x1xf32>) outs(%{{.*}} : tensor<1x5xf32>)
func.func @broadcast_scalar_and_unit(%s: tensor<f32>, %y: tensor<1x1xf32>) -> (tensor<1x5xf32>, tensor<1x5xf32>) {
  %0 = prim.broadcast_in_dim %s {dims = array<i64>} : (tensor<f32>) -> tensor<1x5xf32>
  %1 = prim.broadcast_in_dim %y {dims = array<i64: 0, 1>} : (tensor<1x1xf32>) -> tensor<1x5xf32>
  return %0, %1 : tensor<1x5xf32>, tensor<1x5xf32>
}

// -----

// Reshapes collapse to 1-D and expand again (both views after bufferization).
// CHECK-LABEL: func.func @reshape
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>, %[[S:.*]]: tensor<f32>)
// CHECK: %[[F:.*]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1]] : tensor<2x3xf32> into tensor<6xf32>
// CHECK: %[[R:.*]] = tensor.expand_shape %[[F]] {{\[}}[0, 1]] output_shape [3, 2] : tensor<6xf32> into tensor<3x2xf32>
// CHECK: %[[S1:.*]] = tensor.expand_shape %[[S]] [] output_shape [1] : tensor<f32> into tensor<1xf32>
// CHECK: %[[S2:.*]] = tensor.expand_shape %[[S1]] {{\[}}[0, 1]] output_shape [1, 1] : tensor<1xf32> into tensor<1x1xf32>
// CHECK: %[[FLAT:.*]] = tensor.collapse_shape %[[X]] {{\[}}[0, 1]] : tensor<2x3xf32> into tensor<6xf32>
// CHECK: return %[[R]], %[[S2]], %[[FLAT]]
func.func @reshape(%x: tensor<2x3xf32>, %s: tensor<f32>) -> (tensor<3x2xf32>, tensor<1x1xf32>, tensor<6xf32>) {
  %0 = prim.reshape %x : (tensor<2x3xf32>) -> tensor<3x2xf32>
  %1 = prim.reshape %s : (tensor<f32>) -> tensor<1x1xf32>
  %2 = prim.reshape %x : (tensor<2x3xf32>) -> tensor<6xf32>
  return %0, %1, %2 : tensor<3x2xf32>, tensor<1x1xf32>, tensor<6xf32>
}

// -----

// CHECK-LABEL: func.func @reshape_to_scalar
// CHECK: tensor.collapse_shape %{{.*}} [] : tensor<1x1xf32> into tensor<f32>
func.func @reshape_to_scalar(%x: tensor<1x1xf32>) -> tensor<f32> {
  %0 = prim.reshape %x : (tensor<1x1xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// The dynamic result dim takes its size from the permuted operand dim.
// CHECK-LABEL: func.func @transpose_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<2x?x4xf32>) -> tensor<4x2x?xf32>
// CHECK: %[[C1:.*]] = arith.constant 1 : index
// CHECK: %[[D:.*]] = tensor.dim %[[X]], %[[C1]] : tensor<2x?x4xf32>
// CHECK: %[[E:.*]] = tensor.empty(%[[D]]) : tensor<4x2x?xf32>
// CHECK: %[[T:.*]] = linalg.transpose ins(%[[X]] : tensor<2x?x4xf32>) outs(%[[E]] : tensor<4x2x?xf32>) permutation = [2, 0, 1]
// CHECK: return %[[T]]
func.func @transpose_dynamic(%x: tensor<2x?x4xf32>) -> tensor<4x2x?xf32> {
  %0 = prim.transpose %x {permutation = array<i64: 2, 0, 1>} : (tensor<2x?x4xf32>) -> tensor<4x2x?xf32>
  return %0 : tensor<4x2x?xf32>
}

// -----

// CHECK-LABEL: func.func @slice
// CHECK-SAME: (%[[X:.*]]: tensor<4x6xf32>)
// CHECK: %[[S:.*]] = tensor.extract_slice %[[X]][1, 0] [2, 3] [1, 2] : tensor<4x6xf32> to tensor<2x3xf32>
// CHECK: return %[[S]]
func.func @slice(%x: tensor<4x6xf32>) -> tensor<2x3xf32> {
  %0 = prim.slice %x {start = array<i64: 1, 0>, limit = array<i64: 3, 6>, strides = array<i64: 1, 2>} : (tensor<4x6xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// A pad fills the result with the value and inserts the operand at `low`.
// CHECK-LABEL: func.func @pad
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK: %[[E:.*]] = tensor.empty() : tensor<5x6xf32>
// CHECK: %[[V:.*]] = arith.constant -1.000000e+00 : f32
// CHECK: %[[F:.*]] = linalg.fill ins(%[[V]] : f32) outs(%[[E]] : tensor<5x6xf32>) -> tensor<5x6xf32>
// CHECK: %[[R:.*]] = tensor.insert_slice %[[X]] into %[[F]][1, 2] [2, 3] [1, 1] : tensor<2x3xf32> into tensor<5x6xf32>
// CHECK: return %[[R]]
func.func @pad(%x: tensor<2x3xf32>) -> tensor<5x6xf32> {
  %0 = prim.pad %x {low = array<i64: 1, 2>, high = array<i64: 2, 1>, value = -1.000000e+00 : f32} : (tensor<2x3xf32>) -> tensor<5x6xf32>
  return %0 : tensor<5x6xf32>
}

// -----

// CHECK-LABEL: func.func @pad_int
// CHECK: %[[V:.*]] = arith.constant -128 : i8
// CHECK: linalg.fill ins(%[[V]] : i8)
func.func @pad_int(%x: tensor<1x2x6xi8>) -> tensor<1x2x8xi8> {
  %0 = prim.pad %x {low = array<i64: 0, 0, 1>, high = array<i64: 0, 0, 1>, value = -128 : i8} : (tensor<1x2x6xi8>) -> tensor<1x2x8xi8>
  return %0 : tensor<1x2x8xi8>
}

// -----

// Concat inserts each input at its running offset.
// CHECK-LABEL: func.func @concat
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<2x1xf32>, %[[C:.*]]: tensor<2x2xf32>)
// CHECK: %[[E:.*]] = tensor.empty() : tensor<2x6xf32>
// CHECK: %[[I0:.*]] = tensor.insert_slice %[[A]] into %[[E]][0, 0] [2, 3] [1, 1] : tensor<2x3xf32> into tensor<2x6xf32>
// CHECK: %[[I1:.*]] = tensor.insert_slice %[[B]] into %[[I0]][0, 3] [2, 1] [1, 1] : tensor<2x1xf32> into tensor<2x6xf32>
// CHECK: %[[I2:.*]] = tensor.insert_slice %[[C]] into %[[I1]][0, 4] [2, 2] [1, 1] : tensor<2x2xf32> into tensor<2x6xf32>
// CHECK: return %[[I2]]
func.func @concat(%a: tensor<2x3xf32>, %b: tensor<2x1xf32>, %c: tensor<2x2xf32>) -> tensor<2x6xf32> {
  %0 = prim.concat %a, %b, %c {dim = 1 : i64} : (tensor<2x3xf32>, tensor<2x1xf32>, tensor<2x2xf32>) -> tensor<2x6xf32>
  return %0 : tensor<2x6xf32>
}
