// RUN: dlc-opt %s -convert-onnx-to-prim -split-input-file | FileCheck %s

// Elementwise ONNX ops: arithmetic with numpy and legacy (opset < 7)
// broadcasting, comparisons and bool logic, Where, the variadic Max, Min,
// Sum and Mean, rounding, trigonometric and hyperbolic functions, Mod,
// BitShift, Clip, Cast, Dropout, Pow.

// CHECK-LABEL: func.func @unary
// CHECK-SAME: (%[[X:.*]]: tensor<3xf32>)
// CHECK: %[[NEG:.*]] = prim.neg %[[X]] : tensor<3xf32>
// CHECK: %[[ABS:.*]] = prim.abs %[[NEG]] : tensor<3xf32>
// CHECK: %[[SQRT:.*]] = prim.sqrt %[[ABS]] : tensor<3xf32>
// CHECK: %[[EXP:.*]] = prim.exp %[[SQRT]] : tensor<3xf32>
// CHECK: %[[LOG:.*]] = prim.log %[[EXP]] : tensor<3xf32>
// CHECK: %[[TANH:.*]] = prim.tanh %[[LOG]] : tensor<3xf32>
// CHECK: %[[ERF:.*]] = prim.erf %[[TANH]] : tensor<3xf32>
// CHECK: %[[ONE:.*]] = arith.constant dense<1.000000e+00> : tensor<3xf32>
// CHECK: %[[RCP:.*]] = prim.div %[[ONE]], %[[ERF]] : tensor<3xf32>
// Identity forwards its input.
// CHECK: return %[[RCP]], %[[X]]
func.func @unary(%x: tensor<3xf32>) -> (!onnx.value, !onnx.value) {
  %0 = onnx.node "Neg"(%x) {attrs = {}, domain = "", node_name = "n0", version = 13 : i64} : (tensor<3xf32>) -> !onnx.value
  %1 = onnx.node "Abs"(%0) {attrs = {}, domain = "", node_name = "n1", version = 13 : i64} : (!onnx.value) -> !onnx.value
  %2 = onnx.node "Sqrt"(%1) {attrs = {}, domain = "", node_name = "n2", version = 13 : i64} : (!onnx.value) -> !onnx.value
  %3 = onnx.node "Exp"(%2) {attrs = {}, domain = "", node_name = "n3", version = 13 : i64} : (!onnx.value) -> !onnx.value
  %4 = onnx.node "Log"(%3) {attrs = {}, domain = "", node_name = "n4", version = 13 : i64} : (!onnx.value) -> !onnx.value
  %5 = onnx.node "Tanh"(%4) {attrs = {}, domain = "", node_name = "n5", version = 13 : i64} : (!onnx.value) -> !onnx.value
  %6 = onnx.node "Erf"(%5) {attrs = {}, domain = "", node_name = "n6", version = 13 : i64} : (!onnx.value) -> !onnx.value
  %7 = onnx.node "Reciprocal"(%6) {attrs = {}, domain = "", node_name = "n7", version = 13 : i64} : (!onnx.value) -> !onnx.value
  %8 = onnx.node "Identity"(%x) {attrs = {}, domain = "", node_name = "n8", version = 16 : i64} : (tensor<3xf32>) -> !onnx.value
  return %7, %8 : !onnx.value, !onnx.value
}

// -----

