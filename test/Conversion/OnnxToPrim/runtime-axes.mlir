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

// -----

// Reduce* with run-time axes: dim d is flagged where an axis (negative from
// the end) names it; each dim in turn, the input and its reduction over that
// dim (kept as 1) are concatenated and a dynamic slice takes the reduction
// (start n, size 1) where flagged, else the input (start 0, size n).
// CHECK-LABEL: func.func @reduce_sum
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>, %[[AX:.*]]: tensor<1xi64>) -> tensor<?x?xf32>
// CHECK: %[[A:.*]] = prim.size_at %[[AX]] {index = 0 : i64} : tensor<1xi64>
// CHECK: %[[WRAP:.*]] = arith.addi %[[A]], %c2
// CHECK: %[[NEG:.*]] = arith.cmpi slt, %[[A]], %c0
// CHECK: %[[P:.*]] = arith.select %[[NEG]], %[[WRAP]], %[[A]]
// CHECK: %[[R0:.*]] = arith.cmpi eq, %[[P]], %c0
// CHECK: %[[R1:.*]] = arith.cmpi eq, %[[P]], %c1
// CHECK: %[[S0:.*]] = prim.reduce sum %[[X]] {dims = array<i64: 0>} : (tensor<2x3xf32>) -> tensor<3xf32>
// CHECK: %[[K0:.*]] = prim.reshape %[[S0]] : (tensor<3xf32>) -> tensor<1x3xf32>
// CHECK: %[[C0:.*]] = prim.concat %[[X]], %[[K0]] {dim = 0 : i64} : (tensor<2x3xf32>, tensor<1x3xf32>) -> tensor<3x3xf32>
// CHECK: %[[F0:.*]] = arith.select %[[R0]], %c2, %c0
// CHECK: %[[N0:.*]] = arith.select %[[R0]], %c1, %c2
// CHECK: %[[Y0:.*]] = prim.dynamic_slice %[[C0]] starts(%[[F0]], %c0) sizes(%[[N0]]) {strides = array<i64: 1, 1>} : (tensor<3x3xf32>) -> tensor<?x3xf32>
// CHECK: %[[S1:.*]] = prim.reduce sum %[[Y0]] {dims = array<i64: 1>} : (tensor<?x3xf32>) -> tensor<?xf32>
// CHECK: %[[K1:.*]] = prim.reshape %[[S1]] sizes(%[[N0]]) : (tensor<?xf32>) -> tensor<?x1xf32>
// CHECK: %[[C1:.*]] = prim.concat %[[Y0]], %[[K1]] {dim = 1 : i64} : (tensor<?x3xf32>, tensor<?x1xf32>) -> tensor<?x4xf32>
// CHECK: %[[F1:.*]] = arith.select %[[R1]], %c3, %c0
// CHECK: %[[N1:.*]] = arith.select %[[R1]], %c1, %c3
// CHECK: %[[Y1:.*]] = prim.dynamic_slice %[[C1]] starts(%c0, %[[F1]]) sizes(%[[N0]], %[[N1]]) {strides = array<i64: 1, 1>} : (tensor<?x4xf32>) -> tensor<?x?xf32>
// CHECK: return %[[Y1]]
func.func @reduce_sum(%x: tensor<2x3xf32>, %a: tensor<1xi64>) -> !onnx.value {
  %0 = onnx.node "ReduceSum"(%x, %a) {attrs = {}, domain = "", node_name = "r", version = 13 : i64} : (tensor<2x3xf32>, tensor<1xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// ReduceMean is a mean dim after dim (over a dynamic dim by its run-time
// size); without keepdims the result (rank 3 - 2 axes) takes the size of
// the first unflagged dim.
// CHECK-LABEL: func.func @reduce_mean_no_keepdims
// CHECK-SAME: (%[[X:.*]]: tensor<?x3x4xf32>, %[[AX:.*]]: tensor<2xi64>) -> tensor<?xf32>
// CHECK-DAG: %[[FOUR:.*]] = arith.constant dense<4.000000e+00> : tensor<f32>
// CHECK-DAG: %[[THREE:.*]] = arith.constant dense<3.000000e+00> : tensor<f32>
// CHECK: prim.size_at %[[AX]] {index = 0 : i64}
// CHECK: prim.size_at %[[AX]] {index = 1 : i64}
// CHECK: %[[S0:.*]] = prim.reduce sum %[[X]] {dims = array<i64: 0>}
// CHECK: %[[D0:.*]] = prim.dim %[[X]] {dim = 0 : i64}
// CHECK: %[[N0:.*]] = prim.from_sizes %[[D0]] : tensor<i64>
// CHECK: prim.convert %[[N0]] : (tensor<i64>) -> tensor<f32>
// CHECK: %[[M0:.*]] = prim.div
// CHECK: prim.concat %[[X]], %[[M0]] {dim = 0 : i64} : (tensor<?x3x4xf32>, tensor<1x3x4xf32>) -> tensor<?x3x4xf32>
// CHECK: prim.dynamic_slice
// CHECK: prim.reduce sum %{{.*}} {dims = array<i64: 1>}
// CHECK: prim.broadcast_in_dim %[[THREE]]
// CHECK: prim.div
// CHECK: prim.reduce sum %{{.*}} {dims = array<i64: 2>}
// CHECK: prim.broadcast_in_dim %[[FOUR]]
// CHECK: prim.div
// CHECK: %[[K:.*]] = prim.dynamic_slice %{{.*}} : (tensor<?x?x5xf32>) -> tensor<?x?x?xf32>
// CHECK: %[[R:.*]] = prim.reshape %[[K]] sizes(%{{.*}}) : (tensor<?x?x?xf32>) -> tensor<?xf32>
// CHECK: return %[[R]]
func.func @reduce_mean_no_keepdims(%x: tensor<?x3x4xf32>, %a: tensor<2xi64>) -> !onnx.value {
  %0 = onnx.node "ReduceMean"(%x, %a) {attrs = {keepdims = 0 : i64}, domain = "", node_name = "r", version = 18 : i64} : (tensor<?x3x4xf32>, tensor<2xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// ReduceL2 squares once, sums dim after dim and takes the root at the end;
// ReduceLogSumExp is one shifted log-sum-exp per dim.
// CHECK-LABEL: func.func @reduce_l2_log_sum_exp
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>, %[[AX:.*]]: tensor<1xi64>)
// CHECK: %[[SQ:.*]] = prim.mul %[[X]], %[[X]] : tensor<2x3xf32>
// CHECK: prim.reduce sum %[[SQ]] {dims = array<i64: 0>}
// CHECK: prim.concat %[[SQ]]
// CHECK: prim.reduce sum %{{.*}} {dims = array<i64: 1>}
// CHECK: %[[L2:.*]] = prim.dynamic_slice
// CHECK: %[[ROOT:.*]] = prim.sqrt %[[L2]] : tensor<?x?xf32>
// CHECK: prim.reduce max %[[X]] {dims = array<i64: 0>}
// CHECK: prim.exp
// CHECK: prim.reduce sum %{{.*}} {dims = array<i64: 0>}
// CHECK: prim.log
// CHECK: prim.concat %[[X]]
// CHECK: prim.reduce max %{{.*}} {dims = array<i64: 1>}
// CHECK: prim.exp
// CHECK: prim.reduce sum %{{.*}} {dims = array<i64: 1>}
// CHECK: prim.log
// CHECK: %[[LSE:.*]] = prim.dynamic_slice
// CHECK: return %[[ROOT]], %[[LSE]]
func.func @reduce_l2_log_sum_exp(%x: tensor<2x3xf32>, %a: tensor<1xi64>) -> (!onnx.value, !onnx.value) {
  %0 = onnx.node "ReduceL2"(%x, %a) {attrs = {}, domain = "", node_name = "l2", version = 18 : i64} : (tensor<2x3xf32>, tensor<1xi64>) -> !onnx.value
  %1 = onnx.node "ReduceLogSumExp"(%x, %a) {attrs = {}, domain = "", node_name = "lse", version = 18 : i64} : (tensor<2x3xf32>, tensor<1xi64>) -> !onnx.value
  return %0, %1 : !onnx.value, !onnx.value
}

// -----

// Run-time axes of length 0 are no axes, decided at compile time:
// noop_with_empty_axes is the identity, else every dim is reduced.
// CHECK-LABEL: func.func @reduce_empty_axes
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>, %{{.*}}: tensor<0xi64>) -> (tensor<2x3xf32>, tensor<f32>)
// CHECK-NOT: prim.size_at
// CHECK: %[[S:.*]] = prim.reduce sum %[[X]] {dims = array<i64: 0, 1>} : (tensor<2x3xf32>) -> tensor<f32>
// CHECK: return %[[X]], %[[S]]
func.func @reduce_empty_axes(%x: tensor<2x3xf32>, %a: tensor<0xi64>) -> (!onnx.value, !onnx.value) {
  %0 = onnx.node "ReduceSum"(%x, %a) {attrs = {noop_with_empty_axes = 1 : i64}, domain = "", node_name = "r0", version = 13 : i64} : (tensor<2x3xf32>, tensor<0xi64>) -> !onnx.value
  %1 = onnx.node "ReduceSum"(%x, %a) {attrs = {keepdims = 0 : i64}, domain = "", node_name = "r1", version = 13 : i64} : (tensor<2x3xf32>, tensor<0xi64>) -> !onnx.value
  return %0, %1 : !onnx.value, !onnx.value
}
