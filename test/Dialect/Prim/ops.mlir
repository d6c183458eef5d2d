// RUN: dlc-opt %s -split-input-file | dlc-opt -split-input-file | FileCheck %s
// RUN: dlc-opt %s -split-input-file -mlir-print-op-generic | dlc-opt -split-input-file | FileCheck %s

// Round trip of every prim op through the custom and the generic form.

// CHECK-LABEL: func.func @unary
// CHECK-SAME: (%[[X:.*]]: tensor<2x?xf32>, %[[I:.*]]: tensor<?xi32>)
func.func @unary(%x: tensor<2x?xf32>, %i: tensor<?xi32>) -> (tensor<2x?xf32>, tensor<?xi32>) {
  // CHECK: %[[NEG:.*]] = prim.neg %[[X]] : tensor<2x?xf32>
  %0 = prim.neg %x : tensor<2x?xf32>
  // CHECK: %[[ABS:.*]] = prim.abs %[[NEG]] : tensor<2x?xf32>
  %1 = prim.abs %0 : tensor<2x?xf32>
  // CHECK: %[[SQRT:.*]] = prim.sqrt %[[ABS]] : tensor<2x?xf32>
  %2 = prim.sqrt %1 : tensor<2x?xf32>
  // CHECK: %[[EXP:.*]] = prim.exp %[[SQRT]] : tensor<2x?xf32>
  %3 = prim.exp %2 : tensor<2x?xf32>
  // CHECK: %[[LOG:.*]] = prim.log %[[EXP]] : tensor<2x?xf32>
  %4 = prim.log %3 : tensor<2x?xf32>
  // CHECK: %[[TANH:.*]] = prim.tanh %[[LOG]] : tensor<2x?xf32>
  %5 = prim.tanh %4 : tensor<2x?xf32>
  // CHECK: %[[ERF:.*]] = prim.erf %[[TANH]] : tensor<2x?xf32>
  %6 = prim.erf %5 : tensor<2x?xf32>
  // CHECK: %[[INEG:.*]] = prim.neg %[[I]] : tensor<?xi32>
  %7 = prim.neg %i : tensor<?xi32>
  // CHECK: %[[IABS:.*]] = prim.abs %[[INEG]] : tensor<?xi32>
  %8 = prim.abs %7 : tensor<?xi32>
  // CHECK: return %[[ERF]], %[[IABS]]
  return %6, %8 : tensor<2x?xf32>, tensor<?xi32>
}

// -----

// CHECK-LABEL: func.func @binary
// CHECK-SAME: (%[[A:.*]]: tensor<?x4xf32>, %[[B:.*]]: tensor<?x4xf32>)
func.func @binary(%a: tensor<?x4xf32>, %b: tensor<?x4xf32>) -> tensor<?x4xf32> {
  // CHECK: %[[ADD:.*]] = prim.add %[[A]], %[[B]] : tensor<?x4xf32>
  %0 = prim.add %a, %b : tensor<?x4xf32>
  // CHECK: %[[SUB:.*]] = prim.sub %[[ADD]], %[[B]] : tensor<?x4xf32>
  %1 = prim.sub %0, %b : tensor<?x4xf32>
  // CHECK: %[[MUL:.*]] = prim.mul %[[SUB]], %[[A]] : tensor<?x4xf32>
  %2 = prim.mul %1, %a : tensor<?x4xf32>
  // CHECK: %[[DIV:.*]] = prim.div %[[MUL]], %[[B]] : tensor<?x4xf32>
  %3 = prim.div %2, %b : tensor<?x4xf32>
  // CHECK: %[[MAX:.*]] = prim.max %[[DIV]], %[[A]] : tensor<?x4xf32>
  %4 = prim.max %3, %a : tensor<?x4xf32>
  // CHECK: %[[MIN:.*]] = prim.min %[[MAX]], %[[B]] : tensor<?x4xf32>
  %5 = prim.min %4, %b : tensor<?x4xf32>
  // CHECK: %[[POW:.*]] = prim.pow %[[MIN]], %[[A]] : tensor<?x4xf32>
  %6 = prim.pow %5, %a : tensor<?x4xf32>
  // CHECK: return %[[POW]]
  return %6 : tensor<?x4xf32>
}

