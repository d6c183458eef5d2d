// RUN: dlc-opt %s -convert-prim-to-linalg -split-input-file | FileCheck %s

// Convolutions other than 2-D become one linalg.generic over the grouped
// view [N, G, C, S...] x [G, F, C, K...] -> [N, G, F, O...]: loops n, g, f,
// o... (parallel), then c, k... (reduction); input index o*stride + k*dilation.

// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7, d8, d9) -> (d0, d1, d6, d3 * 2 + d7, d4 * 2 + d8, d5 * 2 + d9 * 3)>
// CHECK-DAG: #[[W:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7, d8, d9) -> (d1, d2, d6, d7, d8, d9)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5, d6, d7, d8, d9) -> (d0, d1, d2, d3, d4, d5)>
// CHECK-LABEL: func.func @conv3d_grouped
// CHECK: %[[X:.*]] = tensor.expand_shape %{{.*}} {{\[}}[0], [1, 2], [3], [4], [5]] output_shape [1, 2, 2, 9, 9, 12]
// CHECK: %[[F:.*]] = tensor.expand_shape %{{.*}} {{\[}}[0, 1], [2], [3], [4], [5]] output_shape [2, 3, 2, 2, 2, 2]
// CHECK: %[[Y:.*]] = linalg.generic {indexing_maps = [#[[IN]], #[[W]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction", "reduction"]} ins(%[[X]], %[[F]] : tensor<1x2x2x9x9x12xf32>, tensor<2x3x2x2x2x2xf32>)
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK: tensor.collapse_shape %[[Y]] {{\[}}[0], [1, 2], [3], [4], [5]] : tensor<1x2x3x4x4x5xf32> into tensor<1x6x4x4x5xf32>
func.func @conv3d_grouped(%x: tensor<1x4x9x9x12xf32>, %w: tensor<6x2x2x2x2xf32>) -> tensor<1x6x4x4x5xf32> {
  %0 = prim.conv %x, %w {strides = array<i64: 2, 2, 2>, dilations = array<i64: 1, 1, 3>, groups = 2 : i64} : (tensor<1x4x9x9x12xf32>, tensor<6x2x2x2x2xf32>) -> tensor<1x6x4x4x5xf32>
  return %0 : tensor<1x6x4x4x5xf32>
}
