// RUN: dlc-opt %s -convert-prim-to-linalg -canonicalize -split-input-file | FileCheck %s

// Dynamic dims through the shape-changing lowerings: sizes come from the
// operands (tensor.dim) or an op's sizes, and sizes that only meet at run
// time are checked (cf.assert {dlc.shape_check}).

// -----

// CHECK-LABEL: func.func @reshape
// CHECK-SAME: (%[[X:.*]]: tensor<?x4xf32>, %[[N:.*]]: index)
// CHECK-DAG: %[[D:.*]] = tensor.dim %[[X]], %c0
// CHECK-DAG: %[[IN:.*]] = arith.muli %[[D]], %c4
// CHECK-DAG: %[[OUT:.*]] = arith.muli %[[N]], %c2
// CHECK: %[[OK:.*]] = arith.cmpi eq, %[[OUT]], %[[IN]]
// CHECK: cf.assert %[[OK]], "node '<unnamed>': the element count of the reshaped result is %1$lld at run time, but %2$lld is needed here (the operand's)" {dlc.shape_check}
// CHECK: %[[SHAPE:.*]] = tensor.from_elements %[[N]], %c2 : tensor<2xindex>
// CHECK: tensor.reshape %[[X]](%[[SHAPE]]) : (tensor<?x4xf32>, tensor<2xindex>) -> tensor<?x2xf32>
func.func @reshape(%x: tensor<?x4xf32>, %n: index) -> tensor<?x2xf32> {
  %0 = prim.reshape %x sizes(%n) : (tensor<?x4xf32>) -> tensor<?x2xf32>
  return %0 : tensor<?x2xf32>
}

// -----

// A constant size goes on the right of the check, named by position.
// CHECK-LABEL: func.func @matmul
// CHECK: %[[K:.*]] = tensor.dim %arg0, %c1
// CHECK: %[[OK:.*]] = arith.cmpi eq, %[[K]], %c4
// CHECK: cf.assert %[[OK]], "node '<unnamed>': the contraction dim of operand 1 is %2$lld at run time, but %1$lld is needed here (operand 0's)"
// CHECK: %[[M:.*]] = tensor.dim %arg0, %c0
// CHECK: tensor.empty(%[[M]]) : tensor<?x5xf32>
// CHECK: linalg.matmul
func.func @matmul(%a: tensor<?x?xf32>, %b: tensor<4x5xf32>) -> tensor<?x5xf32> {
  %0 = prim.matmul %a, %b : (tensor<?x?xf32>, tensor<4x5xf32>) -> tensor<?x5xf32>
  return %0 : tensor<?x5xf32>
}

// -----

// CHECK-LABEL: func.func @batch_matmul
// CHECK: cf.assert %{{.*}}, "node '<unnamed>': batch dim 0 of operand 1 is %1$lld at run time, but %2$lld is needed here (operand 0's)"
// CHECK: %[[B:.*]] = tensor.dim %arg0, %c0
// CHECK: tensor.collapse_shape %arg0 {{\[}}[0, 1], [2], [3]] : tensor<?x2x3x4xf32> into tensor<?x3x4xf32>
// CHECK: linalg.batch_matmul
// CHECK: tensor.expand_shape %{{.*}} {{\[}}[0, 1], [2], [3]] output_shape [%[[B]], 2, 3, 5]
func.func @batch_matmul(%a: tensor<?x2x3x4xf32>, %b: tensor<?x2x4x5xf32>) -> tensor<?x2x3x5xf32> {
  %0 = prim.matmul %a, %b : (tensor<?x2x3x4xf32>, tensor<?x2x4x5xf32>) -> tensor<?x2x3x5xf32>
  return %0 : tensor<?x2x3x5xf32>
}

// -----

// CHECK-LABEL: func.func @pad
// CHECK: %[[D:.*]] = tensor.dim %arg0, %c0
// CHECK: %[[P:.*]] = arith.addi %[[D]], %c3
// CHECK: tensor.empty(%[[P]]) : tensor<?x5xf32>
// CHECK: tensor.insert_slice %arg0 into %{{.*}}[1, 0] [%{{.*}}, 3] [1, 1]
func.func @pad(%x: tensor<?x3xf32>) -> tensor<?x5xf32> {
  %0 = prim.pad %x {low = array<i64: 1, 0>, high = array<i64: 2, 2>, value = 0.0 : f32} : (tensor<?x3xf32>) -> tensor<?x5xf32>
  return %0 : tensor<?x5xf32>
}

// -----

// CHECK-LABEL: func.func @concat(
// CHECK: cf.assert %{{.*}}, "node '<unnamed>': dim 0 of input 1 is %1$lld at run time, but %2$lld is needed here (input 0's)"
// CHECK: tensor.insert_slice %arg0 into %{{.*}}[0, 0]
// CHECK: tensor.insert_slice %arg1 into %{{.*}}[0, 3]
func.func @concat(%a: tensor<?x3xf32>, %b: tensor<?x2xf32>) -> tensor<?x5xf32> {
  %0 = prim.concat %a, %b {dim = 1 : i64} : (tensor<?x3xf32>, tensor<?x2xf32>) -> tensor<?x5xf32>
  return %0 : tensor<?x5xf32>
}