// -----

// CHECK-LABEL: func.func @binary_int
func.func @binary_int(%a: tensor<3xi64>, %b: tensor<3xi64>) -> tensor<3xi64> {
  // CHECK: prim.div %{{.*}}, %{{.*}} : tensor<3xi64>
  %0 = prim.div %a, %b : tensor<3xi64>
  // CHECK: prim.pow %{{.*}}, %{{.*}} : tensor<3xi64>
  %1 = prim.pow %0, %b : tensor<3xi64>
  // CHECK: prim.rem %{{.*}}, %{{.*}} : tensor<3xi64>
  %2 = prim.rem %1, %b : tensor<3xi64>
  return %2 : tensor<3xi64>
}

// -----

// CHECK-LABEL: func.func @rounding_trigonometric
// CHECK-SAME: (%[[X:.*]]: tensor<?x2xf32>)
func.func @rounding_trigonometric(%x: tensor<?x2xf32>) -> tensor<?x2xf32> {
  // CHECK: %[[FLOOR:.*]] = prim.floor %[[X]] : tensor<?x2xf32>
  %0 = prim.floor %x : tensor<?x2xf32>
  // CHECK: %[[CEIL:.*]] = prim.ceil %[[FLOOR]] : tensor<?x2xf32>
  %1 = prim.ceil %0 : tensor<?x2xf32>
  // CHECK: %[[ROUND:.*]] = prim.round_even %[[CEIL]] : tensor<?x2xf32>
  %2 = prim.round_even %1 : tensor<?x2xf32>
  // CHECK: %[[SIN:.*]] = prim.sin %[[ROUND]] : tensor<?x2xf32>
  %3 = prim.sin %2 : tensor<?x2xf32>
  // CHECK: %[[COS:.*]] = prim.cos %[[SIN]] : tensor<?x2xf32>
  %4 = prim.cos %3 : tensor<?x2xf32>
  // CHECK: %[[ATAN:.*]] = prim.atan %[[COS]] : tensor<?x2xf32>
  %5 = prim.atan %4 : tensor<?x2xf32>
  // CHECK: %[[SINH:.*]] = prim.sinh %[[ATAN]] : tensor<?x2xf32>
  %6 = prim.sinh %5 : tensor<?x2xf32>
  // CHECK: %[[COSH:.*]] = prim.cosh %[[SINH]] : tensor<?x2xf32>
  %7 = prim.cosh %6 : tensor<?x2xf32>
  // CHECK: %[[ASINH:.*]] = prim.asinh %[[COSH]] : tensor<?x2xf32>
  %8 = prim.asinh %7 : tensor<?x2xf32>
  // CHECK: %[[ACOSH:.*]] = prim.acosh %[[ASINH]] : tensor<?x2xf32>
  %9 = prim.acosh %8 : tensor<?x2xf32>
  // CHECK: %[[ATANH:.*]] = prim.atanh %[[ACOSH]] : tensor<?x2xf32>
  %10 = prim.atanh %9 : tensor<?x2xf32>
  // CHECK: %[[REM:.*]] = prim.rem %[[ATANH]], %[[X]] : tensor<?x2xf32>
  %11 = prim.rem %10, %x : tensor<?x2xf32>
  // CHECK: return %[[REM]]
  return %11 : tensor<?x2xf32>
}

// -----

