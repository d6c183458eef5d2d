// RUN: dlc-opt %s -convert-prim-to-linalg -split-input-file | FileCheck %s

// Elementwise prims become one linalg.generic each, over identity maps, with
// the scalar op in the body.

// CHECK: #[[ID2:.*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-LABEL: func.func @add_dynamic
// CHECK-SAME: (%[[A:.*]]: tensor<2x?xf32>, %[[B:.*]]: tensor<2x?xf32>) -> tensor<2x?xf32>
// CHECK: %[[C1:.*]] = arith.constant 1 : index
// CHECK: %[[D:.*]] = tensor.dim %[[A]], %[[C1]] : tensor<2x?xf32>
// CHECK: %[[E:.*]] = tensor.empty(%[[D]]) : tensor<2x?xf32>
// CHECK: %[[G:.*]] = linalg.generic {indexing_maps = [#[[ID2]], #[[ID2]], #[[ID2]]], iterator_types = ["parallel", "parallel"]} ins(%[[A]], %[[B]] : tensor<2x?xf32>, tensor<2x?xf32>) outs(%[[E]] : tensor<2x?xf32>)
// CHECK-NEXT: ^bb0(%[[X:.*]]: f32, %[[Y:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[S:.*]] = arith.addf %[[X]], %[[Y]] : f32
// CHECK-NEXT: linalg.yield %[[S]] : f32
// CHECK: return %[[G]]
// CHECK-NOT: prim.
func.func @add_dynamic(%a: tensor<2x?xf32>, %b: tensor<2x?xf32>) -> tensor<2x?xf32> {
  %0 = prim.add %a, %b : tensor<2x?xf32>
  return %0 : tensor<2x?xf32>
}

// -----