// Same shapes: no broadcast.
// CHECK-LABEL: func.func @binary_same_shape
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<2x3xf32>)
// CHECK-NOT: prim.broadcast_in_dim
// CHECK: %[[ADD:.*]] = prim.add %[[A]], %[[B]] : tensor<2x3xf32>
// CHECK: %[[SUB:.*]] = prim.sub %[[ADD]], %[[B]] : tensor<2x3xf32>
// CHECK: %[[MUL:.*]] = prim.mul %[[SUB]], %[[A]] : tensor<2x3xf32>
// CHECK: %[[DIV:.*]] = prim.div %[[MUL]], %[[B]] : tensor<2x3xf32>
// CHECK: return %[[DIV]]
func.func @binary_same_shape(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> !onnx.value {
  %0 = onnx.node "Add"(%a, %b) {attrs = {}, domain = "", node_name = "n0", version = 14 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> !onnx.value
  %1 = onnx.node "Sub"(%0, %b) {attrs = {}, domain = "", node_name = "n1", version = 14 : i64} : (!onnx.value, tensor<2x3xf32>) -> !onnx.value
  %2 = onnx.node "Mul"(%1, %a) {attrs = {}, domain = "", node_name = "n2", version = 14 : i64} : (!onnx.value, tensor<2x3xf32>) -> !onnx.value
  %3 = onnx.node "Div"(%2, %b) {attrs = {}, domain = "", node_name = "n3", version = 14 : i64} : (!onnx.value, tensor<2x3xf32>) -> !onnx.value
  return %3 : !onnx.value
}

// -----

// Numpy broadcasting, right-aligned.
// CHECK-LABEL: func.func @add_numpy_broadcast
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<3xf32>) -> tensor<2x3xf32>
// CHECK: %[[BB:.*]] = prim.broadcast_in_dim %[[B]] {dims = array<i64: 1>} : (tensor<3xf32>) -> tensor<2x3xf32>
// CHECK: %[[R:.*]] = prim.add %[[A]], %[[BB]] : tensor<2x3xf32>
// CHECK: return %[[R]]
func.func @add_numpy_broadcast(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> !onnx.value {
  %0 = onnx.node "Add"(%a, %b) {attrs = {}, domain = "", node_name = "n", version = 14 : i64} : (tensor<2x3xf32>, tensor<3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Both operands broadcast: [2, 1] x [1, 3] -> [2, 3].
// CHECK-LABEL: func.func @mul_bidirectional
// CHECK-SAME: (%[[A:.*]]: tensor<2x1xf32>, %[[B:.*]]: tensor<1x3xf32>) -> tensor<2x3xf32>
// CHECK-DAG: %[[AB:.*]] = prim.broadcast_in_dim %[[A]] {dims = array<i64: 0, 1>} : (tensor<2x1xf32>) -> tensor<2x3xf32>
// CHECK-DAG: %[[BB:.*]] = prim.broadcast_in_dim %[[B]] {dims = array<i64: 0, 1>} : (tensor<1x3xf32>) -> tensor<2x3xf32>
// CHECK: %[[R:.*]] = prim.mul %[[AB]], %[[BB]] : tensor<2x3xf32>
// CHECK: return %[[R]]
func.func @mul_bidirectional(%a: tensor<2x1xf32>, %b: tensor<1x3xf32>) -> !onnx.value {
  %0 = onnx.node "Mul"(%a, %b) {attrs = {}, domain = "", node_name = "n", version = 14 : i64} : (tensor<2x1xf32>, tensor<1x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// A scalar broadcasts to anything.
// CHECK-LABEL: func.func @sub_scalar
// CHECK-SAME: (%[[A:.*]]: tensor<f32>, %[[B:.*]]: tensor<2x2xf32>)
// CHECK: %[[AB:.*]] = prim.broadcast_in_dim %[[A]] {dims = array<i64>} : (tensor<f32>) -> tensor<2x2xf32>
// CHECK: prim.sub %[[AB]], %[[B]] : tensor<2x2xf32>
func.func @sub_scalar(%a: tensor<f32>, %b: tensor<2x2xf32>) -> !onnx.value {
  %0 = onnx.node "Sub"(%a, %b) {attrs = {}, domain = "", node_name = "n", version = 14 : i64} : (tensor<f32>, tensor<2x2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Dynamic dims stay dynamic; a static 1 broadcasts against them.
// CHECK-LABEL: func.func @add_dynamic
// CHECK-SAME: (%[[A:.*]]: tensor<?x4xf32>, %[[B:.*]]: tensor<?x4xf32>) -> tensor<?x4xf32>
// CHECK: %[[R:.*]] = prim.add %[[A]], %[[B]] : tensor<?x4xf32>
// CHECK: return %[[R]]
func.func @add_dynamic(%a: tensor<?x4xf32>, %b: tensor<?x4xf32>) -> !onnx.value {
  %0 = onnx.node "Add"(%a, %b) {attrs = {}, domain = "", node_name = "n", version = 14 : i64} : (tensor<?x4xf32>, tensor<?x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Opset 6: B = [3, 4] is aligned with A = [2, 3, 4, 5] at axis 1, i.e. B is
// viewed as [3, 4, 1] before numpy broadcasting.
// CHECK-LABEL: func.func @add_opset6_broadcast_axis
// CHECK-SAME: (%[[A:.*]]: tensor<2x3x4x5xf32>, %[[B:.*]]: tensor<3x4xf32>) -> tensor<2x3x4x5xf32>
// CHECK: %[[R:.*]] = prim.reshape %[[B]] : (tensor<3x4xf32>) -> tensor<3x4x1xf32>
// CHECK: %[[BB:.*]] = prim.broadcast_in_dim %[[R]] {dims = array<i64: 1, 2, 3>} : (tensor<3x4x1xf32>) -> tensor<2x3x4x5xf32>
// CHECK: %[[S:.*]] = prim.add %[[A]], %[[BB]] : tensor<2x3x4x5xf32>
// CHECK: return %[[S]]
func.func @add_opset6_broadcast_axis(%a: tensor<2x3x4x5xf32>, %b: tensor<3x4xf32>) -> !onnx.value {
  %0 = onnx.node "Add"(%a, %b) {attrs = {axis = 1 : i64, broadcast = 1 : i64}, domain = "", node_name = "n", version = 6 : i64} : (tensor<2x3x4x5xf32>, tensor<3x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Opset 6 with broadcast=1 and no axis: B aligns with A's trailing dims.
// CHECK-LABEL: func.func @mul_opset6_broadcast_trailing
// CHECK-SAME: (%[[A:.*]]: tensor<2x3x4xf32>, %[[B:.*]]: tensor<4xf32>)
// CHECK-NOT: prim.reshape
// CHECK: %[[BB:.*]] = prim.broadcast_in_dim %[[B]] {dims = array<i64: 2>} : (tensor<4xf32>) -> tensor<2x3x4xf32>
// CHECK: prim.mul %[[A]], %[[BB]] : tensor<2x3x4xf32>
func.func @mul_opset6_broadcast_trailing(%a: tensor<2x3x4xf32>, %b: tensor<4xf32>) -> !onnx.value {
  %0 = onnx.node "Mul"(%a, %b) {attrs = {broadcast = 1 : i64}, domain = "", node_name = "n", version = 6 : i64} : (tensor<2x3x4xf32>, tensor<4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Before opset 11 the bounds are attributes.
// CHECK-LABEL: func.func @clip_opset6_attrs
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[LO:.*]] = arith.constant dense<-1.000000e+00> : tensor<4xf32>
// CHECK-DAG: %[[HI:.*]] = arith.constant dense<6.000000e+00> : tensor<4xf32>
// CHECK: %[[M:.*]] = prim.max %[[X]], %[[LO]] : tensor<4xf32>
// CHECK: %[[R:.*]] = prim.min %[[M]], %[[HI]] : tensor<4xf32>
// CHECK: return %[[R]]
func.func @clip_opset6_attrs(%x: tensor<4xf32>) -> !onnx.value {
  %0 = onnx.node "Clip"(%x) {attrs = {max = 6.000000e+00 : f32, min = -1.000000e+00 : f32}, domain = "", node_name = "n", version = 6 : i64} : (tensor<4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Opset 6 without attributes: the bounds are the float limits.
// CHECK-LABEL: func.func @clip_opset6_defaults
// CHECK-DAG: arith.constant dense<0xFF800000> : tensor<4xf32>
// CHECK-DAG: arith.constant dense<0x7F800000> : tensor<4xf32>
func.func @clip_opset6_defaults(%x: tensor<4xf32>) -> !onnx.value {
  %0 = onnx.node "Clip"(%x) {attrs = {}, domain = "", node_name = "n", version = 6 : i64} : (tensor<4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// From opset 11 the bounds are optional scalar inputs.
// CHECK-LABEL: func.func @clip_opset13_inputs
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %[[LO:.*]]: tensor<f32>, %[[HI:.*]]: tensor<1xf32>)
// CHECK-DAG: %[[LOB:.*]] = prim.broadcast_in_dim %[[LO]] {dims = array<i64>} : (tensor<f32>) -> tensor<4xf32>
// CHECK-DAG: %[[HIS:.*]] = prim.reshape %[[HI]] : (tensor<1xf32>) -> tensor<f32>
// CHECK-DAG: %[[HIB:.*]] = prim.broadcast_in_dim %[[HIS]] {dims = array<i64>} : (tensor<f32>) -> tensor<4xf32>
// CHECK: %[[M:.*]] = prim.max %[[X]], %[[LOB]] : tensor<4xf32>
// CHECK: %[[R:.*]] = prim.min %[[M]], %[[HIB]] : tensor<4xf32>
// CHECK: return %[[R]]
func.func @clip_opset13_inputs(%x: tensor<4xf32>, %lo: tensor<f32>, %hi: tensor<1xf32>) -> !onnx.value {
  %0 = onnx.node "Clip"(%x, %lo, %hi) {attrs = {}, domain = "", node_name = "n", version = 13 : i64} : (tensor<4xf32>, tensor<f32>, tensor<1xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// An absent min (onnx.none) falls back to the lowest value; a missing max to
// the highest.
// CHECK-LABEL: func.func @clip_opset11_absent_min
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %[[HI:.*]]: tensor<f32>)
// CHECK-NOT: onnx.none
// CHECK-DAG: %[[LO:.*]] = arith.constant dense<0xFF800000> : tensor<4xf32>
// CHECK-DAG: %[[HIB:.*]] = prim.broadcast_in_dim %[[HI]]
// CHECK: %[[M:.*]] = prim.max %[[X]], %[[LO]]
// CHECK: prim.min %[[M]], %[[HIB]]
func.func @clip_opset11_absent_min(%x: tensor<4xf32>, %hi: tensor<f32>) -> !onnx.value {
  %none = onnx.none
  %0 = onnx.node "Clip"(%x, %none, %hi) {attrs = {}, domain = "", node_name = "n", version = 11 : i64} : (tensor<4xf32>, none, tensor<f32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Integer Clip without bounds uses the type's limits.
// CHECK-LABEL: func.func @clip_int32_defaults
// CHECK-DAG: arith.constant dense<-2147483648> : tensor<4xi32>
// CHECK-DAG: arith.constant dense<2147483647> : tensor<4xi32>
func.func @clip_int32_defaults(%x: tensor<4xi32>) -> !onnx.value {
  %0 = onnx.node "Clip"(%x) {attrs = {}, domain = "", node_name = "n", version = 13 : i64} : (tensor<4xi32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// CHECK-LABEL: func.func @cast
// CHECK-SAME: (%[[X:.*]]: tensor<2x?xf32>)
// CHECK-SAME: -> (tensor<2x?xi64>, tensor<2x?xi1>, tensor<2x?xf16>, tensor<2x?xui8>, tensor<2x?xf64>, tensor<2x?xbf16>, tensor<2x?xi32>)
// CHECK: prim.convert %[[X]] : (tensor<2x?xf32>) -> tensor<2x?xi64>
// CHECK: prim.convert %[[X]] : (tensor<2x?xf32>) -> tensor<2x?xi1>
// CHECK: prim.convert %[[X]] : (tensor<2x?xf32>) -> tensor<2x?xf16>
// CHECK: prim.convert %[[X]] : (tensor<2x?xf32>) -> tensor<2x?xui8>
// CHECK: prim.convert %[[X]] : (tensor<2x?xf32>) -> tensor<2x?xf64>
// CHECK: prim.convert %[[X]] : (tensor<2x?xf32>) -> tensor<2x?xbf16>
// CHECK: prim.convert %[[X]] : (tensor<2x?xf32>) -> tensor<2x?xi32>
func.func @cast(%x: tensor<2x?xf32>) -> (!onnx.value, !onnx.value, !onnx.value, !onnx.value, !onnx.value, !onnx.value, !onnx.value) {
  %0 = onnx.node "Cast"(%x) {attrs = {to = 7 : i64}, domain = "", node_name = "n0", version = 13 : i64} : (tensor<2x?xf32>) -> !onnx.value
  %1 = onnx.node "Cast"(%x) {attrs = {to = 9 : i64}, domain = "", node_name = "n1", version = 13 : i64} : (tensor<2x?xf32>) -> !onnx.value
  %2 = onnx.node "Cast"(%x) {attrs = {to = 10 : i64}, domain = "", node_name = "n2", version = 13 : i64} : (tensor<2x?xf32>) -> !onnx.value
  %3 = onnx.node "Cast"(%x) {attrs = {to = 2 : i64}, domain = "", node_name = "n3", version = 13 : i64} : (tensor<2x?xf32>) -> !onnx.value
  %4 = onnx.node "Cast"(%x) {attrs = {to = 11 : i64}, domain = "", node_name = "n4", version = 13 : i64} : (tensor<2x?xf32>) -> !onnx.value
  %5 = onnx.node "Cast"(%x) {attrs = {to = 16 : i64}, domain = "", node_name = "n5", version = 13 : i64} : (tensor<2x?xf32>) -> !onnx.value
  %6 = onnx.node "Cast"(%x) {attrs = {to = 6 : i64}, domain = "", node_name = "n6", version = 6 : i64} : (tensor<2x?xf32>) -> !onnx.value
  return %0, %1, %2, %3, %4, %5, %6 : !onnx.value, !onnx.value, !onnx.value, !onnx.value, !onnx.value, !onnx.value, !onnx.value
}

// -----

// Inference-mode Dropout is the identity; its mask (bool from opset 10) is all
// true.
// CHECK-LABEL: func.func @dropout_mask
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xi1>)
// CHECK: %[[MASK:.*]] = arith.constant dense<true> : tensor<4xi1>
// CHECK: return %[[X]], %[[MASK]]
func.func @dropout_mask(%x: tensor<4xf32>) -> (!onnx.value, !onnx.value) {
  %0:2 = onnx.node "Dropout"(%x) {attrs = {}, domain = "", node_name = "n", version = 13 : i64} : (tensor<4xf32>) -> (!onnx.value, !onnx.value)
  return %0#0, %0#1 : !onnx.value, !onnx.value
}

// -----

// An unused mask produces no constant; training_mode given as constant false.
// CHECK-LABEL: func.func @dropout_no_mask
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %[[R:.*]]: tensor<f32>)
// CHECK-NOT: dense<true>
// CHECK: return %[[X]] : tensor<4xf32>
func.func @dropout_no_mask(%x: tensor<4xf32>, %ratio: tensor<f32>) -> !onnx.value {
  %t = arith.constant dense<false> : tensor<i1>
  %0:2 = onnx.node "Dropout"(%x, %ratio, %t) {attrs = {}, domain = "", node_name = "n", version = 12 : i64} : (tensor<4xf32>, tensor<f32>, tensor<i1>) -> (!onnx.value, !onnx.value)
  return %0#0 : !onnx.value
}

// -----

// Opset 6 Dropout with is_test=1 is the identity.
// CHECK-LABEL: func.func @dropout_opset6_is_test
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-NEXT: return %[[X]]
func.func @dropout_opset6_is_test(%x: tensor<4xf32>) -> !onnx.value {
  %0 = onnx.node "Dropout"(%x) {attrs = {is_test = 1 : i64}, domain = "", node_name = "n", version = 6 : i64} : (tensor<4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// An integer exponent is converted to the base's type, then broadcast.
// CHECK-LABEL: func.func @pow_int_exponent
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %[[E:.*]]: tensor<i64>)
// CHECK: %[[C:.*]] = prim.convert %[[E]] : (tensor<i64>) -> tensor<f32>
// CHECK: %[[B:.*]] = prim.broadcast_in_dim %[[C]] {dims = array<i64>} : (tensor<f32>) -> tensor<4xf32>
// CHECK: %[[P:.*]] = prim.pow %[[X]], %[[B]] : tensor<4xf32>
// CHECK: return %[[P]]
func.func @pow_int_exponent(%x: tensor<4xf32>, %e: tensor<i64>) -> !onnx.value {
  %0 = onnx.node "Pow"(%x, %e) {attrs = {}, domain = "", node_name = "n", version = 15 : i64} : (tensor<4xf32>, tensor<i64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Comparisons broadcast their inputs and give bool.
// CHECK-LABEL: func.func @compare
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<3xf32>) -> (tensor<2x3xi1>, tensor<2x3xi1>, tensor<2x3xi1>, tensor<2x3xi1>, tensor<2x3xi1>)
// CHECK: %[[B0:.*]] = prim.broadcast_in_dim %[[B]] {dims = array<i64: 1>} : (tensor<3xf32>) -> tensor<2x3xf32>
// CHECK: %[[EQ:.*]] = prim.compare eq, %[[A]], %[[B0]] : tensor<2x3xf32>
// CHECK: %[[LT:.*]] = prim.compare lt, %[[A]], %{{.*}} : tensor<2x3xf32>
// CHECK: %[[LE:.*]] = prim.compare le, %[[A]], %{{.*}} : tensor<2x3xf32>
// CHECK: %[[GT:.*]] = prim.compare gt, %[[A]], %{{.*}} : tensor<2x3xf32>
// CHECK: %[[GE:.*]] = prim.compare ge, %[[A]], %{{.*}} : tensor<2x3xf32>
// CHECK: return %[[EQ]], %[[LT]], %[[LE]], %[[GT]], %[[GE]]
func.func @compare(%a: tensor<2x3xf32>, %b: tensor<3xf32>) -> (!onnx.value, !onnx.value, !onnx.value, !onnx.value, !onnx.value) {
  %0 = onnx.node "Equal"(%a, %b) {attrs = {}, domain = "", node_name = "n0", version = 13 : i64} : (tensor<2x3xf32>, tensor<3xf32>) -> !onnx.value
  %1 = onnx.node "Less"(%a, %b) {attrs = {}, domain = "", node_name = "n1", version = 13 : i64} : (tensor<2x3xf32>, tensor<3xf32>) -> !onnx.value
  %2 = onnx.node "LessOrEqual"(%a, %b) {attrs = {}, domain = "", node_name = "n2", version = 16 : i64} : (tensor<2x3xf32>, tensor<3xf32>) -> !onnx.value
  %3 = onnx.node "Greater"(%a, %b) {attrs = {}, domain = "", node_name = "n3", version = 13 : i64} : (tensor<2x3xf32>, tensor<3xf32>) -> !onnx.value
  %4 = onnx.node "GreaterOrEqual"(%a, %b) {attrs = {}, domain = "", node_name = "n4", version = 16 : i64} : (tensor<2x3xf32>, tensor<3xf32>) -> !onnx.value
  return %0, %1, %2, %3, %4 : !onnx.value, !onnx.value, !onnx.value, !onnx.value, !onnx.value
}

// -----

// Opset 1 comparisons take the legacy broadcast attributes, as Add does.
// CHECK-LABEL: func.func @equal_opset1_broadcast_axis
// CHECK-SAME: (%[[A:.*]]: tensor<2x3x4xi32>, %[[B:.*]]: tensor<3xi32>) -> tensor<2x3x4xi1>
// CHECK: %[[R:.*]] = prim.reshape %[[B]] : (tensor<3xi32>) -> tensor<3x1xi32>
// CHECK: %[[BB:.*]] = prim.broadcast_in_dim %[[R]] {dims = array<i64: 1, 2>} : (tensor<3x1xi32>) -> tensor<2x3x4xi32>
// CHECK: %[[EQ:.*]] = prim.compare eq, %[[A]], %[[BB]] : tensor<2x3x4xi32>
// CHECK: return %[[EQ]]
func.func @equal_opset1_broadcast_axis(%a: tensor<2x3x4xi32>, %b: tensor<3xi32>) -> !onnx.value {
  %0 = onnx.node "Equal"(%a, %b) {attrs = {axis = 1 : i64, broadcast = 1 : i64}, domain = "", node_name = "n", version = 1 : i64} : (tensor<2x3x4xi32>, tensor<3xi32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// On bools: And, Or, Xor and Not are the bitwise prims on i1.
// CHECK-LABEL: func.func @logic
// CHECK-SAME: (%[[A:.*]]: tensor<4xi1>, %[[B:.*]]: tensor<4xi1>)
// CHECK: %[[AND:.*]] = prim.and %[[A]], %[[B]] : tensor<4xi1>
// CHECK: %[[OR:.*]] = prim.or %[[A]], %[[B]] : tensor<4xi1>
// CHECK: %[[XOR:.*]] = prim.xor %[[A]], %[[B]] : tensor<4xi1>
// CHECK: %[[NOT:.*]] = prim.not %[[A]] : tensor<4xi1>
// CHECK: return %[[AND]], %[[OR]], %[[XOR]], %[[NOT]]
func.func @logic(%a: tensor<4xi1>, %b: tensor<4xi1>) -> (!onnx.value, !onnx.value, !onnx.value, !onnx.value) {
  %0 = onnx.node "And"(%a, %b) {attrs = {}, domain = "", node_name = "n0", version = 7 : i64} : (tensor<4xi1>, tensor<4xi1>) -> !onnx.value
  %1 = onnx.node "Or"(%a, %b) {attrs = {}, domain = "", node_name = "n1", version = 7 : i64} : (tensor<4xi1>, tensor<4xi1>) -> !onnx.value
  %2 = onnx.node "Xor"(%a, %b) {attrs = {}, domain = "", node_name = "n2", version = 7 : i64} : (tensor<4xi1>, tensor<4xi1>) -> !onnx.value
  %3 = onnx.node "Not"(%a) {attrs = {}, domain = "", node_name = "n3", version = 1 : i64} : (tensor<4xi1>) -> !onnx.value
  return %0, %1, %2, %3 : !onnx.value, !onnx.value, !onnx.value, !onnx.value
}

// -----

// Bitwise ops on integers, broadcast numpy-style: [3, 4] with [4].
// CHECK-LABEL: func.func @bitwise
// CHECK-SAME: (%[[A:.*]]: tensor<3x4xui8>, %[[B:.*]]: tensor<4xui8>)
// CHECK: %[[BB:.*]] = prim.broadcast_in_dim %[[B]] {dims = array<i64: 1>} : (tensor<4xui8>) -> tensor<3x4xui8>
// CHECK: %[[AND:.*]] = prim.and %[[A]], %[[BB]] : tensor<3x4xui8>
// CHECK: %[[OR:.*]] = prim.or %[[A]], %{{.*}} : tensor<3x4xui8>
// CHECK: %[[XOR:.*]] = prim.xor %[[A]], %{{.*}} : tensor<3x4xui8>
// CHECK: %[[NOT:.*]] = prim.not %[[A]] : tensor<3x4xui8>
// CHECK: return %[[AND]], %[[OR]], %[[XOR]], %[[NOT]]
func.func @bitwise(%a: tensor<3x4xui8>, %b: tensor<4xui8>) -> (!onnx.value, !onnx.value, !onnx.value, !onnx.value) {
  %0 = onnx.node "BitwiseAnd"(%a, %b) {attrs = {}, domain = "", node_name = "n0", version = 18 : i64} : (tensor<3x4xui8>, tensor<4xui8>) -> !onnx.value
  %1 = onnx.node "BitwiseOr"(%a, %b) {attrs = {}, domain = "", node_name = "n1", version = 18 : i64} : (tensor<3x4xui8>, tensor<4xui8>) -> !onnx.value
  %2 = onnx.node "BitwiseXor"(%a, %b) {attrs = {}, domain = "", node_name = "n2", version = 18 : i64} : (tensor<3x4xui8>, tensor<4xui8>) -> !onnx.value
  %3 = onnx.node "BitwiseNot"(%a) {attrs = {}, domain = "", node_name = "n3", version = 18 : i64} : (tensor<3x4xui8>) -> !onnx.value
  return %0, %1, %2, %3 : !onnx.value, !onnx.value, !onnx.value, !onnx.value
}

// -----

// Where broadcasts its three operands together: [2, 1], [3] and [] to [2, 3].
// CHECK-LABEL: func.func @where
// CHECK-SAME: (%[[C:.*]]: tensor<2x1xi1>, %[[X:.*]]: tensor<3xf32>, %[[Y:.*]]: tensor<f32>) -> tensor<2x3xf32>
// CHECK: %[[CB:.*]] = prim.broadcast_in_dim %[[C]] {dims = array<i64: 0, 1>} : (tensor<2x1xi1>) -> tensor<2x3xi1>
// CHECK: %[[XB:.*]] = prim.broadcast_in_dim %[[X]] {dims = array<i64: 1>} : (tensor<3xf32>) -> tensor<2x3xf32>
// CHECK: %[[YB:.*]] = prim.broadcast_in_dim %[[Y]] {dims = array<i64>} : (tensor<f32>) -> tensor<2x3xf32>
// CHECK: %[[R:.*]] = prim.select %[[CB]], %[[XB]], %[[YB]] : tensor<2x3xi1>, tensor<2x3xf32>
// CHECK: return %[[R]]
func.func @where(%c: tensor<2x1xi1>, %x: tensor<3xf32>, %y: tensor<f32>) -> !onnx.value {
  %0 = onnx.node "Where"(%c, %x, %y) {attrs = {}, domain = "", node_name = "w", version = 16 : i64} : (tensor<2x1xi1>, tensor<3xf32>, tensor<f32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Dynamic dims: each result dim takes its size from the first operand with
// a dynamic dim there; Y, already [?, ?], is not broadcast (the lowering
// checks its sizes at run time).
// CHECK-LABEL: func.func @where_dynamic
// CHECK-SAME: (%[[C:.*]]: tensor<?x1xi1>, %[[X:.*]]: tensor<1x?xf32>, %[[Y:.*]]: tensor<?x?xf32>) -> tensor<?x?xf32>
// CHECK: %[[D0:.*]] = prim.dim %[[C]] {dim = 0 : i64} : tensor<?x1xi1>
// CHECK: %[[D1:.*]] = prim.dim %[[X]] {dim = 1 : i64} : tensor<1x?xf32>
// CHECK: %[[CB:.*]] = prim.broadcast_in_dim %[[C]] sizes(%[[D0]], %[[D1]]) {dims = array<i64: 0, 1>} : (tensor<?x1xi1>) -> tensor<?x?xi1>
// CHECK: %[[XB:.*]] = prim.broadcast_in_dim %[[X]] sizes(%[[D0]], %[[D1]]) {dims = array<i64: 0, 1>} : (tensor<1x?xf32>) -> tensor<?x?xf32>
// CHECK: %[[R:.*]] = prim.select %[[CB]], %[[XB]], %[[Y]] : tensor<?x?xi1>, tensor<?x?xf32>
// CHECK: return %[[R]]
func.func @where_dynamic(%c: tensor<?x1xi1>, %x: tensor<1x?xf32>, %y: tensor<?x?xf32>) -> !onnx.value {
  %0 = onnx.node "Where"(%c, %x, %y) {attrs = {}, domain = "", node_name = "w", version = 16 : i64} : (tensor<?x1xi1>, tensor<1x?xf32>, tensor<?x?xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// IsNaN is x != x; IsInf compares with +inf and -inf, as its flags say.
// CHECK-LABEL: func.func @isnan_isinf
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[NAN:.*]] = prim.compare ne, %[[X]], %[[X]] : tensor<4xf32>
// CHECK: %[[PINF:.*]] = arith.constant dense<0x7F800000> : tensor<4xf32>
// CHECK: %[[P:.*]] = prim.compare eq, %[[X]], %[[PINF]] : tensor<4xf32>
// CHECK: %[[NINF:.*]] = arith.constant dense<0xFF800000> : tensor<4xf32>
// CHECK: %[[N:.*]] = prim.compare eq, %[[X]], %[[NINF]] : tensor<4xf32>
// CHECK: %[[BOTH:.*]] = prim.max %[[P]], %[[N]] : tensor<4xi1>
// CHECK: %[[NINF2:.*]] = arith.constant dense<0xFF800000> : tensor<4xf32>
// CHECK: %[[NEG:.*]] = prim.compare eq, %[[X]], %[[NINF2]] : tensor<4xf32>
// CHECK: %[[NONE:.*]] = arith.constant dense<false> : tensor<4xi1>
// CHECK: return %[[NAN]], %[[BOTH]], %[[NEG]], %[[NONE]]
func.func @isnan_isinf(%x: tensor<4xf32>) -> (!onnx.value, !onnx.value, !onnx.value, !onnx.value) {
  %0 = onnx.node "IsNaN"(%x) {attrs = {}, domain = "", node_name = "n0", version = 13 : i64} : (tensor<4xf32>) -> !onnx.value
  %1 = onnx.node "IsInf"(%x) {attrs = {}, domain = "", node_name = "n1", version = 10 : i64} : (tensor<4xf32>) -> !onnx.value
  %2 = onnx.node "IsInf"(%x) {attrs = {detect_positive = 0 : i64}, domain = "", node_name = "n2", version = 10 : i64} : (tensor<4xf32>) -> !onnx.value
  %3 = onnx.node "IsInf"(%x) {attrs = {detect_negative = 0 : i64, detect_positive = 0 : i64}, domain = "", node_name = "n3", version = 10 : i64} : (tensor<4xf32>) -> !onnx.value
  return %0, %1, %2, %3 : !onnx.value, !onnx.value, !onnx.value, !onnx.value
}

// -----

// Sign: x > 0 ? 1 : (x < 0 ? -1 : x + 0), which keeps NaN and makes -0
// +0; unsigned integers need only the first comparison.
// CHECK-LABEL: func.func @sign
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>, %[[U:.*]]: tensor<4xui8>) -> (tensor<4xf32>, tensor<4xui8>)
// CHECK: %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : tensor<4xf32>
// CHECK: %[[PLUS0:.*]] = prim.add %[[X]], %[[ZERO]] : tensor<4xf32>
// CHECK: %[[GT:.*]] = prim.compare gt, %[[X]], %[[ZERO]] : tensor<4xf32>
// CHECK: %[[ONE:.*]] = arith.constant dense<1.000000e+00> : tensor<4xf32>
// CHECK: %[[S1:.*]] = prim.select %[[GT]], %[[ONE]], %[[PLUS0]] : tensor<4xi1>, tensor<4xf32>
// CHECK: %[[LT:.*]] = prim.compare lt, %[[X]], %[[ZERO]] : tensor<4xf32>
// CHECK: %[[MINUS:.*]] = arith.constant dense<-1.000000e+00> : tensor<4xf32>
// CHECK: %[[S:.*]] = prim.select %[[LT]], %[[MINUS]], %[[S1]] : tensor<4xi1>, tensor<4xf32>
// CHECK: %[[UZERO:.*]] = arith.constant dense<0> : tensor<4xui8>
// CHECK: %[[UGT:.*]] = prim.compare gt, %[[U]], %[[UZERO]] : tensor<4xui8>
// CHECK: %[[UONE:.*]] = arith.constant dense<1> : tensor<4xui8>
// CHECK: %[[US:.*]] = prim.select %[[UGT]], %[[UONE]], %[[U]] : tensor<4xi1>, tensor<4xui8>
// CHECK: return %[[S]], %[[US]]
func.func @sign(%x: tensor<4xf32>, %u: tensor<4xui8>) -> (!onnx.value, !onnx.value) {
  %0 = onnx.node "Sign"(%x) {attrs = {}, domain = "", node_name = "n0", version = 13 : i64} : (tensor<4xf32>) -> !onnx.value
  %1 = onnx.node "Sign"(%u) {attrs = {}, domain = "", node_name = "n1", version = 13 : i64} : (tensor<4xui8>) -> !onnx.value
  return %0, %1 : !onnx.value, !onnx.value
}

// -----

// Max, Min, Sum and Mean broadcast all inputs together and fold them left
// to right; Mean divides by the input count; one input is returned as is.
// CHECK-LABEL: func.func @variadic
// CHECK-SAME: (%[[A:.*]]: tensor<2x3xf32>, %[[B:.*]]: tensor<3xf32>, %[[C:.*]]: tensor<2x1xf32>)
// CHECK: %[[B0:.*]] = prim.broadcast_in_dim %[[B]] {dims = array<i64: 1>} : (tensor<3xf32>) -> tensor<2x3xf32>
// CHECK: %[[C0:.*]] = prim.broadcast_in_dim %[[C]] {dims = array<i64: 0, 1>} : (tensor<2x1xf32>) -> tensor<2x3xf32>
// CHECK: %[[M0:.*]] = prim.max %[[A]], %[[B0]] : tensor<2x3xf32>
// CHECK: %[[MAX:.*]] = prim.max %[[M0]], %[[C0]] : tensor<2x3xf32>
// CHECK: %[[B1:.*]] = prim.broadcast_in_dim %[[B]] {dims = array<i64: 1>}
// CHECK: %[[SUM:.*]] = prim.add %[[A]], %[[B1]] : tensor<2x3xf32>
// CHECK: %[[B2:.*]] = prim.broadcast_in_dim %[[B]] {dims = array<i64: 1>}
// CHECK: %[[C2:.*]] = prim.broadcast_in_dim %[[C]] {dims = array<i64: 0, 1>}
// CHECK: %[[S0:.*]] = prim.add %[[A]], %[[B2]] : tensor<2x3xf32>
// CHECK: %[[S1:.*]] = prim.add %[[S0]], %[[C2]] : tensor<2x3xf32>
// CHECK: %[[THREE:.*]] = arith.constant dense<3.000000e+00> : tensor<2x3xf32>
// CHECK: %[[MEAN:.*]] = prim.div %[[S1]], %[[THREE]] : tensor<2x3xf32>
// CHECK: %[[MIN:.*]] = prim.min %[[A]], %[[A]] : tensor<2x3xf32>
// CHECK: return %[[MAX]], %[[A]], %[[SUM]], %[[MEAN]], %[[MIN]]
func.func @variadic(%a: tensor<2x3xf32>, %b: tensor<3xf32>, %c: tensor<2x1xf32>) -> (!onnx.value, !onnx.value, !onnx.value, !onnx.value, !onnx.value) {
  %0 = onnx.node "Max"(%a, %b, %c) {attrs = {}, domain = "", node_name = "n0", version = 13 : i64} : (tensor<2x3xf32>, tensor<3xf32>, tensor<2x1xf32>) -> !onnx.value
  %1 = onnx.node "Min"(%a) {attrs = {}, domain = "", node_name = "n1", version = 13 : i64} : (tensor<2x3xf32>) -> !onnx.value
  %2 = onnx.node "Sum"(%a, %b) {attrs = {}, domain = "", node_name = "n2", version = 13 : i64} : (tensor<2x3xf32>, tensor<3xf32>) -> !onnx.value
  %3 = onnx.node "Mean"(%a, %b, %c) {attrs = {}, domain = "", node_name = "n3", version = 13 : i64} : (tensor<2x3xf32>, tensor<3xf32>, tensor<2x1xf32>) -> !onnx.value
  %4 = onnx.node "Min"(%a, %a) {attrs = {}, domain = "", node_name = "n4", version = 6 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> !onnx.value
  return %0, %1, %2, %3, %4 : !onnx.value, !onnx.value, !onnx.value, !onnx.value, !onnx.value
}

// -----

// Dynamic dims: [?, 3], [?, 1] and [3] broadcast to [?, 3], sized by the
// first input's dim 0 (the second's must equal it at run time).
// CHECK-LABEL: func.func @max_dynamic
// CHECK-SAME: (%[[A:.*]]: tensor<?x3xi32>, %[[B:.*]]: tensor<?x1xi32>, %[[C:.*]]: tensor<3xi32>) -> tensor<?x3xi32>
// CHECK: %[[N:.*]] = prim.dim %[[A]] {dim = 0 : i64} : tensor<?x3xi32>
// CHECK: %[[BB:.*]] = prim.broadcast_in_dim %[[B]] sizes(%[[N]]) {dims = array<i64: 0, 1>} : (tensor<?x1xi32>) -> tensor<?x3xi32>
// CHECK: %[[CB:.*]] = prim.broadcast_in_dim %[[C]] sizes(%[[N]]) {dims = array<i64: 1>} : (tensor<3xi32>) -> tensor<?x3xi32>
// CHECK: %[[M:.*]] = prim.max %[[A]], %[[BB]] : tensor<?x3xi32>
// CHECK: %[[R:.*]] = prim.max %[[M]], %[[CB]] : tensor<?x3xi32>
// CHECK: return %[[R]]
func.func @max_dynamic(%a: tensor<?x3xi32>, %b: tensor<?x1xi32>, %c: tensor<3xi32>) -> !onnx.value {
  %0 = onnx.node "Max"(%a, %b, %c) {attrs = {}, domain = "", node_name = "m", version = 13 : i64} : (tensor<?x3xi32>, tensor<?x1xi32>, tensor<3xi32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// CHECK-LABEL: func.func @rounding
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[F:.*]] = prim.floor %[[X]] : tensor<4xf32>
// CHECK: %[[C:.*]] = prim.ceil %[[X]] : tensor<4xf32>
// CHECK: %[[R:.*]] = prim.round_even %[[X]] : tensor<4xf32>
// CHECK: return %[[F]], %[[C]], %[[R]]
func.func @rounding(%x: tensor<4xf32>) -> (!onnx.value, !onnx.value, !onnx.value) {
  %0 = onnx.node "Floor"(%x) {attrs = {}, domain = "", node_name = "n0", version = 13 : i64} : (tensor<4xf32>) -> !onnx.value
  %1 = onnx.node "Ceil"(%x) {attrs = {}, domain = "", node_name = "n1", version = 6 : i64} : (tensor<4xf32>) -> !onnx.value
  %2 = onnx.node "Round"(%x) {attrs = {}, domain = "", node_name = "n2", version = 11 : i64} : (tensor<4xf32>) -> !onnx.value
  return %0, %1, %2 : !onnx.value, !onnx.value, !onnx.value
}

// -----

// tan is sin / cos; asin(x) = atan(x / sqrt((1 - x)(1 + x))) and
// acos(x) = 2 atan(sqrt((1 - x) / (1 + x))).
// CHECK-LABEL: func.func @trigonometric
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[SIN:.*]] = prim.sin %[[X]] : tensor<4xf32>
// CHECK: %[[COS:.*]] = prim.cos %[[X]] : tensor<4xf32>
// CHECK: %[[TS:.*]] = prim.sin %[[X]]
// CHECK: %[[TC:.*]] = prim.cos %[[X]]
// CHECK: %[[TAN:.*]] = prim.div %[[TS]], %[[TC]] : tensor<4xf32>
// CHECK: %[[ONE:.*]] = arith.constant dense<1.000000e+00> : tensor<4xf32>
// CHECK: %[[BELOW:.*]] = prim.sub %[[ONE]], %[[X]]
// CHECK: %[[ABOVE:.*]] = prim.add %[[ONE]], %[[X]]
// CHECK: %[[PROD:.*]] = prim.mul %[[BELOW]], %[[ABOVE]]
// CHECK: %[[ROOT:.*]] = prim.sqrt %[[PROD]]
// CHECK: %[[Q:.*]] = prim.div %[[X]], %[[ROOT]]
// CHECK: %[[ASIN:.*]] = prim.atan %[[Q]] : tensor<4xf32>
// CHECK: %[[ONE2:.*]] = arith.constant dense<1.000000e+00> : tensor<4xf32>
// CHECK: %[[BELOW2:.*]] = prim.sub %[[ONE2]], %[[X]]
// CHECK: %[[ABOVE2:.*]] = prim.add %[[ONE2]], %[[X]]
// CHECK: %[[RATIO:.*]] = prim.div %[[BELOW2]], %[[ABOVE2]]
// CHECK: %[[ROOT2:.*]] = prim.sqrt %[[RATIO]]
// CHECK: %[[HALF:.*]] = prim.atan %[[ROOT2]]
// CHECK: %[[TWO:.*]] = arith.constant dense<2.000000e+00> : tensor<4xf32>
// CHECK: %[[ACOS:.*]] = prim.mul %[[HALF]], %[[TWO]]
// CHECK: %[[ATAN:.*]] = prim.atan %[[X]] : tensor<4xf32>
// CHECK: return %[[SIN]], %[[COS]], %[[TAN]], %[[ASIN]], %[[ACOS]], %[[ATAN]]
func.func @trigonometric(%x: tensor<4xf32>) -> (!onnx.value, !onnx.value, !onnx.value, !onnx.value, !onnx.value, !onnx.value) {
  %0 = onnx.node "Sin"(%x) {attrs = {}, domain = "", node_name = "n0", version = 7 : i64} : (tensor<4xf32>) -> !onnx.value
  %1 = onnx.node "Cos"(%x) {attrs = {}, domain = "", node_name = "n1", version = 7 : i64} : (tensor<4xf32>) -> !onnx.value
  %2 = onnx.node "Tan"(%x) {attrs = {}, domain = "", node_name = "n2", version = 7 : i64} : (tensor<4xf32>) -> !onnx.value
  %3 = onnx.node "Asin"(%x) {attrs = {}, domain = "", node_name = "n3", version = 7 : i64} : (tensor<4xf32>) -> !onnx.value
  %4 = onnx.node "Acos"(%x) {attrs = {}, domain = "", node_name = "n4", version = 7 : i64} : (tensor<4xf32>) -> !onnx.value
  %5 = onnx.node "Atan"(%x) {attrs = {}, domain = "", node_name = "n5", version = 7 : i64} : (tensor<4xf32>) -> !onnx.value
  return %0, %1, %2, %3, %4, %5 : !onnx.value, !onnx.value, !onnx.value, !onnx.value, !onnx.value, !onnx.value
}

// -----

// CHECK-LABEL: func.func @hyperbolic
// CHECK-SAME: (%[[X:.*]]: tensor<4xf64>)
// CHECK: %[[SINH:.*]] = prim.sinh %[[X]] : tensor<4xf64>
// CHECK: %[[COSH:.*]] = prim.cosh %[[X]] : tensor<4xf64>
// CHECK: %[[ASINH:.*]] = prim.asinh %[[X]] : tensor<4xf64>
// CHECK: %[[ACOSH:.*]] = prim.acosh %[[X]] : tensor<4xf64>
// CHECK: %[[ATANH:.*]] = prim.atanh %[[X]] : tensor<4xf64>
// CHECK: return %[[SINH]], %[[COSH]], %[[ASINH]], %[[ACOSH]], %[[ATANH]]
func.func @hyperbolic(%x: tensor<4xf64>) -> (!onnx.value, !onnx.value, !onnx.value, !onnx.value, !onnx.value) {
  %0 = onnx.node "Sinh"(%x) {attrs = {}, domain = "", node_name = "n0", version = 9 : i64} : (tensor<4xf64>) -> !onnx.value
  %1 = onnx.node "Cosh"(%x) {attrs = {}, domain = "", node_name = "n1", version = 9 : i64} : (tensor<4xf64>) -> !onnx.value
  %2 = onnx.node "Asinh"(%x) {attrs = {}, domain = "", node_name = "n2", version = 9 : i64} : (tensor<4xf64>) -> !onnx.value
  %3 = onnx.node "Acosh"(%x) {attrs = {}, domain = "", node_name = "n3", version = 9 : i64} : (tensor<4xf64>) -> !onnx.value
  %4 = onnx.node "Atanh"(%x) {attrs = {}, domain = "", node_name = "n4", version = 9 : i64} : (tensor<4xf64>) -> !onnx.value
  return %0, %1, %2, %3, %4 : !onnx.value, !onnx.value, !onnx.value, !onnx.value, !onnx.value
}

// -----

// Mod: fmod=1 (and unsigned integers) is prim.rem, with the dividend's sign.
// fmod=0 on signed integers takes the divisor's sign: a non-zero remainder
// whose sign differs from the divisor's has the divisor added.
// CHECK-LABEL: func.func @mod
// CHECK-SAME: (%[[A:.*]]: tensor<4xi32>, %[[B:.*]]: tensor<4xi32>, %[[F:.*]]: tensor<4xf32>, %[[U:.*]]: tensor<4xui8>)
// CHECK: %[[R:.*]] = prim.rem %[[A]], %[[B]] : tensor<4xi32>
// CHECK: %[[ZERO:.*]] = arith.constant dense<0> : tensor<4xi32>
// CHECK: %[[RNEG:.*]] = prim.compare lt, %[[R]], %[[ZERO]] : tensor<4xi32>
// CHECK: %[[BNEG:.*]] = prim.compare lt, %[[B]], %[[ZERO]] : tensor<4xi32>
// CHECK: %[[DIFFER:.*]] = prim.compare ne, %[[RNEG]], %[[BNEG]] : tensor<4xi1>
// CHECK: %[[NONZERO:.*]] = prim.compare ne, %[[R]], %[[ZERO]] : tensor<4xi32>
// CHECK: %[[ADJUST:.*]] = prim.mul %[[NONZERO]], %[[DIFFER]] : tensor<4xi1>
// CHECK: %[[SUM:.*]] = prim.add %[[R]], %[[B]] : tensor<4xi32>
// CHECK: %[[PY:.*]] = prim.select %[[ADJUST]], %[[SUM]], %[[R]] : tensor<4xi1>, tensor<4xi32>
// CHECK: %[[C:.*]] = prim.rem %[[A]], %[[B]] : tensor<4xi32>
// CHECK: %[[FR:.*]] = prim.rem %[[F]], %[[F]] : tensor<4xf32>
// CHECK: %[[UR:.*]] = prim.rem %[[U]], %[[U]] : tensor<4xui8>
// CHECK: return %[[PY]], %[[C]], %[[FR]], %[[UR]]
func.func @mod(%a: tensor<4xi32>, %b: tensor<4xi32>, %f: tensor<4xf32>, %u: tensor<4xui8>) -> (!onnx.value, !onnx.value, !onnx.value, !onnx.value) {
  %0 = onnx.node "Mod"(%a, %b) {attrs = {}, domain = "", node_name = "n0", version = 13 : i64} : (tensor<4xi32>, tensor<4xi32>) -> !onnx.value
  %1 = onnx.node "Mod"(%a, %b) {attrs = {fmod = 1 : i64}, domain = "", node_name = "n1", version = 13 : i64} : (tensor<4xi32>, tensor<4xi32>) -> !onnx.value
  %2 = onnx.node "Mod"(%f, %f) {attrs = {fmod = 1 : i64}, domain = "", node_name = "n2", version = 13 : i64} : (tensor<4xf32>, tensor<4xf32>) -> !onnx.value
  %3 = onnx.node "Mod"(%u, %u) {attrs = {}, domain = "", node_name = "n3", version = 13 : i64} : (tensor<4xui8>, tensor<4xui8>) -> !onnx.value
  return %0, %1, %2, %3 : !onnx.value, !onnx.value, !onnx.value, !onnx.value
}

// -----

// BitShift: x * 2^y and x / 2^y (2^y wraps to 0 from the bit width on, and
// x / 0 is 0).
// CHECK-LABEL: func.func @bitshift
// CHECK-SAME: (%[[X:.*]]: tensor<4xui32>, %[[Y:.*]]: tensor<ui32>)
// CHECK: %[[YB:.*]] = prim.broadcast_in_dim %[[Y]] {dims = array<i64>} : (tensor<ui32>) -> tensor<4xui32>
// CHECK: %[[TWO:.*]] = arith.constant dense<2> : tensor<4xui32>
// CHECK: %[[P:.*]] = prim.pow %[[TWO]], %[[YB]] : tensor<4xui32>
// CHECK: %[[L:.*]] = prim.mul %[[X]], %[[P]] : tensor<4xui32>
// CHECK: %[[P2:.*]] = prim.pow
// CHECK: %[[R:.*]] = prim.div %[[X]], %[[P2]] : tensor<4xui32>
// CHECK: return %[[L]], %[[R]]
func.func @bitshift(%x: tensor<4xui32>, %y: tensor<ui32>) -> (!onnx.value, !onnx.value) {
  %0 = onnx.node "BitShift"(%x, %y) {attrs = {direction = "LEFT"}, domain = "", node_name = "n0", version = 11 : i64} : (tensor<4xui32>, tensor<ui32>) -> !onnx.value
  %1 = onnx.node "BitShift"(%x, %y) {attrs = {direction = "RIGHT"}, domain = "", node_name = "n1", version = 11 : i64} : (tensor<4xui32>, tensor<ui32>) -> !onnx.value
  return %0, %1 : !onnx.value, !onnx.value
}
