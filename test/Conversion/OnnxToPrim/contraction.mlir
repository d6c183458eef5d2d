// RUN: dlc-opt %s -convert-onnx-to-prim -split-input-file | FileCheck %s

// MatMul, Gemm and Conv.

// CHECK-LABEL: func.func @matmul_2d
// CHECK-SAME: (%[[A:.*]]: tensor<3x4xf32>, %[[B:.*]]: tensor<4x5xf32>) -> tensor<3x5xf32>
// CHECK-NEXT: %[[R:.*]] = prim.matmul %[[A]], %[[B]] : (tensor<3x4xf32>, tensor<4x5xf32>) -> tensor<3x5xf32>
// CHECK-NEXT: return %[[R]]
func.func @matmul_2d(%a: tensor<3x4xf32>, %b: tensor<4x5xf32>) -> !onnx.value {
  %0 = onnx.node "MatMul"(%a, %b) {attrs = {}, domain = "", node_name = "n", version = 13 : i64} : (tensor<3x4xf32>, tensor<4x5xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Batch dims broadcast numpy-style: [3, 1] against [5] gives [3, 5].
// CHECK-LABEL: func.func @matmul_batch_broadcast
// CHECK-SAME: (%[[A:.*]]: tensor<3x1x2x4xf32>, %[[B:.*]]: tensor<5x4x6xf32>) -> tensor<3x5x2x6xf32>
// CHECK-DAG: %[[AB:.*]] = prim.broadcast_in_dim %[[A]] {dims = array<i64: 0, 1, 2, 3>} : (tensor<3x1x2x4xf32>) -> tensor<3x5x2x4xf32>
// CHECK-DAG: %[[BB:.*]] = prim.broadcast_in_dim %[[B]] {dims = array<i64: 1, 2, 3>} : (tensor<5x4x6xf32>) -> tensor<3x5x4x6xf32>
// CHECK: %[[R:.*]] = prim.matmul %[[AB]], %[[BB]] : (tensor<3x5x2x4xf32>, tensor<3x5x4x6xf32>) -> tensor<3x5x2x6xf32>
// CHECK: return %[[R]]
func.func @matmul_batch_broadcast(%a: tensor<3x1x2x4xf32>, %b: tensor<5x4x6xf32>) -> !onnx.value {
  %0 = onnx.node "MatMul"(%a, %b) {attrs = {}, domain = "", node_name = "n", version = 13 : i64} : (tensor<3x1x2x4xf32>, tensor<5x4x6xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// A 1-D left operand is a row [1, K] whose M dim is dropped afterwards.
// CHECK-LABEL: func.func @matmul_vector_matrix
// CHECK-SAME: (%[[A:.*]]: tensor<4xf32>, %[[B:.*]]: tensor<2x4x5xf32>) -> tensor<2x5xf32>
// CHECK: %[[ROW:.*]] = prim.reshape %[[A]] : (tensor<4xf32>) -> tensor<1x4xf32>
// CHECK: %[[AB:.*]] = prim.broadcast_in_dim %[[ROW]] {dims = array<i64: 1, 2>} : (tensor<1x4xf32>) -> tensor<2x1x4xf32>
// CHECK: %[[P:.*]] = prim.matmul %[[AB]], %[[B]] : (tensor<2x1x4xf32>, tensor<2x4x5xf32>) -> tensor<2x1x5xf32>
// CHECK: %[[R:.*]] = prim.reshape %[[P]] : (tensor<2x1x5xf32>) -> tensor<2x5xf32>
// CHECK: return %[[R]]
func.func @matmul_vector_matrix(%a: tensor<4xf32>, %b: tensor<2x4x5xf32>) -> !onnx.value {
  %0 = onnx.node "MatMul"(%a, %b) {attrs = {}, domain = "", node_name = "n", version = 13 : i64} : (tensor<4xf32>, tensor<2x4x5xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Vector times vector is a scalar.
// CHECK-LABEL: func.func @matmul_dot
// CHECK-SAME: (%[[A:.*]]: tensor<4xf32>, %[[B:.*]]: tensor<4xf32>) -> tensor<f32>
// CHECK-DAG: %[[ROW:.*]] = prim.reshape %[[A]] : (tensor<4xf32>) -> tensor<1x4xf32>
// CHECK-DAG: %[[COL:.*]] = prim.reshape %[[B]] : (tensor<4xf32>) -> tensor<4x1xf32>
// CHECK: %[[P:.*]] = prim.matmul %[[ROW]], %[[COL]] : (tensor<1x4xf32>, tensor<4x1xf32>) -> tensor<1x1xf32>
// CHECK: %[[R:.*]] = prim.reshape %[[P]] : (tensor<1x1xf32>) -> tensor<f32>
// CHECK: return %[[R]]
func.func @matmul_dot(%a: tensor<4xf32>, %b: tensor<4xf32>) -> !onnx.value {
  %0 = onnx.node "MatMul"(%a, %b) {attrs = {}, domain = "", node_name = "n", version = 13 : i64} : (tensor<4xf32>, tensor<4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// A dynamic M dim passes through.
// CHECK-LABEL: func.func @matmul_dynamic_rows
// CHECK: prim.matmul %{{.*}}, %{{.*}} : (tensor<?x4xf32>, tensor<4x5xf32>) -> tensor<?x5xf32>
func.func @matmul_dynamic_rows(%a: tensor<?x4xf32>, %b: tensor<4x5xf32>) -> !onnx.value {
  %0 = onnx.node "MatMul"(%a, %b) {attrs = {}, domain = "", node_name = "n", version = 13 : i64} : (tensor<?x4xf32>, tensor<4x5xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Y = alpha * A' * B' + beta * C with transposes, scaling and a broadcast C.
// CHECK-LABEL: func.func @gemm_all_attrs
// CHECK-SAME: (%[[A:.*]]: tensor<4x3xf32>, %[[B:.*]]: tensor<5x4xf32>, %[[C:.*]]: tensor<5xf32>) -> tensor<3x5xf32>
// CHECK: %[[AT:.*]] = prim.transpose %[[A]] {permutation = array<i64: 1, 0>} : (tensor<4x3xf32>) -> tensor<3x4xf32>
// CHECK: %[[BT:.*]] = prim.transpose %[[B]] {permutation = array<i64: 1, 0>} : (tensor<5x4xf32>) -> tensor<4x5xf32>
// CHECK: %[[P:.*]] = prim.matmul %[[AT]], %[[BT]] : (tensor<3x4xf32>, tensor<4x5xf32>) -> tensor<3x5xf32>
// CHECK: %[[ALPHA:.*]] = arith.constant dense<2.000000e+00> : tensor<3x5xf32>
// CHECK: %[[PS:.*]] = prim.mul %[[P]], %[[ALPHA]] : tensor<3x5xf32>
// CHECK: %[[CB:.*]] = prim.broadcast_in_dim %[[C]] {dims = array<i64: 1>} : (tensor<5xf32>) -> tensor<3x5xf32>
// CHECK: %[[BETA:.*]] = arith.constant dense<5.000000e-01> : tensor<3x5xf32>
// CHECK: %[[CS:.*]] = prim.mul %[[CB]], %[[BETA]] : tensor<3x5xf32>
// CHECK: %[[Y:.*]] = prim.add %[[PS]], %[[CS]] : tensor<3x5xf32>
// CHECK: return %[[Y]]
func.func @gemm_all_attrs(%a: tensor<4x3xf32>, %b: tensor<5x4xf32>, %c: tensor<5xf32>) -> !onnx.value {
  %0 = onnx.node "Gemm"(%a, %b, %c) {attrs = {alpha = 2.000000e+00 : f32, beta = 5.000000e-01 : f32, transA = 1 : i64, transB = 1 : i64}, domain = "", node_name = "n", version = 13 : i64} : (tensor<4x3xf32>, tensor<5x4xf32>, tensor<5xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Default alpha = beta = 1: no scaling; C of the output shape is added as is.
// CHECK-LABEL: func.func @gemm_defaults
// CHECK-SAME: (%[[A:.*]]: tensor<3x4xf32>, %[[B:.*]]: tensor<4x5xf32>, %[[C:.*]]: tensor<3x5xf32>)
// CHECK-NOT: prim.transpose
// CHECK: %[[P:.*]] = prim.matmul %[[A]], %[[B]]
// CHECK-NOT: prim.mul
// CHECK-NOT: prim.broadcast_in_dim
// CHECK: %[[Y:.*]] = prim.add %[[P]], %[[C]] : tensor<3x5xf32>
// CHECK: return %[[Y]]
func.func @gemm_defaults(%a: tensor<3x4xf32>, %b: tensor<4x5xf32>, %c: tensor<3x5xf32>) -> !onnx.value {
  %0 = onnx.node "Gemm"(%a, %b, %c) {attrs = {}, domain = "", node_name = "n", version = 13 : i64} : (tensor<3x4xf32>, tensor<4x5xf32>, tensor<3x5xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Only transB (the common Linear layer layout), C of shape [1, N].
// CHECK-LABEL: func.func @gemm_transb
// CHECK-SAME: (%[[A:.*]]: tensor<2x4xf32>, %[[B:.*]]: tensor<3x4xf32>, %[[C:.*]]: tensor<1x3xf32>)
// CHECK: %[[BT:.*]] = prim.transpose %[[B]] {permutation = array<i64: 1, 0>} : (tensor<3x4xf32>) -> tensor<4x3xf32>
// CHECK: %[[P:.*]] = prim.matmul %[[A]], %[[BT]] : (tensor<2x4xf32>, tensor<4x3xf32>) -> tensor<2x3xf32>
// CHECK: %[[CB:.*]] = prim.broadcast_in_dim %[[C]] {dims = array<i64: 0, 1>} : (tensor<1x3xf32>) -> tensor<2x3xf32>
// CHECK: prim.add %[[P]], %[[CB]]
func.func @gemm_transb(%a: tensor<2x4xf32>, %b: tensor<3x4xf32>, %c: tensor<1x3xf32>) -> !onnx.value {
  %0 = onnx.node "Gemm"(%a, %b, %c) {attrs = {transB = 1 : i64}, domain = "", node_name = "n", version = 11 : i64} : (tensor<2x4xf32>, tensor<3x4xf32>, tensor<1x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// beta = 0 drops C; so does an absent C.
// CHECK-LABEL: func.func @gemm_beta_zero
// CHECK: %[[P:.*]] = prim.matmul
// CHECK-NEXT: %[[Q:.*]] = prim.matmul
// CHECK-NEXT: return %[[P]], %[[Q]]
func.func @gemm_beta_zero(%a: tensor<3x4xf32>, %b: tensor<4x5xf32>, %c: tensor<3x5xf32>) -> (!onnx.value, !onnx.value) {
  %none = onnx.none
  %0 = onnx.node "Gemm"(%a, %b, %c) {attrs = {beta = 0.000000e+00 : f32}, domain = "", node_name = "n0", version = 13 : i64} : (tensor<3x4xf32>, tensor<4x5xf32>, tensor<3x5xf32>) -> !onnx.value
  %1 = onnx.node "Gemm"(%a, %b, %none) {attrs = {}, domain = "", node_name = "n1", version = 13 : i64} : (tensor<3x4xf32>, tensor<4x5xf32>, none) -> !onnx.value
  return %0, %1 : !onnx.value, !onnx.value
}

// -----

// Explicit pads [top, left, bottom, right], strides, dilations and a bias.
// H: 8 + 1 + 3 = 12, (12 - 3) / 2 + 1 = 5; W: 8 + 2 + 4 = 14, 14 - 5 + 1 = 10.
// CHECK-LABEL: func.func @conv_pads_strides_dilations_bias
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x8x8xf32>, %[[W:.*]]: tensor<4x3x3x3xf32>, %[[B:.*]]: tensor<4xf32>) -> tensor<1x4x5x10xf32>
// CHECK: %[[P:.*]] = prim.pad %[[X]] {high = array<i64: 0, 0, 3, 4>, low = array<i64: 0, 0, 1, 2>, value = 0.000000e+00 : f32} : (tensor<1x3x8x8xf32>) -> tensor<1x3x12x14xf32>
// CHECK: %[[C:.*]] = prim.conv %[[P]], %[[W]] {dilations = array<i64: 1, 2>, groups = 1 : i64, strides = array<i64: 2, 1>} : (tensor<1x3x12x14xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x5x10xf32>
// CHECK: %[[BR:.*]] = prim.reshape %[[B]] : (tensor<4xf32>) -> tensor<4x1x1xf32>
// CHECK: %[[BB:.*]] = prim.broadcast_in_dim %[[BR]] {dims = array<i64: 1, 2, 3>} : (tensor<4x1x1xf32>) -> tensor<1x4x5x10xf32>
// CHECK: %[[Y:.*]] = prim.add %[[C]], %[[BB]] : tensor<1x4x5x10xf32>
// CHECK: return %[[Y]]
func.func @conv_pads_strides_dilations_bias(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>) -> !onnx.value {
  %0 = onnx.node "Conv"(%x, %w, %b) {attrs = {dilations = array<i64: 1, 2>, kernel_shape = array<i64: 3, 3>, pads = array<i64: 1, 2, 3, 4>, strides = array<i64: 2, 1>}, domain = "", node_name = "n", version = 11 : i64} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// No pads: no prim.pad.
// CHECK-LABEL: func.func @conv_no_pads
// CHECK-SAME: (%[[X:.*]]: tensor<1x3x8x8xf32>, %[[W:.*]]: tensor<4x3x3x3xf32>)
// CHECK-NOT: prim.pad
// CHECK: prim.conv %[[X]], %[[W]] {dilations = array<i64: 1, 1>, groups = 1 : i64, strides = array<i64: 1, 1>} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> tensor<1x4x6x6xf32>
func.func @conv_no_pads(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>) -> !onnx.value {
  %0 = onnx.node "Conv"(%x, %w) {attrs = {}, domain = "", node_name = "n", version = 1 : i64} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// SAME_UPPER, 7 wide, kernel 4, stride 2: output 4, total pad
// (4-1)*2 + 4 - 7 = 3, the extra element at the end: low 1, high 2.
// CHECK-LABEL: func.func @conv_same_upper
// CHECK: %[[P:.*]] = prim.pad %{{.*}} {high = array<i64: 0, 0, 2, 2>, low = array<i64: 0, 0, 1, 1>, value = 0.000000e+00 : f32} : (tensor<1x3x7x7xf32>) -> tensor<1x3x10x10xf32>
// CHECK: prim.conv %[[P]], %{{.*}} {dilations = array<i64: 1, 1>, groups = 1 : i64, strides = array<i64: 2, 2>} : (tensor<1x3x10x10xf32>, tensor<4x3x4x4xf32>) -> tensor<1x4x4x4xf32>
func.func @conv_same_upper(%x: tensor<1x3x7x7xf32>, %w: tensor<4x3x4x4xf32>) -> !onnx.value {
  %0 = onnx.node "Conv"(%x, %w) {attrs = {auto_pad = "SAME_UPPER", strides = array<i64: 2, 2>}, domain = "", node_name = "n", version = 11 : i64} : (tensor<1x3x7x7xf32>, tensor<4x3x4x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// SAME_LOWER puts the extra element at the beginning: low 2, high 1.
// CHECK-LABEL: func.func @conv_same_lower
// CHECK: %[[P:.*]] = prim.pad %{{.*}} {high = array<i64: 0, 0, 1, 1>, low = array<i64: 0, 0, 2, 2>, value = 0.000000e+00 : f32} : (tensor<1x3x7x7xf32>) -> tensor<1x3x10x10xf32>
// CHECK: prim.conv %[[P]], %{{.*}} -> tensor<1x4x4x4xf32>
func.func @conv_same_lower(%x: tensor<1x3x7x7xf32>, %w: tensor<4x3x4x4xf32>) -> !onnx.value {
  %0 = onnx.node "Conv"(%x, %w) {attrs = {auto_pad = "SAME_LOWER", strides = array<i64: 2, 2>}, domain = "", node_name = "n", version = 11 : i64} : (tensor<1x3x7x7xf32>, tensor<4x3x4x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Stride 1, odd kernel: SAME keeps the size with symmetric pads.
// CHECK-LABEL: func.func @conv_same_upper_symmetric
// CHECK: prim.pad %{{.*}} {high = array<i64: 0, 0, 1, 1>, low = array<i64: 0, 0, 1, 1>, value = 0.000000e+00 : f32} : (tensor<1x2x5x5xf32>) -> tensor<1x2x7x7xf32>
// CHECK: prim.conv {{.*}} -> tensor<1x2x5x5xf32>
func.func @conv_same_upper_symmetric(%x: tensor<1x2x5x5xf32>, %w: tensor<2x2x3x3xf32>) -> !onnx.value {
  %0 = onnx.node "Conv"(%x, %w) {attrs = {auto_pad = "SAME_UPPER"}, domain = "", node_name = "n", version = 11 : i64} : (tensor<1x2x5x5xf32>, tensor<2x2x3x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// VALID means no padding, whatever pads says.
// CHECK-LABEL: func.func @conv_valid
// CHECK-NOT: prim.pad
// CHECK: prim.conv {{.*}} -> tensor<1x4x5x5xf32>
func.func @conv_valid(%x: tensor<1x3x7x7xf32>, %w: tensor<4x3x3x3xf32>) -> !onnx.value {
  %0 = onnx.node "Conv"(%x, %w) {attrs = {auto_pad = "VALID", pads = array<i64: 1, 1, 1, 1>}, domain = "", node_name = "n", version = 11 : i64} : (tensor<1x3x7x7xf32>, tensor<4x3x3x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Grouped (depthwise-like) convolution: 4 channels in 2 groups, filter
// [6, 2, 3, 3].
// CHECK-LABEL: func.func @conv_groups
// CHECK-SAME: (%[[X:.*]]: tensor<1x4x5x5xf32>, %[[W:.*]]: tensor<6x2x3x3xf32>) -> tensor<1x6x3x3xf32>
// CHECK: prim.conv %[[X]], %[[W]] {dilations = array<i64: 1, 1>, groups = 2 : i64, strides = array<i64: 1, 1>} : (tensor<1x4x5x5xf32>, tensor<6x2x3x3xf32>) -> tensor<1x6x3x3xf32>
func.func @conv_groups(%x: tensor<1x4x5x5xf32>, %w: tensor<6x2x3x3xf32>) -> !onnx.value {
  %0 = onnx.node "Conv"(%x, %w) {attrs = {group = 2 : i64}, domain = "", node_name = "n", version = 11 : i64} : (tensor<1x4x5x5xf32>, tensor<6x2x3x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// A 1-D convolution runs as a 2-D one over height 1.
// CHECK-LABEL: func.func @conv_1d
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x10xf32>, %[[W:.*]]: tensor<4x3x3xf32>, %[[B:.*]]: tensor<4xf32>) -> tensor<2x4x5xf32>
// CHECK-DAG: %[[X4:.*]] = prim.reshape %[[X]] : (tensor<2x3x10xf32>) -> tensor<2x3x1x10xf32>
// CHECK-DAG: %[[W4:.*]] = prim.reshape %[[W]] : (tensor<4x3x3xf32>) -> tensor<4x3x1x3xf32>
// CHECK: %[[P:.*]] = prim.pad %[[X4]] {high = array<i64: 0, 0, 0, 1>, low = array<i64: 0, 0, 0, 1>, value = 0.000000e+00 : f32} : (tensor<2x3x1x10xf32>) -> tensor<2x3x1x12xf32>
// CHECK: %[[C:.*]] = prim.conv %[[P]], %[[W4]] {dilations = array<i64: 1, 1>, groups = 1 : i64, strides = array<i64: 1, 2>} : (tensor<2x3x1x12xf32>, tensor<4x3x1x3xf32>) -> tensor<2x4x1x5xf32>
// CHECK: %[[Y:.*]] = prim.add %[[C]], %{{.*}} : tensor<2x4x1x5xf32>
// CHECK: %[[R:.*]] = prim.reshape %[[Y]] : (tensor<2x4x1x5xf32>) -> tensor<2x4x5xf32>
// CHECK: return %[[R]]
func.func @conv_1d(%x: tensor<2x3x10xf32>, %w: tensor<4x3x3xf32>, %b: tensor<4xf32>) -> !onnx.value {
  %0 = onnx.node "Conv"(%x, %w, %b) {attrs = {pads = array<i64: 1, 1>, strides = array<i64: 2>}, domain = "", node_name = "n", version = 11 : i64} : (tensor<2x3x10xf32>, tensor<4x3x3xf32>, tensor<4xf32>) -> !onnx.value
  return %0 : !onnx.value
}
