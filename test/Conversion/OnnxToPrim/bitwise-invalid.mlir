// RUN: dlc-opt %s -convert-onnx-to-prim -split-input-file -verify-diagnostics

// Bitwise* take integers only (not floats, not bools).

func.func @and_of_float(%a: tensor<2xf32>, %b: tensor<2xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'a' (BitwiseAnd, opset 18): needs integer inputs}}
  %0 = onnx.node "BitwiseAnd"(%a, %b) {attrs = {}, domain = "", node_name = "a", version = 18 : i64} : (tensor<2xf32>, tensor<2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @not_of_bool(%x: tensor<2xi1>) -> !onnx.value {
  // expected-error @+1 {{node 'n' (BitwiseNot, opset 18): needs an integer input}}
  %0 = onnx.node "BitwiseNot"(%x) {attrs = {}, domain = "", node_name = "n", version = 18 : i64} : (tensor<2xi1>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @xor_mixed(%a: tensor<2xi32>, %b: tensor<2xi64>) -> !onnx.value {
  // expected-error @+1 {{node 'x' (BitwiseXor, opset 18): inputs have different element types}}
  %0 = onnx.node "BitwiseXor"(%a, %b) {attrs = {}, domain = "", node_name = "x", version = 18 : i64} : (tensor<2xi32>, tensor<2xi64>) -> !onnx.value
  return %0 : !onnx.value
}
