// RUN: dlc-opt %s -split-input-file -pass-pipeline='builtin.module(func.func(convert-prim-to-linalg,dlc-fuse-elementwise))' | FileCheck %s

// Elementwise chains fuse into one generic.
// CHECK-LABEL: func.func @chain
// CHECK: linalg.generic
// CHECK: math.exp
// CHECK-NEXT: math.tanh
// CHECK-NOT: linalg.generic
func.func @chain(%x: tensor<4x8xf32>) -> tensor<4x8xf32> {
  %0 = prim.exp %x : tensor<4x8xf32>
  %1 = prim.tanh %0 : tensor<4x8xf32>
  return %1 : tensor<4x8xf32>
}

// -----

// A producer a matmul reads once per output column is not fused into it
// (it would be recomputed for every column), and the matmul stays a named
// op for the GEMM kernels, with the reshapes around it.
// CHECK-LABEL: func.func @into_matmul
// CHECK: %[[E:.*]] = linalg.generic
// CHECK: math.exp
// CHECK: %[[F:.*]] = tensor.collapse_shape %[[E]]
// CHECK: %[[M:.*]] = linalg.matmul ins(%[[F]], %arg1
// CHECK: tensor.expand_shape %[[M]]
func.func @into_matmul(%x: tensor<2x3x8xf32>, %w: tensor<8x4xf32>) -> tensor<2x3x4xf32> {
  %0 = prim.exp %x : tensor<2x3x8xf32>
  %1 = prim.reshape %0 : (tensor<2x3x8xf32>) -> tensor<6x8xf32>
  %2 = prim.matmul %1, %w : (tensor<6x8xf32>, tensor<8x4xf32>) -> tensor<6x4xf32>
  %3 = prim.reshape %2 : (tensor<6x4xf32>) -> tensor<2x3x4xf32>
  return %3 : tensor<2x3x4xf32>
}

// -----

// Overlapping pooling windows read an element more than once: the producer
// is not fused into the window's loops.
// CHECK-LABEL: func.func @into_pooling
// CHECK: linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "parallel"]
// CHECK: math.exp
// CHECK: linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "parallel", "reduction", "reduction"]
// CHECK-NOT: math.exp
func.func @into_pooling(%x: tensor<4x8xf32>) -> tensor<4x6xf32> {
  %0 = prim.exp %x : tensor<4x8xf32>
  %1 = prim.reduce_window max %0 {window = array<i64: 1, 3>, strides = array<i64: 1, 1>, dilations = array<i64: 1, 1>} : (tensor<4x8xf32>) -> tensor<4x6xf32>
  return %1 : tensor<4x6xf32>
}