// CHECK-LABEL: func.func @float_binary
// CHECK: linalg.generic
// CHECK: arith.subf
// CHECK: linalg.generic
// CHECK: arith.mulf
// CHECK: linalg.generic
// CHECK: arith.divf
// CHECK: linalg.generic
// CHECK: arith.maximumf
// CHECK: linalg.generic
// CHECK: arith.minimumf
// CHECK: linalg.generic
// CHECK: math.powf
func.func @float_binary(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4xf32> {
  %0 = prim.sub %a, %b : tensor<4xf32>
  %1 = prim.mul %0, %b : tensor<4xf32>
  %2 = prim.div %1, %b : tensor<4xf32>
  %3 = prim.max %2, %b : tensor<4xf32>
  %4 = prim.min %3, %b : tensor<4xf32>
  %5 = prim.pow %4, %b : tensor<4xf32>
  return %5 : tensor<4xf32>
}

// -----

// Signed integers: division rounds toward zero, signed min/max, ipowi,
// 0 - x for negation.
// CHECK-LABEL: func.func @int_ops
// CHECK: arith.addi
// CHECK: arith.subi
// CHECK: arith.muli
// CHECK: arith.divsi
// CHECK: arith.maxsi
// CHECK: arith.minsi
// CHECK: math.ipowi
// CHECK: %[[ZERO:.*]] = arith.constant 0 : i32
// CHECK-NEXT: arith.subi %[[ZERO]], %{{.*}} : i32
// CHECK: math.absi
func.func @int_ops(%a: tensor<4xi32>, %b: tensor<4xi32>) -> tensor<4xi32> {
  %0 = prim.add %a, %b : tensor<4xi32>
  %1 = prim.sub %0, %b : tensor<4xi32>
  %2 = prim.mul %1, %b : tensor<4xi32>
  %3 = prim.div %2, %b : tensor<4xi32>
  %4 = prim.max %3, %b : tensor<4xi32>
  %5 = prim.min %4, %b : tensor<4xi32>
  %6 = prim.pow %5, %b : tensor<4xi32>
  %7 = prim.neg %6 : tensor<4xi32>
  %8 = prim.abs %7 : tensor<4xi32>
  return %8 : tensor<4xi32>
}

// -----

// CHECK-LABEL: func.func @float_unary
// CHECK: linalg.generic {{.*}} ins(%{{.*}} : tensor<3xf32>) outs(%{{.*}} : tensor<3xf32>)
// CHECK: arith.negf
// CHECK: math.absf
// CHECK: math.sqrt
// CHECK: math.exp
// CHECK: math.log
// CHECK: math.tanh
// CHECK: math.erf
func.func @float_unary(%x: tensor<3xf32>) -> tensor<3xf32> {
  %0 = prim.neg %x : tensor<3xf32>
  %1 = prim.abs %0 : tensor<3xf32>
  %2 = prim.sqrt %1 : tensor<3xf32>
  %3 = prim.exp %2 : tensor<3xf32>
  %4 = prim.log %3 : tensor<3xf32>
  %5 = prim.tanh %4 : tensor<3xf32>
  %6 = prim.erf %5 : tensor<3xf32>
  return %6 : tensor<3xf32>
}

// -----

// Rounding, trigonometric and hyperbolic prims are one math op each; f32
// remainders are arith.remf.
// CHECK-LABEL: func.func @float_math
// CHECK: linalg.generic {{.*}} ins(%{{.*}} : tensor<3xf64>) outs(%{{.*}} : tensor<3xf64>)
// CHECK: math.floor %{{.*}} : f64
// CHECK: math.ceil
// CHECK: math.roundeven
// CHECK: math.sin
// CHECK: math.cos
// CHECK: math.atan
// CHECK: math.sinh
// CHECK: math.cosh
// CHECK: math.asinh
// CHECK: math.acosh
// CHECK: math.atanh
// CHECK: ^bb0(%[[A:.*]]: f64, %[[B:.*]]: f64, %{{.*}}: f64):
// CHECK-NEXT: %[[R:.*]] = arith.remf %[[A]], %[[B]] : f64
// CHECK-NEXT: linalg.yield %[[R]] : f64
func.func @float_math(%x: tensor<3xf64>) -> tensor<3xf64> {
  %0 = prim.floor %x : tensor<3xf64>
  %1 = prim.ceil %0 : tensor<3xf64>
  %2 = prim.round_even %1 : tensor<3xf64>
  %3 = prim.sin %2 : tensor<3xf64>
  %4 = prim.cos %3 : tensor<3xf64>
  %5 = prim.atan %4 : tensor<3xf64>
  %6 = prim.sinh %5 : tensor<3xf64>
  %7 = prim.cosh %6 : tensor<3xf64>
  %8 = prim.asinh %7 : tensor<3xf64>
  %9 = prim.acosh %8 : tensor<3xf64>
  %10 = prim.atanh %9 : tensor<3xf64>
  %11 = prim.rem %10, %x : tensor<3xf64>
  return %11 : tensor<3xf64>
}

// -----

// Float comparisons are ordered, except ne which is unordered; the result
// tensor has i1 elements.
// CHECK-LABEL: func.func @compare_float
// CHECK: linalg.generic {{.*}} ins(%{{.*}}, %{{.*}} : tensor<4xf32>, tensor<4xf32>) outs(%{{.*}} : tensor<4xi1>)
// CHECK-NEXT: ^bb0(%{{.*}}: f32, %{{.*}}: f32, %{{.*}}: i1):
// CHECK-NEXT: arith.cmpf oeq
// CHECK: arith.cmpf une
// CHECK: arith.cmpf olt
// CHECK: arith.cmpf ole
// CHECK: arith.cmpf ogt
// CHECK: arith.cmpf oge
func.func @compare_float(%a: tensor<4xf32>, %b: tensor<4xf32>) -> (tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>) {
  %0 = prim.compare eq, %a, %b : tensor<4xf32>
  %1 = prim.compare ne, %a, %b : tensor<4xf32>
  %2 = prim.compare lt, %a, %b : tensor<4xf32>
  %3 = prim.compare le, %a, %b : tensor<4xf32>
  %4 = prim.compare gt, %a, %b : tensor<4xf32>
  %5 = prim.compare ge, %a, %b : tensor<4xf32>
  return %0, %1, %2, %3, %4, %5 : tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @compare_int
// CHECK: arith.cmpi eq
// CHECK: arith.cmpi ne
// CHECK: arith.cmpi slt
// CHECK: arith.cmpi sle
// CHECK: arith.cmpi sgt
// CHECK: arith.cmpi sge
func.func @compare_int(%a: tensor<4xi64>, %b: tensor<4xi64>) -> (tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>) {
  %0 = prim.compare eq, %a, %b : tensor<4xi64>
  %1 = prim.compare ne, %a, %b : tensor<4xi64>
  %2 = prim.compare lt, %a, %b : tensor<4xi64>
  %3 = prim.compare le, %a, %b : tensor<4xi64>
  %4 = prim.compare gt, %a, %b : tensor<4xi64>
  %5 = prim.compare ge, %a, %b : tensor<4xi64>
  return %0, %1, %2, %3, %4, %5 : tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>, tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @select
// CHECK-SAME: (%[[C:.*]]: tensor<?xi1>, %[[A:.*]]: tensor<?xf32>, %[[B:.*]]: tensor<?xf32>)
// CHECK: %[[D:.*]] = tensor.dim %[[C]], %{{.*}} : tensor<?xi1>
// CHECK: %[[E:.*]] = tensor.empty(%[[D]]) : tensor<?xf32>
// CHECK: linalg.generic {{.*}} ins(%[[C]], %[[A]], %[[B]] : tensor<?xi1>, tensor<?xf32>, tensor<?xf32>) outs(%[[E]] : tensor<?xf32>)
// CHECK-NEXT: ^bb0(%[[P:.*]]: i1, %[[T:.*]]: f32, %[[F:.*]]: f32, %{{.*}}: f32):
// CHECK-NEXT: %[[R:.*]] = arith.select %[[P]], %[[T]], %[[F]] : f32
// CHECK-NEXT: linalg.yield %[[R]]
func.func @select(%c: tensor<?xi1>, %a: tensor<?xf32>, %b: tensor<?xf32>) -> tensor<?xf32> {
  %0 = prim.select %c, %a, %b : tensor<?xi1>, tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// prim.convert picks the arith cast from the two element types.
// CHECK-LABEL: func.func @convert_float
// CHECK: arith.fptosi %{{.*}} : f32 to i64
// CHECK: arith.extf %{{.*}} : f32 to f64
// CHECK: arith.truncf %{{.*}} : f32 to f16
// CHECK: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-NEXT: arith.cmpf une, %{{.*}}, %[[Z]] : f32
func.func @convert_float(%x: tensor<4xf32>) -> (tensor<4xi64>, tensor<4xf64>, tensor<4xf16>, tensor<4xi1>) {
  %0 = prim.convert %x : (tensor<4xf32>) -> tensor<4xi64>
  %1 = prim.convert %x : (tensor<4xf32>) -> tensor<4xf64>
  %2 = prim.convert %x : (tensor<4xf32>) -> tensor<4xf16>
  %3 = prim.convert %x : (tensor<4xf32>) -> tensor<4xi1>
  return %0, %1, %2, %3 : tensor<4xi64>, tensor<4xf64>, tensor<4xf16>, tensor<4xi1>
}

// -----

// CHECK-LABEL: func.func @convert_int
// CHECK: arith.sitofp %{{.*}} : i32 to f32
// CHECK: arith.extsi %{{.*}} : i32 to i64
// CHECK: arith.trunci %{{.*}} : i32 to i8
// CHECK: %[[Z:.*]] = arith.constant 0 : i32
// CHECK-NEXT: arith.cmpi ne, %{{.*}}, %[[Z]] : i32
func.func @convert_int(%x: tensor<4xi32>) -> (tensor<4xf32>, tensor<4xi64>, tensor<4xi8>, tensor<4xi1>) {
  %0 = prim.convert %x : (tensor<4xi32>) -> tensor<4xf32>
  %1 = prim.convert %x : (tensor<4xi32>) -> tensor<4xi64>
  %2 = prim.convert %x : (tensor<4xi32>) -> tensor<4xi8>
  %3 = prim.convert %x : (tensor<4xi32>) -> tensor<4xi1>
  return %0, %1, %2, %3 : tensor<4xf32>, tensor<4xi64>, tensor<4xi8>, tensor<4xi1>
}

// -----

// Booleans are 0 or 1: unsigned conversions.
// CHECK-LABEL: func.func @convert_bool
// CHECK: arith.uitofp %{{.*}} : i1 to f32
// CHECK: arith.extui %{{.*}} : i1 to i32
func.func @convert_bool(%x: tensor<4xi1>) -> (tensor<4xf32>, tensor<4xi32>) {
  %0 = prim.convert %x : (tensor<4xi1>) -> tensor<4xf32>
  %1 = prim.convert %x : (tensor<4xi1>) -> tensor<4xi32>
  return %0, %1 : tensor<4xf32>, tensor<4xi32>
}

// -----

// Unsigned types are lowered to signless ones with unsigned arith ops; the
// function signature follows.
// CHECK-LABEL: func.func @unsigned
// CHECK-SAME: (%{{.*}}: tensor<4xi8>, %{{.*}}: tensor<4xi8>) -> (tensor<4xi8>, tensor<4xi8>, tensor<4xi8>, tensor<4xi1>, tensor<4xf32>, tensor<4xi32>, tensor<4xi8>)
// CHECK: arith.divui
// CHECK: arith.maxui
// CHECK: arith.minui
// CHECK: arith.cmpi ult
// CHECK: arith.uitofp %{{.*}} : i8 to f32
// CHECK: arith.extui %{{.*}} : i8 to i32
// CHECK: arith.fptoui %{{.*}} : f32 to i8
// CHECK-NOT: ui8
func.func @unsigned(%a: tensor<4xui8>, %b: tensor<4xui8>) -> (tensor<4xui8>, tensor<4xui8>, tensor<4xui8>, tensor<4xi1>, tensor<4xf32>, tensor<4xi32>, tensor<4xui8>) {
  %0 = prim.div %a, %b : tensor<4xui8>
  %1 = prim.max %a, %b : tensor<4xui8>
  %2 = prim.min %a, %b : tensor<4xui8>
  %3 = prim.compare lt, %a, %b : tensor<4xui8>
  %4 = prim.convert %a : (tensor<4xui8>) -> tensor<4xf32>
  %5 = prim.convert %a : (tensor<4xui8>) -> tensor<4xi32>
  %6 = prim.convert %4 : (tensor<4xf32>) -> tensor<4xui8>
  return %0, %1, %2, %3, %4, %5, %6 : tensor<4xui8>, tensor<4xui8>, tensor<4xui8>, tensor<4xi1>, tensor<4xf32>, tensor<4xi32>, tensor<4xui8>
}

// -----

// Unsigned constants keep their bits in a signless type.
// CHECK-LABEL: func.func @unsigned_constant
// CHECK: arith.constant dense<[1, 2, -1]> : tensor<3xi8>
// CHECK-NOT: ui8
func.func @unsigned_constant(%a: tensor<3xui8>) -> tensor<3xui8> {
  %c = arith.constant dense<[1, 2, 255]> : tensor<3xui8>
  %0 = prim.add %a, %c : tensor<3xui8>
  return %0 : tensor<3xui8>
}
