// RUN: dlc-opt %s -convert-onnx-to-prim -split-input-file | FileCheck %s

// Activations: Relu, Sigmoid, LeakyRelu, HardSigmoid, HardSwish, Elu, Selu,
// Celu, ThresholdedRelu, Softplus, Softsign, Mish, Gelu, PRelu, Shrink.

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

// Elu: x < 0 ? alpha * (e^x - 1) : x. Selu: gamma * (x > 0 ? x :
// alpha * e^x - alpha), with opset 6's defaults (opset 1's have fewer
// digits).
// CHECK-LABEL: func.func @elu_selu
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : tensor<4xf32>
// CHECK: %[[NEG:.*]] = prim.compare lt, %[[X]], %[[ZERO]] : tensor<4xf32>
// CHECK: %[[E:.*]] = prim.exp %[[X]] : tensor<4xf32>
// CHECK: %[[ONE:.*]] = arith.constant dense<1.000000e+00> : tensor<4xf32>
// CHECK: %[[EM1:.*]] = prim.sub %[[E]], %[[ONE]] : tensor<4xf32>
// CHECK: %[[ALPHA:.*]] = arith.constant dense<2.000000e+00> : tensor<4xf32>
// CHECK: %[[SCALED:.*]] = prim.mul %[[EM1]], %[[ALPHA]] : tensor<4xf32>
// CHECK: %[[ELU:.*]] = prim.select %[[NEG]], %[[SCALED]], %[[X]] : tensor<4xi1>, tensor<4xf32>
// CHECK: %[[POS:.*]] = prim.compare gt, %[[X]], %{{.*}} : tensor<4xf32>
// CHECK: %[[SE:.*]] = prim.exp %[[X]]
// CHECK: %[[SA:.*]] = arith.constant dense<1.67326319> : tensor<4xf32>
// CHECK: %[[SAE:.*]] = prim.mul %[[SE]], %[[SA]]
// CHECK: %[[SA2:.*]] = arith.constant dense<1.67326319> : tensor<4xf32>
// CHECK: %[[SN:.*]] = prim.sub %[[SAE]], %[[SA2]]
// CHECK: %[[SS:.*]] = prim.select %[[POS]], %[[X]], %[[SN]] : tensor<4xi1>, tensor<4xf32>
// CHECK: %[[GAMMA:.*]] = arith.constant dense<1.05070102> : tensor<4xf32>
// CHECK: %[[SELU:.*]] = prim.mul %[[SS]], %[[GAMMA]]
// CHECK: arith.constant dense<1.673200e+00> : tensor<4xf32>
// CHECK: arith.constant dense<1.050700e+00> : tensor<4xf32>
// CHECK: %[[SELU1:.*]] = prim.mul
// CHECK: return %[[ELU]], %[[SELU]], %[[SELU1]]
func.func @elu_selu(%x: tensor<4xf32>) -> (!onnx.value, !onnx.value, !onnx.value) {
  %0 = onnx.node "Elu"(%x) {attrs = {alpha = 2.000000e+00 : f32}, domain = "", node_name = "n0", version = 6 : i64} : (tensor<4xf32>) -> !onnx.value
  %1 = onnx.node "Selu"(%x) {attrs = {}, domain = "", node_name = "n1", version = 6 : i64} : (tensor<4xf32>) -> !onnx.value
  %2 = onnx.node "Selu"(%x) {attrs = {}, domain = "", node_name = "n2", version = 1 : i64} : (tensor<4xf32>) -> !onnx.value
  return %0, %1, %2 : !onnx.value, !onnx.value, !onnx.value
}

// -----

