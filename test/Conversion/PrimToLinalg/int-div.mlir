// RUN: dlc-opt %s -convert-prim-to-linalg -split-input-file | FileCheck %s

// Integer division never traps: x / 0 is 0, and signed MIN / -1 wraps
// (computed as 0 - x) instead of raising SIGFPE. Nor does the remainder.
// CHECK-LABEL: func.func @div_signed
// CHECK: ^bb0(%[[X:.*]]: i32, %[[D:.*]]: i32, %{{.*}}: i32):
// CHECK: %[[ZERO:.*]] = arith.constant 0 : i32
// CHECK: %[[ONE:.*]] = arith.constant 1 : i32
// CHECK: %[[ISZERO:.*]] = arith.cmpi eq, %[[D]], %[[ZERO]] : i32
// CHECK: %[[SAFE:.*]] = arith.select %[[ISZERO]], %[[ONE]], %[[D]] : i32
// CHECK: %[[M1:.*]] = arith.constant -1 : i32
// CHECK: %[[ISM1:.*]] = arith.cmpi eq, %[[D]], %[[M1]] : i32
// CHECK: %[[SAFE2:.*]] = arith.select %[[ISM1]], %[[ONE]], %[[SAFE]] : i32
// CHECK: %[[Q:.*]] = arith.divsi %[[X]], %[[SAFE2]] : i32
// CHECK: %[[NEG:.*]] = arith.subi %[[ZERO]], %[[X]] : i32
// CHECK: %[[Q2:.*]] = arith.select %[[ISM1]], %[[NEG]], %[[Q]] : i32
// CHECK: %[[R:.*]] = arith.select %[[ISZERO]], %[[ZERO]], %[[Q2]] : i32
// CHECK: linalg.yield %[[R]] : i32
func.func @div_signed(%a: tensor<4xi32>, %b: tensor<4xi32>) -> tensor<4xi32> {
  %0 = prim.div %a, %b : tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// CHECK-LABEL: func.func @div_unsigned
// CHECK: %[[ISZERO:.*]] = arith.cmpi eq
// CHECK: %[[SAFE:.*]] = arith.select %[[ISZERO]]
// CHECK: %[[Q:.*]] = arith.divui %{{.*}}, %[[SAFE]] : i8
// CHECK: arith.select %[[ISZERO]], %{{.*}}, %[[Q]] : i8
func.func @div_unsigned(%a: tensor<4xui8>, %b: tensor<4xui8>) -> tensor<4xui8> {
  %0 = prim.div %a, %b : tensor<4xui8>
  return %0 : tensor<4xui8>
}

// -----

// x rem 0 and x rem -1 are 0, computed as x rem 1: MIN rem -1 would trap.
// CHECK-LABEL: func.func @rem_signed
// CHECK: ^bb0(%[[X:.*]]: i32, %[[D:.*]]: i32, %{{.*}}: i32):
// CHECK: %[[ONE:.*]] = arith.constant 1 : i32
// CHECK: %[[ZERO:.*]] = arith.constant 0 : i32
// CHECK: %[[ISZERO:.*]] = arith.cmpi eq, %[[D]], %[[ZERO]] : i32
// CHECK: %[[M1:.*]] = arith.constant -1 : i32
// CHECK: %[[ISM1:.*]] = arith.cmpi eq, %[[D]], %[[M1]] : i32
// CHECK: %[[USEONE:.*]] = arith.ori %[[ISZERO]], %[[ISM1]] : i1
// CHECK: %[[SAFE:.*]] = arith.select %[[USEONE]], %[[ONE]], %[[D]] : i32
// CHECK: %[[R:.*]] = arith.remsi %[[X]], %[[SAFE]] : i32
// CHECK: linalg.yield %[[R]] : i32
func.func @rem_signed(%a: tensor<4xi32>, %b: tensor<4xi32>) -> tensor<4xi32> {
  %0 = prim.rem %a, %b : tensor<4xi32>
  return %0 : tensor<4xi32>
}

// -----

// CHECK-LABEL: func.func @rem_unsigned
// CHECK: ^bb0(%[[X:.*]]: i8, %[[D:.*]]: i8, %{{.*}}: i8):
// CHECK: %[[ONE:.*]] = arith.constant 1 : i8
// CHECK: %[[ISZERO:.*]] = arith.cmpi eq, %[[D]], %{{.*}} : i8
// CHECK: %[[SAFE:.*]] = arith.select %[[ISZERO]], %[[ONE]], %[[D]] : i8
// CHECK: %[[R:.*]] = arith.remui %[[X]], %[[SAFE]] : i8
// CHECK: linalg.yield %[[R]] : i8
func.func @rem_unsigned(%a: tensor<4xui8>, %b: tensor<4xui8>) -> tensor<4xui8> {
  %0 = prim.rem %a, %b : tensor<4xui8>
  return %0 : tensor<4xui8>
}