// CHECK-LABEL: func.func @compare_select
// CHECK-SAME: (%[[A:.*]]: tensor<?xf32>, %[[B:.*]]: tensor<?xf32>)
func.func @compare_select(%a: tensor<?xf32>, %b: tensor<?xf32>) -> tensor<?xf32> {
  // CHECK: %[[EQ:.*]] = prim.compare eq, %[[A]], %[[B]] : tensor<?xf32>
  %0 = prim.compare eq, %a, %b : tensor<?xf32>
  // CHECK: prim.compare ne, %[[A]], %[[B]] : tensor<?xf32>
  %1 = prim.compare ne, %a, %b : tensor<?xf32>
  // CHECK: prim.compare lt, %[[A]], %[[B]] : tensor<?xf32>
  %2 = prim.compare lt, %a, %b : tensor<?xf32>
  // CHECK: prim.compare le, %[[A]], %[[B]] : tensor<?xf32>
  %3 = prim.compare le, %a, %b : tensor<?xf32>
  // CHECK: prim.compare gt, %[[A]], %[[B]] : tensor<?xf32>
  %4 = prim.compare gt, %a, %b : tensor<?xf32>
  // CHECK: %[[GE:.*]] = prim.compare ge, %[[A]], %[[B]] : tensor<?xf32>
  %5 = prim.compare ge, %a, %b : tensor<?xf32>
  // CHECK: %[[SEL:.*]] = prim.select %[[GE]], %[[A]], %[[B]] : tensor<?xi1>, tensor<?xf32>
  %6 = prim.select %5, %a, %b : tensor<?xi1>, tensor<?xf32>
  // CHECK: return %[[SEL]]
  return %6 : tensor<?xf32>
}

// -----

// CHECK-LABEL: func.func @compare_int
func.func @compare_int(%a: tensor<2x2xi32>, %b: tensor<2x2xi32>) -> tensor<2x2xi1> {
  // CHECK: prim.compare lt, %{{.*}}, %{{.*}} : tensor<2x2xi32>
  %0 = prim.compare lt, %a, %b : tensor<2x2xi32>
  return %0 : tensor<2x2xi1>
}

// -----

// CHECK-LABEL: func.func @convert
func.func @convert(%x: tensor<4x?xf32>) -> (tensor<4x?xi64>, tensor<4x?xi1>, tensor<4x?xf16>) {
  // CHECK: %[[I:.*]] = prim.convert %{{.*}} : (tensor<4x?xf32>) -> tensor<4x?xi64>
  %0 = prim.convert %x : (tensor<4x?xf32>) -> tensor<4x?xi64>
  // CHECK: %[[B:.*]] = prim.convert %[[I]] : (tensor<4x?xi64>) -> tensor<4x?xi1>
  %1 = prim.convert %0 : (tensor<4x?xi64>) -> tensor<4x?xi1>
  // CHECK: %[[H:.*]] = prim.convert %{{.*}} : (tensor<4x?xf32>) -> tensor<4x?xf16>
  %2 = prim.convert %x : (tensor<4x?xf32>) -> tensor<4x?xf16>
  // CHECK: return %[[I]], %[[B]], %[[H]]
  return %0, %1, %2 : tensor<4x?xi64>, tensor<4x?xi1>, tensor<4x?xf16>
}

// -----

// CHECK-LABEL: func.func @broadcast_in_dim
func.func @broadcast_in_dim(%b: tensor<8xf32>, %c: tensor<?x1xf32>) -> (tensor<4x8xf32>, tensor<?x2x5xf32>) {
  // CHECK: prim.broadcast_in_dim %{{.*}} {dims = array<i64: 1>} : (tensor<8xf32>) -> tensor<4x8xf32>
  %0 = prim.broadcast_in_dim %b {dims = array<i64: 1>} : (tensor<8xf32>) -> tensor<4x8xf32>
  // CHECK: prim.broadcast_in_dim %{{.*}} {dims = array<i64: 0, 2>} : (tensor<?x1xf32>) -> tensor<?x2x5xf32>
  %1 = prim.broadcast_in_dim %c {dims = array<i64: 0, 2>} : (tensor<?x1xf32>) -> tensor<?x2x5xf32>
  return %0, %1 : tensor<4x8xf32>, tensor<?x2x5xf32>
}

// -----