// Celu: max(0, x) + min(0, alpha * (e^(x / alpha) - 1)).
// CHECK-LABEL: func.func @celu
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : tensor<4xf32>
// CHECK: %[[POS:.*]] = prim.max %[[ZERO]], %[[X]] : tensor<4xf32>
// CHECK: %[[INV:.*]] = arith.constant dense<5.000000e-01> : tensor<4xf32>
// CHECK: %[[XA:.*]] = prim.mul %[[X]], %[[INV]] : tensor<4xf32>
// CHECK: %[[E:.*]] = prim.exp %[[XA]] : tensor<4xf32>
// CHECK: %[[ONE:.*]] = arith.constant dense<1.000000e+00> : tensor<4xf32>
// CHECK: %[[EM1:.*]] = prim.sub %[[E]], %[[ONE]] : tensor<4xf32>
// CHECK: %[[ALPHA:.*]] = arith.constant dense<2.000000e+00> : tensor<4xf32>
// CHECK: %[[S:.*]] = prim.mul %[[EM1]], %[[ALPHA]] : tensor<4xf32>
// CHECK: %[[NEG:.*]] = prim.min %[[ZERO]], %[[S]] : tensor<4xf32>
// CHECK: %[[R:.*]] = prim.add %[[POS]], %[[NEG]] : tensor<4xf32>
// CHECK: return %[[R]]
func.func @celu(%x: tensor<4xf32>) -> !onnx.value {
  %0 = onnx.node "Celu"(%x) {attrs = {alpha = 2.000000e+00 : f32}, domain = "", node_name = "n", version = 12 : i64} : (tensor<4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// ThresholdedRelu: x > alpha ? x : 0. Softsign: x / (1 + |x|). Shrink:
// x < -lambd ? x + bias : (x > lambd ? x - bias : 0).
// CHECK-LABEL: func.func @thresholded_softsign_shrink
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[ALPHA:.*]] = arith.constant dense<2.000000e+00> : tensor<4xf32>
// CHECK: %[[ABOVE:.*]] = prim.compare gt, %[[X]], %[[ALPHA]] : tensor<4xf32>
// CHECK: %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : tensor<4xf32>
// CHECK: %[[TR:.*]] = prim.select %[[ABOVE]], %[[X]], %[[ZERO]] : tensor<4xi1>, tensor<4xf32>
// CHECK: %[[ONE:.*]] = arith.constant dense<1.000000e+00> : tensor<4xf32>
// CHECK: %[[ABS:.*]] = prim.abs %[[X]] : tensor<4xf32>
// CHECK: %[[DEN:.*]] = prim.add %[[ONE]], %[[ABS]] : tensor<4xf32>
// CHECK: %[[SS:.*]] = prim.div %[[X]], %[[DEN]] : tensor<4xf32>
// CHECK: %[[LAMBD:.*]] = arith.constant dense<5.000000e-01> : tensor<4xf32>
// CHECK: %[[HI:.*]] = prim.compare gt, %[[X]], %[[LAMBD]] : tensor<4xf32>
// CHECK: %[[BIAS:.*]] = arith.constant dense<1.500000e+00> : tensor<4xf32>
// CHECK: %[[LOWERED:.*]] = prim.sub %[[X]], %[[BIAS]] : tensor<4xf32>
// CHECK: %[[Z:.*]] = arith.constant dense<0.000000e+00> : tensor<4xf32>
// CHECK: %[[HIGH:.*]] = prim.select %[[HI]], %[[LOWERED]], %[[Z]] : tensor<4xi1>, tensor<4xf32>
// CHECK: %[[NLAMBD:.*]] = arith.constant dense<-5.000000e-01> : tensor<4xf32>
// CHECK: %[[LO:.*]] = prim.compare lt, %[[X]], %[[NLAMBD]] : tensor<4xf32>
// CHECK: %[[BIAS2:.*]] = arith.constant dense<1.500000e+00> : tensor<4xf32>
// CHECK: %[[RAISED:.*]] = prim.add %[[X]], %[[BIAS2]] : tensor<4xf32>
// CHECK: %[[SH:.*]] = prim.select %[[LO]], %[[RAISED]], %[[HIGH]] : tensor<4xi1>, tensor<4xf32>
// CHECK: return %[[TR]], %[[SS]], %[[SH]]
func.func @thresholded_softsign_shrink(%x: tensor<4xf32>) -> (!onnx.value, !onnx.value, !onnx.value) {
  %0 = onnx.node "ThresholdedRelu"(%x) {attrs = {alpha = 2.000000e+00 : f32}, domain = "", node_name = "n0", version = 10 : i64} : (tensor<4xf32>) -> !onnx.value
  %1 = onnx.node "Softsign"(%x) {attrs = {}, domain = "", node_name = "n1", version = 1 : i64} : (tensor<4xf32>) -> !onnx.value
  %2 = onnx.node "Shrink"(%x) {attrs = {bias = 1.500000e+00 : f32, lambd = 5.000000e-01 : f32}, domain = "", node_name = "n2", version = 9 : i64} : (tensor<4xf32>) -> !onnx.value
  return %0, %1, %2 : !onnx.value, !onnx.value, !onnx.value
}

// -----

// Softplus: max(x, 0) + log1p(e^-|x|), log1p(t) as Kahan's
// u = 1 + t; u == 1 ? t : t * log(u) / (u - 1). Mish: x * tanh(softplus(x)).
// CHECK-LABEL: func.func @softplus_mish
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : tensor<4xf32>
// CHECK: %[[POS:.*]] = prim.max %[[X]], %[[ZERO]] : tensor<4xf32>
// CHECK: %[[ABS:.*]] = prim.abs %[[X]] : tensor<4xf32>
// CHECK: %[[NABS:.*]] = prim.neg %[[ABS]] : tensor<4xf32>
// CHECK: %[[T:.*]] = prim.exp %[[NABS]] : tensor<4xf32>
// CHECK: %[[ONE:.*]] = arith.constant dense<1.000000e+00> : tensor<4xf32>
// CHECK: %[[U:.*]] = prim.add %[[ONE]], %[[T]] : tensor<4xf32>
// CHECK: %[[LOG:.*]] = prim.log %[[U]] : tensor<4xf32>
// CHECK: %[[UM1:.*]] = prim.sub %[[U]], %[[ONE]] : tensor<4xf32>
// CHECK: %[[RATIO:.*]] = prim.div %[[LOG]], %[[UM1]] : tensor<4xf32>
// CHECK: %[[SCALED:.*]] = prim.mul %[[T]], %[[RATIO]] : tensor<4xf32>
// CHECK: %[[EXACT:.*]] = prim.compare eq, %[[U]], %[[ONE]] : tensor<4xf32>
// CHECK: %[[L1P:.*]] = prim.select %[[EXACT]], %[[T]], %[[SCALED]] : tensor<4xi1>, tensor<4xf32>
// CHECK: %[[SP:.*]] = prim.add %[[POS]], %[[L1P]] : tensor<4xf32>
// CHECK: %[[TANH:.*]] = prim.tanh %{{.*}} : tensor<4xf32>
// CHECK-NEXT: %[[MISH:.*]] = prim.mul %[[X]], %[[TANH]] : tensor<4xf32>
// CHECK: return %[[SP]], %[[MISH]]
func.func @softplus_mish(%x: tensor<4xf32>) -> (!onnx.value, !onnx.value) {
  %0 = onnx.node "Softplus"(%x) {attrs = {}, domain = "", node_name = "n0", version = 1 : i64} : (tensor<4xf32>) -> !onnx.value
  %1 = onnx.node "Mish"(%x) {attrs = {}, domain = "", node_name = "n1", version = 18 : i64} : (tensor<4xf32>) -> !onnx.value
  return %0, %1 : !onnx.value, !onnx.value
}

// -----

// Gelu: x / 2 * (1 + erf(x / sqrt(2))); with approximate = "tanh",
// x / 2 * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 x^3))).
// CHECK-LABEL: func.func @gelu
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>)
// CHECK: %[[RSQRT2:.*]] = arith.constant dense<0.707106769> : tensor<4xf32>
// CHECK: %[[XS:.*]] = prim.mul %[[X]], %[[RSQRT2]] : tensor<4xf32>
// CHECK: %[[ERF:.*]] = prim.erf %[[XS]] : tensor<4xf32>
// CHECK: %[[HALF:.*]] = arith.constant dense<5.000000e-01> : tensor<4xf32>
// CHECK: %[[HX:.*]] = prim.mul %[[X]], %[[HALF]] : tensor<4xf32>
// CHECK: %[[ONE:.*]] = arith.constant dense<1.000000e+00> : tensor<4xf32>
// CHECK: %[[T:.*]] = prim.add %[[ONE]], %[[ERF]] : tensor<4xf32>
// CHECK: %[[EXACT:.*]] = prim.mul %[[HX]], %[[T]] : tensor<4xf32>
// CHECK: %[[X2:.*]] = prim.mul %[[X]], %[[X]] : tensor<4xf32>
// CHECK: %[[X3:.*]] = prim.mul %[[X2]], %[[X]] : tensor<4xf32>
// CHECK: %[[C:.*]] = arith.constant dense<4.471500e-02> : tensor<4xf32>
// CHECK: %[[CX3:.*]] = prim.mul %[[X3]], %[[C]] : tensor<4xf32>
// CHECK: %[[INNER:.*]] = prim.add %[[X]], %[[CX3]] : tensor<4xf32>
// CHECK: %[[K:.*]] = arith.constant dense<0.797884583> : tensor<4xf32>
// CHECK: %[[KI:.*]] = prim.mul %[[INNER]], %[[K]] : tensor<4xf32>
// CHECK: %[[TANH:.*]] = prim.tanh %[[KI]] : tensor<4xf32>
// CHECK: %[[HX2:.*]] = prim.mul %[[X]], %{{.*}} : tensor<4xf32>
// CHECK: %[[T2:.*]] = prim.add %{{.*}}, %[[TANH]] : tensor<4xf32>
// CHECK: %[[APPROX:.*]] = prim.mul %[[HX2]], %[[T2]] : tensor<4xf32>
// CHECK: return %[[EXACT]], %[[APPROX]]
func.func @gelu(%x: tensor<4xf32>) -> (!onnx.value, !onnx.value) {
  %0 = onnx.node "Gelu"(%x) {attrs = {}, domain = "", node_name = "n0", version = 20 : i64} : (tensor<4xf32>) -> !onnx.value
  %1 = onnx.node "Gelu"(%x) {attrs = {approximate = "tanh"}, domain = "", node_name = "n1", version = 20 : i64} : (tensor<4xf32>) -> !onnx.value
  return %0, %1 : !onnx.value, !onnx.value
}

