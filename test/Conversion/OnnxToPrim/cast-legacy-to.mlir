// RUN: dlc-opt %s -convert-onnx-to-prim -split-input-file | FileCheck %s

// Cast-1 (opsets 1 to 5) names the target type with a string attribute
// ("FLOAT", "INT64", ... the TensorProto.DataType names); Cast-6 made it an
// int. The importer keeps the string as a StringAttr.

// CHECK-LABEL: func.func @cast_opset1_string_to
// CHECK-SAME: (%[[X:.*]]: tensor<4xi32>) -> tensor<4xf32>
// CHECK: prim.convert %[[X]] : (tensor<4xi32>) -> tensor<4xf32>
func.func @cast_opset1_string_to(%x: tensor<4xi32>) -> !onnx.value {
  %0 = onnx.node "Cast"(%x) {attrs = {to = "FLOAT"}, domain = "", node_name = "n", version = 1 : i64} : (tensor<4xi32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// CHECK-LABEL: func.func @cast_opset5_string_to
// CHECK: prim.convert %{{.*}} : (tensor<4xf32>) -> tensor<4xi64>
func.func @cast_opset5_string_to(%x: tensor<4xf32>) -> !onnx.value {
  %0 = onnx.node "Cast"(%x) {attrs = {to = "INT64"}, domain = "", node_name = "n", version = 5 : i64} : (tensor<4xf32>) -> !onnx.value
  return %0 : !onnx.value
}
