// RUN: split-file %s %t
// RUN: dlc-opt %t/kernels.mlir -dlc-linalg-to-microkernels | FileCheck %s --check-prefix=KERNELS
// RUN: dlc-opt %t/model.mlir -dlc-prim-to-linalg-pipeline -dlc-linalg-to-llvm-pipeline | FileCheck %s --check-prefix=ABI

// A matmul whose right operand is a constant global of main_graph calls
// dlc_rt_sgemm_packed with the runtime's packed copy, read from a trailing
// `packed` argument; the module records which global each slot packs. The
// same global used twice gets one slot; a non-constant operand keeps
// dlc_rt_sgemm.

//--- kernels.mlir

// KERNELS: module attributes {dlc.pack_table = [{cs = 1 : i64, global = @w, k = 3 : i64, n = 4 : i64, rs = 4 : i64}]}
// KERNELS-LABEL: func.func @main_graph(
// KERNELS-SAME: %[[PACKED:[a-z0-9_]+]]: !llvm.ptr {dlc.packed})
// KERNELS: %[[SLOT:.*]] = llvm.getelementptr %[[PACKED]][0]
// KERNELS: %[[P:.*]] = llvm.load %[[SLOT]] : !llvm.ptr -> !llvm.ptr
// KERNELS: call @dlc_rt_sgemm_packed({{.*}}, %[[P]], {{.*}})
// KERNELS: %[[SLOT2:.*]] = llvm.getelementptr %[[PACKED]][0]
// KERNELS: call @dlc_rt_sgemm_packed(
// KERNELS: call @dlc_rt_sgemm(
// KERNELS-NOT: linalg.matmul
memref.global "private" constant @w : memref<3x4xf32> = dense<1.0>
func.func @main_graph(%a: memref<2x3xf32>, %b: memref<3x4xf32>, %c: memref<2x4xf32>) {
  %w = memref.get_global @w : memref<3x4xf32>
  linalg.matmul ins(%a, %w : memref<2x3xf32>, memref<3x4xf32>) outs(%c : memref<2x4xf32>)
  linalg.matmul ins(%a, %w : memref<2x3xf32>, memref<3x4xf32>) outs(%c : memref<2x4xf32>)
  linalg.matmul ins(%a, %b : memref<2x3xf32>, memref<3x4xf32>) outs(%c : memref<2x4xf32>)
  return
}

//--- model.mlir

// The model ABI has a table {data, k, n, rs, cs} per packed operand (at the
// constant itself), its count, and an entry that forwards the packed array.
// ABI: llvm.mlir.global external constant @dlc_model_pack_table() {{.*}} : !llvm.array<1 x struct<(ptr, i64, i64, i64, i64)>>
// ABI: llvm.mlir.addressof @__constant_3x4xf32
// ABI: llvm.mlir.global external constant @dlc_model_pack_count(1 : i64)
// ABI: llvm.func @dlc_model_entry_0(%[[ARGS:[a-z0-9_]+]]: !llvm.ptr, %[[PACKED:[a-z0-9_]+]]: !llvm.ptr)
// ABI: llvm.call @_mlir_ciface_main_graph({{.*}}, %[[PACKED]])
func.func @main_graph(%a: tensor<2x3xf32> {onnx.name = "a"}) -> (tensor<2x4xf32> {onnx.name = "y"}) {
  %w = arith.constant dense<[[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0]]> : tensor<3x4xf32>
  %0 = prim.matmul %a, %w : (tensor<2x3xf32>, tensor<3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}
