// RUN: dlc-opt %s -convert-onnx-to-prim -split-input-file | FileCheck %s

// An integer Clip without a max bound clips at the type's highest value. For
// 64-bit types that value is not representable as a double, and converting
// 2^63 (or 2^64) back to int64 must not wrap: i64 needs 9223372036854775807,
// ui64 18446744073709551615.

// CHECK-LABEL: func.func @clip_i64_defaults
// CHECK-SAME: (%[[X:.*]]: tensor<4xi64>)
// CHECK-DAG: %[[LO:.*]] = arith.constant dense<-9223372036854775808> : tensor<4xi64>
// CHECK-DAG: %[[HI:.*]] = arith.constant dense<9223372036854775807> : tensor<4xi64>
// CHECK: %[[M:.*]] = prim.max %[[X]], %[[LO]] : tensor<4xi64>
// CHECK: prim.min %[[M]], %[[HI]] : tensor<4xi64>
func.func @clip_i64_defaults(%x: tensor<4xi64>) -> !onnx.value {
  %0 = onnx.node "Clip"(%x) {attrs = {}, domain = "", node_name = "n", version = 13 : i64} : (tensor<4xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// CHECK-LABEL: func.func @clip_i64_min_only
// CHECK-DAG: %[[HI:.*]] = arith.constant dense<9223372036854775807> : tensor<4xi64>
// CHECK: prim.min %{{.*}}, %[[HI]] : tensor<4xi64>
func.func @clip_i64_min_only(%x: tensor<4xi64>, %lo: tensor<i64>) -> !onnx.value {
  %0 = onnx.node "Clip"(%x, %lo) {attrs = {}, domain = "", node_name = "n", version = 13 : i64} : (tensor<4xi64>, tensor<i64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// CHECK-LABEL: func.func @clip_ui64_defaults
// CHECK-DAG: %[[LO:.*]] = arith.constant dense<0> : tensor<4xui64>
// CHECK-DAG: %[[HI:.*]] = arith.constant dense<18446744073709551615> : tensor<4xui64>
// CHECK: prim.min %{{.*}}, %[[HI]] : tensor<4xui64>
func.func @clip_ui64_defaults(%x: tensor<4xui64>) -> !onnx.value {
  %0 = onnx.node "Clip"(%x) {attrs = {}, domain = "", node_name = "n", version = 13 : i64} : (tensor<4xui64>) -> !onnx.value
  return %0 : !onnx.value
}
