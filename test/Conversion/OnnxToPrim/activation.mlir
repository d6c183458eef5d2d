// RUN: dlc-opt %s -convert-onnx-to-prim -split-input-file | FileCheck %s

// Activations: Relu, Sigmoid, LeakyRelu, HardSigmoid, HardSwish.

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
