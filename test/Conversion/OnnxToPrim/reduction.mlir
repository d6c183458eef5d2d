// RUN: dlc-opt %s -convert-onnx-to-prim -split-input-file | FileCheck %s

// The Reduce* ops (axes an input from opset 13 for ReduceSum, from 18 for
// the others), keepdims and noop_with_empty_axes; ArgMax and ArgMin.

// Opset 11: axes attribute, keepdims defaults to 1.
// CHECK-LABEL: func.func @reduce_sum_opset11_keepdims
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>) -> tensor<2x1x4xf32>
// CHECK: %[[S:.*]] = prim.reduce sum %[[X]] {dims = array<i64: 1>} : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
// CHECK: %[[R:.*]] = prim.reshape %[[S]] : (tensor<2x4xf32>) -> tensor<2x1x4xf32>
// CHECK: return %[[R]]
func.func @reduce_sum_opset11_keepdims(%x: tensor<2x3x4xf32>) -> !onnx.value {
  %0 = onnx.node "ReduceSum"(%x) {attrs = {axes = array<i64: 1>}, domain = "", node_name = "n", version = 11 : i64} : (tensor<2x3x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Negative, unsorted axes are normalized and sorted; keepdims = 0.
// CHECK-LABEL: func.func @reduce_sum_opset11_no_keepdims
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>) -> tensor<3xf32>
// CHECK: %[[S:.*]] = prim.reduce sum %[[X]] {dims = array<i64: 0, 2>} : (tensor<2x3x4xf32>) -> tensor<3xf32>
// CHECK-NEXT: return %[[S]]
func.func @reduce_sum_opset11_no_keepdims(%x: tensor<2x3x4xf32>) -> !onnx.value {
  %0 = onnx.node "ReduceSum"(%x) {attrs = {axes = array<i64: -1, 0>, keepdims = 0 : i64}, domain = "", node_name = "n", version = 11 : i64} : (tensor<2x3x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Opset 11 without axes reduces everything.
// CHECK-LABEL: func.func @reduce_sum_opset11_all
// CHECK: %[[S:.*]] = prim.reduce sum %{{.*}} {dims = array<i64: 0, 1>} : (tensor<2x3xf32>) -> tensor<f32>
// CHECK: prim.reshape %[[S]] : (tensor<f32>) -> tensor<1x1xf32>
func.func @reduce_sum_opset11_all(%x: tensor<2x3xf32>) -> !onnx.value {
  %0 = onnx.node "ReduceSum"(%x) {attrs = {}, domain = "", node_name = "n", version = 11 : i64} : (tensor<2x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Opset 13: axes is a constant input.
// CHECK-LABEL: func.func @reduce_sum_opset13_axes_input
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>) -> (tensor<2x3xf32>, tensor<1x3x1xf32>)
// CHECK: %[[A:.*]] = prim.reduce sum %[[X]] {dims = array<i64: 2>} : (tensor<2x3x4xf32>) -> tensor<2x3xf32>
// CHECK: %[[B:.*]] = prim.reduce sum %[[X]] {dims = array<i64: 0, 2>} : (tensor<2x3x4xf32>) -> tensor<3xf32>
// CHECK: %[[BK:.*]] = prim.reshape %[[B]] : (tensor<3xf32>) -> tensor<1x3x1xf32>
// CHECK: return %[[A]], %[[BK]]
func.func @reduce_sum_opset13_axes_input(%x: tensor<2x3x4xf32>) -> (!onnx.value, !onnx.value) {
  %a = arith.constant dense<2> : tensor<1xi64>
  %b = arith.constant dense<[2, -3]> : tensor<2xi64>
  %0 = onnx.node "ReduceSum"(%x, %a) {attrs = {keepdims = 0 : i64}, domain = "", node_name = "n0", version = 13 : i64} : (tensor<2x3x4xf32>, tensor<1xi64>) -> !onnx.value
  %1 = onnx.node "ReduceSum"(%x, %b) {attrs = {keepdims = 1 : i64}, domain = "", node_name = "n1", version = 13 : i64} : (tensor<2x3x4xf32>, tensor<2xi64>) -> !onnx.value
  return %0, %1 : !onnx.value, !onnx.value
}

// -----

// noop_with_empty_axes = 1 with absent axes is the identity; with an empty
// axes tensor too.
// CHECK-LABEL: func.func @reduce_sum_noop_with_empty_axes
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
// CHECK-NOT: prim.reduce
// CHECK: return %[[X]], %[[X]] : tensor<2x3x4xf32>, tensor<2x3x4xf32>
func.func @reduce_sum_noop_with_empty_axes(%x: tensor<2x3x4xf32>) -> (!onnx.value, !onnx.value) {
  %none = onnx.none
  %empty = arith.constant dense<> : tensor<0xi64>
  %0 = onnx.node "ReduceSum"(%x, %none) {attrs = {noop_with_empty_axes = 1 : i64}, domain = "", node_name = "n0", version = 13 : i64} : (tensor<2x3x4xf32>, none) -> !onnx.value
  %1 = onnx.node "ReduceSum"(%x, %empty) {attrs = {noop_with_empty_axes = 1 : i64}, domain = "", node_name = "n1", version = 13 : i64} : (tensor<2x3x4xf32>, tensor<0xi64>) -> !onnx.value
  return %0, %1 : !onnx.value, !onnx.value
}

// -----

// noop_with_empty_axes = 0 (default) with empty axes reduces all dims.
// CHECK-LABEL: func.func @reduce_sum_empty_axes_reduces_all
// CHECK: %[[S:.*]] = prim.reduce sum %{{.*}} {dims = array<i64: 0, 1, 2>} : (tensor<2x3x4xf32>) -> tensor<f32>
// CHECK-NEXT: return %[[S]] : tensor<f32>
func.func @reduce_sum_empty_axes_reduces_all(%x: tensor<2x3x4xf32>) -> !onnx.value {
  %empty = arith.constant dense<> : tensor<0xi64>
  %0 = onnx.node "ReduceSum"(%x, %empty) {attrs = {keepdims = 0 : i64}, domain = "", node_name = "n", version = 13 : i64} : (tensor<2x3x4xf32>, tensor<0xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// ReduceMean is a sum divided by the reduced element count (2 * 4 = 8).
// Before opset 18 axes is an attribute.
// CHECK-LABEL: func.func @reduce_mean_opset13
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>) -> tensor<1x3x1xf32>
// CHECK: %[[S:.*]] = prim.reduce sum %[[X]] {dims = array<i64: 0, 2>} : (tensor<2x3x4xf32>) -> tensor<3xf32>
// CHECK: %[[K:.*]] = prim.reshape %[[S]] : (tensor<3xf32>) -> tensor<1x3x1xf32>
// CHECK: %[[N:.*]] = arith.constant dense<8.000000e+00> : tensor<1x3x1xf32>
// CHECK: %[[M:.*]] = prim.div %[[K]], %[[N]] : tensor<1x3x1xf32>
// CHECK: return %[[M]]
func.func @reduce_mean_opset13(%x: tensor<2x3x4xf32>) -> !onnx.value {
  %0 = onnx.node "ReduceMean"(%x) {attrs = {axes = array<i64: 0, 2>}, domain = "", node_name = "n", version = 13 : i64} : (tensor<2x3x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// ReduceMean-18 reads axes from its input.
// CHECK-LABEL: func.func @reduce_mean_opset18
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>) -> tensor<2x4xf32>
// CHECK: %[[S:.*]] = prim.reduce sum %[[X]] {dims = array<i64: 1>} : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
// CHECK: %[[N:.*]] = arith.constant dense<3.000000e+00> : tensor<2x4xf32>
// CHECK: %[[M:.*]] = prim.div %[[S]], %[[N]] : tensor<2x4xf32>
// CHECK: return %[[M]]
func.func @reduce_mean_opset18(%x: tensor<2x3x4xf32>) -> !onnx.value {
  %a = arith.constant dense<1> : tensor<1xi64>
  %0 = onnx.node "ReduceMean"(%x, %a) {attrs = {keepdims = 0 : i64}, domain = "", node_name = "n", version = 18 : i64} : (tensor<2x3x4xf32>, tensor<1xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// A dynamic dim outside the reduced ones stays dynamic.
// CHECK-LABEL: func.func @reduce_sum_dynamic_kept_dim
// CHECK: prim.reduce sum %{{.*}} {dims = array<i64: 1>} : (tensor<?x4xf32>) -> tensor<?xf32>
func.func @reduce_sum_dynamic_kept_dim(%x: tensor<?x4xf32>) -> !onnx.value {
  %0 = onnx.node "ReduceSum"(%x) {attrs = {axes = array<i64: 1>, keepdims = 0 : i64}, domain = "", node_name = "n", version = 11 : i64} : (tensor<?x4xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// CHECK-LABEL: func.func @reduce_max
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xi32>) -> (tensor<2x4xi32>, tensor<2x3x1xi32>)
// CHECK: %[[A:.*]] = prim.reduce max %[[X]] {dims = array<i64: 1>} : (tensor<2x3x4xi32>) -> tensor<2x4xi32>
// CHECK: %[[B:.*]] = prim.reduce max %[[X]] {dims = array<i64: 2>} : (tensor<2x3x4xi32>) -> tensor<2x3xi32>
// CHECK: %[[BK:.*]] = prim.reshape %[[B]] : (tensor<2x3xi32>) -> tensor<2x3x1xi32>
// CHECK: return %[[A]], %[[BK]]
func.func @reduce_max(%x: tensor<2x3x4xi32>) -> (!onnx.value, !onnx.value) {
  %a = arith.constant dense<-1> : tensor<1xi64>
  %0 = onnx.node "ReduceMax"(%x) {attrs = {axes = array<i64: 1>, keepdims = 0 : i64}, domain = "", node_name = "n0", version = 13 : i64} : (tensor<2x3x4xi32>) -> !onnx.value
  %1 = onnx.node "ReduceMax"(%x, %a) {attrs = {}, domain = "", node_name = "n1", version = 18 : i64} : (tensor<2x3x4xi32>, tensor<1xi64>) -> !onnx.value
  return %0, %1 : !onnx.value, !onnx.value
}

// -----

// Repeated axes count once.
// CHECK-LABEL: func.func @reduce_repeated_axes
// CHECK: prim.reduce sum %{{.*}} {dims = array<i64: 1>} : (tensor<2x3xf32>) -> tensor<2xf32>
func.func @reduce_repeated_axes(%x: tensor<2x3xf32>) -> !onnx.value {
  %0 = onnx.node "ReduceSum"(%x) {attrs = {axes = array<i64: 1, -1>, keepdims = 0 : i64}, domain = "", node_name = "n", version = 11 : i64} : (tensor<2x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// The other kinds: a prim.reduce between elementwise prims. ReduceProd-18
// reads axes from its input.
// CHECK-LABEL: func.func @reduce_kinds
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK: %[[MIN:.*]] = prim.reduce min %[[X]] {dims = array<i64: 1>} : (tensor<2x3xf32>) -> tensor<2xf32>
// CHECK: %[[PROD:.*]] = prim.reduce prod %[[X]] {dims = array<i64: 1>} : (tensor<2x3xf32>) -> tensor<2xf32>
// CHECK: %[[ABS:.*]] = prim.abs %[[X]] : tensor<2x3xf32>
// CHECK: %[[L1:.*]] = prim.reduce sum %[[ABS]] {dims = array<i64: 1>}
// CHECK: %[[SQ:.*]] = prim.mul %[[X]], %[[X]] : tensor<2x3xf32>
// CHECK: %[[SS:.*]] = prim.reduce sum %[[SQ]] {dims = array<i64: 1>}
// CHECK: %[[L2:.*]] = prim.sqrt %[[SS]] : tensor<2xf32>
// CHECK: %[[SQ2:.*]] = prim.mul %[[X]], %[[X]] : tensor<2x3xf32>
// CHECK: %[[SUMSQ:.*]] = prim.reduce sum %[[SQ2]] {dims = array<i64: 1>}
// CHECK: %[[S:.*]] = prim.reduce sum %[[X]] {dims = array<i64: 1>}
// CHECK: %[[LOGSUM:.*]] = prim.log %[[S]] : tensor<2xf32>
// CHECK: return %[[MIN]], %[[PROD]], %[[L1]], %[[L2]], %[[SUMSQ]], %[[LOGSUM]]
func.func @reduce_kinds(%x: tensor<2x3xf32>) -> (!onnx.value, !onnx.value, !onnx.value, !onnx.value, !onnx.value, !onnx.value) {
  %a = arith.constant dense<1> : tensor<1xi64>
  %0 = onnx.node "ReduceMin"(%x) {attrs = {axes = array<i64: 1>, keepdims = 0 : i64}, domain = "", node_name = "n0", version = 13 : i64} : (tensor<2x3xf32>) -> !onnx.value
  %1 = onnx.node "ReduceProd"(%x, %a) {attrs = {keepdims = 0 : i64}, domain = "", node_name = "n1", version = 18 : i64} : (tensor<2x3xf32>, tensor<1xi64>) -> !onnx.value
  %2 = onnx.node "ReduceL1"(%x) {attrs = {axes = array<i64: 1>, keepdims = 0 : i64}, domain = "", node_name = "n2", version = 13 : i64} : (tensor<2x3xf32>) -> !onnx.value
  %3 = onnx.node "ReduceL2"(%x) {attrs = {axes = array<i64: 1>, keepdims = 0 : i64}, domain = "", node_name = "n3", version = 13 : i64} : (tensor<2x3xf32>) -> !onnx.value
  %4 = onnx.node "ReduceSumSquare"(%x) {attrs = {axes = array<i64: 1>, keepdims = 0 : i64}, domain = "", node_name = "n4", version = 13 : i64} : (tensor<2x3xf32>) -> !onnx.value
  %5 = onnx.node "ReduceLogSum"(%x) {attrs = {axes = array<i64: 1>, keepdims = 0 : i64}, domain = "", node_name = "n5", version = 13 : i64} : (tensor<2x3xf32>) -> !onnx.value
  return %0, %1, %2, %3, %4, %5 : !onnx.value, !onnx.value, !onnx.value, !onnx.value, !onnx.value, !onnx.value
}

// -----

// ReduceLogSumExp is m + log(sum(exp(x - m))), m the maximum (kept dims,
// to broadcast) or 0 where that is infinite; without keepdims m is
// reshaped like the sum.
// CHECK-LABEL: func.func @reduce_log_sum_exp
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>) -> tensor<2xf32>
// CHECK: %[[MAX:.*]] = prim.reduce max %[[X]] {dims = array<i64: 1>} : (tensor<2x3xf32>) -> tensor<2xf32>
// CHECK: %[[M:.*]] = prim.reshape %[[MAX]] : (tensor<2xf32>) -> tensor<2x1xf32>
// CHECK: %[[INF:.*]] = arith.constant dense<0x7F800000> : tensor<2x1xf32>
// CHECK: %[[ABS:.*]] = prim.abs %[[M]] : tensor<2x1xf32>
// CHECK: %[[ISINF:.*]] = prim.compare eq, %[[ABS]], %[[INF]] : tensor<2x1xf32>
// CHECK: %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : tensor<2x1xf32>
// CHECK: %[[SHIFT:.*]] = prim.select %[[ISINF]], %[[ZERO]], %[[M]] : tensor<2x1xi1>, tensor<2x1xf32>
// CHECK: %[[B:.*]] = prim.broadcast_in_dim %[[SHIFT]] {dims = array<i64: 0, 1>} : (tensor<2x1xf32>) -> tensor<2x3xf32>
// CHECK: %[[D:.*]] = prim.sub %[[X]], %[[B]] : tensor<2x3xf32>
// CHECK: %[[E:.*]] = prim.exp %[[D]] : tensor<2x3xf32>
// CHECK: %[[S:.*]] = prim.reduce sum %[[E]] {dims = array<i64: 1>} : (tensor<2x3xf32>) -> tensor<2xf32>
// CHECK: %[[SHIFT1:.*]] = prim.reshape %[[SHIFT]] : (tensor<2x1xf32>) -> tensor<2xf32>
// CHECK: %[[LOG:.*]] = prim.log %[[S]] : tensor<2xf32>
// CHECK: %[[R:.*]] = prim.add %[[LOG]], %[[SHIFT1]] : tensor<2xf32>
// CHECK: return %[[R]]
func.func @reduce_log_sum_exp(%x: tensor<2x3xf32>) -> !onnx.value {
  %0 = onnx.node "ReduceLogSumExp"(%x) {attrs = {axes = array<i64: 1>, keepdims = 0 : i64}, domain = "", node_name = "n", version = 13 : i64} : (tensor<2x3xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Integers: ReduceL2 (like LogSum and LogSumExp) computes in f64 and
// truncates back; ReduceMean divides in integers (toward zero).
// CHECK-LABEL: func.func @reduce_integers
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xi32>)
// CHECK: %[[F:.*]] = prim.convert %[[X]] : (tensor<2x3xi32>) -> tensor<2x3xf64>
// CHECK: %[[SQ:.*]] = prim.mul %[[F]], %[[F]] : tensor<2x3xf64>
// CHECK: %[[S:.*]] = prim.reduce sum %[[SQ]] {dims = array<i64: 1>} : (tensor<2x3xf64>) -> tensor<2xf64>
// CHECK: %[[R:.*]] = prim.sqrt %[[S]] : tensor<2xf64>
// CHECK: %[[L2:.*]] = prim.convert %[[R]] : (tensor<2xf64>) -> tensor<2xi32>
// CHECK: %[[SUM:.*]] = prim.reduce sum %[[X]] {dims = array<i64: 1>} : (tensor<2x3xi32>) -> tensor<2xi32>
// CHECK: %[[N:.*]] = arith.constant dense<3> : tensor<2xi32>
// CHECK: %[[MEAN:.*]] = prim.div %[[SUM]], %[[N]] : tensor<2xi32>
// CHECK: return %[[L2]], %[[MEAN]]
func.func @reduce_integers(%x: tensor<2x3xi32>) -> (!onnx.value, !onnx.value) {
  %0 = onnx.node "ReduceL2"(%x) {attrs = {axes = array<i64: 1>, keepdims = 0 : i64}, domain = "", node_name = "n0", version = 13 : i64} : (tensor<2x3xi32>) -> !onnx.value
  %1 = onnx.node "ReduceMean"(%x) {attrs = {axes = array<i64: 1>, keepdims = 0 : i64}, domain = "", node_name = "n1", version = 13 : i64} : (tensor<2x3xi32>) -> !onnx.value
  return %0, %1 : !onnx.value, !onnx.value
}

// -----

// noop_with_empty_axes reduces each element alone: |x| for L1 and L2,
// log x for LogSum, x * x for SumSquare, x itself for the others.
// CHECK-LABEL: func.func @reduce_noop_kinds
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NOT: prim.reduce
// CHECK: %[[A:.*]] = prim.abs %[[X]] : tensor<2x3xf32>
// CHECK: %[[L:.*]] = prim.log %[[X]] : tensor<2x3xf32>
// CHECK: %[[SQ:.*]] = prim.mul %[[X]], %[[X]] : tensor<2x3xf32>
// CHECK-NOT: prim.reduce
// CHECK: return %[[A]], %[[L]], %[[SQ]], %[[X]], %[[X]]
func.func @reduce_noop_kinds(%x: tensor<2x3xf32>) -> (!onnx.value, !onnx.value, !onnx.value, !onnx.value, !onnx.value) {
  %none = onnx.none
  %0 = onnx.node "ReduceL2"(%x, %none) {attrs = {noop_with_empty_axes = 1 : i64}, domain = "", node_name = "n0", version = 18 : i64} : (tensor<2x3xf32>, none) -> !onnx.value
  %1 = onnx.node "ReduceLogSum"(%x, %none) {attrs = {noop_with_empty_axes = 1 : i64}, domain = "", node_name = "n1", version = 18 : i64} : (tensor<2x3xf32>, none) -> !onnx.value
  %2 = onnx.node "ReduceSumSquare"(%x, %none) {attrs = {noop_with_empty_axes = 1 : i64}, domain = "", node_name = "n2", version = 18 : i64} : (tensor<2x3xf32>, none) -> !onnx.value
  %3 = onnx.node "ReduceLogSumExp"(%x, %none) {attrs = {noop_with_empty_axes = 1 : i64}, domain = "", node_name = "n3", version = 18 : i64} : (tensor<2x3xf32>, none) -> !onnx.value
  %4 = onnx.node "ReduceMean"(%x, %none) {attrs = {noop_with_empty_axes = 1 : i64}, domain = "", node_name = "n4", version = 18 : i64} : (tensor<2x3xf32>, none) -> !onnx.value
  return %0, %1, %2, %3, %4 : !onnx.value, !onnx.value, !onnx.value, !onnx.value, !onnx.value
}

// -----

// ReduceMean over dynamic dims counts at run time: the product of the
// reduced sizes (d0 * 3), made a tensor with prim.from_sizes, converted and
// broadcast like the sum. No static count (of 0 or otherwise) comes of the
// dynamic size.
// CHECK-LABEL: func.func @reduce_mean_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<?x3x?xf32>) -> tensor<1x1x?xf32>
// CHECK: %[[S:.*]] = prim.reduce sum %[[X]] {dims = array<i64: 0, 1>} : (tensor<?x3x?xf32>) -> tensor<?xf32>
// CHECK: %[[D2:.*]] = prim.dim %[[X]] {dim = 2 : i64}
// CHECK: %[[K:.*]] = prim.reshape %[[S]] sizes(%[[D2]]) : (tensor<?xf32>) -> tensor<1x1x?xf32>
// CHECK: %[[D0:.*]] = prim.dim %[[X]] {dim = 0 : i64}
// CHECK: %[[C3:.*]] = arith.constant 3 : index
// CHECK: %[[N:.*]] = arith.muli %[[D0]], %[[C3]] : index
// CHECK: %[[NT:.*]] = prim.from_sizes %[[N]] : tensor<i64>
// CHECK: %[[NF:.*]] = prim.convert %[[NT]] : (tensor<i64>) -> tensor<f32>
// CHECK: %[[NB:.*]] = prim.broadcast_in_dim %[[NF]] sizes(%{{.*}}) {dims = array<i64>} : (tensor<f32>) -> tensor<1x1x?xf32>
// CHECK: %[[M:.*]] = prim.div %[[K]], %[[NB]] : tensor<1x1x?xf32>
// CHECK: return %[[M]]
func.func @reduce_mean_dynamic(%x: tensor<?x3x?xf32>) -> !onnx.value {
  %0 = onnx.node "ReduceMean"(%x) {attrs = {axes = array<i64: 0, 1>}, domain = "", node_name = "r", version = 13 : i64} : (tensor<?x3x?xf32>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// ArgMax and ArgMin: prim.reduce argmax/argmin over the axis (default 0,
// negative from the end) to i64; keepdims (default 1) reshapes;
// select_last_index sets select_last.
// CHECK-LABEL: func.func @arg_max_min
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>) -> (tensor<1x3x4xi64>, tensor<2x3xi64>, tensor<2x4xi64>)
// CHECK: %[[A:.*]] = prim.reduce argmax %[[X]] {dims = array<i64: 0>} : (tensor<2x3x4xf32>) -> tensor<3x4xi64>
// CHECK: %[[AK:.*]] = prim.reshape %[[A]] : (tensor<3x4xi64>) -> tensor<1x3x4xi64>
// CHECK: %[[B:.*]] = prim.reduce argmin %[[X]] {dims = array<i64: 2>, select_last} : (tensor<2x3x4xf32>) -> tensor<2x3xi64>
// CHECK: %[[C:.*]] = prim.reduce argmax %[[X]] {dims = array<i64: 1>} : (tensor<2x3x4xf32>) -> tensor<2x4xi64>
// CHECK: return %[[AK]], %[[B]], %[[C]]
func.func @arg_max_min(%x: tensor<2x3x4xf32>) -> (!onnx.value, !onnx.value, !onnx.value) {
  %0 = onnx.node "ArgMax"(%x) {attrs = {}, domain = "", node_name = "a0", version = 11 : i64} : (tensor<2x3x4xf32>) -> !onnx.value
  %1 = onnx.node "ArgMin"(%x) {attrs = {axis = -1 : i64, keepdims = 0 : i64, select_last_index = 1 : i64}, domain = "", node_name = "a1", version = 13 : i64} : (tensor<2x3x4xf32>) -> !onnx.value
  %2 = onnx.node "ArgMax"(%x) {attrs = {axis = 1 : i64, keepdims = 0 : i64}, domain = "", node_name = "a2", version = 1 : i64} : (tensor<2x3x4xf32>) -> !onnx.value
  return %0, %1, %2 : !onnx.value, !onnx.value, !onnx.value
}

// -----

// Over a dynamic dim; the kept dim keeps its run-time size.
// CHECK-LABEL: func.func @arg_max_dynamic
// CHECK-SAME: (%[[X:.*]]: tensor<?x?xf32>) -> tensor<?x1xi64>
// CHECK: %[[A:.*]] = prim.reduce argmax %[[X]] {dims = array<i64: 1>} : (tensor<?x?xf32>) -> tensor<?xi64>
// CHECK: %[[D0:.*]] = prim.dim %[[X]] {dim = 0 : i64}
// CHECK: %[[K:.*]] = prim.reshape %[[A]] sizes(%[[D0]]) : (tensor<?xi64>) -> tensor<?x1xi64>
// CHECK: return %[[K]]
func.func @arg_max_dynamic(%x: tensor<?x?xf32>) -> !onnx.value {
  %0 = onnx.node "ArgMax"(%x) {attrs = {axis = 1 : i64}, domain = "", node_name = "a", version = 13 : i64} : (tensor<?x?xf32>) -> !onnx.value
  return %0 : !onnx.value
}