// CHECK-LABEL: func.func @reshape
func.func @reshape(%x: tensor<2x3xf32>, %y: tensor<?x3xf32>) -> (tensor<6xf32>, tensor<3x?xf32>, tensor<f32>) {
  // CHECK: prim.reshape %{{.*}} : (tensor<2x3xf32>) -> tensor<6xf32>
  %0 = prim.reshape %x : (tensor<2x3xf32>) -> tensor<6xf32>
  %n = prim.dim %y {dim = 0} : tensor<?x3xf32>
  // CHECK: prim.reshape %{{.*}} sizes(%{{.*}}) : (tensor<?x3xf32>) -> tensor<3x?xf32>
  %1 = prim.reshape %y sizes(%n) : (tensor<?x3xf32>) -> tensor<3x?xf32>
  %c = arith.constant dense<1.0> : tensor<1x1xf32>
  // CHECK: prim.reshape %{{.*}} : (tensor<1x1xf32>) -> tensor<f32>
  %2 = prim.reshape %c : (tensor<1x1xf32>) -> tensor<f32>
  return %0, %1, %2 : tensor<6xf32>, tensor<3x?xf32>, tensor<f32>
}

// -----

// CHECK-LABEL: func.func @transpose
func.func @transpose(%x: tensor<2x?x5xf32>) -> tensor<5x2x?xf32> {
  // CHECK: prim.transpose %{{.*}} {permutation = array<i64: 2, 0, 1>} : (tensor<2x?x5xf32>) -> tensor<5x2x?xf32>
  %0 = prim.transpose %x {permutation = array<i64: 2, 0, 1>} : (tensor<2x?x5xf32>) -> tensor<5x2x?xf32>
  return %0 : tensor<5x2x?xf32>
}

// -----

// CHECK-LABEL: func.func @slice
func.func @slice(%x: tensor<2x3xf32>, %y: tensor<?x10xi8>) -> (tensor<2x2xf32>, tensor<2x4xi8>) {
  // CHECK: prim.slice %{{.*}} {limit = array<i64: 2, 3>, start = array<i64: 0, 1>, strides = array<i64: 1, 1>} : (tensor<2x3xf32>) -> tensor<2x2xf32>
  %0 = prim.slice %x {start = array<i64: 0, 1>, limit = array<i64: 2, 3>, strides = array<i64: 1, 1>} : (tensor<2x3xf32>) -> tensor<2x2xf32>
  // CHECK: prim.slice %{{.*}} {limit = array<i64: 3, 10>, start = array<i64: 1, 2>, strides = array<i64: 1, 2>} : (tensor<?x10xi8>) -> tensor<2x4xi8>
  %1 = prim.slice %y {start = array<i64: 1, 2>, limit = array<i64: 3, 10>, strides = array<i64: 1, 2>} : (tensor<?x10xi8>) -> tensor<2x4xi8>
  return %0, %1 : tensor<2x2xf32>, tensor<2x4xi8>
}

// -----

// CHECK-LABEL: func.func @pad
func.func @pad(%x: tensor<3xf32>, %y: tensor<?x2xi32>) -> (tensor<6xf32>, tensor<?x5xi32>) {
  // CHECK: prim.pad %{{.*}} {high = array<i64: 2>, low = array<i64: 1>, value = 0.000000e+00 : f32} : (tensor<3xf32>) -> tensor<6xf32>
  %0 = prim.pad %x {low = array<i64: 1>, high = array<i64: 2>, value = 0.0 : f32} : (tensor<3xf32>) -> tensor<6xf32>
  // CHECK: prim.pad %{{.*}} {high = array<i64: 1, 2>, low = array<i64: 1, 1>, value = -7 : i32} : (tensor<?x2xi32>) -> tensor<?x5xi32>
  %1 = prim.pad %y {low = array<i64: 1, 1>, high = array<i64: 1, 2>, value = -7 : i32} : (tensor<?x2xi32>) -> tensor<?x5xi32>
  return %0, %1 : tensor<6xf32>, tensor<?x5xi32>
}

