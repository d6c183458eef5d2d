// RUN: dlc-opt %s -convert-onnx-to-prim -split-input-file | FileCheck %s

// Dropout's mask output has the data's type T before opset 10 (Dropout-6,
// Dropout-7: "mask (optional) : T", T in float16/float/double) and is bool
// only from Dropout-10 on. In inference mode the mask is all ones.

// CHECK-LABEL: func.func @dropout_opset7_mask
// CHECK-SAME: (%[[X:.*]]: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>)
// CHECK: %[[MASK:.*]] = arith.constant dense<1.000000e+00> : tensor<4xf32>
// CHECK: return %[[X]], %[[MASK]] : tensor<4xf32>, tensor<4xf32>
func.func @dropout_opset7_mask(%x: tensor<4xf32>) -> (!onnx.value, !onnx.value) {
  %0:2 = onnx.node "Dropout"(%x) {attrs = {ratio = 5.000000e-01 : f32}, domain = "", node_name = "n", version = 7 : i64} : (tensor<4xf32>) -> (!onnx.value, !onnx.value)
  return %0#0, %0#1 : !onnx.value, !onnx.value
}

// -----

// CHECK-LABEL: func.func @dropout_opset10_mask
// CHECK-SAME: (%[[X:.*]]: tensor<4xf16>) -> (tensor<4xf16>, tensor<4xi1>)
// CHECK: %[[MASK:.*]] = arith.constant dense<true> : tensor<4xi1>
// CHECK: return %[[X]], %[[MASK]]
func.func @dropout_opset10_mask(%x: tensor<4xf16>) -> (!onnx.value, !onnx.value) {
  %0:2 = onnx.node "Dropout"(%x) {attrs = {}, domain = "", node_name = "n", version = 10 : i64} : (tensor<4xf16>) -> (!onnx.value, !onnx.value)
  return %0#0, %0#1 : !onnx.value, !onnx.value
}
