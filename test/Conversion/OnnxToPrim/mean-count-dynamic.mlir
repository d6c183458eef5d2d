// RUN: dlc-opt %s -convert-onnx-to-prim -split-input-file -verify-diagnostics

// GlobalAveragePool divides by the number of pooled elements. When a spatial
// dim is dynamic that count is unknown and the rule must refuse the node,
// whatever the other dims are. Multiplying the dynamic-size sentinel by an
// even static size (or by another dynamic size) must not wrap around to a
// "static" count of 0 and divide by zero. (ReduceMean takes its count from
// the run-time sizes: reduction.mlir.)

func.func @global_average_pool_two_dynamic(%x: tensor<1x3x?x?xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'g' (GlobalAveragePool, opset 1): needs static spatial dims}}
  %0 = onnx.node "GlobalAveragePool"(%x) {attrs = {}, domain = "", node_name = "g", version = 1 : i64} : (tensor<1x3x?x?xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @global_average_pool_even_times_dynamic(%x: tensor<1x3x4x?xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'g' (GlobalAveragePool, opset 1): needs static spatial dims}}
  %0 = onnx.node "GlobalAveragePool"(%x) {attrs = {}, domain = "", node_name = "g", version = 1 : i64} : (tensor<1x3x4x?xf32>) -> !onnx.value
  return %0 : !onnx.value
}