// -----

// Offsets along a dynamic concat dim are computed at run time.
// CHECK-LABEL: func.func @concat_dynamic_dim
// CHECK-NOT: cf.assert
// CHECK: %[[D:.*]] = tensor.dim %arg0, %c0
// CHECK: %[[N:.*]] = arith.addi %[[D]], %c2
// CHECK: tensor.empty(%[[N]]) : tensor<?x3xf32>
// CHECK: tensor.insert_slice %arg1 into %{{.*}}[%[[D]], 0] [2, 3] [1, 1]
func.func @concat_dynamic_dim(%a: tensor<?x3xf32>, %b: tensor<2x3xf32>) -> tensor<?x3xf32> {
  %0 = prim.concat %a, %b {dim = 0 : i64} : (tensor<?x3xf32>, tensor<2x3xf32>) -> tensor<?x3xf32>
  return %0 : tensor<?x3xf32>
}

// -----

// CHECK-LABEL: func.func @reduce
// CHECK-DAG: %[[D0:.*]] = tensor.dim %arg0, %c0
// CHECK-DAG: %[[D2:.*]] = tensor.dim %arg0, %c2
// CHECK: tensor.empty(%[[D0]], %[[D2]]) : tensor<?x?xf32>
// CHECK: linalg.reduce
func.func @reduce(%x: tensor<?x3x?xf32>) -> tensor<?x?xf32> {
  %0 = prim.reduce sum %x {dims = array<i64: 1>} : (tensor<?x3x?xf32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// A strided window over a dynamic dim: checked to fit, then (size - 3) / 2 + 1.
// CHECK-LABEL: func.func @pool
// CHECK: %[[W:.*]] = tensor.dim %arg0, %c1
// CHECK: %[[OK:.*]] = arith.cmpi uge, %[[W]], %c3
// CHECK: cf.assert %[[OK]], "node '<unnamed>': dim 1 of the pooled operand is %1$lld at run time, but at least %2$lld is needed here (the window's extent)"
// CHECK: %[[R:.*]] = arith.subi %[[W]], %c3
// CHECK: %[[Q:.*]] = arith.divui %[[R]], %c2
// CHECK: %[[O:.*]] = arith.addi %[[Q]], %c1
// CHECK: tensor.empty(%{{.*}}, %[[O]]) : tensor<?x?xf32>
func.func @pool(%x: tensor<?x?xf32>) -> tensor<?x?xf32> {
  %0 = prim.reduce_window max %x {window = array<i64: 1, 3>, strides = array<i64: 1, 2>, dilations = array<i64: 1, 1>} : (tensor<?x?xf32>) -> tensor<?x?xf32>
  return %0 : tensor<?x?xf32>
}

// -----

// CHECK-LABEL: func.func @conv(
// CHECK: %[[N:.*]] = tensor.dim %arg0, %c0
// CHECK: tensor.empty(%[[N]]) : tensor<?x4x6x6xf32>
// CHECK: linalg.conv_2d_nchw_fchw
func.func @conv(%x: tensor<?x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> tensor<?x4x6x6xf32> {
  %0 = prim.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<?x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<?x4x6x6xf32>
  return %0 : tensor<?x4x6x6xf32>
}

// -----

// CHECK-LABEL: func.func @grouped_conv
// CHECK: tensor.expand_shape %arg0 {{\[}}[0], [1, 2], [3], [4]] output_shape [%{{.*}}, 2, 2, 8, 8]
// CHECK: linalg.conv_2d_ngchw_gfchw
// CHECK: tensor.collapse_shape
func.func @grouped_conv(%x: tensor<?x4x8x8xf32>, %w: tensor<4x2x3x3xf32>) -> tensor<?x4x6x6xf32> {
  %0 = prim.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, groups = 2 : i64} : (tensor<?x4x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<?x4x6x6xf32>
  return %0 : tensor<?x4x6x6xf32>
}

// -----

// Several dynamic batch dims: the batch_matmul's result is reshaped to
// them (expand_shape bufferizes one dynamic dim per group only).
// CHECK-LABEL: func.func @batch_matmul_dynamic_heads
// CHECK: linalg.batch_matmul
// CHECK: %[[S:.*]] = tensor.from_elements
// CHECK: tensor.reshape %{{.*}}(%[[S]]) : (tensor<?x3x5xf32>, tensor<4xindex>) -> tensor<?x?x3x5xf32>
func.func @batch_matmul_dynamic_heads(%a: tensor<?x?x3x4xf32>, %b: tensor<?x?x4x5xf32>) -> tensor<?x?x3x5xf32> {
  %0 = prim.matmul %a, %b : (tensor<?x?x3x4xf32>, tensor<?x?x4x5xf32>) -> tensor<?x?x3x5xf32>
  return %0 : tensor<?x?x3x5xf32>
}
