// RUN: dlc-opt %s -convert-onnx-to-prim -canonicalize -cse -split-input-file | FileCheck %s

// Shapes as data: Shape makes prim.from_sizes, and the ops reading a shape
// (Reshape, Expand, Slice, Range, Gather on a shape) take its sizes, so that
// static shape arithmetic folds and dynamic arithmetic is on index values.

// Shape -> Concat -> Reshape: the reshape takes the dims themselves.
// CHECK-LABEL: func.func @shape_to_reshape
// CHECK-DAG: %[[B:.*]] = prim.dim %arg0 {dim = 0 : i64}
// CHECK-DAG: %[[S:.*]] = prim.dim %arg0 {dim = 1 : i64}
// CHECK-NEXT: prim.reshape %arg0 sizes(%[[B]], %[[S]]) : (tensor<?x?x8xf32>) -> tensor<?x?x2x4xf32>
func.func @shape_to_reshape(%x: tensor<?x?x8xf32>) -> !onnx.value {
  %s = onnx.node "Shape"(%x) {attrs = {end = 2 : i64}, domain = "", node_name = "shape", version = 15 : i64} : (tensor<?x?x8xf32>) -> !onnx.value
  %tail = arith.constant dense<[2, 4]> : tensor<2xi64>
  %t = onnx.node "Concat"(%s, %tail) {attrs = {axis = 0 : i64}, domain = "", node_name = "cat", version = 13 : i64} : (!onnx.value, tensor<2xi64>) -> !onnx.value
  %r = onnx.node "Reshape"(%x, %t) {attrs = {allowzero = 1 : i64}, domain = "", node_name = "r", version = 14 : i64} : (tensor<?x?x8xf32>, !onnx.value) -> !onnx.value
  return %r : !onnx.value
}

// -----

// CHECK-LABEL: func.func @gather_size
// CHECK: %[[N:.*]] = prim.dim %arg0 {dim = 0 : i64}
// CHECK-NEXT: prim.from_sizes %[[N]] : tensor<i64>
func.func @gather_size(%x: tensor<?x5xf32>) -> !onnx.value {
  %s = onnx.node "Shape"(%x) {attrs = {}, domain = "", node_name = "shape", version = 13 : i64} : (tensor<?x5xf32>) -> !onnx.value
  %i = arith.constant dense<0> : tensor<i64>
  %n = onnx.node "Gather"(%s, %i) {attrs = {axis = 0 : i64}, domain = "", node_name = "g", version = 13 : i64} : (!onnx.value, tensor<i64>) -> !onnx.value
  return %n : !onnx.value
}

// -----

// CHECK-LABEL: func.func @range_dynamic
// CHECK: %[[N:.*]] = prim.dim %arg0 {dim = 0 : i64}
// CHECK: %[[C:.*]] = arith.maxsi %[[N]], %c0
// CHECK: %[[I:.*]] = prim.iota sizes(%[[C]]) {dim = 0 : i64} : tensor<?xi64>
// CHECK: prim.mul %[[I]]
// CHECK: prim.add
func.func @range_dynamic(%x: tensor<?xf32>) -> !onnx.value {
  %s = onnx.node "Shape"(%x) {attrs = {}, domain = "", node_name = "shape", version = 13 : i64} : (tensor<?xf32>) -> !onnx.value
  %z = arith.constant dense<0> : tensor<1xi64>
  %n = onnx.node "Squeeze"(%s, %z) {attrs = {}, domain = "", node_name = "sq", version = 13 : i64} : (!onnx.value, tensor<1xi64>) -> !onnx.value
  %start = arith.constant dense<0> : tensor<i64>
  %step = arith.constant dense<1> : tensor<i64>
  %r = onnx.node "Range"(%start, %n, %step) {attrs = {}, domain = "", node_name = "range", version = 11 : i64} : (tensor<i64>, !onnx.value, tensor<i64>) -> !onnx.value
  return %r : !onnx.value
}

// -----

