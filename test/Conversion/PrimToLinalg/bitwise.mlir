// RUN: dlc-opt %s -convert-prim-to-linalg -split-input-file | FileCheck %s

// The bitwise prims are arith's bitwise ops in a linalg.generic; not is xor
// with all ones. Unsigned types become signless.

// CHECK-LABEL: func.func @bitwise
// CHECK-SAME: (%{{.*}}: tensor<?xi8>, %{{.*}}: tensor<?xi8>)
// CHECK: linalg.generic
// CHECK-NEXT: ^bb0(%[[X:.*]]: i8, %[[Y:.*]]: i8, %{{.*}}: i8):
// CHECK-NEXT: %[[R:.*]] = arith.andi %[[X]], %[[Y]] : i8
// CHECK-NEXT: linalg.yield %[[R]] : i8
// CHECK: linalg.generic
// CHECK: arith.ori %{{.*}}, %{{.*}} : i8
// CHECK: linalg.generic
// CHECK: arith.xori %{{.*}}, %{{.*}} : i8
// CHECK: linalg.generic
// CHECK-NEXT: ^bb0(%[[Z:.*]]: i8, %{{.*}}: i8):
// CHECK-NEXT: %[[ONES:.*]] = arith.constant -1 : i8
// CHECK-NEXT: %[[N:.*]] = arith.xori %[[Z]], %[[ONES]] : i8
// CHECK-NEXT: linalg.yield %[[N]] : i8
// CHECK-NOT: prim.
func.func @bitwise(%a: tensor<?xui8>, %b: tensor<?xui8>) -> (tensor<?xui8>, tensor<?xui8>, tensor<?xui8>, tensor<?xui8>) {
  %0 = prim.and %a, %b : tensor<?xui8>
  %1 = prim.or %a, %b : tensor<?xui8>
  %2 = prim.xor %a, %b : tensor<?xui8>
  %3 = prim.not %a : tensor<?xui8>
  return %0, %1, %2, %3 : tensor<?xui8>, tensor<?xui8>, tensor<?xui8>, tensor<?xui8>
}

// -----

// On i1 (bool logic), not is xor with true.
// CHECK-LABEL: func.func @not_bool
// CHECK: %[[TRUE:.*]] = arith.constant true
// CHECK: arith.xori %{{.*}}, %[[TRUE]] : i1
func.func @not_bool(%a: tensor<4xi1>) -> tensor<4xi1> {
  %0 = prim.not %a : tensor<4xi1>
  return %0 : tensor<4xi1>
}