// -----

// PRelu: x < 0 ? slope * x : x, the slope broadcast to X in one direction.
// CHECK-LABEL: func.func @prelu
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>, %[[S:.*]]: tensor<4xf32>) -> tensor<2x3x4xf32>
// CHECK: %[[SB:.*]] = prim.broadcast_in_dim %[[S]] {dims = array<i64: 2>} : (tensor<4xf32>) -> tensor<2x3x4xf32>
// CHECK: %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : tensor<2x3x4xf32>
// CHECK: %[[NEG:.*]] = prim.compare lt, %[[X]], %[[ZERO]] : tensor<2x3x4xf32>
// CHECK: %[[SX:.*]] = prim.mul %[[SB]], %[[X]] : tensor<2x3x4xf32>
// CHECK: %[[R:.*]] = prim.select %[[NEG]], %[[SX]], %[[X]] : tensor<2x3x4xi1>, tensor<2x3x4xf32>
// CHECK: return %[[R]]
func.func @prelu(%x: tensor<2x3x4xf32>, %s: tensor<4xf32>) -> !onnx.value {
  %0 = onnx.node "PRelu"(%x, %s) {attrs = {}, domain = "", node_name = "n", version = 16 : i64} : (tensor<2x3x4xf32>, tensor<4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Before opset 7, a 1-D slope holds one value per channel (dim 1 of X).
// CHECK-LABEL: func.func @prelu_opset6_channels
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>, %[[S:.*]]: tensor<3xf32>)
// CHECK: %[[R:.*]] = prim.reshape %[[S]] : (tensor<3xf32>) -> tensor<3x1xf32>
// CHECK: %[[SB:.*]] = prim.broadcast_in_dim %[[R]] {dims = array<i64: 1, 2>} : (tensor<3x1xf32>) -> tensor<2x3x4xf32>
// CHECK: prim.mul %[[SB]], %[[X]] : tensor<2x3x4xf32>
func.func @prelu_opset6_channels(%x: tensor<2x3x4xf32>, %s: tensor<3xf32>) -> !onnx.value {
  %0 = onnx.node "PRelu"(%x, %s) {attrs = {}, domain = "", node_name = "n", version = 6 : i64} : (tensor<2x3x4xf32>, tensor<3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Integers from opset 9; a dynamic X sizes the slope's broadcast.
// CHECK-LABEL: func.func @prelu_dynamic_int
// CHECK-SAME: (%[[X:.*]]: tensor<?x4xi32>, %[[S:.*]]: tensor<4xi32>) -> tensor<?x4xi32>
// CHECK: %[[N:.*]] = prim.dim %[[X]] {dim = 0 : i64} : tensor<?x4xi32>
// CHECK: %[[SB:.*]] = prim.broadcast_in_dim %[[S]] sizes(%[[N]]) {dims = array<i64: 1>} : (tensor<4xi32>) -> tensor<?x4xi32>
// CHECK: prim.mul %[[SB]], %[[X]] : tensor<?x4xi32>
func.func @prelu_dynamic_int(%x: tensor<?x4xi32>, %s: tensor<4xi32>) -> !onnx.value {
  %0 = onnx.node "PRelu"(%x, %s) {attrs = {}, domain = "", node_name = "n", version = 16 : i64} : (tensor<?x4xi32>, tensor<4xi32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Integers are shrunk in f64 (lambd and bias are floats) and truncated back.
// CHECK-LABEL: func.func @shrink_int
// CHECK-SAME: (%[[X:.*]]: tensor<4xi32>) -> tensor<4xi32>
// CHECK: %[[XF:.*]] = prim.convert %[[X]] : (tensor<4xi32>) -> tensor<4xf64>
// CHECK: prim.compare gt, %[[XF]], %{{.*}} : tensor<4xf64>
// CHECK: prim.compare lt, %[[XF]], %{{.*}} : tensor<4xf64>
// CHECK: %[[Y:.*]] = prim.select %{{.*}}, %{{.*}}, %{{.*}} : tensor<4xi1>, tensor<4xf64>
// CHECK-NEXT: %[[R:.*]] = prim.convert %[[Y]] : (tensor<4xf64>) -> tensor<4xi32>
// CHECK: return %[[R]]
func.func @shrink_int(%x: tensor<4xi32>) -> !onnx.value {
  %0 = onnx.node "Shrink"(%x) {attrs = {bias = 1.500000e+00 : f32, lambd = 1.500000e+00 : f32}, domain = "", node_name = "n", version = 9 : i64} : (tensor<4xi32>) -> !onnx.value
  return %0 : !onnx.value
}