// A short Range of constant bounds is a constant (here from the rank, as an
// expanded RMSNormalization computes its axes), so that ReduceMean reads it
// as constant axes.
// CHECK-LABEL: func.func @range_constant_axes
// CHECK-SAME: (%[[X:.*]]: tensor<?x3x4xf32>) -> tensor<?x1x1xf32>
// CHECK-NOT: prim.iota
// CHECK: prim.reduce sum %[[X]] {dims = array<i64: 1, 2>} : (tensor<?x3x4xf32>) -> tensor<?xf32>
func.func @range_constant_axes(%x: tensor<?x3x4xf32>) -> !onnx.value {
  %s = onnx.node "Shape"(%x) {attrs = {}, domain = "", node_name = "shape", version = 13 : i64} : (tensor<?x3x4xf32>) -> !onnx.value
  %n = onnx.node "Size"(%s) {attrs = {}, domain = "", node_name = "size", version = 13 : i64} : (!onnx.value) -> !onnx.value
  %start = arith.constant dense<1> : tensor<i64>
  %step = arith.constant dense<1> : tensor<i64>
  %r = onnx.node "Range"(%start, %n, %step) {attrs = {}, domain = "", node_name = "range", version = 11 : i64} : (tensor<i64>, !onnx.value, tensor<i64>) -> !onnx.value
  %m = onnx.node "ReduceMean"(%x, %r) {attrs = {}, domain = "", node_name = "mean", version = 18 : i64} : (tensor<?x3x4xf32>, !onnx.value) -> !onnx.value
  return %m : !onnx.value
}

// -----

// A float Range of constant bounds is computed at compile time.
// CHECK-LABEL: func.func @range_float_constant
// CHECK: %[[R:.*]] = arith.constant dense<[1.000000e+00, 1.250000e+00, 1.500000e+00, 1.750000e+00]> : tensor<4xf32>
// CHECK: return %[[R]]
func.func @range_float_constant() -> !onnx.value {
  %s = arith.constant dense<1.0> : tensor<f32>
  %l = arith.constant dense<2.0> : tensor<f32>
  %d = arith.constant dense<0.25> : tensor<f32>
  %r = onnx.node "Range"(%s, %l, %d) {attrs = {}, domain = "", node_name = "range", version = 11 : i64} : (tensor<f32>, tensor<f32>, tensor<f32>) -> !onnx.value
  return %r : !onnx.value
}

// -----

