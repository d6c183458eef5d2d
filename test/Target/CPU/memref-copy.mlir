// RUN: dlc-opt %s -dlc-lower-memref-copy -split-input-file | FileCheck %s
// RUN: dlc-opt %s -split-input-file --pass-pipeline='builtin.module(func.func(dlc-lower-memref-copy,convert-linalg-to-loops))' | FileCheck %s --check-prefix=LOOPS

// memref.copy becomes linalg.copy (source and target in the same order), so
// that copies of any layout lower to plain loops and the object code needs no
// memrefCopy from the MLIR runtime library. Contiguous buffers are copied
// flat, as one loop (which LLVM turns into a memcpy).

// CHECK-LABEL: func.func @copy
// CHECK-SAME: (%[[A:.*]]: memref<4x8xf32>, %[[B:.*]]: memref<4x8xf32>)
// CHECK-NEXT: %[[FA:.*]] = memref.collapse_shape %[[A]] {{\[}}[0, 1]] : memref<4x8xf32> into memref<32xf32>
// CHECK-NEXT: %[[FB:.*]] = memref.collapse_shape %[[B]] {{\[}}[0, 1]] : memref<4x8xf32> into memref<32xf32>
// CHECK-NEXT: linalg.copy ins(%[[FA]] : memref<32xf32>) outs(%[[FB]] : memref<32xf32>)
// CHECK-NEXT: return
// CHECK-NOT: memref.copy
// LOOPS-LABEL: func.func @copy
// LOOPS: scf.for %[[I:.*]] = %{{.*}} to %{{.*}} step
// LOOPS-NOT: scf.for
// LOOPS: %[[V:.*]] = memref.load %{{.*}}[%[[I]]] : memref<32xf32>
// LOOPS: memref.store %[[V]], %{{.*}}[%[[I]]] : memref<32xf32>
// LOOPS-NOT: memref.copy
func.func @copy(%a: memref<4x8xf32>, %b: memref<4x8xf32>) {
  memref.copy %a, %b : memref<4x8xf32> to memref<4x8xf32>
  return
}

// -----

// A strided source with an offset keeps its layout.
// CHECK-LABEL: func.func @copy_strided
// CHECK-SAME: (%[[A:.*]]: memref<4x8xf32, strided<[16, 2], offset: 3>>, %[[B:.*]]: memref<4x8xf32>)
// CHECK-NEXT: linalg.copy ins(%[[A]] : memref<4x8xf32, strided<[16, 2], offset: 3>>) outs(%[[B]] : memref<4x8xf32>)
// CHECK-NOT: memref.copy
// LOOPS-LABEL: func.func @copy_strided
// LOOPS: memref.load %{{.*}} : memref<4x8xf32, strided<[16, 2], offset: 3>>
// LOOPS: memref.store
// LOOPS-NOT: memref.copy
func.func @copy_strided(%a: memref<4x8xf32, strided<[16, 2], offset: 3>>, %b: memref<4x8xf32>) {
  memref.copy %a, %b : memref<4x8xf32, strided<[16, 2], offset: 3>> to memref<4x8xf32>
  return
}

// -----

// Dynamic shapes, integer elements, and copies nested in regions.
// CHECK-LABEL: func.func @copy_dynamic_nested
// CHECK-SAME: (%[[A:.*]]: memref<?xi8>, %[[B:.*]]: memref<?xi8>)
// CHECK: linalg.copy ins(%[[A]] : memref<?xi8>) outs(%[[B]] : memref<?xi8>)
// CHECK: scf.execute_region
// CHECK-NEXT: linalg.copy ins(%[[B]] : memref<?xi8>) outs(%[[A]] : memref<?xi8>)
// CHECK-NOT: memref.copy
// LOOPS-LABEL: func.func @copy_dynamic_nested
// LOOPS: memref.dim %{{.*}}, %{{.*}} : memref<?xi8>
// LOOPS: scf.for
// LOOPS-NOT: memref.copy
func.func @copy_dynamic_nested(%a: memref<?xi8>, %b: memref<?xi8>) {
  memref.copy %a, %b : memref<?xi8> to memref<?xi8>
  scf.execute_region {
    memref.copy %b, %a : memref<?xi8> to memref<?xi8>
    scf.yield
  }
  return
}
