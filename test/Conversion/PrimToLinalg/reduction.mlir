// RUN: dlc-opt %s -convert-prim-to-linalg -split-input-file | FileCheck %s

// prim.reduce becomes linalg.reduce over an init filled with the combiner's
// identity; prim.reduce_window a linalg.generic with window reduction loops.

// CHECK-LABEL: func.func @reduce_sum
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>) -> tensor<2xf32>
// CHECK: %[[E:.*]] = tensor.empty() : tensor<2xf32>
// CHECK: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[I:.*]] = linalg.fill ins(%[[Z]] : f32) outs(%[[E]] : tensor<2xf32>) -> tensor<2xf32>
// CHECK: %[[R:.*]] = linalg.reduce { arith.addf } ins(%[[X]] : tensor<2x3x4xf32>) outs(%[[I]] : tensor<2xf32>) dimensions = [1, 2]
// CHECK: return %[[R]]
func.func @reduce_sum(%x: tensor<2x3x4xf32>) -> tensor<2xf32> {
  %0 = prim.reduce sum %x {dims = array<i64: 1, 2>} : (tensor<2x3x4xf32>) -> tensor<2xf32>
  return %0 : tensor<2xf32>
}

// -----

// CHECK-LABEL: func.func @reduce_float_kinds
// CHECK: %[[NINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[I0:.*]] = linalg.fill ins(%[[NINF]] : f32)
// CHECK: linalg.reduce { arith.maximumf } ins(%{{.*}} : tensor<2x3x4xf32>) outs(%[[I0]] : tensor<3xf32>) dimensions = [0, 2]
// CHECK: %[[INF:.*]] = arith.constant 0x7F800000 : f32
// CHECK: %[[I1:.*]] = linalg.fill ins(%[[INF]] : f32)
// CHECK: linalg.reduce { arith.minimumf } ins(%{{.*}} : tensor<2x3x4xf32>) outs(%[[I1]] : tensor<2x3xf32>) dimensions = [2]
// CHECK: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: %[[I2:.*]] = linalg.fill ins(%[[ONE]] : f32)
// CHECK: linalg.reduce { arith.mulf } ins(%{{.*}} : tensor<2x3x4xf32>) outs(%[[I2]] : tensor<f32>) dimensions = [0, 1, 2]
func.func @reduce_float_kinds(%x: tensor<2x3x4xf32>) -> (tensor<3xf32>, tensor<2x3xf32>, tensor<f32>) {
  %0 = prim.reduce max %x {dims = array<i64: 0, 2>} : (tensor<2x3x4xf32>) -> tensor<3xf32>
  %1 = prim.reduce min %x {dims = array<i64: 2>} : (tensor<2x3x4xf32>) -> tensor<2x3xf32>
  %2 = prim.reduce prod %x {dims = array<i64: 0, 1, 2>} : (tensor<2x3x4xf32>) -> tensor<f32>
  return %0, %1, %2 : tensor<3xf32>, tensor<2x3xf32>, tensor<f32>
}

// -----

// CHECK-LABEL: func.func @reduce_int_kinds
// CHECK: %[[Z:.*]] = arith.constant 0 : i32
// CHECK: linalg.fill ins(%[[Z]] : i32)
// CHECK: linalg.reduce { arith.addi
// CHECK: %[[MIN:.*]] = arith.constant -2147483648 : i32
// CHECK: linalg.fill ins(%[[MIN]] : i32)
// CHECK: linalg.reduce { arith.maxsi }
// CHECK: %[[MAX:.*]] = arith.constant 2147483647 : i32
// CHECK: linalg.fill ins(%[[MAX]] : i32)
// CHECK: linalg.reduce { arith.minsi }
// CHECK: %[[ONE:.*]] = arith.constant 1 : i32
// CHECK: linalg.fill ins(%[[ONE]] : i32)
// CHECK: linalg.reduce { arith.muli
func.func @reduce_int_kinds(%x: tensor<5xi32>) -> (tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>) {
  %0 = prim.reduce sum %x {dims = array<i64: 0>} : (tensor<5xi32>) -> tensor<i32>
  %1 = prim.reduce max %x {dims = array<i64: 0>} : (tensor<5xi32>) -> tensor<i32>
  %2 = prim.reduce min %x {dims = array<i64: 0>} : (tensor<5xi32>) -> tensor<i32>
  %3 = prim.reduce prod %x {dims = array<i64: 0>} : (tensor<5xi32>) -> tensor<i32>
  return %0, %1, %2, %3 : tensor<i32>, tensor<i32>, tensor<i32>, tensor<i32>
}

// -----