// A float Range of run-time bounds counts in f64: ceil((limit - start) /
// delta), 0 where not positive (or NaN) or where delta is 0, capped at 2^62;
// read as a size, it sizes an f64 iota, start + i * delta converted back.
// CHECK-LABEL: func.func @range_float_runtime
// CHECK-SAME: (%[[S:.*]]: tensor<f32>, %[[L:.*]]: tensor<f32>, %[[D:.*]]: tensor<f32>) -> tensor<?xf32>
// CHECK-DAG: %[[CAP:.*]] = arith.constant dense<4.6116860184273879E+18> : tensor<f64>
// CHECK-DAG: %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : tensor<f64>
// CHECK-DAG: %[[S64:.*]] = prim.convert %[[S]] : (tensor<f32>) -> tensor<f64>
// CHECK-DAG: %[[D64:.*]] = prim.convert %[[D]] : (tensor<f32>) -> tensor<f64>
// CHECK-DAG: %[[L64:.*]] = prim.convert %[[L]] : (tensor<f32>) -> tensor<f64>
// CHECK: %[[SPAN:.*]] = prim.sub %[[L64]], %[[S64]] : tensor<f64>
// CHECK: %[[Q:.*]] = prim.div %[[SPAN]], %[[D64]] : tensor<f64>
// CHECK: %[[C:.*]] = prim.ceil %[[Q]] : tensor<f64>
// CHECK: %[[POS:.*]] = prim.compare gt, %[[C]], %[[ZERO]] : tensor<f64>
// CHECK: %[[MIN:.*]] = prim.min %[[C]], %[[CAP]] : tensor<f64>
// CHECK: %[[N:.*]] = prim.select %[[POS]], %[[MIN]], %[[ZERO]] : tensor<i1>, tensor<f64>
// CHECK: %[[NOSTEP:.*]] = prim.compare eq, %[[D64]], %[[ZERO]] : tensor<f64>
// CHECK: %[[N2:.*]] = prim.select %[[NOSTEP]], %[[ZERO]], %[[N]] : tensor<i1>, tensor<f64>
// CHECK: %[[NI:.*]] = prim.convert %[[N2]] : (tensor<f64>) -> tensor<i64>
// CHECK: %[[SIZE:.*]] = prim.size_at %[[NI]] {index = 0 : i64} : tensor<i64>
// CHECK: %[[I:.*]] = prim.iota sizes(%[[SIZE]]) {dim = 0 : i64} : tensor<?xf64>
// CHECK-DAG: %[[SB:.*]] = prim.broadcast_in_dim %[[S64]] sizes(%{{.*}}) {dims = array<i64>} : (tensor<f64>) -> tensor<?xf64>
// CHECK-DAG: %[[DB:.*]] = prim.broadcast_in_dim %[[D64]] sizes(%{{.*}}) {dims = array<i64>} : (tensor<f64>) -> tensor<?xf64>
// CHECK: %[[M:.*]] = prim.mul %[[I]], %[[DB]] : tensor<?xf64>
// CHECK: %[[V:.*]] = prim.add %[[M]], %[[SB]] : tensor<?xf64>
// CHECK: %[[R:.*]] = prim.convert %[[V]] : (tensor<?xf64>) -> tensor<?xf32>
// CHECK: return %[[R]]
func.func @range_float_runtime(%s: tensor<f32>, %l: tensor<f32>, %d: tensor<f32>) -> !onnx.value {
  %r = onnx.node "Range"(%s, %l, %d) {attrs = {}, domain = "", node_name = "range", version = 11 : i64} : (tensor<f32>, tensor<f32>, tensor<f32>) -> !onnx.value
  return %r : !onnx.value
}

// -----

// CHECK-LABEL: func.func @expand
// CHECK: %[[N:.*]] = prim.dim %arg1 {dim = 0 : i64}
// CHECK-NEXT: prim.broadcast_in_dim %arg0 sizes(%[[N]]) {dims = array<i64: 0, 1, 2>} : (tensor<1x1x4xf32>) -> tensor<?x1x4xf32>
func.func @expand(%c: tensor<1x1x4xf32>, %x: tensor<?x3xf32>) -> !onnx.value {
  %s = onnx.node "Shape"(%x) {attrs = {end = 1 : i64}, domain = "", node_name = "shape", version = 15 : i64} : (tensor<?x3xf32>) -> !onnx.value
  %ones = arith.constant dense<[1, 1]> : tensor<2xi64>
  %t = onnx.node "Concat"(%s, %ones) {attrs = {axis = 0 : i64}, domain = "", node_name = "cat", version = 13 : i64} : (!onnx.value, tensor<2xi64>) -> !onnx.value
  %e = onnx.node "Expand"(%c, %t) {attrs = {}, domain = "", node_name = "e", version = 13 : i64} : (tensor<1x1x4xf32>, !onnx.value) -> !onnx.value
  return %e : !onnx.value
}

// -----

