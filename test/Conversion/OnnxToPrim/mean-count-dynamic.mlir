// RUN: dlc-opt %s -convert-onnx-to-prim -split-input-file -verify-diagnostics

// ReduceMean and GlobalAveragePool divide by the number of reduced elements.
// When a reduced dim is dynamic that count is unknown and the rule must
// refuse the node, whatever the other reduced dims are. Multiplying the
// dynamic-size sentinel by an even static size (or by another dynamic size)
// must not wrap around to a "static" count of 0 and divide by zero.

func.func @reduce_mean_dynamic_times_even(%x: tensor<?x3x4xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'r' (ReduceMean, opset 13): ReduceMean needs static reduced dims}}
  %0 = onnx.node "ReduceMean"(%x) {attrs = {axes = array<i64: 0, 2>}, domain = "", node_name = "r", version = 13 : i64} : (tensor<?x3x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

func.func @reduce_mean_two_dynamic(%x: tensor<?x?x3xf32>) -> !onnx.value {
  // expected-error @+1 {{node 'r' (ReduceMean, opset 13): ReduceMean needs static reduced dims}}
  %0 = onnx.node "ReduceMean"(%x) {attrs = {axes = array<i64: 0, 1>}, domain = "", node_name = "r", version = 13 : i64} : (tensor<?x?x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

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
