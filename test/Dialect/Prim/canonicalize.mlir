// RUN: dlc-opt %s -canonicalize -split-input-file | FileCheck %s

// Folders of the prim ops.

// CHECK-LABEL: func.func @transpose_of_constant_2d
// CHECK-NEXT: %[[C:.*]] = arith.constant dense<{{\[}}[1.000000e+00, 4.000000e+00], [2.000000e+00, 5.000000e+00], [3.000000e+00, 6.000000e+00]]> : tensor<3x2xf32>
// CHECK-NEXT: return %[[C]]
func.func @transpose_of_constant_2d() -> tensor<3x2xf32> {
  %c = arith.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %0 = prim.transpose %c {permutation = array<i64: 1, 0>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// result[i][j][k] = input[j][k][i], input[a][b][c] = 12a + 4b + c.
// CHECK-LABEL: func.func @transpose_of_constant_3d
// CHECK-NEXT: %[[C:.*]] = arith.constant dense<{{\[\[}}[0, 4, 8], [12, 16, 20]], {{\[}}[1, 5, 9], [13, 17, 21]], {{\[}}[2, 6, 10], [14, 18, 22]], {{\[}}[3, 7, 11], [15, 19, 23]]]> : tensor<4x2x3xi32>
// CHECK-NEXT: return %[[C]]
func.func @transpose_of_constant_3d() -> tensor<4x2x3xi32> {
  %c = arith.constant dense<[[[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]], [[12, 13, 14, 15], [16, 17, 18, 19], [20, 21, 22, 23]]]> : tensor<2x3x4xi32>
  %0 = prim.transpose %c {permutation = array<i64: 2, 0, 1>} : (tensor<2x3x4xi32>) -> tensor<4x2x3xi32>
  return %0 : tensor<4x2x3xi32>
}

// -----

// CHECK-LABEL: func.func @transpose_of_constant_i64
// CHECK-NEXT: %[[C:.*]] = arith.constant dense<{{\[}}[-1, 3], [2, 9000000000]]> : tensor<2x2xi64>
// CHECK-NEXT: return %[[C]]
func.func @transpose_of_constant_i64() -> tensor<2x2xi64> {
  %c = arith.constant dense<[[-1, 2], [3, 9000000000]]> : tensor<2x2xi64>
  %0 = prim.transpose %c {permutation = array<i64: 1, 0>} : (tensor<2x2xi64>) -> tensor<2x2xi64>
  return %0 : tensor<2x2xi64>
}

// -----

// The weights of an imported model are dense_resource blobs.
// CHECK-LABEL: func.func @transpose_of_resource
// CHECK-NEXT: %[[C:.*]] = arith.constant dense<{{\[}}[1.000000e+00, 3.000000e+00], [2.000000e+00, 4.000000e+00]]> : tensor<2x2xf32>
// CHECK-NEXT: return %[[C]]
func.func @transpose_of_resource() -> tensor<2x2xf32> {
  %c = arith.constant dense_resource<blob1> : tensor<2x2xf32>
  %0 = prim.transpose %c {permutation = array<i64: 1, 0>} : (tensor<2x2xf32>) -> tensor<2x2xf32>
  return %0 : tensor<2x2xf32>
}

{-#
  dialect_resources: {
    builtin: {
      blob1: "0x040000000000803F000000400000404000008040"
    }
  }
#-}

// -----

// CHECK-LABEL: func.func @transpose_of_splat
// CHECK-NEXT: %[[C:.*]] = arith.constant dense<7.500000e+00> : tensor<4x2xf32>
// CHECK-NEXT: return %[[C]]
func.func @transpose_of_splat() -> tensor<4x2xf32> {
  %c = arith.constant dense<7.5> : tensor<2x4xf32>
  %0 = prim.transpose %c {permutation = array<i64: 1, 0>} : (tensor<2x4xf32>) -> tensor<4x2xf32>
  return %0 : tensor<4x2xf32>
}

// -----

// CHECK-LABEL: func.func @identity_transpose
// CHECK-SAME: (%[[X:.*]]: tensor<2x?xf32>)
// CHECK-NEXT: return %[[X]]
func.func @identity_transpose(%x: tensor<2x?xf32>) -> tensor<2x?xf32> {
  %0 = prim.transpose %x {permutation = array<i64: 0, 1>} : (tensor<2x?xf32>) -> tensor<2x?xf32>
  return %0 : tensor<2x?xf32>
}

// -----

// A non-identity transpose of a function argument stays.
// CHECK-LABEL: func.func @transpose_kept
// CHECK: prim.transpose %{{.*}} {permutation = array<i64: 1, 0>}
func.func @transpose_kept(%x: tensor<2x3xf32>) -> tensor<3x2xf32> {
  %0 = prim.transpose %x {permutation = array<i64: 1, 0>} : (tensor<2x3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// CHECK-LABEL: func.func @identity_convert
// CHECK-SAME: (%[[X:.*]]: tensor<?x3xf32>)
// CHECK-NEXT: return %[[X]]
func.func @identity_convert(%x: tensor<?x3xf32>) -> tensor<?x3xf32> {
  %0 = prim.convert %x : (tensor<?x3xf32>) -> tensor<?x3xf32>
  return %0 : tensor<?x3xf32>
}

// -----

// CHECK-LABEL: func.func @convert_kept
// CHECK: %[[C:.*]] = prim.convert %{{.*}} : (tensor<3xf32>) -> tensor<3xi32>
// CHECK: return %[[C]]
func.func @convert_kept(%x: tensor<3xf32>) -> tensor<3xi32> {
  %0 = prim.convert %x : (tensor<3xf32>) -> tensor<3xi32>
  return %0 : tensor<3xi32>
}

// -----

// CHECK-LABEL: func.func @identity_broadcast
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NEXT: return %[[X]]
func.func @identity_broadcast(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = prim.broadcast_in_dim %x {dims = array<i64: 0, 1>} : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @broadcast_of_splat
// CHECK-NEXT: %[[C:.*]] = arith.constant dense<-2.500000e+00> : tensor<4x3xf32>
// CHECK-NEXT: return %[[C]]
func.func @broadcast_of_splat() -> tensor<4x3xf32> {
  %c = arith.constant dense<-2.5> : tensor<3xf32>
  %0 = prim.broadcast_in_dim %c {dims = array<i64: 1>} : (tensor<3xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// CHECK-LABEL: func.func @broadcast_of_scalar_splat_int
// CHECK-NEXT: %[[C:.*]] = arith.constant dense<7> : tensor<2x5xi64>
// CHECK-NEXT: return %[[C]]
func.func @broadcast_of_scalar_splat_int() -> tensor<2x5xi64> {
  %c = arith.constant dense<7> : tensor<i64>
  %0 = prim.broadcast_in_dim %c {dims = array<i64>} : (tensor<i64>) -> tensor<2x5xi64>
  return %0 : tensor<2x5xi64>
}

// -----

// A non-splat constant is not broadcast at compile time.
// CHECK-LABEL: func.func @broadcast_of_non_splat
// CHECK: %[[C:.*]] = arith.constant dense<[1.000000e+00, 2.000000e+00, 3.000000e+00]> : tensor<3xf32>
// CHECK: %[[B:.*]] = prim.broadcast_in_dim %[[C]] {dims = array<i64: 1>} : (tensor<3xf32>) -> tensor<4x3xf32>
// CHECK: return %[[B]]
func.func @broadcast_of_non_splat() -> tensor<4x3xf32> {
  %c = arith.constant dense<[1.0, 2.0, 3.0]> : tensor<3xf32>
  %0 = prim.broadcast_in_dim %c {dims = array<i64: 1>} : (tensor<3xf32>) -> tensor<4x3xf32>
  return %0 : tensor<4x3xf32>
}

// -----

// CHECK-LABEL: func.func @identity_reshape
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NEXT: return %[[X]]
func.func @identity_reshape(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = prim.reshape %x : (tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func.func @reshape_of_reshape
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>)
// CHECK-NEXT: %[[R:.*]] = prim.reshape %[[X]] : (tensor<2x3x4xf32>) -> tensor<4x6xf32>
// CHECK-NEXT: return %[[R]]
func.func @reshape_of_reshape(%x: tensor<2x3x4xf32>) -> tensor<4x6xf32> {
  %0 = prim.reshape %x : (tensor<2x3x4xf32>) -> tensor<24xf32>
  %1 = prim.reshape %0 : (tensor<24xf32>) -> tensor<4x6xf32>
  return %1 : tensor<4x6xf32>
}

// -----

// Three reshapes merge into one; back to the input shape they vanish.
// CHECK-LABEL: func.func @reshape_chain_roundtrip
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-NOT: prim.reshape
// CHECK: return %[[X]]
func.func @reshape_chain_roundtrip(%x: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = prim.reshape %x : (tensor<2x3xf32>) -> tensor<6xf32>
  %1 = prim.reshape %0 : (tensor<6xf32>) -> tensor<3x2xf32>
  %2 = prim.reshape %1 : (tensor<3x2xf32>) -> tensor<2x3xf32>
  return %2 : tensor<2x3xf32>
}

// -----

// The intermediate reshape has another user and stays.
// CHECK-LABEL: func.func @reshape_of_reshape_shared
// CHECK-SAME: (%[[X:.*]]: tensor<2x3xf32>)
// CHECK-DAG: %[[A:.*]] = prim.reshape %[[X]] : (tensor<2x3xf32>) -> tensor<6xf32>
// CHECK-DAG: %[[B:.*]] = prim.reshape %[[X]] : (tensor<2x3xf32>) -> tensor<3x2xf32>
// CHECK: return %[[A]], %[[B]]
func.func @reshape_of_reshape_shared(%x: tensor<2x3xf32>) -> (tensor<6xf32>, tensor<3x2xf32>) {
  %0 = prim.reshape %x : (tensor<2x3xf32>) -> tensor<6xf32>
  %1 = prim.reshape %0 : (tensor<6xf32>) -> tensor<3x2xf32>
  return %0, %1 : tensor<6xf32>, tensor<3x2xf32>
}

// -----

// CHECK-LABEL: func.func @reshape_of_constant
// CHECK-NEXT: %[[C:.*]] = arith.constant dense<{{\[}}[1, 2], [3, 4], [5, 6]]> : tensor<3x2xi32>
// CHECK-NEXT: return %[[C]]
func.func @reshape_of_constant() -> tensor<3x2xi32> {
  %c = arith.constant dense<[[1, 2, 3], [4, 5, 6]]> : tensor<2x3xi32>
  %0 = prim.reshape %c : (tensor<2x3xi32>) -> tensor<3x2xi32>
  return %0 : tensor<3x2xi32>
}

// -----

// CHECK-LABEL: func.func @reshape_of_splat
// CHECK-NEXT: %[[C:.*]] = arith.constant dense<1.000000e+00> : tensor<f32>
// CHECK-NEXT: return %[[C]]
func.func @reshape_of_splat() -> tensor<f32> {
  %c = arith.constant dense<1.0> : tensor<1x1xf32>
  %0 = prim.reshape %c : (tensor<1x1xf32>) -> tensor<f32>
  return %0 : tensor<f32>
}

// -----

// A reshaped blob keeps its handle: the new constant points at the same blob.
// CHECK-LABEL: func.func @reshape_of_resource
// CHECK-NEXT: %[[C:.*]] = arith.constant dense_resource<blob2> : tensor<4xf32>
// CHECK-NEXT: return %[[C]]
func.func @reshape_of_resource() -> tensor<4xf32> {
  %c = arith.constant dense_resource<blob2> : tensor<2x2xf32>
  %0 = prim.reshape %c : (tensor<2x2xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

{-#
  dialect_resources: {
    builtin: {
      blob2: "0x040000000000803F000000400000404000008040"
    }
  }
#-}

// -----

// A reshape to a dynamic shape is not folded.
// CHECK-LABEL: func.func @reshape_dynamic_kept
// CHECK: prim.reshape %{{.*}} sizes(%{{.*}}) : (tensor<2x3xf32>) -> tensor<?xf32>
func.func @reshape_dynamic_kept(%x: tensor<2x3xf32>, %n: index) -> tensor<?xf32> {
  %0 = prim.reshape %x sizes(%n) : (tensor<2x3xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// A reshape to its operand's own dynamic type is kept: its sizes may differ.
// CHECK-LABEL: func.func @reshape_same_dynamic_type_kept
// CHECK: prim.reshape %{{.*}} sizes(%{{.*}}) : (tensor<?xf32>) -> tensor<?xf32>
func.func @reshape_same_dynamic_type_kept(%x: tensor<?xf32>, %n: index) -> tensor<?xf32> {
  %0 = prim.reshape %x sizes(%n) : (tensor<?xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

// Folds compose: transpose of a reshaped constant, then broadcast of a splat.
// CHECK-LABEL: func.func @folds_compose
// CHECK-NEXT: %[[C:.*]] = arith.constant dense<{{\[}}[1, 3], [2, 4]]> : tensor<2x2xi16>
// CHECK-NEXT: return %[[C]]
func.func @folds_compose() -> tensor<2x2xi16> {
  %c = arith.constant dense<[1, 2, 3, 4]> : tensor<4xi16>
  %0 = prim.reshape %c : (tensor<4xi16>) -> tensor<2x2xi16>
  %1 = prim.transpose %0 {permutation = array<i64: 1, 0>} : (tensor<2x2xi16>) -> tensor<2x2xi16>
  return %1 : tensor<2x2xi16>
}

// -----

// A static dim is a constant; a dynamic one is read at run time.
// CHECK-LABEL: func.func @dim_static
// CHECK: %[[C3:.*]] = arith.constant 3 : index
// CHECK: %[[N:.*]] = prim.dim %arg0 {dim = 0 : i64}
// CHECK: return %[[N]], %[[C3]]
func.func @dim_static(%x: tensor<?x3xf32>) -> (index, index) {
  %n = prim.dim %x {dim = 0} : tensor<?x3xf32>
  %m = prim.dim %x {dim = 1} : tensor<?x3xf32>
  return %n, %m : index, index
}

// -----

// prim.dim reads a size where it comes from: through elementwise ops and
// transposes, from a reshape's or broadcast's sizes. A reshape to its
// operand's own sizes folds away.
// CHECK-LABEL: func.func @dim_sources
// CHECK-SAME: (%[[X:.*]]: tensor<?x?xf32>, %[[N:.*]]: index)
// CHECK-DAG: %[[D1:.*]] = prim.dim %[[X]] {dim = 1 : i64}
// CHECK-DAG: %[[E:.*]] = prim.exp %[[X]]
// CHECK-NOT: prim.reshape
// CHECK: return %[[D1]], %[[N]], %[[E]]
func.func @dim_sources(%x: tensor<?x?xf32>, %n: index) -> (index, index, tensor<?x?xf32>) {
  %e = prim.exp %x : tensor<?x?xf32>
  %t = prim.transpose %e {permutation = array<i64: 1, 0>} : (tensor<?x?xf32>) -> tensor<?x?xf32>
  %0 = prim.dim %t {dim = 0 : i64} : tensor<?x?xf32>
  %r = prim.reshape %x sizes(%n) : (tensor<?x?xf32>) -> tensor<?xf32>
  %1 = prim.dim %r {dim = 0 : i64} : tensor<?xf32>
  %d0 = prim.dim %x {dim = 0 : i64} : tensor<?x?xf32>
  %d1 = prim.dim %e {dim = 1 : i64} : tensor<?x?xf32>
  %same = prim.reshape %e sizes(%d0, %d1) : (tensor<?x?xf32>) -> tensor<?x?xf32>
  return %0, %1, %same : index, index, tensor<?x?xf32>
}

// -----

// Shapes of static sizes are constants; a size read back from them is the
// size itself.
// CHECK-LABEL: func.func @shape_values_fold
// CHECK-SAME: (%[[X:.*]]: tensor<?x3xf32>)
// CHECK-DAG: %[[C:.*]] = arith.constant dense<[2, 3]> : tensor<2xi64>
// CHECK-DAG: %[[N:.*]] = prim.dim %[[X]] {dim = 0 : i64}
// CHECK: return %[[C]], %[[N]]
func.func @shape_values_fold(%x: tensor<?x3xf32>) -> (tensor<2xi64>, index) {
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %0 = prim.from_sizes %c2, %c3 : tensor<2xi64>
  %n = prim.dim %x {dim = 0} : tensor<?x3xf32>
  %s = prim.from_sizes %n, %c3 : tensor<2xi64>
  %1 = prim.size_at %s {index = 0} : tensor<2xi64>
  return %0, %1 : tensor<2xi64>, index
}

// -----

// A constant gathered at constant positions folds.
// CHECK-LABEL: func.func @gather_fold
// CHECK-NEXT: %[[C:.*]] = arith.constant dense<{{\[}}[5, 6], [1, 2], [5, 6]]> : tensor<3x2xi32>
// CHECK-NEXT: return %[[C]]
func.func @gather_fold() -> tensor<3x2xi32> {
  %t = arith.constant dense<[[1, 2], [3, 4], [5, 6]]> : tensor<3x2xi32>
  %i = arith.constant dense<[2, 0, 7]> : tensor<3xi64>
  %0 = prim.gather %t, %i {axis = 0} : (tensor<3x2xi32>, tensor<3xi64>) -> tensor<3x2xi32>
  return %0 : tensor<3x2xi32>
}