// -----

// CHECK-LABEL: func.func @concat
func.func @concat(%a: tensor<2x3xf32>, %b: tensor<1x3xf32>, %c: tensor<?x3xf32>) -> (tensor<3x3xf32>, tensor<?x3xf32>) {
  // CHECK: prim.concat %{{.*}}, %{{.*}} {dim = 0 : i64} : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<3x3xf32>
  %0 = prim.concat %a, %b {dim = 0 : i64} : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<3x3xf32>
  // CHECK: prim.concat %{{.*}}, %{{.*}}, %{{.*}} {dim = 0 : i64} : (tensor<2x3xf32>, tensor<?x3xf32>, tensor<1x3xf32>) -> tensor<?x3xf32>
  %1 = prim.concat %a, %c, %b {dim = 0 : i64} : (tensor<2x3xf32>, tensor<?x3xf32>, tensor<1x3xf32>) -> tensor<?x3xf32>
  return %0, %1 : tensor<3x3xf32>, tensor<?x3xf32>
}

// -----

// CHECK-LABEL: func.func @reduce
func.func @reduce(%x: tensor<2x?x4xf32>, %i: tensor<5x6xi32>) -> (tensor<2xf32>, tensor<?xf32>, tensor<2x?xf32>, tensor<f32>, tensor<6xi32>) {
  // CHECK: prim.reduce sum %{{.*}} {dims = array<i64: 1, 2>} : (tensor<2x?x4xf32>) -> tensor<2xf32>
  %0 = prim.reduce sum %x {dims = array<i64: 1, 2>} : (tensor<2x?x4xf32>) -> tensor<2xf32>
  // CHECK: prim.reduce max %{{.*}} {dims = array<i64: 0, 2>} : (tensor<2x?x4xf32>) -> tensor<?xf32>
  %1 = prim.reduce max %x {dims = array<i64: 0, 2>} : (tensor<2x?x4xf32>) -> tensor<?xf32>
  // CHECK: prim.reduce min %{{.*}} {dims = array<i64: 2>} : (tensor<2x?x4xf32>) -> tensor<2x?xf32>
  %2 = prim.reduce min %x {dims = array<i64: 2>} : (tensor<2x?x4xf32>) -> tensor<2x?xf32>
  // CHECK: prim.reduce prod %{{.*}} {dims = array<i64: 0, 1, 2>} : (tensor<2x?x4xf32>) -> tensor<f32>
  %3 = prim.reduce prod %x {dims = array<i64: 0, 1, 2>} : (tensor<2x?x4xf32>) -> tensor<f32>
  // CHECK: prim.reduce sum %{{.*}} {dims = array<i64: 0>} : (tensor<5x6xi32>) -> tensor<6xi32>
  %4 = prim.reduce sum %i {dims = array<i64: 0>} : (tensor<5x6xi32>) -> tensor<6xi32>
  return %0, %1, %2, %3, %4 : tensor<2xf32>, tensor<?xf32>, tensor<2x?xf32>, tensor<f32>, tensor<6xi32>
}

// -----

// argmax and argmin reduce one dim to i64 positions; select_last picks the
// last of equal extremes.
// CHECK-LABEL: func.func @reduce_arg
func.func @reduce_arg(%x: tensor<2x?x4xf32>, %u: tensor<5xui8>) -> (tensor<2x4xi64>, tensor<?x4xi64>, tensor<i64>) {
  // CHECK: prim.reduce argmax %{{.*}} {dims = array<i64: 1>} : (tensor<2x?x4xf32>) -> tensor<2x4xi64>
  %0 = prim.reduce argmax %x {dims = array<i64: 1>} : (tensor<2x?x4xf32>) -> tensor<2x4xi64>
  // CHECK: prim.reduce argmin %{{.*}} {dims = array<i64: 0>, select_last} : (tensor<2x?x4xf32>) -> tensor<?x4xi64>
  %1 = prim.reduce argmin %x {dims = array<i64: 0>, select_last} : (tensor<2x?x4xf32>) -> tensor<?x4xi64>
  // CHECK: prim.reduce argmax %{{.*}} {dims = array<i64: 0>, select_last} : (tensor<5xui8>) -> tensor<i64>
  %2 = prim.reduce argmax %u {dims = array<i64: 0>, select_last} : (tensor<5xui8>) -> tensor<i64>
  return %0, %1, %2 : tensor<2x4xi64>, tensor<?x4xi64>, tensor<i64>
}