// A slice to a run-time length: clamped into the dim, then a dynamic slice.
// CHECK-LABEL: func.func @slice_to_length
// CHECK: %[[T:.*]] = prim.dim %arg1 {dim = 1 : i64}
// CHECK: %[[N:.*]] = arith.minsi %[[T]], %c16
// CHECK: prim.dynamic_slice %arg0 starts(%c0, %c0) sizes(%[[N]]) {strides = array<i64: 1, 1>} : (tensor<1x16xi64>) -> tensor<1x?xi64>
func.func @slice_to_length(%p: tensor<1x16xi64>, %x: tensor<?x?xf32>) -> !onnx.value {
  %s = onnx.node "Shape"(%x) {attrs = {start = 1 : i64, end = 2 : i64}, domain = "", node_name = "shape", version = 15 : i64} : (tensor<?x?xf32>) -> !onnx.value
  %zero = arith.constant dense<0> : tensor<1xi64>
  %one = arith.constant dense<1> : tensor<1xi64>
  %r = onnx.node "Slice"(%p, %zero, %s, %one) {attrs = {}, domain = "", node_name = "slice", version = 13 : i64} : (tensor<1x16xi64>, tensor<1xi64>, !onnx.value, tensor<1xi64>) -> !onnx.value
  return %r : !onnx.value
}

// -----

// ONNX's clamping at compile time; a negative step gathers the positions.
// CHECK-LABEL: func.func @slice_static
// CHECK: %[[P:.*]] = arith.constant dense<[5, 3, 1]> : tensor<3xi64>
// CHECK: %[[G:.*]] = prim.gather %arg0, %[[P]] {axis = 1 : i64} : (tensor<4x6xf32>, tensor<3xi64>) -> tensor<4x3xf32>
// CHECK: prim.slice %[[G]] {limit = array<i64: 3, 3>, start = array<i64: 3, 0>, strides = array<i64: 1, 1>} : (tensor<4x3xf32>) -> tensor<0x3xf32>
func.func @slice_static(%x: tensor<4x6xf32>) -> !onnx.value {
  %s = arith.constant dense<[5, -1]> : tensor<2xi64>
  %e = arith.constant dense<[0, -100]> : tensor<2xi64>
  %a = arith.constant dense<[1, 0]> : tensor<2xi64>
  %st = arith.constant dense<[-2, 1]> : tensor<2xi64>
  %r = onnx.node "Slice"(%x, %s, %e, %a, %st) {attrs = {}, domain = "", node_name = "slice", version = 13 : i64} : (tensor<4x6xf32>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>, tensor<2xi64>) -> !onnx.value
  return %r : !onnx.value
}

// -----

