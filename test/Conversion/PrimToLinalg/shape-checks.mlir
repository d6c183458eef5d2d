// RUN: dlc-opt %s -split-input-file -convert-prim-to-linalg | FileCheck %s

// Sizes that meet only at run time are checked: each dynamic dim of an
// operand must equal the size the result takes (operand 0's). The message names the node and has the two sizes' formats.
// CHECK-LABEL: func.func @add_dynamic
// CHECK-SAME: (%[[A:.*]]: tensor<?x3xf32>, %[[B:.*]]: tensor<?x3xf32>)
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK: %[[NA:.*]] = tensor.dim %[[A]], %[[C0]]
// CHECK: %[[NB:.*]] = tensor.dim %[[B]], %[[C0]]
// CHECK: %[[SAME:.*]] = arith.cmpi eq, %[[NB]], %[[NA]] : index
// CHECK: cf.assert %[[SAME]], "node 'add%%1': dim 0 of operand 1 is %1$lld at run time, but %2$lld is needed here (a dynamic dim is not broadcast from 1)" {dlc.shape_check}
// CHECK: linalg.generic
func.func @add_dynamic(%a: tensor<?x3xf32>, %b: tensor<?x3xf32>) -> tensor<?x3xf32> {
  %0 = prim.add %a, %b : tensor<?x3xf32> loc("add%1")
  return %0 : tensor<?x3xf32>
}

// -----

// Static shapes need no check.
// CHECK-LABEL: func.func @add_static
// CHECK-NOT: cf.assert
func.func @add_static(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = prim.add %a, %b : tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// A broadcast keeps a dynamic dim's size (into a dynamic result dim) or
// checks it (into a static one, which is never broadcast from a dynamic 1).
// CHECK-LABEL: func.func @broadcast_dynamic
// CHECK: %[[N:.*]] = tensor.dim %arg0, %{{.*}} : tensor<?x4xf32>
// CHECK: tensor.empty(%[[N]]) : tensor<?x4x5xf32>
// CHECK-LABEL: func.func @broadcast_checked
// CHECK-DAG: %[[C4:.*]] = arith.constant 4 : index
// CHECK-DAG: %[[M:.*]] = tensor.dim %arg0
// CHECK: %[[SAME:.*]] = arith.cmpi eq, %[[M]], %[[C4]] : index
// CHECK: cf.assert %[[SAME]], "node 'bias': dim 0 of the broadcast operand is %1$lld
func.func @broadcast_dynamic(%x: tensor<?x4xf32>) -> tensor<?x4x5xf32> {
  %0 = prim.broadcast_in_dim %x {dims = array<i64: 0, 1>} : (tensor<?x4xf32>) -> tensor<?x4x5xf32>
  return %0 : tensor<?x4x5xf32>
}
func.func @broadcast_checked(%x: tensor<?xf32>) -> tensor<2x4xf32> {
  %0 = prim.broadcast_in_dim %x {dims = array<i64: 1>} : (tensor<?xf32>) -> tensor<2x4xf32> loc("bias")
  return %0 : tensor<2x4xf32>
}

// -----

// With sizes, an operand dim that is not broadcast is checked against its
// size; a static operand dim other than 1 gives a dynamic result dim its
// size (no sizes needed).
// CHECK-LABEL: func.func @broadcast_sizes_checked
// CHECK-SAME: (%[[X:.*]]: tensor<?xf32>, %[[N:.*]]: index)
// CHECK: %[[M:.*]] = tensor.dim %[[X]]
// CHECK: %[[SAME:.*]] = arith.cmpi eq, %[[M]], %[[N]] : index
// CHECK: cf.assert %[[SAME]], "node 'b': dim 0 of the broadcast operand is %1$lld
// CHECK: tensor.empty(%[[N]]) : tensor<?x4xf32>
// CHECK-LABEL: func.func @broadcast_static_into_dynamic
// CHECK: %[[C4:.*]] = arith.constant 4 : index
// CHECK-NOT: cf.assert
// CHECK: tensor.empty(%[[C4]]) : tensor<?x2xf32>
func.func @broadcast_sizes_checked(%x: tensor<?xf32>, %n: index) -> tensor<?x4xf32> {
  %0 = prim.broadcast_in_dim %x sizes(%n) {dims = array<i64: 0>} : (tensor<?xf32>) -> tensor<?x4xf32> loc("b")
  return %0 : tensor<?x4xf32>
}
func.func @broadcast_static_into_dynamic(%x: tensor<4xf32>) -> tensor<?x2xf32> {
  %0 = prim.broadcast_in_dim %x {dims = array<i64: 0>} : (tensor<4xf32>) -> tensor<?x2xf32>
  return %0 : tensor<?x2xf32>
}