// -----

// CHECK-LABEL: func.func @reduce_window
func.func @reduce_window(%x: tensor<1x4x8x8xf32>, %y: tensor<?x4x9x9xf32>) -> (tensor<1x4x4x4xf32>, tensor<?x4x3x3xf32>) {
  // CHECK: prim.reduce_window max %{{.*}} {dilations = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1, 2, 2>, window = array<i64: 1, 1, 2, 2>} : (tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf32>
  %0 = prim.reduce_window max %x {window = array<i64: 1, 1, 2, 2>, strides = array<i64: 1, 1, 2, 2>, dilations = array<i64: 1, 1, 1, 1>} : (tensor<1x4x8x8xf32>) -> tensor<1x4x4x4xf32>
  // (9 - 2*(3-1) - 1) / 2 + 1 = 3
  // CHECK: prim.reduce_window sum %{{.*}} {dilations = array<i64: 1, 1, 2, 2>, strides = array<i64: 1, 1, 2, 2>, window = array<i64: 1, 1, 3, 3>} : (tensor<?x4x9x9xf32>) -> tensor<?x4x3x3xf32>
  %1 = prim.reduce_window sum %y {window = array<i64: 1, 1, 3, 3>, strides = array<i64: 1, 1, 2, 2>, dilations = array<i64: 1, 1, 2, 2>} : (tensor<?x4x9x9xf32>) -> tensor<?x4x3x3xf32>
  return %0, %1 : tensor<1x4x4x4xf32>, tensor<?x4x3x3xf32>
}

// -----

// CHECK-LABEL: func.func @cumsum
func.func @cumsum(%x: tensor<2x?xf32>, %i: tensor<5xi32>) -> (tensor<2x?xf32>, tensor<5xi32>) {
  // CHECK: prim.cumsum %{{.*}} {dim = 1 : i64} : tensor<2x?xf32>
  %0 = prim.cumsum %x {dim = 1 : i64} : tensor<2x?xf32>
  // CHECK: prim.cumsum %{{.*}} {dim = 0 : i64, exclusive, reverse} : tensor<5xi32>
  %1 = prim.cumsum %i {dim = 0 : i64, exclusive, reverse} : tensor<5xi32>
  return %0, %1 : tensor<2x?xf32>, tensor<5xi32>
}

// -----

// CHECK-LABEL: func.func @matmul
func.func @matmul(%a: tensor<4x8xf32>, %b: tensor<8x2xf32>, %c: tensor<?x3x?xf32>, %d: tensor<5x?x7xf32>) -> (tensor<4x2xf32>, tensor<5x3x7xf32>) {
  // CHECK: prim.matmul %{{.*}}, %{{.*}} : (tensor<4x8xf32>, tensor<8x2xf32>) -> tensor<4x2xf32>
  %0 = prim.matmul %a, %b : (tensor<4x8xf32>, tensor<8x2xf32>) -> tensor<4x2xf32>
  // CHECK: prim.matmul %{{.*}}, %{{.*}} : (tensor<?x3x?xf32>, tensor<5x?x7xf32>) -> tensor<5x3x7xf32>
  %1 = prim.matmul %c, %d : (tensor<?x3x?xf32>, tensor<5x?x7xf32>) -> tensor<5x3x7xf32>
  return %0, %1 : tensor<4x2xf32>, tensor<5x3x7xf32>
}

// -----