// Unsigned max starts from 0 and min from the all-ones value, with unsigned
// combiners.
// CHECK-LABEL: func.func @reduce_unsigned
// CHECK: %[[Z:.*]] = arith.constant 0 : i8
// CHECK: linalg.fill ins(%[[Z]] : i8)
// CHECK: linalg.reduce { arith.maxui }
// CHECK: %[[ONES:.*]] = arith.constant -1 : i8
// CHECK: linalg.fill ins(%[[ONES]] : i8)
// CHECK: linalg.reduce { arith.minui }
func.func @reduce_unsigned(%x: tensor<5xui8>) -> (tensor<ui8>, tensor<ui8>) {
  %0 = prim.reduce max %x {dims = array<i64: 0>} : (tensor<5xui8>) -> tensor<ui8>
  %1 = prim.reduce min %x {dims = array<i64: 0>} : (tensor<5xui8>) -> tensor<ui8>
  return %0, %1 : tensor<ui8>, tensor<ui8>
}

// -----

// Output dims d0..d3 and window dims d4..d7; the input is read at
// out * stride + window * dilation. The empty window tensor only gives the
// reduction loops their bounds.
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0 + d4, d1 + d5, d2 * 2 + d6 * 3, d3 * 3 + d7)>
// CHECK-DAG: #[[WIN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d4, d5, d6, d7)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7) -> (d0, d1, d2, d3)>
// CHECK-LABEL: func.func @reduce_window_max
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x7x7xf32>) -> tensor<1x2x2x2xf32>
// CHECK: %[[W:.*]] = tensor.empty() : tensor<1x1x2x2xf32>
// CHECK: %[[E:.*]] = tensor.empty() : tensor<1x2x2x2xf32>
// CHECK: %[[NINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[I:.*]] = linalg.fill ins(%[[NINF]] : f32) outs(%[[E]] : tensor<1x2x2x2xf32>)
// CHECK: %[[G:.*]] = linalg.generic {indexing_maps = [#[[IN]], #[[WIN]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction", "reduction"]} ins(%[[X]], %[[W]] : tensor<1x2x7x7xf32>, tensor<1x1x2x2xf32>) outs(%[[I]] : tensor<1x2x2x2xf32>)
// CHECK-NEXT: ^bb0(%[[V:.*]]: f32, %{{.*}}: f32, %[[ACC:.*]]: f32):
// CHECK-NEXT: %[[M:.*]] = arith.maximumf %[[ACC]], %[[V]] : f32
// CHECK-NEXT: linalg.yield %[[M]] : f32
// CHECK: return %[[G]]
func.func @reduce_window_max(%x: tensor<1x2x7x7xf32>) -> tensor<1x2x2x2xf32> {
  %0 = prim.reduce_window max %x {window = array<i64: 1, 1, 2, 2>, strides = array<i64: 1, 1, 2, 3>, dilations = array<i64: 1, 1, 3, 1>} : (tensor<1x2x7x7xf32>) -> tensor<1x2x2x2xf32>
  return %0 : tensor<1x2x2x2xf32>
}

// -----

// CHECK-LABEL: func.func @reduce_window_sum_int
// CHECK: %[[Z:.*]] = arith.constant 0 : i32
// CHECK: linalg.fill ins(%[[Z]] : i32)
// CHECK: linalg.generic
// CHECK: arith.addi
func.func @reduce_window_sum_int(%x: tensor<1x4xi32>) -> tensor<1x3xi32> {
  %0 = prim.reduce_window sum %x {window = array<i64: 1, 2>, strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>} : (tensor<1x4xi32>) -> tensor<1x3xi32>
  return %0 : tensor<1x3xi32>
}

// -----

// argmax windows: one generic with two results (running max, its index);
// the index is the operand's row-major position, linearized from
// linalg.index of the output and window loops; a strictly greater element
// replaces the current one, so ties keep the first.
// CHECK-LABEL: func.func @reduce_window_argmax
// CHECK: %[[G:.*]]:2 = linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "parallel", "reduction", "reduction"]
// CHECK: linalg.index 0
// CHECK: linalg.index 2
// CHECK: arith.index_cast %{{.*}} : index to i64
// CHECK: %[[GT:.*]] = arith.cmpf ogt
// CHECK: %[[V:.*]] = arith.select %[[GT]]
// CHECK: %[[I:.*]] = arith.select %[[GT]]
// CHECK: linalg.yield %[[V]], %[[I]] : f32, i64
// CHECK: return %[[G]]#1 : tensor<2x3xi64>
func.func @reduce_window_argmax(%x: tensor<2x6xf32>) -> tensor<2x3xi64> {
  %0 = prim.reduce_window argmax %x {window = array<i64: 1, 2>, strides = array<i64: 1, 2>, dilations = array<i64: 1, 1>} : (tensor<2x6xf32>) -> tensor<2x3xi64>
  return %0 : tensor<2x3xi64>
}

// -----

