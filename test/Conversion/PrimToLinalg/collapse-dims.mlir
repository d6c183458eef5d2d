// RUN: dlc-opt %s -dlc-collapse-parallel-dims -split-input-file | FileCheck %s

// Elementwise generics iterate runs of dims that are contiguous in every
// operand as one dim: all of them for identity maps, H and W next to a
// per-channel operand. Reductions and broadcasts of size-1 dims stay.

// CHECK-LABEL: func.func @identity
// CHECK: tensor.collapse_shape %arg0 {{\[}}[0, 1, 2, 3]] : tensor<1x16x4x8xf32> into tensor<512xf32>
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel"]
// CHECK: tensor.expand_shape %{{.*}} {{\[}}[0, 1, 2, 3]] output_shape [1, 16, 4, 8] : tensor<512xf32> into tensor<1x16x4x8xf32>
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
func.func @identity(%x: tensor<1x16x4x8xf32>) -> tensor<1x16x4x8xf32> {
  %e = tensor.empty() : tensor<1x16x4x8xf32>
  %0 = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%x : tensor<1x16x4x8xf32>) outs(%e : tensor<1x16x4x8xf32>) {
  ^bb0(%in: f32, %out: f32):
    %1 = math.exp %in : f32
    linalg.yield %1 : f32
  } -> tensor<1x16x4x8xf32>
  return %0 : tensor<1x16x4x8xf32>
}

// -----

// CHECK-LABEL: func.func @per_channel
// CHECK: tensor.collapse_shape %arg0 {{\[}}[0], [1], [2, 3]] : tensor<2x16x4x8xf32> into tensor<2x16x32xf32>
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel"]
#id = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
#ch = affine_map<(d0, d1, d2, d3) -> (d1)>
func.func @per_channel(%x: tensor<2x16x4x8xf32>, %b: tensor<16xf32>) -> tensor<2x16x4x8xf32> {
  %e = tensor.empty() : tensor<2x16x4x8xf32>
  %0 = linalg.generic {indexing_maps = [#id, #ch, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%x, %b : tensor<2x16x4x8xf32>, tensor<16xf32>) outs(%e : tensor<2x16x4x8xf32>) {
  ^bb0(%in: f32, %c: f32, %out: f32):
    %1 = arith.addf %in, %c : f32
    linalg.yield %1 : f32
  } -> tensor<2x16x4x8xf32>
  return %0 : tensor<2x16x4x8xf32>
}

// -----

// CHECK-LABEL: func.func @reduction_untouched
// CHECK-NOT: tensor.collapse_shape
// CHECK: iterator_types = ["parallel", "reduction"]
#in = affine_map<(d0, d1) -> (d0, d1)>
#out = affine_map<(d0, d1) -> (d0)>
func.func @reduction_untouched(%x: tensor<4x8xf32>, %init: tensor<4xf32>) -> tensor<4xf32> {
  %0 = linalg.generic {indexing_maps = [#in, #out], iterator_types = ["parallel", "reduction"]} ins(%x : tensor<4x8xf32>) outs(%init : tensor<4xf32>) {
  ^bb0(%in: f32, %out: f32):
    %1 = arith.addf %in, %out : f32
    linalg.yield %1 : f32
  } -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
