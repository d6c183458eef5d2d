// RUN: dlc-opt %s -convert-onnx-to-prim -canonicalize -cse | FileCheck %s

// ConvTranspose is the convolution it is the gradient of: zeros between the
// input's elements (a reshape, a pad of the new unit dim, a merge, a cut),
// the kernel's extent less the pads, and the filter flipped with its
// channels swapped, folded at compile time for a constant filter.
// CHECK-LABEL: func.func @conv_transpose
// CHECK: %[[W:.*]] = arith.constant dense<{{\[\[\[\[}}4.000000e+00, 3.000000e+00], [2.000000e+00, 1.000000e+00]], {{\[\[}}8.000000e+00, 7.000000e+00], [6.000000e+00, 5.000000e+00]]]]> : tensor<1x2x2x2xf32>
// CHECK: %[[N:.*]] = prim.dim %arg0 {dim = 0 : i64}
// CHECK: prim.reshape %arg0 sizes(%[[N]]) : (tensor<?x2x3x3xf32>) -> tensor<?x2x3x1x3xf32>
// CHECK: prim.pad %{{.*}} {high = array<i64: 0, 0, 0, 1, 0>
// CHECK: prim.dynamic_slice %{{.*}} : (tensor<?x2x6x3xf32>) -> tensor<?x2x5x3xf32>
// CHECK: prim.dynamic_slice %{{.*}} : (tensor<?x2x5x6xf32>) -> tensor<?x2x5x5xf32>
// CHECK: %[[P:.*]] = prim.pad %{{.*}} {high = array<i64: 0, 0, 0, 0>, low = array<i64: 0, 0, 1, 1>
// CHECK: prim.conv %[[P]], %[[W]] {dilations = array<i64: 1, 1>, groups = 1 : i64, strides = array<i64: 1, 1>} : (tensor<?x2x6x6xf32>, tensor<1x2x2x2xf32>) -> tensor<?x1x5x5xf32>
func.func @conv_transpose(%x: tensor<?x2x3x3xf32>) -> !onnx.value {
  %w = arith.constant dense<[[[[1.0, 2.0], [3.0, 4.0]]], [[[5.0, 6.0], [7.0, 8.0]]]]> : tensor<2x1x2x2xf32>
  %0 = onnx.node "ConvTranspose"(%x, %w) {attrs = {strides = array<i64: 2, 2>, pads = array<i64: 0, 0, 1, 1>}, domain = "", node_name = "up", version = 11 : i64} : (tensor<?x2x3x3xf32>, tensor<2x1x2x2xf32>) -> !onnx.value
  return %0 : !onnx.value
}