// prim.reduce argmax: one generic over the operand, the reduced dim a
// reduction loop, with two results (the extreme so far and its position).
// The first element along the dim (linalg.index == 0) is taken as it is;
// a later one when strictly greater (ordered: never a NaN), so ties keep
// the first. The inits (-inf, 0) stay only for an empty dim.
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-LABEL: func.func @reduce_argmax
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>) -> tensor<2x4xi64>
// CHECK: %[[VE:.*]] = tensor.empty() : tensor<2x4xf32>
// CHECK: %[[NINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[V:.*]] = linalg.fill ins(%[[NINF]] : f32) outs(%[[VE]] : tensor<2x4xf32>)
// CHECK: %[[E:.*]] = tensor.empty() : tensor<2x4xi64>
// CHECK: %[[Z:.*]] = arith.constant 0 : i64
// CHECK: %[[I:.*]] = linalg.fill ins(%[[Z]] : i64) outs(%[[E]] : tensor<2x4xi64>)
// CHECK: %[[G:.*]]:2 = linalg.generic {indexing_maps = [#[[IN]], #[[OUT]], #[[OUT]]], iterator_types = ["parallel", "reduction", "parallel"]} ins(%[[X]] : tensor<2x3x4xf32>) outs(%[[V]], %[[I]] : tensor<2x4xf32>, tensor<2x4xi64>)
// CHECK-NEXT: ^bb0(%[[IN0:.*]]: f32, %[[ACC:.*]]: f32, %[[IDX:.*]]: i64):
// CHECK-NEXT: %[[P:.*]] = linalg.index 1 : index
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: %[[FIRST:.*]] = arith.cmpi eq, %[[P]], %[[C0]] : index
// CHECK-NEXT: %[[GT:.*]] = arith.cmpf ogt, %[[IN0]], %[[ACC]] : f32
// CHECK-NEXT: %[[TAKE:.*]] = arith.ori %[[FIRST]], %[[GT]] : i1
// CHECK-NEXT: %[[P64:.*]] = arith.index_cast %[[P]] : index to i64
// CHECK-NEXT: %[[NV:.*]] = arith.select %[[TAKE]], %[[IN0]], %[[ACC]] : f32
// CHECK-NEXT: %[[NI:.*]] = arith.select %[[TAKE]], %[[P64]], %[[IDX]] : i64
// CHECK-NEXT: linalg.yield %[[NV]], %[[NI]] : f32, i64
// CHECK: return %[[G]]#1
func.func @reduce_argmax(%x: tensor<2x3x4xf32>) -> tensor<2x4xi64> {
  %0 = prim.reduce argmax %x {dims = array<i64: 1>} : (tensor<2x3x4xf32>) -> tensor<2x4xi64>
  return %0 : tensor<2x4xi64>
}

// -----

// argmin compares less; select_last also takes equal elements, so ties end
// on the last. Integers compare signed, unsigned ones (and i1) unsigned.
// CHECK-LABEL: func.func @reduce_argmin_kinds
// CHECK: linalg.generic
// CHECK: arith.cmpf olt
// CHECK: linalg.generic
// CHECK: arith.cmpf ole
// CHECK: linalg.generic
// CHECK: arith.cmpi sge
// CHECK: linalg.generic
// CHECK: arith.cmpi ult
func.func @reduce_argmin_kinds(%x: tensor<5xf32>, %i: tensor<5xi32>, %u: tensor<5xui8>) -> (tensor<i64>, tensor<i64>, tensor<i64>, tensor<i64>) {
  %0 = prim.reduce argmin %x {dims = array<i64: 0>} : (tensor<5xf32>) -> tensor<i64>
  %1 = prim.reduce argmin %x {dims = array<i64: 0>, select_last} : (tensor<5xf32>) -> tensor<i64>
  %2 = prim.reduce argmax %i {dims = array<i64: 0>, select_last} : (tensor<5xi32>) -> tensor<i64>
  %3 = prim.reduce argmin %u {dims = array<i64: 0>} : (tensor<5xui8>) -> tensor<i64>
  return %0, %1, %2, %3 : tensor<i64>, tensor<i64>, tensor<i64>, tensor<i64>
}

// -----

// A dynamic kept dim sizes both inits from the operand.
// CHECK-LABEL: func.func @reduce_argmax_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<?x3xf32>)
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK: %[[N:.*]] = tensor.dim %[[X]], %[[C0]] : tensor<?x3xf32>
// CHECK: tensor.empty(%[[N]]) : tensor<?xf32>
// CHECK: tensor.empty(%[[N]]) : tensor<?xi64>
// CHECK: %[[G:.*]]:2 = linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "reduction"]
// CHECK: return %[[G]]#1 : tensor<?xi64>
func.func @reduce_argmax_dynamic(%x: tensor<?x3xf32>) -> tensor<?xi64> {
  %0 = prim.reduce argmax %x {dims = array<i64: 1>} : (tensor<?x3xf32>) -> tensor<?xi64>
  return %0 : tensor<?xi64>
}
