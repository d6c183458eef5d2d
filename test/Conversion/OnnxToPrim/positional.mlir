// RUN: dlc-opt %s -convert-onnx-to-prim -canonicalize -cse -split-input-file | FileCheck %s

// Trilu, EyeLike, OneHot: positions from prim.iota, compared and selected.

// Trilu with a run-time k over dynamic dims: col - row >= k keeps.
// CHECK-LABEL: func.func @triu
// CHECK-SAME: (%[[X:.*]]: tensor<2x?x?xf32>, %[[K:.*]]: tensor<i64>) -> tensor<2x?x?xf32>
// CHECK-DAG: %[[R:.*]] = prim.dim %[[X]] {dim = 1 : i64}
// CHECK-DAG: %[[C:.*]] = prim.dim %[[X]] {dim = 2 : i64}
// CHECK-DAG: %[[COL:.*]] = prim.iota sizes(%[[R]], %[[C]]) {dim = 1 : i64} : tensor<?x?xi64>
// CHECK-DAG: %[[ROW:.*]] = prim.iota sizes(%[[R]], %[[C]]) {dim = 0 : i64} : tensor<?x?xi64>
// CHECK-DAG: %[[D:.*]] = prim.sub %[[COL]], %[[ROW]]
// CHECK-DAG: %[[KB:.*]] = prim.broadcast_in_dim %[[K]] sizes(%[[R]], %[[C]]) {dims = array<i64>} : (tensor<i64>) -> tensor<?x?xi64>
// CHECK: %[[KEEP:.*]] = prim.compare  ge, %[[D]], %[[KB]] : tensor<?x?xi64>
// CHECK: %[[M:.*]] = prim.broadcast_in_dim %[[KEEP]] sizes(%[[R]], %[[C]]) {dims = array<i64: 1, 2>} : (tensor<?x?xi1>) -> tensor<2x?x?xi1>
// CHECK: prim.select %[[M]], %[[X]], %{{.*}} : tensor<2x?x?xi1>, tensor<2x?x?xf32>
func.func @triu(%x: tensor<2x?x?xf32>, %k: tensor<i64>) -> !onnx.value {
  %0 = onnx.node "Trilu"(%x, %k) {attrs = {}, domain = "", node_name = "t", version = 14 : i64} : (tensor<2x?x?xf32>, tensor<i64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// CHECK-LABEL: func.func @tril
// CHECK: %[[D:.*]] = prim.sub
// CHECK: prim.compare  le, %[[D]], %{{.*}} : tensor<3x4xi64>
func.func @tril(%x: tensor<3x4xi32>) -> !onnx.value {
  %0 = onnx.node "Trilu"(%x) {attrs = {upper = 0 : i64}, domain = "", node_name = "t", version = 14 : i64} : (tensor<3x4xi32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// EyeLike with a dtype: the diagonal mask converted.
// CHECK-LABEL: func.func @eye_like
// CHECK-SAME: -> tensor<2x3xf64>
// CHECK: %[[D:.*]] = prim.sub
// CHECK: %[[ON:.*]] = prim.compare  eq, %[[D]], %{{.*}} : tensor<2x3xi64>
// CHECK: prim.convert %[[ON]] : (tensor<2x3xi1>) -> tensor<2x3xf64>
func.func @eye_like(%x: tensor<2x3xi32>) -> !onnx.value {
  %0 = onnx.node "EyeLike"(%x) {attrs = {dtype = 11 : i64, k = 1 : i64}, domain = "", node_name = "e", version = 9 : i64} : (tensor<2x3xi32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// OneHot: float indices cast to i64, negative ones wrapped by the depth, a
// new dim of the depth at the axis compared with iota along it.
// CHECK-LABEL: func.func @one_hot
// CHECK-SAME: (%[[I:.*]]: tensor<2xf32>, %[[D:.*]]: tensor<1xi64>, %[[V:.*]]: tensor<2xf32>) -> tensor<?x2xf32>
// CHECK: %[[N:.*]] = prim.size_at %[[D]] {index = 0 : i64}
// CHECK: %[[DEPTH:.*]] = arith.maxsi %[[N]], %c0
// CHECK: %[[P:.*]] = prim.convert %[[I]] : (tensor<2xf32>) -> tensor<2xi64>
// CHECK: %[[W:.*]] = prim.select
// CHECK: %[[R:.*]] = prim.reshape %[[W]] : (tensor<2xi64>) -> tensor<1x2xi64>
// CHECK: %[[S:.*]] = prim.broadcast_in_dim %[[R]] sizes(%[[DEPTH]]) {dims = array<i64: 0, 1>} : (tensor<1x2xi64>) -> tensor<?x2xi64>
// CHECK: %[[POS:.*]] = prim.iota sizes(%[[DEPTH]]) {dim = 0 : i64} : tensor<?x2xi64>
// CHECK: %[[HOT:.*]] = prim.compare  eq, %[[S]], %[[POS]]
// CHECK-DAG: %[[OFF:.*]] = prim.slice %[[V]] {limit = array<i64: 1>, start = array<i64: 0>, strides = array<i64: 1>}
// CHECK-DAG: %[[ON:.*]] = prim.slice %[[V]] {limit = array<i64: 2>, start = array<i64: 1>, strides = array<i64: 1>}
// CHECK: prim.select %[[HOT]], %{{.*}}, %{{.*}} : tensor<?x2xi1>, tensor<?x2xf32>
func.func @one_hot(%i: tensor<2xf32>, %d: tensor<1xi64>, %v: tensor<2xf32>) -> !onnx.value {
  %0 = onnx.node "OneHot"(%i, %d, %v) {attrs = {axis = 0 : i64}, domain = "", node_name = "o", version = 11 : i64} : (tensor<2xf32>, tensor<1xi64>, tensor<2xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// CumSum: prim.cumsum along the constant axis; on a 1-D input a run-time
// axis can only name dim 0.
// CHECK-LABEL: func.func @cumsum
// CHECK: prim.cumsum %arg0 {dim = 0 : i64, exclusive, reverse} : tensor<?x3xf32>
// CHECK: prim.cumsum %arg1 {dim = 0 : i64} : tensor<5xi32>
func.func @cumsum(%x: tensor<?x3xf32>, %y: tensor<5xi32>, %a: tensor<i64>) -> (!onnx.value, !onnx.value) {
  %axis = arith.constant dense<-2> : tensor<1xi32>
  %0 = onnx.node "CumSum"(%x, %axis) {attrs = {exclusive = 1 : i64, reverse = 1 : i64}, domain = "", node_name = "c", version = 14 : i64} : (tensor<?x3xf32>, tensor<1xi32>) -> !onnx.value
  %1 = onnx.node "CumSum"(%y, %a) {attrs = {}, domain = "", node_name = "c", version = 14 : i64} : (tensor<5xi32>, tensor<i64>) -> !onnx.value
  return %0, %1 : !onnx.value, !onnx.value
}
