// RUN: dlc-opt %s -convert-prim-to-linalg -split-input-file -verify-diagnostics

// What the lowering does not handle: a broadcast to a dynamic dim that has
// no run-time size (no `sizes`, no dynamic operand dim mapped to it), and
// convolutions whose filter, or grouped channels, are dynamic. The ops stay
// illegal and the pass fails.

func.func @broadcast_to_dynamic(%x: tensor<3xf32>) -> tensor<?x3xf32> {
  // expected-error @+1 {{failed to legalize operation 'prim.broadcast_in_dim' that was explicitly marked illegal}}
  %0 = prim.broadcast_in_dim %x {dims = array<i64: 1>} : (tensor<3xf32>) -> tensor<?x3xf32>
  return %0 : tensor<?x3xf32>
}

// -----

func.func @conv_dynamic_filter(%x: tensor<1x3x8x8xf32>, %w: tensor<?x3x3x3xf32>) -> tensor<1x?x6x6xf32> {
  // expected-error @+1 {{failed to legalize operation 'prim.conv' that was explicitly marked illegal}}
  %0 = prim.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, groups = 1 : i64} : (tensor<1x3x8x8xf32>, tensor<?x3x3x3xf32>) -> tensor<1x?x6x6xf32>
  return %0 : tensor<1x?x6x6xf32>
}

// -----

func.func @grouped_conv_dynamic_channels(%x: tensor<1x?x8x8xf32>, %w: tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error @+1 {{failed to legalize operation 'prim.conv' that was explicitly marked illegal}}
  %0 = prim.conv %x, %w {strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>, groups = 2 : i64} : (tensor<1x?x8x8xf32>, tensor<4x2x3x3xf32>) -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}
