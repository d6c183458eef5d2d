// RUN: dlc-opt %s -convert-onnx-to-prim -split-input-file | FileCheck %s

// NegativeLogLikelihoodLoss and SoftmaxCrossEntropyLoss: the target's class
// taken along dim 1 (a flat prim.gather at linearized positions, the class
// clamped into [0, C)), weights gathered by class, ignore_index masks.

// [N, C] with reduction none: minus the input at [n, target[n]].
// CHECK-LABEL: func.func @nll_none
// CHECK-SAME: (%[[X:.*]]: tensor<3x5xf32>, %[[T:.*]]: tensor<3xi64>) -> tensor<3xf32>
// CHECK: %[[T1:.*]] = prim.reshape %[[T]] : (tensor<3xi64>) -> tensor<3x1xi64>
// CHECK: %[[ZERO:.*]] = arith.constant dense<0> : tensor<3x1xi64>
// CHECK: %[[C4:.*]] = arith.constant dense<4> : tensor<i64>
// CHECK: %[[TOP:.*]] = prim.broadcast_in_dim %[[C4]] {dims = array<i64>} : (tensor<i64>) -> tensor<3x1xi64>
// CHECK: %[[LO:.*]] = prim.max %[[T1]], %[[ZERO]] : tensor<3x1xi64>
// CHECK: %[[CL:.*]] = prim.min %[[LO]], %[[TOP]] : tensor<3x1xi64>
// CHECK: %[[ROW:.*]] = prim.iota {dim = 0 : i64} : tensor<3x1xi64>
// CHECK: %[[C5:.*]] = arith.constant dense<5> : tensor<i64>
// CHECK: %[[STRIDE:.*]] = prim.broadcast_in_dim %[[C5]] {dims = array<i64>} : (tensor<i64>) -> tensor<3x1xi64>
// CHECK: %[[OFF:.*]] = prim.mul %[[ROW]], %[[STRIDE]] : tensor<3x1xi64>
// CHECK: %[[LIN:.*]] = prim.add %[[CL]], %[[OFF]] : tensor<3x1xi64>
// CHECK: %[[FLAT:.*]] = prim.reshape %[[X]] : (tensor<3x5xf32>) -> tensor<15xf32>
// CHECK: %[[G:.*]] = prim.gather %[[FLAT]], %[[LIN]] {axis = 0 : i64} : (tensor<15xf32>, tensor<3x1xi64>) -> tensor<3x1xf32>
// CHECK: %[[P:.*]] = prim.reshape %[[G]] : (tensor<3x1xf32>) -> tensor<3xf32>
// CHECK: %[[L:.*]] = prim.neg %[[P]] : tensor<3xf32>
// CHECK: return %[[L]]
func.func @nll_none(%x: tensor<3x5xf32>, %t: tensor<3xi64>) -> !onnx.value {
  %0 = onnx.node "NegativeLogLikelihoodLoss"(%x, %t) {attrs = {reduction = "none"}, domain = "", node_name = "l", version = 13 : i64} : (tensor<3x5xf32>, tensor<3xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// [N, C, d1] with weights and ignore_index, mean (the default): each loss
// is weighted by its class's weight, ignored positions count 0 in the sum
// and in the weights it is divided by.
// CHECK-LABEL: func.func @nll_mean_weight_ignore
// CHECK-SAME: (%[[X:.*]]: tensor<3x5x2xf32>, %[[T:.*]]: tensor<3x2xi64>, %[[W:.*]]: tensor<5xf32>) -> tensor<f32>
// CHECK: %[[G:.*]] = prim.gather %{{.*}}, %{{.*}} {axis = 0 : i64} : (tensor<30xf32>, tensor<3x1x2xi64>) -> tensor<3x1x2xf32>
// CHECK: %[[P:.*]] = prim.reshape %[[G]] : (tensor<3x1x2xf32>) -> tensor<3x2xf32>
// CHECK: %[[NEG:.*]] = prim.neg %[[P]] : tensor<3x2xf32>
// CHECK: %[[WT:.*]] = prim.gather %[[W]], %[[T]] {axis = 0 : i64} : (tensor<5xf32>, tensor<3x2xi64>) -> tensor<3x2xf32>
// CHECK: %[[LW:.*]] = prim.mul %[[NEG]], %[[WT]] : tensor<3x2xf32>
// CHECK: %[[II:.*]] = arith.constant dense<-1> : tensor<3x2xi64>
// CHECK: %[[KEEP:.*]] = prim.compare ne, %[[T]], %[[II]] : tensor<3x2xi64>
// CHECK: %[[Z:.*]] = arith.constant dense<0.000000e+00> : tensor<3x2xf32>
// CHECK: %[[L:.*]] = prim.select %[[KEEP]], %[[LW]], %[[Z]] : tensor<3x2xi1>, tensor<3x2xf32>
// CHECK: %[[WK:.*]] = prim.select %[[KEEP]], %[[WT]], %[[Z]] : tensor<3x2xi1>, tensor<3x2xf32>
// CHECK: %[[S:.*]] = prim.reduce sum %[[L]] {dims = array<i64: 0, 1>} : (tensor<3x2xf32>) -> tensor<f32>
// CHECK: %[[SW:.*]] = prim.reduce sum %[[WK]] {dims = array<i64: 0, 1>} : (tensor<3x2xf32>) -> tensor<f32>
// CHECK: %[[M:.*]] = prim.div %[[S]], %[[SW]] : tensor<f32>
// CHECK: return %[[M]]
func.func @nll_mean_weight_ignore(%x: tensor<3x5x2xf32>, %t: tensor<3x2xi64>, %w: tensor<5xf32>) -> !onnx.value {
  %0 = onnx.node "NegativeLogLikelihoodLoss"(%x, %t, %w) {attrs = {ignore_index = -1 : i64}, domain = "", node_name = "l", version = 13 : i64} : (tensor<3x5x2xf32>, tensor<3x2xi64>, tensor<5xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// ignore_index without weights: the counted positions weigh 1.
// CHECK-LABEL: func.func @nll_sum_ignore
// CHECK: %[[KEEP:.*]] = prim.compare ne, %{{.*}}, %{{.*}} : tensor<4xi32>
// CHECK: %[[L:.*]] = prim.select %[[KEEP]], %{{.*}}, %{{.*}} : tensor<4xi1>, tensor<4xf32>
// CHECK: %[[S:.*]] = prim.reduce sum %[[L]] {dims = array<i64: 0>} : (tensor<4xf32>) -> tensor<f32>
// CHECK-NEXT: return %[[S]]
func.func @nll_sum_ignore(%x: tensor<4x3xf32>, %t: tensor<4xi32>) -> !onnx.value {
  %0 = onnx.node "NegativeLogLikelihoodLoss"(%x, %t) {attrs = {ignore_index = 2 : i64, reduction = "sum"}, domain = "", node_name = "l", version = 12 : i64} : (tensor<4x3xf32>, tensor<4xi32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// A dynamic batch: the mean divides by the target's run-time element count.
// CHECK-LABEL: func.func @nll_mean_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<?x5xf32>, %[[T:.*]]: tensor<?xi32>) -> tensor<f32>
// CHECK: %[[G:.*]] = prim.gather %{{.*}}, %{{.*}} {axis = 0 : i64} : (tensor<?xf32>, tensor<?x1xi64>) -> tensor<?x1xf32>
// CHECK: %[[S:.*]] = prim.reduce sum %{{.*}} {dims = array<i64: 0>} : (tensor<?xf32>) -> tensor<f32>
// CHECK: %[[N:.*]] = prim.dim %[[T]] {dim = 0 : i64} : tensor<?xi32>
// CHECK: %[[NT:.*]] = prim.from_sizes %[[N]] : tensor<i64>
// CHECK: %[[NF:.*]] = prim.convert %[[NT]] : (tensor<i64>) -> tensor<f32>
// CHECK: %[[M:.*]] = prim.div %[[S]], %[[NF]] : tensor<f32>
// CHECK: return %[[M]]
func.func @nll_mean_dynamic(%x: tensor<?x5xf32>, %t: tensor<?xi32>) -> !onnx.value {
  %0 = onnx.node "NegativeLogLikelihoodLoss"(%x, %t) {attrs = {}, domain = "", node_name = "l", version = 12 : i64} : (tensor<?x5xf32>, tensor<?xi32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// SoftmaxCrossEntropyLoss: the loss of the log-softmax over dim 1 (max-
// shifted), which is also the log_prob output.
// CHECK-LABEL: func.func @sce_sum_log_prob
// CHECK-SAME: (%[[X:.*]]: tensor<3x5xf32>, %[[T:.*]]: tensor<3xi64>) -> (tensor<f32>, tensor<3x5xf32>)
// CHECK: prim.reduce max %[[X]] {dims = array<i64: 1>}
// CHECK: %[[SH:.*]] = prim.sub %[[X]], %{{.*}} : tensor<3x5xf32>
// CHECK: prim.exp %[[SH]]
// CHECK: prim.log
// CHECK: %[[LP:.*]] = prim.sub %[[SH]], %{{.*}} : tensor<3x5xf32>
// CHECK: %[[FLAT:.*]] = prim.reshape %[[LP]] : (tensor<3x5xf32>) -> tensor<15xf32>
// CHECK: prim.gather %[[FLAT]]
// CHECK: %[[S:.*]] = prim.reduce sum %{{.*}} {dims = array<i64: 0>} : (tensor<3xf32>) -> tensor<f32>
// CHECK: return %[[S]], %[[LP]]
func.func @sce_sum_log_prob(%x: tensor<3x5xf32>, %t: tensor<3xi64>) -> (!onnx.value, !onnx.value) {
  %0:2 = onnx.node "SoftmaxCrossEntropyLoss"(%x, %t) {attrs = {reduction = "sum"}, domain = "", node_name = "l", version = 13 : i64} : (tensor<3x5xf32>, tensor<3xi64>) -> (!onnx.value, !onnx.value)
  return %0#0, %0#1 : !onnx.value, !onnx.value
}
