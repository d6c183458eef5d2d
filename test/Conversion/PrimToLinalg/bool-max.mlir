// RUN: dlc-opt %s -convert-prim-to-linalg -split-input-file | FileCheck %s

// i1 holds booleans (0 or 1), not signed numbers: max is "or" and starts from
// false, min is "and" and starts from true. As signed 1-bit integers true is
// -1, so arith.maxsi/minsi and a signed-minimum identity (true) compute the
// opposite (max of [true, false] would be false). ONNX ReduceMax-20 accepts
// bool inputs; dlc's ReduceMax rule (since 18) turns them into
// prim.reduce max on i1.

// CHECK-LABEL: func.func @reduce_max_bool
// CHECK: %[[FALSE:.*]] = arith.constant false
// CHECK: %[[I:.*]] = linalg.fill ins(%[[FALSE]] : i1)
// CHECK: linalg.reduce { arith.{{maxui|ori}} } ins(%{{.*}} : tensor<4xi1>) outs(%[[I]] : tensor<i1>)
func.func @reduce_max_bool(%x: tensor<4xi1>) -> tensor<i1> {
  %0 = prim.reduce max %x {dims = array<i64: 0>} : (tensor<4xi1>) -> tensor<i1>
  return %0 : tensor<i1>
}

// -----

// CHECK-LABEL: func.func @max_bool
// CHECK: linalg.generic
// CHECK: arith.{{maxui|ori}} %{{.*}}, %{{.*}} : i1
func.func @max_bool(%a: tensor<4xi1>, %b: tensor<4xi1>) -> tensor<4xi1> {
  %0 = prim.max %a, %b : tensor<4xi1>
  return %0 : tensor<4xi1>
}
