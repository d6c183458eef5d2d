// RUN: dlc-opt %s -convert-onnx-to-prim -canonicalize -cse -split-input-file | FileCheck %s

// Axes, starts, ends and steps read at run time (graph inputs): the output
// rank stays static, each dim's size and bounds are index arithmetic on the
// prim.size_at values.

// Unsqueeze: output dim d is 1 where an axis names it, else the input dim
// d minus the axes before it.
// CHECK-LABEL: func.func @unsqueeze
// CHECK-SAME: -> tensor<?x?x?xf32>
// CHECK: %[[A:.*]] = prim.size_at %arg1 {index = 0 : i64} : tensor<1xi64>
// CHECK: %[[NEG:.*]] = arith.cmpi slt, %[[A]], %c0
// CHECK: %[[P:.*]] = arith.select %[[NEG]]
// CHECK: %[[AT0:.*]] = arith.cmpi eq, %[[P]], %c0
// CHECK: %[[D0:.*]] = arith.select %[[AT0]], %c1, %c3
// CHECK: prim.reshape %arg0 sizes(%[[D0]], %{{.*}}, %{{.*}}) : (tensor<3x?xf32>) -> tensor<?x?x?xf32>
func.func @unsqueeze(%x: tensor<3x?xf32>, %a: tensor<1xi64>) -> !onnx.value {
  %0 = onnx.node "Unsqueeze"(%x, %a) {attrs = {}, domain = "", node_name = "u", version = 13 : i64} : (tensor<3x?xf32>, tensor<1xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Squeeze: the kept dims' sizes, selected; a squeezed dim that is not 1
// fails the reshape's run-time check of the element count.
// CHECK-LABEL: func.func @squeeze
// CHECK-SAME: -> tensor<?x?xf32>
// CHECK: prim.size_at %arg1 {index = 0 : i64} : tensor<1xi64>
// CHECK: prim.reshape %arg0 sizes(%{{.*}}, %{{.*}}) : (tensor<1x3x1xf32>) -> tensor<?x?xf32>
func.func @squeeze(%x: tensor<1x3x1xf32>, %a: tensor<1xi64>) -> !onnx.value {
  %0 = onnx.node "Squeeze"(%x, %a) {attrs = {}, domain = "", node_name = "s", version = 13 : i64} : (tensor<1x3x1xf32>, tensor<1xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Slice with run-time axes and unit steps: each dim selects its start and
// end, counts negative ones from the end, clamps; one dynamic slice.
// CHECK-LABEL: func.func @slice_axes
// CHECK-DAG: %[[S:.*]] = prim.size_at %arg1 {index = 0 : i64}
// CHECK-DAG: %[[A:.*]] = prim.size_at %arg3 {index = 0 : i64}
// CHECK: %[[N:.*]] = prim.dim %arg0 {dim = 1 : i64}
// CHECK: %[[AT0:.*]] = arith.cmpi eq, %{{.*}}, %c0
// CHECK: arith.select %[[AT0]], %[[S]], %c0
// CHECK: arith.minsi %{{.*}}, %c4
// CHECK: arith.minsi %{{.*}}, %[[N]]
// CHECK: prim.dynamic_slice %arg0 starts(%{{.*}}, %{{.*}}) sizes(%{{.*}}, %{{.*}}) {strides = array<i64: 1, 1>} : (tensor<4x?xf32>) -> tensor<?x?xf32>
func.func @slice_axes(%x: tensor<4x?xf32>, %s: tensor<1xi64>, %e: tensor<1xi64>, %a: tensor<1xi64>) -> !onnx.value {
  %0 = onnx.node "Slice"(%x, %s, %e, %a) {attrs = {}, domain = "", node_name = "s", version = 13 : i64} : (tensor<4x?xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Run-time steps (of either sign): each dim gathers first + i * step.
// CHECK-LABEL: func.func @slice_steps
// CHECK: %[[ST:.*]] = prim.size_at %arg4 {index = 0 : i64}
// CHECK: %[[DOWN:.*]] = arith.cmpi slt, %{{.*}}, %c0
// CHECK: arith.ceildivsi
// CHECK: %[[N0:.*]] = arith.maxsi
// CHECK: %[[I0:.*]] = prim.iota sizes(%[[N0]]) {dim = 0 : i64} : tensor<?xi64>
// CHECK: prim.mul %[[I0]]
// CHECK: %[[P0:.*]] = prim.add
// CHECK: %[[G0:.*]] = prim.gather %arg0, %[[P0]] {axis = 0 : i64} : (tensor<20x10xf32>, tensor<?xi64>) -> tensor<?x10xf32>
// CHECK: prim.gather %[[G0]], %{{.*}} {axis = 1 : i64} : (tensor<?x10xf32>, tensor<?xi64>) -> tensor<?x?xf32>
func.func @slice_steps(%x: tensor<20x10xf32>, %s: tensor<1xi64>, %e: tensor<1xi64>, %a: tensor<1xi64>, %st: tensor<1xi64>) -> !onnx.value {
  %0 = onnx.node "Slice"(%x, %s, %e, %a, %st) {attrs = {}, domain = "", node_name = "s", version = 13 : i64} : (tensor<20x10xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// A negative step over a dynamic dim: reversed by a gather of n - 1 - i.
// CHECK-LABEL: func.func @slice_reverse_dynamic
// CHECK-DAG: %[[N:.*]] = prim.dim %arg0 {dim = 0 : i64}
// CHECK-DAG: %[[LAST:.*]] = arith.addi %[[N]], %c-1
// CHECK: %[[I:.*]] = prim.iota sizes(%{{.*}}) {dim = 0 : i64} : tensor<?xi64>
// CHECK: prim.mul %[[I]]
// CHECK: %[[P:.*]] = prim.add
// CHECK: prim.gather %arg0, %[[P]] {axis = 0 : i64} : (tensor<?xf32>, tensor<?xi64>) -> tensor<?xf32>
func.func @slice_reverse_dynamic(%x: tensor<?xf32>) -> !onnx.value {
  %s = arith.constant dense<-1> : tensor<1xi64>
  %e = arith.constant dense<-9223372036854775807> : tensor<1xi64>
  %a = arith.constant dense<0> : tensor<1xi64>
  %st = arith.constant dense<-1> : tensor<1xi64>
  %0 = onnx.node "Slice"(%x, %s, %e, %a, %st) {attrs = {}, domain = "", node_name = "s", version = 13 : i64} : (tensor<?xf32>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>, tensor<1xi64>) -> !onnx.value
  return %0 : !onnx.value
}