// Negative indices count from the end.
// CHECK-LABEL: func.func @gather_data
// CHECK: %[[NEG:.*]] = prim.compare lt, %arg1
// CHECK: %[[UP:.*]] = prim.add %arg1
// CHECK: %[[I:.*]] = prim.select %[[NEG]], %[[UP]], %arg1
// CHECK: prim.gather %arg0, %[[I]] {axis = 0 : i64} : (tensor<10x4xf32>, tensor<?x?xi64>) -> tensor<?x?x4xf32>
func.func @gather_data(%w: tensor<10x4xf32>, %ids: tensor<?x?xi64>) -> !onnx.value {
  %0 = onnx.node "Gather"(%w, %ids) {attrs = {axis = 0 : i64}, domain = "", node_name = "embed", version = 13 : i64} : (tensor<10x4xf32>, tensor<?x?xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// GatherND: one gather of the leading dims as one, at a linearized index.
// CHECK-LABEL: func.func @gather_nd
// CHECK: %[[J1:.*]] = prim.gather %arg1, %{{.*}} {axis = 1 : i64} : (tensor<?x2xi64>, tensor<i64>) -> tensor<?xi64>
// CHECK: %[[J0:.*]] = prim.gather %arg1, %{{.*}} {axis = 1 : i64} : (tensor<?x2xi64>, tensor<i64>) -> tensor<?xi64>
// CHECK: prim.mul
// CHECK: %[[L:.*]] = prim.add
// CHECK: %[[ROWS:.*]] = prim.reshape %arg0 : (tensor<3x4x2xf32>) -> tensor<12x2xf32>
// CHECK: prim.gather %[[ROWS]], %[[L]] {axis = 0 : i64} : (tensor<12x2xf32>, tensor<?xi64>) -> tensor<?x2xf32>
func.func @gather_nd(%x: tensor<3x4x2xf32>, %i: tensor<?x2xi64>) -> !onnx.value {
  %0 = onnx.node "GatherND"(%x, %i) {attrs = {}, domain = "", node_name = "gnd", version = 13 : i64} : (tensor<3x4x2xf32>, tensor<?x2xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// A shape read at run time keeps ONNX's meaning of 0 and -1 there.
// CHECK-LABEL: func.func @reshape_runtime_shape
// CHECK-DAG: %[[A:.*]] = prim.size_at %arg1 {index = 0 : i64}
// CHECK-DAG: %[[B:.*]] = prim.size_at %arg1 {index = 1 : i64}
// CHECK: %[[AZ:.*]] = arith.cmpi eq, %[[A]], %c0
// CHECK: %[[A1:.*]] = arith.select %[[AZ]], %c2, %[[A]]
// CHECK: %[[AM:.*]] = arith.cmpi eq, %[[A1]], %c-1
// CHECK: %[[INF:.*]] = arith.divui %c6
// CHECK: %[[A2:.*]] = arith.select %[[AM]], %[[INF]], %[[A1]]
// CHECK: prim.reshape %arg0 sizes(%[[A2]], %{{.*}}) : (tensor<2x3xf32>) -> tensor<?x?xf32>
func.func @reshape_runtime_shape(%x: tensor<2x3xf32>, %s: tensor<2xi64>) -> !onnx.value {
  %0 = onnx.node "Reshape"(%x, %s) {attrs = {}, domain = "", node_name = "r", version = 14 : i64} : (tensor<2x3xf32>, tensor<2xi64>) -> !onnx.value
  return %0 : !onnx.value
}

// -----

// Compress: the condition (cut to the axis) counted at run time; the k-th
// selected slice is at the number of running counts <= k.
// CHECK-LABEL: func.func @compress
// CHECK-SAME: -> tensor<?x3xf32>
// CHECK: %[[L:.*]] = prim.dim %arg1 {dim = 0 : i64}
// CHECK: %[[U:.*]] = arith.minsi %[[L]], %c4
// CHECK: %[[C:.*]] = prim.dynamic_slice %arg1 starts(%c0) sizes(%[[U]])
// CHECK: %[[F:.*]] = prim.convert %[[C]] : (tensor<?xi1>) -> tensor<?xi64>
// CHECK: %[[SUMS:.*]] = prim.cumsum %[[F]] {dim = 0 : i64} : tensor<?xi64>
// CHECK: %[[T:.*]] = prim.reduce  sum %[[F]] {dims = array<i64: 0>} : (tensor<?xi64>) -> tensor<i64>
// CHECK: %[[K:.*]] = prim.size_at %[[T]] {index = 0 : i64} : tensor<i64>
// CHECK: %[[IOTA:.*]] = prim.iota sizes(%[[K]], %[[U]]) {dim = 0 : i64} : tensor<?x?xi64>
// CHECK: %[[B:.*]] = prim.broadcast_in_dim %[[SUMS]] sizes(%[[K]], %[[U]]) {dims = array<i64: 1>}
// CHECK: %[[LE:.*]] = prim.compare  le, %[[B]], %[[IOTA]]
// CHECK: %[[N:.*]] = prim.convert %[[LE]]
// CHECK: %[[P:.*]] = prim.reduce  sum %[[N]] {dims = array<i64: 1>} : (tensor<?x?xi64>) -> tensor<?xi64>
// CHECK: prim.gather %arg0, %[[P]] {axis = 0 : i64} : (tensor<4x3xf32>, tensor<?xi64>) -> tensor<?x3xf32>
func.func @compress(%x: tensor<4x3xf32>, %c: tensor<?xi1>) -> !onnx.value {
  %0 = onnx.node "Compress"(%x, %c) {attrs = {axis = 0 : i64}, domain = "", node_name = "c", version = 11 : i64} : (tensor<4x3xf32>, tensor<?xi1>) -> !onnx.value
  return %0 : !onnx.value
}
