// RUN: dlc-opt %s -convert-prim-to-linalg -canonicalize -split-input-file | FileCheck %s

// prim.cumsum: an scf.for over the scanned dim carrying the running sum of
// the slices (a linalg.generic adding each slice into it) and the result,
// into which each step inserts the sum (exclusive: the sum before adding).

// CHECK-LABEL: func.func @cumsum
// CHECK-SAME: (%[[X:.*]]: tensor<2x?xf32>)
// CHECK-DAG: %[[N:.*]] = tensor.dim %[[X]], %c1
// CHECK-DAG: %[[ZERO:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<2xf32>) -> tensor<2xf32>
// CHECK-DAG: %[[INIT:.*]] = tensor.empty(%[[N]]) : tensor<2x?xf32>
// CHECK: %[[R:.*]]:2 = scf.for %[[I:.*]] = %c0 to %[[N]] step %c1 iter_args(%[[RES:.*]] = %[[INIT]], %[[SUM:.*]] = %[[ZERO]]) -> (tensor<2x?xf32>, tensor<2xf32>)
// CHECK: %[[ROW:.*]] = tensor.extract_slice %[[X]][0, %[[I]]] [2, 1] [1, 1] : tensor<2x?xf32> to tensor<2xf32>
// CHECK: %[[NEW:.*]] = linalg.generic {{.*}} ins(%[[ROW]] : tensor<2xf32>) outs(%[[SUM]] : tensor<2xf32>)
// CHECK: arith.addf
// CHECK: %[[INS:.*]] = tensor.insert_slice %[[NEW]] into %[[RES]][0, %[[I]]] [2, 1] [1, 1] : tensor<2xf32> into tensor<2x?xf32>
// CHECK: scf.yield %[[INS]], %[[NEW]]
// CHECK: return %[[R]]#0
func.func @cumsum(%x: tensor<2x?xf32>) -> tensor<2x?xf32> {
  %0 = prim.cumsum %x {dim = 1 : i64} : tensor<2x?xf32>
  return %0 : tensor<2x?xf32>
}

// -----

// Reverse and exclusive: position n - 1 - i, the sum inserted before adding.
// CHECK-LABEL: func.func @cumsum_reverse_exclusive
// CHECK: scf.for %[[I:.*]] = %c0 to %c4 step %c1 iter_args(%[[RES:.*]] = %{{.*}}, %[[SUM:.*]] = %{{.*}}) -> (tensor<4x3xi32>, tensor<3xi32>)
// CHECK: %[[AT:.*]] = arith.subi %c3, %[[I]]
// CHECK: %[[ROW:.*]] = tensor.extract_slice %arg0[%[[AT]], 0] [1, 3] [1, 1] : tensor<4x3xi32> to tensor<3xi32>
// CHECK: %[[INS:.*]] = tensor.insert_slice %[[SUM]] into %[[RES]][%[[AT]], 0] [1, 3] [1, 1]
// CHECK: %[[NEW:.*]] = linalg.generic {{.*}} ins(%[[ROW]] : tensor<3xi32>) outs(%[[SUM]] : tensor<3xi32>)
// CHECK: arith.addi
// CHECK: scf.yield %[[INS]], %[[NEW]]
func.func @cumsum_reverse_exclusive(%x: tensor<4x3xi32>) -> tensor<4x3xi32> {
  %0 = prim.cumsum %x {dim = 0 : i64, exclusive, reverse} : tensor<4x3xi32>
  return %0 : tensor<4x3xi32>
}
