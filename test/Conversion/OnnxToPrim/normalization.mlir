// RUN: dlc-opt %s -convert-onnx-to-prim -split-input-file | FileCheck %s

// Softmax, LogSoftmax, Hardmax, BatchNormalization, LayerNormalization.

// Before opset 13, Softmax flattens the input to 2-D at axis (default 1) and
// normalizes each row: [2, 3, 4] -> [2, 12].
// CHECK-LABEL: func.func @softmax_opset11
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
// CHECK: %[[F:.*]] = prim.reshape %[[X]] : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
// CHECK: %[[M:.*]] = prim.reduce max %[[F]] {dims = array<i64: 1>} : (tensor<2x12xf32>) -> tensor<2xf32>
// CHECK: %[[MK:.*]] = prim.reshape %[[M]] : (tensor<2xf32>) -> tensor<2x1xf32>
// CHECK: %[[MB:.*]] = prim.broadcast_in_dim %[[MK]] {dims = array<i64: 0, 1>} : (tensor<2x1xf32>) -> tensor<2x12xf32>
// CHECK: %[[SH:.*]] = prim.sub %[[F]], %[[MB]] : tensor<2x12xf32>
// CHECK: %[[E:.*]] = prim.exp %[[SH]] : tensor<2x12xf32>
// CHECK: %[[S:.*]] = prim.reduce sum %[[E]] {dims = array<i64: 1>} : (tensor<2x12xf32>) -> tensor<2xf32>
// CHECK: %[[SK:.*]] = prim.reshape %[[S]] : (tensor<2xf32>) -> tensor<2x1xf32>
// CHECK: %[[SB:.*]] = prim.broadcast_in_dim %[[SK]] {dims = array<i64: 0, 1>} : (tensor<2x1xf32>) -> tensor<2x12xf32>
// CHECK: %[[D:.*]] = prim.div %[[E]], %[[SB]] : tensor<2x12xf32>
// CHECK: %[[R:.*]] = prim.reshape %[[D]] : (tensor<2x12xf32>) -> tensor<2x3x4xf32>
// CHECK: return %[[R]]
func.func @softmax_opset11(%x: tensor<2x3x4xf32>) -> !onnx.value {
  %0 = onnx.node "Softmax"(%x) {attrs = {}, domain = "", node_name = "n", version = 11 : i64} : (tensor<2x3x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Opset 11 with axis = 2: [2, 3, 4] -> [6, 4].
// CHECK-LABEL: func.func @softmax_opset11_axis2
// CHECK: prim.reshape %{{.*}} : (tensor<2x3x4xf32>) -> tensor<6x4xf32>
// CHECK: prim.reduce max %{{.*}} {dims = array<i64: 1>} : (tensor<6x4xf32>) -> tensor<6xf32>
// CHECK: prim.reshape %{{.*}} : (tensor<6x4xf32>) -> tensor<2x3x4xf32>
func.func @softmax_opset11_axis2(%x: tensor<2x3x4xf32>) -> !onnx.value {
  %0 = onnx.node "Softmax"(%x) {attrs = {axis = 2 : i64}, domain = "", node_name = "n", version = 11 : i64} : (tensor<2x3x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// From opset 13, Softmax normalizes along one axis (default -1), no flattening.
// CHECK-LABEL: func.func @softmax_opset13_default_axis
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
// CHECK-NOT: tensor<2x12xf32>
// CHECK: %[[M:.*]] = prim.reduce max %[[X]] {dims = array<i64: 2>} : (tensor<2x3x4xf32>) -> tensor<2x3xf32>
// CHECK: prim.reshape %[[M]] : (tensor<2x3xf32>) -> tensor<2x3x1xf32>
// CHECK: %[[E:.*]] = prim.exp
// CHECK: prim.reduce sum %[[E]] {dims = array<i64: 2>} : (tensor<2x3x4xf32>) -> tensor<2x3xf32>
// CHECK: %[[D:.*]] = prim.div %[[E]], %{{.*}} : tensor<2x3x4xf32>
// CHECK-NEXT: return %[[D]]
func.func @softmax_opset13_default_axis(%x: tensor<2x3x4xf32>) -> !onnx.value {
  %0 = onnx.node "Softmax"(%x) {attrs = {}, domain = "", node_name = "n", version = 13 : i64} : (tensor<2x3x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// CHECK-LABEL: func.func @softmax_opset13_axis1
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
// CHECK: %[[M:.*]] = prim.reduce max %[[X]] {dims = array<i64: 1>} : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
// CHECK: %[[MK:.*]] = prim.reshape %[[M]] : (tensor<2x4xf32>) -> tensor<2x1x4xf32>
// CHECK: %[[MB:.*]] = prim.broadcast_in_dim %[[MK]] {dims = array<i64: 0, 1, 2>} : (tensor<2x1x4xf32>) -> tensor<2x3x4xf32>
// CHECK: prim.sub %[[X]], %[[MB]] : tensor<2x3x4xf32>
// CHECK: prim.reduce sum %{{.*}} {dims = array<i64: 1>} : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
// CHECK-NOT: prim.reshape {{.*}} -> tensor<2x3x4xf32>
// CHECK: return
func.func @softmax_opset13_axis1(%x: tensor<2x3x4xf32>) -> !onnx.value {
  %0 = onnx.node "Softmax"(%x) {attrs = {axis = 1 : i64}, domain = "", node_name = "n", version = 13 : i64} : (tensor<2x3x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Opset 13 handles a dynamic batch dim.
// CHECK-LABEL: func.func @softmax_opset13_dynamic
// CHECK: prim.reduce max %{{.*}} {dims = array<i64: 1>} : (tensor<?x10xf32>) -> tensor<?xf32>
// CHECK: %[[D:.*]] = prim.div {{.*}} : tensor<?x10xf32>
// CHECK: return %[[D]] : tensor<?x10xf32>
func.func @softmax_opset13_dynamic(%x: tensor<?x10xf32>) -> !onnx.value {
  %0 = onnx.node "Softmax"(%x) {attrs = {}, domain = "", node_name = "n", version = 13 : i64} : (tensor<?x10xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// LogSoftmax: (x - max) - log(sum(exp(x - max))).
// CHECK-LABEL: func.func @log_softmax_opset13
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK: %[[SH:.*]] = prim.sub %[[X]], %{{.*}} : tensor<2x3xf32>
// CHECK: %[[E:.*]] = prim.exp %[[SH]] : tensor<2x3xf32>
// CHECK: %[[S:.*]] = prim.reduce sum %[[E]] {dims = array<i64: 1>} : (tensor<2x3xf32>) -> tensor<2xf32>
// CHECK: %[[SK:.*]] = prim.reshape %[[S]] : (tensor<2xf32>) -> tensor<2x1xf32>
// CHECK: %[[L:.*]] = prim.log %[[SK]] : tensor<2x1xf32>
// CHECK: %[[LB:.*]] = prim.broadcast_in_dim %[[L]] {dims = array<i64: 0, 1>} : (tensor<2x1xf32>) -> tensor<2x3xf32>
// CHECK: %[[R:.*]] = prim.sub %[[SH]], %[[LB]] : tensor<2x3xf32>
// CHECK: return %[[R]]
func.func @log_softmax_opset13(%x: tensor<2x3xf32>) -> !onnx.value {
  %0 = onnx.node "LogSoftmax"(%x) {attrs = {}, domain = "", node_name = "n", version = 13 : i64} : (tensor<2x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// LogSoftmax opset 1 flattens like Softmax.
// CHECK-LABEL: func.func @log_softmax_opset1
// CHECK: prim.reshape %{{.*}} : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
// CHECK: prim.log
// CHECK: prim.reshape %{{.*}} : (tensor<2x12xf32>) -> tensor<2x3x4xf32>
func.func @log_softmax_opset1(%x: tensor<2x3x4xf32>) -> !onnx.value {
  %0 = onnx.node "LogSoftmax"(%x) {attrs = {}, domain = "", node_name = "n", version = 1 : i64} : (tensor<2x3x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Hardmax: 1 at the first maximum along the axis. The maxima (or NaNs, as
// numpy's argmax) keep their index, the others get the dim's size, and the
// least index wins.
// CHECK-LABEL: func.func @hardmax_opset13
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>) -> tensor<2x3xf32>
// CHECK: %[[MAX:.*]] = prim.reduce max %[[X]] {dims = array<i64: 0>} : (tensor<2x3xf32>) -> tensor<3xf32>
// CHECK: %[[MAXK:.*]] = prim.reshape %[[MAX]] : (tensor<3xf32>) -> tensor<1x3xf32>
// CHECK: %[[MAXB:.*]] = prim.broadcast_in_dim %[[MAXK]] {dims = array<i64: 0, 1>} : (tensor<1x3xf32>) -> tensor<2x3xf32>
// CHECK: %[[EQ:.*]] = prim.compare eq, %[[X]], %[[MAXB]] : tensor<2x3xf32>
// CHECK: %[[NAN:.*]] = prim.compare ne, %[[X]], %[[X]] : tensor<2x3xf32>
// CHECK: %[[ISMAX:.*]] = prim.max %[[EQ]], %[[NAN]] : tensor<2x3xi1>
// CHECK: %[[IOTA:.*]] = arith.constant dense<[0, 1]> : tensor<2xi64>
// CHECK: %[[COL:.*]] = prim.reshape %[[IOTA]] : (tensor<2xi64>) -> tensor<2x1xi64>
// CHECK: %[[INDEX:.*]] = prim.broadcast_in_dim %[[COL]] {dims = array<i64: 0, 1>} : (tensor<2x1xi64>) -> tensor<2x3xi64>
// CHECK: %[[SIZE:.*]] = arith.constant dense<2> : tensor<2x3xi64>
// CHECK: %[[CAND:.*]] = prim.select %[[ISMAX]], %[[INDEX]], %[[SIZE]] : tensor<2x3xi1>, tensor<2x3xi64>
// CHECK: %[[FIRST:.*]] = prim.reduce min %[[CAND]] {dims = array<i64: 0>} : (tensor<2x3xi64>) -> tensor<3xi64>
// CHECK: %[[FIRSTK:.*]] = prim.reshape %[[FIRST]] : (tensor<3xi64>) -> tensor<1x3xi64>
// CHECK: %[[FIRSTB:.*]] = prim.broadcast_in_dim %[[FIRSTK]] {dims = array<i64: 0, 1>} : (tensor<1x3xi64>) -> tensor<2x3xi64>
// CHECK: %[[HOT:.*]] = prim.compare eq, %[[INDEX]], %[[FIRSTB]] : tensor<2x3xi64>
// CHECK: %[[R:.*]] = prim.convert %[[HOT]] : (tensor<2x3xi1>) -> tensor<2x3xf32>
// CHECK: return %[[R]]
func.func @hardmax_opset13(%x: tensor<2x3xf32>) -> !onnx.value {
  %0 = onnx.node "Hardmax"(%x) {attrs = {axis = 0 : i64}, domain = "", node_name = "n", version = 13 : i64} : (tensor<2x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Before opset 13 Hardmax, like Softmax, works on the input flattened to
// 2-D at axis (default 1).
// CHECK-LABEL: func.func @hardmax_opset11
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
// CHECK: %[[FLAT:.*]] = prim.reshape %[[X]] : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
// CHECK: prim.reduce max %[[FLAT]] {dims = array<i64: 1>} : (tensor<2x12xf32>) -> tensor<2xf32>
// CHECK: %[[IOTA:.*]] = arith.constant dense<[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]> : tensor<12xi64>
// CHECK: prim.broadcast_in_dim %[[IOTA]] {dims = array<i64: 1>} : (tensor<12xi64>) -> tensor<2x12xi64>
// CHECK: arith.constant dense<12> : tensor<2x12xi64>
// CHECK: prim.reduce min %{{.*}} {dims = array<i64: 1>} : (tensor<2x12xi64>) -> tensor<2xi64>
// CHECK: %[[HOT:.*]] = prim.convert %{{.*}} : (tensor<2x12xi1>) -> tensor<2x12xf32>
// CHECK: %[[R:.*]] = prim.reshape %[[HOT]] : (tensor<2x12xf32>) -> tensor<2x3x4xf32>
// CHECK: return %[[R]]
func.func @hardmax_opset11(%x: tensor<2x3x4xf32>) -> !onnx.value {
  %0 = onnx.node "Hardmax"(%x) {attrs = {}, domain = "", node_name = "n", version = 11 : i64} : (tensor<2x3x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Inference BatchNormalization folds into y = x * a + c per channel with
// a = scale / sqrt(var + eps) and c = B - mean * a.
// CHECK-LABEL: func.func @batch_norm
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4x4xf32>, %[[SCALE:.*]]: tensor<3xf32>, %[[B:.*]]: tensor<3xf32>, %[[MEAN:.*]]: tensor<3xf32>, %[[VAR:.*]]: tensor<3xf32>) -> tensor<2x3x4x4xf32>
// CHECK: %[[EPS:.*]] = arith.constant dense<1.000000e-03> : tensor<3xf32>
// CHECK: %[[VE:.*]] = prim.add %[[VAR]], %[[EPS]] : tensor<3xf32>
// CHECK: %[[SD:.*]] = prim.sqrt %[[VE]] : tensor<3xf32>
// CHECK: %[[A:.*]] = prim.div %[[SCALE]], %[[SD]] : tensor<3xf32>
// CHECK: %[[MA:.*]] = prim.mul %[[MEAN]], %[[A]] : tensor<3xf32>
// CHECK: %[[C:.*]] = prim.sub %[[B]], %[[MA]] : tensor<3xf32>
// CHECK: %[[AR:.*]] = prim.reshape %[[A]] : (tensor<3xf32>) -> tensor<3x1x1xf32>
// CHECK: %[[AB:.*]] = prim.broadcast_in_dim %[[AR]] {dims = array<i64: 1, 2, 3>} : (tensor<3x1x1xf32>) -> tensor<2x3x4x4xf32>
// CHECK: %[[XA:.*]] = prim.mul %[[X]], %[[AB]] : tensor<2x3x4x4xf32>
// CHECK: %[[CR:.*]] = prim.reshape %[[C]] : (tensor<3xf32>) -> tensor<3x1x1xf32>
// CHECK: %[[CB:.*]] = prim.broadcast_in_dim %[[CR]] {dims = array<i64: 1, 2, 3>} : (tensor<3x1x1xf32>) -> tensor<2x3x4x4xf32>
// CHECK: %[[Y:.*]] = prim.add %[[XA]], %[[CB]] : tensor<2x3x4x4xf32>
// CHECK: return %[[Y]]
func.func @batch_norm(%x: tensor<2x3x4x4xf32>, %s: tensor<3xf32>, %b: tensor<3xf32>, %m: tensor<3xf32>, %v: tensor<3xf32>) -> !onnx.value {
  %0 = onnx.node "BatchNormalization"(%x, %s, %b, %m, %v) {attrs = {epsilon = 1.000000e-03 : f32}, domain = "", node_name = "n", version = 15 : i64} : (tensor<2x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Default epsilon 1e-5; [N, C] input (BatchNorm1d without length); explicit
// training_mode = 0.
// CHECK-LABEL: func.func @batch_norm_2d_default_eps
// CHECK-SAME: (%[[X:.*]]: tensor<8x3xf32>
// CHECK: arith.constant dense<9.99999974E-6> : tensor<3xf32>
// CHECK: %[[AB:.*]] = prim.broadcast_in_dim %{{.*}} {dims = array<i64: 1>} : (tensor<3xf32>) -> tensor<8x3xf32>
// CHECK: prim.mul %[[X]], %[[AB]] : tensor<8x3xf32>
func.func @batch_norm_2d_default_eps(%x: tensor<8x3xf32>, %s: tensor<3xf32>, %b: tensor<3xf32>, %m: tensor<3xf32>, %v: tensor<3xf32>) -> !onnx.value {
  %0 = onnx.node "BatchNormalization"(%x, %s, %b, %m, %v) {attrs = {training_mode = 0 : i64}, domain = "", node_name = "n", version = 15 : i64} : (tensor<8x3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Opset 6 with is_test = 1 and unused extra outputs.
// CHECK-LABEL: func.func @batch_norm_opset6
// CHECK: prim.sqrt
// CHECK: %[[Y:.*]] = prim.add {{.*}} : tensor<1x2x3x3xf32>
// CHECK: return %[[Y]]
func.func @batch_norm_opset6(%x: tensor<1x2x3x3xf32>, %s: tensor<2xf32>, %b: tensor<2xf32>, %m: tensor<2xf32>, %v: tensor<2xf32>) -> !onnx.value {
  %0:5 = onnx.node "BatchNormalization"(%x, %s, %b, %m, %v) {attrs = {is_test = 1 : i64}, domain = "", node_name = "n", version = 6 : i64} : (tensor<1x2x3x3xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>, tensor<2xf32>) -> (!onnx.value, !onnx.value, !onnx.value, !onnx.value, !onnx.value)
  return %0#0 : !onnx.value
}

// -----

// LayerNormalization over the last axis: mean and variance as sums divided by
// the count (4), then scale and bias broadcast from the right.
// CHECK-LABEL: func.func @layer_norm
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>, %[[S:.*]]: tensor<4xf32>, %[[B:.*]]: tensor<4xf32>) -> tensor<2x3x4xf32>
// CHECK: %[[SUM:.*]] = prim.reduce sum %[[X]] {dims = array<i64: 2>} : (tensor<2x3x4xf32>) -> tensor<2x3xf32>
// CHECK: %[[SUMK:.*]] = prim.reshape %[[SUM]] : (tensor<2x3xf32>) -> tensor<2x3x1xf32>
// CHECK: %[[N:.*]] = arith.constant dense<4.000000e+00> : tensor<2x3x1xf32>
// CHECK: %[[MEAN:.*]] = prim.div %[[SUMK]], %[[N]] : tensor<2x3x1xf32>
// CHECK: %[[MB:.*]] = prim.broadcast_in_dim %[[MEAN]] {dims = array<i64: 0, 1, 2>} : (tensor<2x3x1xf32>) -> tensor<2x3x4xf32>
// CHECK: %[[XC:.*]] = prim.sub %[[X]], %[[MB]] : tensor<2x3x4xf32>
// CHECK: %[[SQ:.*]] = prim.mul %[[XC]], %[[XC]] : tensor<2x3x4xf32>
// CHECK: prim.reduce sum %[[SQ]] {dims = array<i64: 2>}
// CHECK: %[[VAR:.*]] = prim.div %{{.*}}, %{{.*}} : tensor<2x3x1xf32>
// CHECK: %[[EPS:.*]] = arith.constant dense<1.000000e-03> : tensor<2x3x1xf32>
// CHECK: %[[VE:.*]] = prim.add %[[VAR]], %[[EPS]] : tensor<2x3x1xf32>
// CHECK: %[[SD:.*]] = prim.sqrt %[[VE]] : tensor<2x3x1xf32>
// CHECK: %[[ONE:.*]] = arith.constant dense<1.000000e+00> : tensor<2x3x1xf32>
// CHECK: %[[INV:.*]] = prim.div %[[ONE]], %[[SD]] : tensor<2x3x1xf32>
// CHECK: %[[IB:.*]] = prim.broadcast_in_dim %[[INV]] {dims = array<i64: 0, 1, 2>}
// CHECK: %[[NORM:.*]] = prim.mul %[[XC]], %[[IB]] : tensor<2x3x4xf32>
// CHECK: %[[SB:.*]] = prim.broadcast_in_dim %[[S]] {dims = array<i64: 2>} : (tensor<4xf32>) -> tensor<2x3x4xf32>
// CHECK: %[[SC:.*]] = prim.mul %[[NORM]], %[[SB]] : tensor<2x3x4xf32>
// CHECK: %[[BB:.*]] = prim.broadcast_in_dim %[[B]] {dims = array<i64: 2>} : (tensor<4xf32>) -> tensor<2x3x4xf32>
// CHECK: %[[Y:.*]] = prim.add %[[SC]], %[[BB]] : tensor<2x3x4xf32>
// CHECK: return %[[Y]]
func.func @layer_norm(%x: tensor<2x3x4xf32>, %s: tensor<4xf32>, %b: tensor<4xf32>) -> !onnx.value {
  %0 = onnx.node "LayerNormalization"(%x, %s, %b) {attrs = {axis = -1 : i64, epsilon = 1.000000e-03 : f32}, domain = "", node_name = "n", version = 17 : i64} : (tensor<2x3x4xf32>, tensor<4xf32>, tensor<4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// axis = 1 normalizes over [3, 4] (count 12); without B there is no add. The
// Mean and InvStdDev outputs are the kept-dims statistics.
// CHECK-LABEL: func.func @layer_norm_axis1_outputs
// CHECK-SAME: -> (tensor<2x3x4xf32>, tensor<2x1x1xf32>, tensor<2x1x1xf32>)
// CHECK: prim.reduce sum %{{.*}} {dims = array<i64: 1, 2>} : (tensor<2x3x4xf32>) -> tensor<2xf32>
// CHECK: %[[N:.*]] = arith.constant dense<1.200000e+01> : tensor<2x1x1xf32>
// CHECK: %[[MEAN:.*]] = prim.div %{{.*}}, %[[N]] : tensor<2x1x1xf32>
// CHECK: %[[ONE:.*]] = arith.constant dense<1.000000e+00> : tensor<2x1x1xf32>
// CHECK: %[[INV:.*]] = prim.div %[[ONE]], %{{.*}} : tensor<2x1x1xf32>
// CHECK: %[[SB:.*]] = prim.broadcast_in_dim %{{.*}} {dims = array<i64: 1, 2>} : (tensor<3x4xf32>) -> tensor<2x3x4xf32>
// CHECK: %[[Y:.*]] = prim.mul %{{.*}}, %[[SB]] : tensor<2x3x4xf32>
// CHECK-NOT: prim.add
// CHECK: return %[[Y]], %[[MEAN]], %[[INV]]
func.func @layer_norm_axis1_outputs(%x: tensor<2x3x4xf32>, %s: tensor<3x4xf32>) -> (!onnx.value, !onnx.value, !onnx.value) {
  %0:3 = onnx.node "LayerNormalization"(%x, %s) {attrs = {axis = 1 : i64}, domain = "", node_name = "n", version = 17 : i64} : (tensor<2x3x4xf32>, tensor<3x4xf32>) -> (!onnx.value, !onnx.value, !onnx.value)
  return %0#0, %0#1, %0#2 : !onnx.value, !onnx.value, !onnx.value
}
