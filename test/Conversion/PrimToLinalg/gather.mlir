// RUN: dlc-opt %s -convert-prim-to-linalg -split-input-file | FileCheck %s

// Shapes as data and gathers: from_sizes/size_at move between sizes and
// integer tensors, iota and gather are linalg.generics, a dynamic slice an
// extract_slice with run-time offsets and sizes.

// CHECK-LABEL: func.func @from_sizes
// CHECK: %[[N:.*]] = tensor.dim %arg0, %c0
// CHECK-DAG: %[[A:.*]] = arith.index_cast %[[N]] : index to i64
// CHECK-DAG: %[[B:.*]] = arith.index_cast %c3 : index to i64
// CHECK: tensor.from_elements %[[A]], %[[B]] : tensor<2xi64>
func.func @from_sizes(%x: tensor<?x3xf32>) -> tensor<2xi64> {
  %n = prim.dim %x {dim = 0} : tensor<?x3xf32>
  %c3 = arith.constant 3 : index
  %0 = prim.from_sizes %n, %c3 : tensor<2xi64>
  return %0 : tensor<2xi64>
}

// -----

// CHECK-LABEL: func.func @size_at
// CHECK: %[[E:.*]] = tensor.extract %arg0[%c1] : tensor<2xi64>
// CHECK: arith.index_cast %[[E]] : i64 to index
func.func @size_at(%s: tensor<2xi64>) -> index {
  %0 = prim.size_at %s {index = 1} : tensor<2xi64>
  return %0 : index
}

// -----

// CHECK-LABEL: func.func @iota
// CHECK: tensor.empty(%arg0) : tensor<?xf32>
// CHECK: linalg.generic
// CHECK: %[[I:.*]] = linalg.index 0 : index
// CHECK: %[[I64:.*]] = arith.index_castui %[[I]] : index to i64
// CHECK: arith.uitofp %[[I64]] : i64 to f32
func.func @iota(%n: index) -> tensor<?xf32> {
  %0 = prim.iota sizes(%n) {dim = 0} : tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// The index is clamped into the gathered dim (static and not empty here:
// no check).
// CHECK-LABEL: func.func @gather
// CHECK-NOT: cf.assert
// CHECK: %[[LAST:.*]] = arith.subi %c5, %c1
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:.*]]: i64, %{{.*}}: f32):
// CHECK: %[[I:.*]] = arith.index_cast %[[IN]] : i64 to index
// CHECK: %[[LO:.*]] = arith.maxsi %[[I]], %{{.*}} : index
// CHECK: %[[AT:.*]] = arith.minsi %[[LO]], %[[LAST]] : index
// CHECK: %[[J:.*]] = linalg.index 2 : index
// CHECK: tensor.extract %arg0[%[[AT]], %[[J]]] : tensor<5x3xf32>
func.func @gather(%x: tensor<5x3xf32>, %i: tensor<?x2xi64>) -> tensor<?x2x3xf32> {
  %0 = prim.gather %x, %i {axis = 0} : (tensor<5x3xf32>, tensor<?x2xi64>) -> tensor<?x2x3xf32>
  return %0 : tensor<?x2x3xf32>
}

// -----

// CHECK-LABEL: func.func @dynamic_slice
// CHECK: tensor.extract_slice %arg0[0, 0] [1, %arg1] [1, 1] : tensor<1x128xi64> to tensor<1x?xi64>
func.func @dynamic_slice(%x: tensor<1x128xi64>, %n: index) -> tensor<1x?xi64> {
  %c0 = arith.constant 0 : index
  %0 = prim.dynamic_slice %x starts(%c0, %c0) sizes(%n) {strides = array<i64: 1, 1>} : (tensor<1x128xi64>) -> tensor<1x?xi64>
  return %0 : tensor<1x?xi64>
}

// -----

// A dynamic gathered dim must not be empty unless the indices are.
// CHECK-LABEL: func.func @gather_dynamic
// CHECK: %[[N:.*]] = tensor.dim %arg0, %c0
// CHECK: %[[OK:.*]] = arith.cmpi uge, %[[N]], %{{.*}} : index
// CHECK: cf.assert %[[OK]], "node '<unnamed>': dim 0 of the gathered operand is %1$lld at run time, but at least %2$lld is needed here (the indices are not empty)"
func.func @gather_dynamic(%x: tensor<?x3xf32>, %i: tensor<2xi64>) -> tensor<2x3xf32> {
  %0 = prim.gather %x, %i {axis = 0} : (tensor<?x3xf32>, tensor<2xi64>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
