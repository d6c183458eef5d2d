// RUN: dlc-opt %s -convert-prim-to-linalg -split-input-file -verify-diagnostics

// What the lowering does not handle yet: shape-changing prims with dynamic
// dims (they carry no runtime shape) are left illegal and the pass fails.

func.func @reshape_dynamic(%x: tensor<?x3xf32>) -> tensor<?xf32> {
  // expected-error @+1 {{failed to legalize operation 'prim.reshape' that was explicitly marked illegal}}
  %0 = prim.reshape %x : (tensor<?x3xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @broadcast_to_dynamic(%x: tensor<3xf32>) -> tensor<?x3xf32> {
  // expected-error @+1 {{failed to legalize operation 'prim.broadcast_in_dim' that was explicitly marked illegal}}
  %0 = prim.broadcast_in_dim %x {dims = array<i64: 1>} : (tensor<3xf32>) -> tensor<?x3xf32>
  return %0 : tensor<?x3xf32>
}

// -----

func.func @reduce_dynamic(%x: tensor<?x3xf32>) -> tensor<?xf32> {
  // expected-error @+1 {{failed to legalize operation 'prim.reduce' that was explicitly marked illegal}}
  %0 = prim.reduce sum %x {dims = array<i64: 1>} : (tensor<?x3xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}

// -----

func.func @matmul_dynamic(%a: tensor<?x4xf32>, %b: tensor<4x5xf32>) -> tensor<?x5xf32> {
  // expected-error @+1 {{failed to legalize operation 'prim.matmul' that was explicitly marked illegal}}
  %0 = prim.matmul %a, %b : (tensor<?x4xf32>, tensor<4x5xf32>) -> tensor<?x5xf32>
  return %0 : tensor<?x5xf32>
}

// -----

func.func @pad_dynamic(%x: tensor<?xf32>) -> tensor<?xf32> {
  // expected-error @+1 {{failed to legalize operation 'prim.pad' that was explicitly marked illegal}}
  %0 = prim.pad %x {low = array<i64: 1>, high = array<i64: 1>, value = 0.0 : f32} : (tensor<?xf32>) -> tensor<?xf32>
  return %0 : tensor<?xf32>
}
