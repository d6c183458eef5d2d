// RUN: dlc-opt %s -convert-onnx-to-prim -split-input-file -verify-diagnostics

// Window nodes convert-onnx-to-prim rejects.

func.func @unsupported_output_datatype() -> !onnx.value {
  %n = arith.constant dense<4> : tensor<i64>
  // expected-error @+1 {{node 'w' (HannWindow, opset 17): output_datatype #99 is not supported}}
  %0 = onnx.node "HannWindow"(%n) {attrs = {output_datatype = 99 : i64}, domain = "", node_name = "w", version = 17 : i64} : (tensor<i64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @float_size(%n: tensor<f32>) -> !onnx.value {
  // expected-error @+1 {{node 'w' (HammingWindow, opset 17): size must be one integer}}
  %0 = onnx.node "HammingWindow"(%n) {attrs = {}, domain = "", node_name = "w", version = 17 : i64} : (tensor<f32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @negative_size() -> !onnx.value {
  %n = arith.constant dense<-3> : tensor<i64>
  // expected-error @+1 {{node 'w' (BlackmanWindow, opset 17): size must not be negative, got -3}}
  %0 = onnx.node "BlackmanWindow"(%n) {attrs = {}, domain = "", node_name = "w", version = 17 : i64} : (tensor<i64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @bad_periodic() -> !onnx.value {
  %n = arith.constant dense<4> : tensor<i64>
  // expected-error @+1 {{node 'w' (HannWindow, opset 17): periodic must be 0 or 1, got 2}}
  %0 = onnx.node "HannWindow"(%n) {attrs = {periodic = 2 : i64}, domain = "", node_name = "w", version = 17 : i64} : (tensor<i64>) -> !onnx.value
  return %0 : !onnx.value
}
