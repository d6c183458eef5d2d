// RUN: dlc-opt %s -convert-onnx-to-prim -split-input-file | FileCheck %s

// MaxPool, AveragePool, GlobalAveragePool, GlobalMaxPool.

// 5 wide, window 2, stride 2, floor mode: 2 outputs, no padding.
// CHECK-LABEL: func.func @maxpool_floor
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x5x5xf32>) -> tensor<1x2x2x2xf32>
// CHECK-NOT: prim.pad
// CHECK: %[[R:.*]] = prim.reduce_window max %[[X]] {dilations = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1, 2, 2>, window = array<i64: 1, 1, 2, 2>} : (tensor<1x2x5x5xf32>) -> tensor<1x2x2x2xf32>
// CHECK: return %[[R]]
func.func @maxpool_floor(%x: tensor<1x2x5x5xf32>) -> !onnx.value {
  %0 = onnx.node "MaxPool"(%x) {attrs = {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>}, domain = "", node_name = "n", version = 12 : i64} : (tensor<1x2x5x5xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// ceil_mode: 3 outputs; the last window reads one -inf padding element.
// CHECK-LABEL: func.func @maxpool_ceil
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x5x5xf32>) -> tensor<1x2x3x3xf32>
// CHECK: %[[P:.*]] = prim.pad %[[X]] {high = array<i64: 0, 0, 1, 1>, low = array<i64: 0, 0, 0, 0>, value = 0xFF800000 : f32} : (tensor<1x2x5x5xf32>) -> tensor<1x2x6x6xf32>
// CHECK: %[[R:.*]] = prim.reduce_window max %[[P]] {dilations = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1, 2, 2>, window = array<i64: 1, 1, 2, 2>} : (tensor<1x2x6x6xf32>) -> tensor<1x2x3x3xf32>
// CHECK: return %[[R]]
func.func @maxpool_ceil(%x: tensor<1x2x5x5xf32>) -> !onnx.value {
  %0 = onnx.node "MaxPool"(%x) {attrs = {ceil_mode = 1 : i64, kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>}, domain = "", node_name = "n", version = 12 : i64} : (tensor<1x2x5x5xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// ceil_mode changes nothing where the windows fit exactly.
// CHECK-LABEL: func.func @maxpool_ceil_exact
// CHECK-NOT: prim.pad
// CHECK: prim.reduce_window max {{.*}} -> tensor<1x1x3x3xf32>
func.func @maxpool_ceil_exact(%x: tensor<1x1x7x7xf32>) -> !onnx.value {
  %0 = onnx.node "MaxPool"(%x) {attrs = {ceil_mode = 1 : i64, kernel_shape = array<i64: 3, 3>, strides = array<i64: 2, 2>}, domain = "", node_name = "n", version = 12 : i64} : (tensor<1x1x7x7xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// ceil_mode never starts a window in the end padding: 5 wide + 1 + 1 pads,
// window 2, stride 2: ceil((7 - 2) / 2) + 1 = 4, but the 4th window would
// start at 6 >= 5 + 1, inside the end padding, so there are 3.
// CHECK-LABEL: func.func @maxpool_ceil_pads
// CHECK: prim.pad %{{.*}} {high = array<i64: 0, 0, 1, 1>, low = array<i64: 0, 0, 1, 1>, value = 0xFF800000 : f32} : (tensor<1x1x5x5xf32>) -> tensor<1x1x7x7xf32>
// CHECK: prim.reduce_window max {{.*}} -> tensor<1x1x3x3xf32>
func.func @maxpool_ceil_pads(%x: tensor<1x1x5x5xf32>) -> !onnx.value {
  %0 = onnx.node "MaxPool"(%x) {attrs = {ceil_mode = 1 : i64, kernel_shape = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}, domain = "", node_name = "n", version = 12 : i64} : (tensor<1x1x5x5xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// 1-D integer pooling pads with the type's lowest value.
// CHECK-LABEL: func.func @maxpool_1d_int8
// CHECK-SAME: (%[[X:.*]]: tensor<1x2x6xi8>) -> tensor<1x2x3xi8>
// CHECK: %[[P:.*]] = prim.pad %[[X]] {high = array<i64: 0, 0, 1>, low = array<i64: 0, 0, 1>, value = -128 : i8} : (tensor<1x2x6xi8>) -> tensor<1x2x8xi8>
// CHECK: prim.reduce_window max %[[P]] {dilations = array<i64: 1, 1, 1>, strides = array<i64: 1, 1, 2>, window = array<i64: 1, 1, 3>} : (tensor<1x2x8xi8>) -> tensor<1x2x3xi8>
func.func @maxpool_1d_int8(%x: tensor<1x2x6xi8>) -> !onnx.value {
  %0 = onnx.node "MaxPool"(%x) {attrs = {kernel_shape = array<i64: 3>, pads = array<i64: 1, 1>, strides = array<i64: 2>}, domain = "", node_name = "n", version = 12 : i64} : (tensor<1x2x6xi8>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Dilated MaxPool (opset 10+), SAME_UPPER padding.
// CHECK-LABEL: func.func @maxpool_dilated_same
// CHECK: prim.pad %{{.*}} {high = array<i64: 0, 0, 1, 1>, low = array<i64: 0, 0, 1, 1>, value = 0xFF800000 : f32} : (tensor<1x1x5x5xf32>) -> tensor<1x1x7x7xf32>
// CHECK: prim.reduce_window max {{.*}} {dilations = array<i64: 1, 1, 2, 2>, strides = array<i64: 1, 1, 1, 1>, window = array<i64: 1, 1, 2, 2>} : (tensor<1x1x7x7xf32>) -> tensor<1x1x5x5xf32>
func.func @maxpool_dilated_same(%x: tensor<1x1x5x5xf32>) -> !onnx.value {
  %0 = onnx.node "MaxPool"(%x) {attrs = {auto_pad = "SAME_UPPER", dilations = array<i64: 2, 2>, kernel_shape = array<i64: 2, 2>}, domain = "", node_name = "n", version = 12 : i64} : (tensor<1x1x5x5xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// count_include_pad = 0 (default): 4 wide, pads 1, window 3, stride 2. The
// first window covers 2 real elements per dim, the second 3: per-dim
// counts [2, 3], broadcast along H and along W and multiplied, giving the
// divisors [[4, 6], [6, 9]].
// CHECK-LABEL: func.func @avgpool_exclude_pad
// CHECK-SAME: (%[[X:.*]]: tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32>
// CHECK: %[[P:.*]] = prim.pad %[[X]] {high = array<i64: 0, 0, 1, 1>, low = array<i64: 0, 0, 1, 1>, value = 0.000000e+00 : f32} : (tensor<1x1x4x4xf32>) -> tensor<1x1x6x6xf32>
// CHECK: %[[S:.*]] = prim.reduce_window sum %[[P]] {dilations = array<i64: 1, 1, 1, 1>, strides = array<i64: 1, 1, 2, 2>, window = array<i64: 1, 1, 3, 3>} : (tensor<1x1x6x6xf32>) -> tensor<1x1x2x2xf32>
// CHECK: %[[C1:.*]] = arith.constant dense<[2.000000e+00, 3.000000e+00]> : tensor<2xf32>
// CHECK: %[[CH:.*]] = prim.broadcast_in_dim %[[C1]] {dims = array<i64: 2>} : (tensor<2xf32>) -> tensor<1x1x2x2xf32>
// CHECK: %[[C2:.*]] = arith.constant dense<[2.000000e+00, 3.000000e+00]> : tensor<2xf32>
// CHECK: %[[CW:.*]] = prim.broadcast_in_dim %[[C2]] {dims = array<i64: 3>} : (tensor<2xf32>) -> tensor<1x1x2x2xf32>
// CHECK: %[[D:.*]] = prim.mul %[[CH]], %[[CW]] : tensor<1x1x2x2xf32>
// CHECK: %[[R:.*]] = prim.div %[[S]], %[[D]] : tensor<1x1x2x2xf32>
// CHECK: return %[[R]]
func.func @avgpool_exclude_pad(%x: tensor<1x1x4x4xf32>) -> !onnx.value {
  %0 = onnx.node "AveragePool"(%x) {attrs = {kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}, domain = "", node_name = "n", version = 11 : i64} : (tensor<1x1x4x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// count_include_pad = 1: every window counts all 9 taps.
// CHECK-LABEL: func.func @avgpool_include_pad
// CHECK: %[[S:.*]] = prim.reduce_window sum
// CHECK: %[[C:.*]] = arith.constant dense<9.000000e+00> : tensor<1x1x2x2xf32>
// CHECK: prim.div %[[S]], %[[C]] : tensor<1x1x2x2xf32>
func.func @avgpool_include_pad(%x: tensor<1x1x4x4xf32>) -> !onnx.value {
  %0 = onnx.node "AveragePool"(%x) {attrs = {count_include_pad = 1 : i64, kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}, domain = "", node_name = "n", version = 11 : i64} : (tensor<1x1x4x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Asymmetric: pads only at the end of W; window 2x2 over 2x3 padded to 2x4.
// Counts: H all 2 (a scalar factor); W windows [0,1] and [2,3] cover 2 and
// 1 real taps.
// CHECK-LABEL: func.func @avgpool_asymmetric
// CHECK: prim.pad %{{.*}} {high = array<i64: 0, 0, 0, 1>, low = array<i64: 0, 0, 0, 0>, value = 0.000000e+00 : f32} : (tensor<1x1x2x3xf32>) -> tensor<1x1x2x4xf32>
// CHECK: %[[W:.*]] = arith.constant dense<[2.000000e+00, 1.000000e+00]> : tensor<2xf32>
// CHECK: %[[WB:.*]] = prim.broadcast_in_dim %[[W]] {dims = array<i64: 3>} : (tensor<2xf32>) -> tensor<1x1x1x2xf32>
// CHECK: %[[H:.*]] = arith.constant dense<2.000000e+00> : tensor<1x1x1x2xf32>
// CHECK: prim.mul %[[WB]], %[[H]] : tensor<1x1x1x2xf32>
func.func @avgpool_asymmetric(%x: tensor<1x1x2x3xf32>) -> !onnx.value {
  %0 = onnx.node "AveragePool"(%x) {attrs = {kernel_shape = array<i64: 2, 2>, pads = array<i64: 0, 0, 0, 1>, strides = array<i64: 2, 2>}, domain = "", node_name = "n", version = 11 : i64} : (tensor<1x1x2x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Without padding every window is full.
// CHECK-LABEL: func.func @avgpool_no_pads
// CHECK-NOT: prim.pad
// CHECK: arith.constant dense<4.000000e+00> : tensor<1x3x2x2xf32>
func.func @avgpool_no_pads(%x: tensor<1x3x4x4xf32>) -> !onnx.value {
  %0 = onnx.node "AveragePool"(%x) {attrs = {kernel_shape = array<i64: 2, 2>, strides = array<i64: 2, 2>}, domain = "", node_name = "n", version = 19 : i64} : (tensor<1x3x4x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// CHECK-LABEL: func.func @global_pools
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4x5xf32>) -> (tensor<2x3x1x1xf32>, tensor<2x3x1x1xf32>)
// CHECK: %[[S:.*]] = prim.reduce sum %[[X]] {dims = array<i64: 2, 3>} : (tensor<2x3x4x5xf32>) -> tensor<2x3xf32>
// CHECK: %[[SR:.*]] = prim.reshape %[[S]] : (tensor<2x3xf32>) -> tensor<2x3x1x1xf32>
// CHECK: %[[N:.*]] = arith.constant dense<2.000000e+01> : tensor<2x3x1x1xf32>
// CHECK: %[[AVG:.*]] = prim.div %[[SR]], %[[N]] : tensor<2x3x1x1xf32>
// CHECK: %[[M:.*]] = prim.reduce max %[[X]] {dims = array<i64: 2, 3>} : (tensor<2x3x4x5xf32>) -> tensor<2x3xf32>
// CHECK: %[[MR:.*]] = prim.reshape %[[M]] : (tensor<2x3xf32>) -> tensor<2x3x1x1xf32>
// CHECK: return %[[AVG]], %[[MR]]
func.func @global_pools(%x: tensor<2x3x4x5xf32>) -> (!onnx.value, !onnx.value) {
  %0 = onnx.node "GlobalAveragePool"(%x) {attrs = {}, domain = "", node_name = "n0", version = 1 : i64} : (tensor<2x3x4x5xf32>) -> !onnx.value
  %1 = onnx.node "GlobalMaxPool"(%x) {attrs = {}, domain = "", node_name = "n1", version = 1 : i64} : (tensor<2x3x4x5xf32>) -> !onnx.value
  return %0, %1 : !onnx.value, !onnx.value
}

// -----

// MaxPool's Indices: an argmax window gives the index into the padded
// input, which is unraveled (div/sub per dim), shifted by the low pads and
// raveled over the unpadded [1, 1, 4, 4] (strides 1, 4, 16, 16).
// CHECK-LABEL: func.func @maxpool_indices
// CHECK: %[[P:.*]] = prim.pad %arg0 {high = array<i64: 0, 0, 1, 1>, low = array<i64: 0, 0, 1, 1>
// CHECK: %[[V:.*]] = prim.reduce_window max %[[P]]
// CHECK: %[[A:.*]] = prim.reduce_window argmax %[[P]] {{.*}} : (tensor<1x1x6x6xf32>) -> tensor<1x1x3x3xi64>
// CHECK: prim.div %[[A]], %{{.*}} : tensor<1x1x3x3xi64>
// CHECK: prim.mul
// CHECK: prim.sub
// CHECK: return %[[V]], %{{.*}} : tensor<1x1x3x3xf32>, tensor<1x1x3x3xi64>
func.func @maxpool_indices(%x: tensor<1x1x4x4xf32>) -> (!onnx.value, !onnx.value) {
  %0:2 = onnx.node "MaxPool"(%x) {attrs = {kernel_shape = array<i64: 2, 2>, pads = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>}, domain = "", node_name = "p", version = 12 : i64} : (tensor<1x1x4x4xf32>) -> (!onnx.value, !onnx.value)
  return %0#0, %0#1 : !onnx.value, !onnx.value
}
