// RUN: dlc-opt %s -convert-onnx-to-prim -split-input-file | FileCheck %s

// Elementwise ONNX ops: arithmetic with numpy and legacy (opset < 7)
// broadcasting, activations, Clip, Cast, Dropout, Pow.

// CHECK-LABEL: func.func @relu
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK: %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : tensor<2x3xf32>
// CHECK: %[[R:.*]] = prim.max %[[X]], %[[ZERO]] : tensor<2x3xf32>
// CHECK: return %[[R]] : tensor<2x3xf32>
func.func @relu(%x: tensor<2x3xf32>) -> !onnx.value {
  %0 = onnx.node "Relu"(%x) {attrs = {}, domain = "", node_name = "relu0", version = 14 : i64} : (tensor<2x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// CHECK-LABEL: func.func @relu_int
// CHECK: %[[ZERO:.*]] = arith.constant dense<0> : tensor<4xi32>
// CHECK: prim.max %{{.*}}, %[[ZERO]] : tensor<4xi32>
func.func @relu_int(%x: tensor<4xi32>) -> !onnx.value {
  %0 = onnx.node "Relu"(%x) {attrs = {}, domain = "", node_name = "n", version = 14 : i64} : (tensor<4xi32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

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

// CHECK-LABEL: func.func @activations
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// Sigmoid: 1 / (1 + exp(-x)).
// CHECK: %[[ONE:.*]] = arith.constant dense<1.000000e+00> : tensor<4xf32>
// CHECK: %[[NEG:.*]] = prim.neg %[[X]]
// CHECK: %[[E:.*]] = prim.exp %[[NEG]]
// CHECK: %[[DEN:.*]] = prim.add %[[ONE]], %[[E]]
// CHECK: %[[SIG:.*]] = prim.div %[[ONE]], %[[DEN]]
// LeakyRelu: x < 0 ? alpha * x : x.
// CHECK: %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : tensor<4xf32>
// CHECK: %[[LT:.*]] = prim.compare lt, %[[X]], %[[ZERO]] : tensor<4xf32>
// CHECK: %[[ALPHA:.*]] = arith.constant dense<5.000000e-01> : tensor<4xf32>
// CHECK: %[[SCALED:.*]] = prim.mul %[[X]], %[[ALPHA]]
// CHECK: %[[LEAKY:.*]] = prim.select %[[LT]], %[[SCALED]], %[[X]] : tensor<4xi1>, tensor<4xf32>
// CHECK: return %[[SIG]], %[[LEAKY]]
func.func @activations(%x: tensor<4xf32>) -> (!onnx.value, !onnx.value) {
  %0 = onnx.node "Sigmoid"(%x) {attrs = {}, domain = "", node_name = "n0", version = 13 : i64} : (tensor<4xf32>) -> !onnx.value
  %1 = onnx.node "LeakyRelu"(%x) {attrs = {alpha = 5.000000e-01 : f32}, domain = "", node_name = "n1", version = 16 : i64} : (tensor<4xf32>) -> !onnx.value
  return %0, %1 : !onnx.value, !onnx.value
}

// -----

// LeakyRelu's default alpha is 0.01.
// CHECK-LABEL: func.func @leaky_relu_default
// CHECK: arith.constant dense<0.00999999977> : tensor<4xf32>
func.func @leaky_relu_default(%x: tensor<4xf32>) -> !onnx.value {
  %0 = onnx.node "LeakyRelu"(%x) {attrs = {}, domain = "", node_name = "n", version = 6 : i64} : (tensor<4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// HardSigmoid: max(0, min(1, alpha * x + beta)), defaults 0.2 and 0.5.
// CHECK-LABEL: func.func @hard_sigmoid
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK-DAG: %[[BETA:.*]] = arith.constant dense<5.000000e-01> : tensor<4xf32>
// CHECK-DAG: %[[ALPHA:.*]] = arith.constant dense<2.000000e-01> : tensor<4xf32>
// CHECK: %[[M:.*]] = prim.mul %[[X]], %[[ALPHA]]
// CHECK: %[[A:.*]] = prim.add %[[M]], %[[BETA]]
// CHECK: %[[ONE:.*]] = arith.constant dense<1.000000e+00>
// CHECK: %[[HI:.*]] = prim.min %[[A]], %[[ONE]]
// CHECK: %[[ZERO:.*]] = arith.constant dense<0.000000e+00>
// CHECK: %[[R:.*]] = prim.max %[[HI]], %[[ZERO]]
// CHECK: return %[[R]]
func.func @hard_sigmoid(%x: tensor<4xf32>) -> !onnx.value {
  %0 = onnx.node "HardSigmoid"(%x) {attrs = {}, domain = "", node_name = "n", version = 6 : i64} : (tensor<4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// HardSwish: x * HardSigmoid(x) with alpha = 1/6.
// CHECK-LABEL: func.func @hard_swish
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: arith.constant dense<0.166666672> : tensor<4xf32>
// CHECK: %[[HS:.*]] = prim.max
// CHECK: %[[R:.*]] = prim.mul %[[X]], %[[HS]]
// CHECK: return %[[R]]
func.func @hard_swish(%x: tensor<4xf32>) -> !onnx.value {
  %0 = onnx.node "HardSwish"(%x) {attrs = {}, domain = "", node_name = "n", version = 14 : i64} : (tensor<4xf32>) -> !onnx.value
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