// CHECK-LABEL: func.func @conv
func.func @conv(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %gx: tensor<?x4x?x9xf32>, %gw: tensor<6x2x3x3xf32>) -> (tensor<1x4x6x6xf32>, tensor<?x6x?x4xf32>) {
  // CHECK: prim.conv %{{.*}}, %{{.*}} {dilations = array<i64: 1, 1>, groups = 1 : i64, strides = array<i64: 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  %0 = prim.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
  // CHECK: prim.conv %{{.*}}, %{{.*}} {dilations = array<i64: 1, 1>, groups = 2 : i64, strides = array<i64: 1, 2>} : (tensor<?x4x?x9xf32>, tensor<6x2x3x3xf32>) -> tensor<?x6x?x4xf32>
  %1 = prim.conv %gx, %gw {strides = array<i64: 1, 2>, dilations = array<i64: 1, 1>, groups = 2 : i64} : (tensor<?x4x?x9xf32>, tensor<6x2x3x3xf32>) -> tensor<?x6x?x4xf32>
  return %0, %1 : tensor<1x4x6x6xf32>, tensor<?x6x?x4xf32>
}

// -----

// CHECK-LABEL: func.func @dim_and_sized_broadcast
// CHECK: %[[N:.*]] = prim.dim %arg0 {dim = 0 : i64} : tensor<?x3xf32>
// CHECK: prim.broadcast_in_dim %arg1 sizes(%[[N]]) {dims = array<i64>} : (tensor<f32>) -> tensor<?x3xf32>
func.func @dim_and_sized_broadcast(%x: tensor<?x3xf32>, %s: tensor<f32>) -> tensor<?x3xf32> {
  %n = prim.dim %x {dim = 0} : tensor<?x3xf32>
  %0 = prim.broadcast_in_dim %s sizes(%n) {dims = array<i64>} : (tensor<f32>) -> tensor<?x3xf32>
  return %0 : tensor<?x3xf32>
}

// -----

// CHECK-LABEL: func.func @shape_values
func.func @shape_values(%x: tensor<?x3xf32>, %s: tensor<2xi64>, %ids: tensor<?xi64>) -> (tensor<2xi64>, index, tensor<?xi32>, tensor<?x3xf32>, tensor<?x2xf32>) {
  %n = prim.dim %x {dim = 0} : tensor<?x3xf32>
  %c3 = arith.constant 3 : index
  // CHECK: prim.from_sizes %{{.*}}, %{{.*}} : tensor<2xi64>
  %0 = prim.from_sizes %n, %c3 : tensor<2xi64>
  // CHECK: prim.size_at %{{.*}} {index = 1 : i64} : tensor<2xi64>
  %1 = prim.size_at %s {index = 1} : tensor<2xi64>
  // CHECK: prim.iota sizes(%{{.*}}) {dim = 0 : i64} : tensor<?xi32>
  %2 = prim.iota sizes(%n) {dim = 0} : tensor<?xi32>
  // CHECK: prim.gather %{{.*}}, %{{.*}} {axis = 0 : i64} : (tensor<?x3xf32>, tensor<?xi64>) -> tensor<?x3xf32>
  %3 = prim.gather %x, %ids {axis = 0} : (tensor<?x3xf32>, tensor<?xi64>) -> tensor<?x3xf32>
  %c0 = arith.constant 0 : index
  // CHECK: prim.dynamic_slice %{{.*}} starts(%{{.*}}, %{{.*}}) sizes(%{{.*}}) {strides = array<i64: 1, 1>} : (tensor<?x3xf32>) -> tensor<?x2xf32>
  %4 = prim.dynamic_slice %x starts(%c0, %c0) sizes(%n) {strides = array<i64: 1, 1>} : (tensor<?x3xf32>) -> tensor<?x2xf32>
  return %0, %1, %2, %3, %4 : tensor<2xi64>, index, tensor<?xi32>, tensor<?x3xf32>, tensor<?x2xf32>
}
