// RUN: dlc-opt %s -convert-onnx-to-prim -split-input-file -verify-diagnostics

// Window attributes that would divide by zero or fail prim's type inference
// are the user's error, reported at the node.

func.func @conv_stride_zero(%x: tensor<1x1x4x4xf32>, %w: tensor<1x1x2x2xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'c' (Conv, opset 17): kernel sizes, strides and dilations must be >= 1}}
  %0 = onnx.node "Conv"(%x, %w) {attrs = {strides = array<i64: 0, 1>}, domain = "", node_name = "c", version = 17 : i64} : (tensor<1x1x4x4xf32>, tensor<1x1x2x2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @pool_kernel_zero(%x: tensor<1x1x4x4xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'p' (MaxPool, opset 17): kernel sizes, strides and dilations must be >= 1}}
  %0 = onnx.node "MaxPool"(%x) {attrs = {kernel_shape = array<i64: 0, 2>}, domain = "", node_name = "p", version = 17 : i64} : (tensor<1x1x4x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @pool_dilation_negative(%x: tensor<1x1x4x4xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'p' (AveragePool, opset 19): kernel sizes, strides and dilations must be >= 1}}
  %0 = onnx.node "AveragePool"(%x) {attrs = {kernel_shape = array<i64: 2, 2>, dilations = array<i64: -1, 1>}, domain = "", node_name = "p", version = 19 : i64} : (tensor<1x1x4x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @huge_pads(%x: tensor<1x1x4x4xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'p' (MaxPool, opset 17): pads must be in [0, 2^30]}}
  %0 = onnx.node "MaxPool"(%x) {attrs = {kernel_shape = array<i64: 2, 2>, pads = array<i64: 4611686018427387904, 0, 0, 0>}, domain = "", node_name = "p", version = 17 : i64} : (tensor<1x1x4x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @newer_opset(%x: tensor<4xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'r' (Relu, opset 22): dlc knows ONNX opsets up to 21, an op may have changed since}}
  %0 = onnx.node "Relu"(%x) {attrs = {}, domain = "", node_name = "r", version = 22 : i64} : (tensor<4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @reshape_overflow(%x: tensor<4xf32>) -> !onnx.value {
  %s = arith.constant dense<[5, 3689348814741910324]> : tensor<2xi64>
  // expected-error @+1 {{node 'r' (Reshape, opset 17): shape has too many elements}}
  %0 = onnx.node "Reshape"(%x, %s) {attrs = {}, domain = "", node_name = "r", version = 17 : i64} : (tensor<4xf32>, tensor<2xi64>) -> !onnx.value
  return %0 : !onnx.value
}
