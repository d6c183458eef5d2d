// RUN: dlc-opt %s -dlc-linalg-to-microkernels -split-input-file | FileCheck %s

// On buffers, f32 linalg.matmul / batch_matmul become calls to dlc_rt_sgemm
// and contiguous f32 NCHW convolutions calls to dlc_rt_conv2d:
//   dlc_rt_sgemm(batch, M, N, K, A, a_bs, a_rs, a_cs, B, b_bs, b_rs, b_cs,
//                C, c_bs, c_rs, c_cs)
//   dlc_rt_conv2d(N, C, H, W, F, KH, KW, OH, OW, stride_h, stride_w,
//                 dil_h, dil_w, groups, in, filter, out)
// Pointers are the aligned base plus the offset in bytes (4 per f32); sizes
// and strides (in elements) come from the descriptors. Everything else is
// left for the loop lowering. The checks tie each argument to its operand,
// whatever order the operands are taken apart in.

// CHECK-LABEL: module
// CHECK: func.func private @dlc_rt_sgemm(i64, i64, i64, i64, !llvm.ptr, i64, i64, i64, !llvm.ptr, i64, i64, i64, !llvm.ptr, i64, i64, i64)
// CHECK-LABEL: func.func @matmul
// CHECK-SAME: (%[[A:.*]]: memref<4x8xf32>, %[[B:.*]]: memref<8x2xf32>, %[[C:.*]]: memref<4x2xf32>)
// CHECK-DAG: %[[ABUF:[a-z0-9_]+]], %[[AOFF:[a-z0-9_]+]], %[[AS:[a-z0-9_]+]]:2, %[[AT:[a-z0-9_]+]]:2 = memref.extract_strided_metadata %[[A]] :
// CHECK-DAG: %[[AINT:[a-z0-9_]+]] = memref.extract_aligned_pointer_as_index %[[ABUF]] :
// CHECK-DAG: %[[AOFFB:[0-9]+]] = arith.muli %[[AOFF]], %[[AEB:c4[_0-9]*]] : index
// CHECK-DAG: %[[AEB]] = arith.constant 4 : index
// CHECK-DAG: %[[AADDR:[0-9]+]] = arith.addi %[[AINT]], %[[AOFFB]] : index
// CHECK-DAG: %[[AADDR64:[0-9]+]] = arith.index_cast %[[AADDR]] : index to i64
// CHECK-DAG: %[[APTR:[0-9]+]] = llvm.inttoptr %[[AADDR64]] : i64 to !llvm.ptr
// CHECK-DAG: %[[BBUF:[a-z0-9_]+]], %[[BOFF:[a-z0-9_]+]], %[[BS:[a-z0-9_]+]]:2, %[[BT:[a-z0-9_]+]]:2 = memref.extract_strided_metadata %[[B]] :
// CHECK-DAG: %[[BINT:[a-z0-9_]+]] = memref.extract_aligned_pointer_as_index %[[BBUF]] :
// CHECK-DAG: %[[BOFFB:[0-9]+]] = arith.muli %[[BOFF]], %[[BEB:c4[_0-9]*]] : index
// CHECK-DAG: %[[BEB]] = arith.constant 4 : index
// CHECK-DAG: %[[BADDR:[0-9]+]] = arith.addi %[[BINT]], %[[BOFFB]] : index
// CHECK-DAG: %[[BADDR64:[0-9]+]] = arith.index_cast %[[BADDR]] : index to i64
// CHECK-DAG: %[[BPTR:[0-9]+]] = llvm.inttoptr %[[BADDR64]] : i64 to !llvm.ptr
// CHECK-DAG: %[[CBUF:[a-z0-9_]+]], %[[COFF:[a-z0-9_]+]], %[[CS:[a-z0-9_]+]]:2, %[[CT:[a-z0-9_]+]]:2 = memref.extract_strided_metadata %[[C]] :
// CHECK-DAG: %[[CINT:[a-z0-9_]+]] = memref.extract_aligned_pointer_as_index %[[CBUF]] :
// CHECK-DAG: %[[COFFB:[0-9]+]] = arith.muli %[[COFF]], %[[CEB:c4[_0-9]*]] : index
// CHECK-DAG: %[[CEB]] = arith.constant 4 : index
// CHECK-DAG: %[[CADDR:[0-9]+]] = arith.addi %[[CINT]], %[[COFFB]] : index
// CHECK-DAG: %[[CADDR64:[0-9]+]] = arith.index_cast %[[CADDR]] : index to i64
// CHECK-DAG: %[[CPTR:[0-9]+]] = llvm.inttoptr %[[CADDR64]] : i64 to !llvm.ptr
// CHECK-DAG: %[[M:[0-9]+]] = arith.index_cast %[[AS]]#0 : index to i64
// CHECK-DAG: %[[K:[0-9]+]] = arith.index_cast %[[AS]]#1 : index to i64
// CHECK-DAG: %[[N:[0-9]+]] = arith.index_cast %[[BS]]#1 : index to i64
// CHECK-DAG: %[[ARS:[0-9]+]] = arith.index_cast %[[AT]]#0 : index to i64
// CHECK-DAG: %[[ACS:[0-9]+]] = arith.index_cast %[[AT]]#1 : index to i64
// CHECK-DAG: %[[BRS:[0-9]+]] = arith.index_cast %[[BT]]#0 : index to i64
// CHECK-DAG: %[[BCS:[0-9]+]] = arith.index_cast %[[BT]]#1 : index to i64
// CHECK-DAG: %[[CRS:[0-9]+]] = arith.index_cast %[[CT]]#0 : index to i64
// CHECK-DAG: %[[CCS:[0-9]+]] = arith.index_cast %[[CT]]#1 : index to i64
// CHECK-DAG: %[[ZERO:c0_i64[_0-9]*]] = arith.constant 0 : i64
// CHECK-DAG: %[[ONE:c1_i64[_0-9]*]] = arith.constant 1 : i64
// CHECK: call @dlc_rt_sgemm(%[[ONE]], %[[M]], %[[N]], %[[K]], %[[APTR]], %[[ZERO]], %[[ARS]], %[[ACS]], %[[BPTR]], %[[ZERO]], %[[BRS]], %[[BCS]], %[[CPTR]], %[[ZERO]], %[[CRS]], %[[CCS]])
// CHECK-NOT: linalg.matmul
// CHECK: return
func.func @matmul(%a: memref<4x8xf32>, %b: memref<8x2xf32>, %c: memref<4x2xf32>) {
  linalg.matmul ins(%a, %b : memref<4x8xf32>, memref<8x2xf32>) outs(%c : memref<4x2xf32>)
  return
}

// -----

// Batched: the batch size and the batch strides are the leading entries.
// CHECK-LABEL: func.func @batch_matmul
// CHECK-SAME: (%[[A:.*]]: memref<3x4x8xf32>, %[[B:.*]]: memref<3x8x2xf32>, %[[C:.*]]: memref<3x4x2xf32>)
// CHECK-DAG: %[[ABUF:[a-z0-9_]+]], %[[AOFF:[a-z0-9_]+]], %[[AS:[a-z0-9_]+]]:3, %[[AT:[a-z0-9_]+]]:3 = memref.extract_strided_metadata %[[A]] :
// CHECK-DAG: %[[AINT:[a-z0-9_]+]] = memref.extract_aligned_pointer_as_index %[[ABUF]] :
// CHECK-DAG: %[[AOFFB:[0-9]+]] = arith.muli %[[AOFF]], %[[AEB:c4[_0-9]*]] : index
// CHECK-DAG: %[[AEB]] = arith.constant 4 : index
// CHECK-DAG: %[[AADDR:[0-9]+]] = arith.addi %[[AINT]], %[[AOFFB]] : index
// CHECK-DAG: %[[AADDR64:[0-9]+]] = arith.index_cast %[[AADDR]] : index to i64
// CHECK-DAG: %[[APTR:[0-9]+]] = llvm.inttoptr %[[AADDR64]] : i64 to !llvm.ptr
// CHECK-DAG: %[[BBUF:[a-z0-9_]+]], %[[BOFF:[a-z0-9_]+]], %[[BS:[a-z0-9_]+]]:3, %[[BT:[a-z0-9_]+]]:3 = memref.extract_strided_metadata %[[B]] :
// CHECK-DAG: %[[BINT:[a-z0-9_]+]] = memref.extract_aligned_pointer_as_index %[[BBUF]] :
// CHECK-DAG: %[[BOFFB:[0-9]+]] = arith.muli %[[BOFF]], %[[BEB:c4[_0-9]*]] : index
// CHECK-DAG: %[[BEB]] = arith.constant 4 : index
// CHECK-DAG: %[[BADDR:[0-9]+]] = arith.addi %[[BINT]], %[[BOFFB]] : index
// CHECK-DAG: %[[BADDR64:[0-9]+]] = arith.index_cast %[[BADDR]] : index to i64
// CHECK-DAG: %[[BPTR:[0-9]+]] = llvm.inttoptr %[[BADDR64]] : i64 to !llvm.ptr
// CHECK-DAG: %[[CBUF:[a-z0-9_]+]], %[[COFF:[a-z0-9_]+]], %[[CS:[a-z0-9_]+]]:3, %[[CT:[a-z0-9_]+]]:3 = memref.extract_strided_metadata %[[C]] :
// CHECK-DAG: %[[CINT:[a-z0-9_]+]] = memref.extract_aligned_pointer_as_index %[[CBUF]] :
// CHECK-DAG: %[[COFFB:[0-9]+]] = arith.muli %[[COFF]], %[[CEB:c4[_0-9]*]] : index
// CHECK-DAG: %[[CEB]] = arith.constant 4 : index
// CHECK-DAG: %[[CADDR:[0-9]+]] = arith.addi %[[CINT]], %[[COFFB]] : index
// CHECK-DAG: %[[CADDR64:[0-9]+]] = arith.index_cast %[[CADDR]] : index to i64
// CHECK-DAG: %[[CPTR:[0-9]+]] = llvm.inttoptr %[[CADDR64]] : i64 to !llvm.ptr
// CHECK-DAG: %[[BATCH:[0-9]+]] = arith.index_cast %[[AS]]#0 : index to i64
// CHECK-DAG: %[[M:[0-9]+]] = arith.index_cast %[[AS]]#1 : index to i64
// CHECK-DAG: %[[K:[0-9]+]] = arith.index_cast %[[AS]]#2 : index to i64
// CHECK-DAG: %[[N:[0-9]+]] = arith.index_cast %[[BS]]#2 : index to i64
// CHECK-DAG: %[[ABS:[0-9]+]] = arith.index_cast %[[AT]]#0 : index to i64
// CHECK-DAG: %[[ARS:[0-9]+]] = arith.index_cast %[[AT]]#1 : index to i64
// CHECK-DAG: %[[ACS:[0-9]+]] = arith.index_cast %[[AT]]#2 : index to i64
// CHECK-DAG: %[[BBS:[0-9]+]] = arith.index_cast %[[BT]]#0 : index to i64
// CHECK-DAG: %[[BRS:[0-9]+]] = arith.index_cast %[[BT]]#1 : index to i64
// CHECK-DAG: %[[BCS:[0-9]+]] = arith.index_cast %[[BT]]#2 : index to i64
// CHECK-DAG: %[[CBS:[0-9]+]] = arith.index_cast %[[CT]]#0 : index to i64
// CHECK-DAG: %[[CRS:[0-9]+]] = arith.index_cast %[[CT]]#1 : index to i64
// CHECK-DAG: %[[CCS:[0-9]+]] = arith.index_cast %[[CT]]#2 : index to i64
// CHECK: call @dlc_rt_sgemm(%[[BATCH]], %[[M]], %[[N]], %[[K]], %[[APTR]], %[[ABS]], %[[ARS]], %[[ACS]], %[[BPTR]], %[[BBS]], %[[BRS]], %[[BCS]], %[[CPTR]], %[[CBS]], %[[CRS]], %[[CCS]])
// CHECK-NOT: linalg.batch_matmul
func.func @batch_matmul(%a: memref<3x4x8xf32>, %b: memref<3x8x2xf32>, %c: memref<3x4x2xf32>) {
  linalg.batch_matmul ins(%a, %b : memref<3x4x8xf32>, memref<3x8x2xf32>) outs(%c : memref<3x4x2xf32>)
  return
}

// -----

// Strided views (a transposed B, a subview of A with an offset) still go to
// sgemm: strides and offsets are passed, not assumed.
// CHECK-LABEL: func.func @matmul_strided
// CHECK-SAME: (%[[A:.*]]: memref<4x8xf32, strided<[16, 1], offset: 2>>, %[[B:.*]]: memref<8x2xf32, strided<[1, 8]>>
// CHECK: memref.extract_strided_metadata %[[A]]
// CHECK: memref.extract_strided_metadata %[[B]]
// CHECK: call @dlc_rt_sgemm
// CHECK-NOT: linalg.matmul
func.func @matmul_strided(%a: memref<4x8xf32, strided<[16, 1], offset: 2>>, %b: memref<8x2xf32, strided<[1, 8]>>, %c: memref<4x2xf32>) {
  linalg.matmul ins(%a, %b : memref<4x8xf32, strided<[16, 1], offset: 2>>, memref<8x2xf32, strided<[1, 8]>>) outs(%c : memref<4x2xf32>)
  return
}

// -----

// Dynamic sizes come from the descriptors at run time.
// CHECK-LABEL: func.func @matmul_dynamic
// CHECK: call @dlc_rt_sgemm
func.func @matmul_dynamic(%a: memref<?x8xf32>, %b: memref<8x?xf32>, %c: memref<?x?xf32>) {
  linalg.matmul ins(%a, %b : memref<?x8xf32>, memref<8x?xf32>) outs(%c : memref<?x?xf32>)
  return
}

// -----

// Other element types stay linalg.matmul, and nothing is declared.
// CHECK-LABEL: module
// CHECK-NOT: dlc_rt_sgemm
// CHECK-LABEL: func.func @matmul_i32
// CHECK: linalg.matmul ins(%{{.*}}, %{{.*}} : memref<4x8xi32>, memref<8x2xi32>) outs(%{{.*}} : memref<4x2xi32>)
// CHECK-NOT: call
// CHECK-LABEL: func.func @matmul_f64
// CHECK: linalg.matmul ins(%{{.*}}, %{{.*}} : memref<4x8xf64>, memref<8x2xf64>)
// CHECK-NOT: call
func.func @matmul_i32(%a: memref<4x8xi32>, %b: memref<8x2xi32>, %c: memref<4x2xi32>) {
  linalg.matmul ins(%a, %b : memref<4x8xi32>, memref<8x2xi32>) outs(%c : memref<4x2xi32>)
  return
}
func.func @matmul_f64(%a: memref<4x8xf64>, %b: memref<8x2xf64>, %c: memref<4x2xf64>) {
  linalg.matmul ins(%a, %b : memref<4x8xf64>, memref<8x2xf64>) outs(%c : memref<4x2xf64>)
  return
}

// -----

// Tensor semantics (before bufferization) are left alone.
// CHECK-LABEL: func.func @matmul_tensor
// CHECK: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<4x8xf32>, tensor<8x2xf32>)
// CHECK-NOT: call
func.func @matmul_tensor(%a: tensor<4x8xf32>, %b: tensor<8x2xf32>, %c: tensor<4x2xf32>) -> tensor<4x2xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<4x8xf32>, tensor<8x2xf32>) outs(%c : tensor<4x2xf32>) -> tensor<4x2xf32>
  return %0 : tensor<4x2xf32>
}

// -----

// CHECK-LABEL: module
// CHECK: func.func private @dlc_rt_conv2d(i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, i64, !llvm.ptr, !llvm.ptr, !llvm.ptr)
// CHECK-LABEL: func.func @conv
// CHECK-SAME: (%[[X:.*]]: memref<1x3x9x9xf32>, %[[W:.*]]: memref<4x3x3x3xf32>, %[[Y:.*]]: memref<1x4x4x2xf32>)
// CHECK-DAG: %[[XBUF:[a-z0-9_]+]], %[[XOFF:[a-z0-9_]+]], %[[XS:[a-z0-9_]+]]:4, %[[XT:[a-z0-9_]+]]:4 = memref.extract_strided_metadata %[[X]] :
// CHECK-DAG: %[[XINT:[a-z0-9_]+]] = memref.extract_aligned_pointer_as_index %[[XBUF]] :
// CHECK-DAG: %[[XOFFB:[0-9]+]] = arith.muli %[[XOFF]], %[[XEB:c4[_0-9]*]] : index
// CHECK-DAG: %[[XEB]] = arith.constant 4 : index
// CHECK-DAG: %[[XADDR:[0-9]+]] = arith.addi %[[XINT]], %[[XOFFB]] : index
// CHECK-DAG: %[[XADDR64:[0-9]+]] = arith.index_cast %[[XADDR]] : index to i64
// CHECK-DAG: %[[XPTR:[0-9]+]] = llvm.inttoptr %[[XADDR64]] : i64 to !llvm.ptr
// CHECK-DAG: %[[WBUF:[a-z0-9_]+]], %[[WOFF:[a-z0-9_]+]], %[[WS:[a-z0-9_]+]]:4, %[[WT:[a-z0-9_]+]]:4 = memref.extract_strided_metadata %[[W]] :
// CHECK-DAG: %[[WINT:[a-z0-9_]+]] = memref.extract_aligned_pointer_as_index %[[WBUF]] :
// CHECK-DAG: %[[WOFFB:[0-9]+]] = arith.muli %[[WOFF]], %[[WEB:c4[_0-9]*]] : index
// CHECK-DAG: %[[WEB]] = arith.constant 4 : index
// CHECK-DAG: %[[WADDR:[0-9]+]] = arith.addi %[[WINT]], %[[WOFFB]] : index
// CHECK-DAG: %[[WADDR64:[0-9]+]] = arith.index_cast %[[WADDR]] : index to i64
// CHECK-DAG: %[[WPTR:[0-9]+]] = llvm.inttoptr %[[WADDR64]] : i64 to !llvm.ptr
// CHECK-DAG: %[[YBUF:[a-z0-9_]+]], %[[YOFF:[a-z0-9_]+]], %[[YS:[a-z0-9_]+]]:4, %[[YT:[a-z0-9_]+]]:4 = memref.extract_strided_metadata %[[Y]] :
// CHECK-DAG: %[[YINT:[a-z0-9_]+]] = memref.extract_aligned_pointer_as_index %[[YBUF]] :
// CHECK-DAG: %[[YOFFB:[0-9]+]] = arith.muli %[[YOFF]], %[[YEB:c4[_0-9]*]] : index
// CHECK-DAG: %[[YEB]] = arith.constant 4 : index
// CHECK-DAG: %[[YADDR:[0-9]+]] = arith.addi %[[YINT]], %[[YOFFB]] : index
// CHECK-DAG: %[[YADDR64:[0-9]+]] = arith.index_cast %[[YADDR]] : index to i64
// CHECK-DAG: %[[YPTR:[0-9]+]] = llvm.inttoptr %[[YADDR64]] : i64 to !llvm.ptr
// CHECK-DAG: %[[N:[0-9]+]] = arith.index_cast %[[XS]]#0 : index to i64
// CHECK-DAG: %[[CH:[0-9]+]] = arith.index_cast %[[XS]]#1 : index to i64
// CHECK-DAG: %[[H:[0-9]+]] = arith.index_cast %[[XS]]#2 : index to i64
// CHECK-DAG: %[[WD:[0-9]+]] = arith.index_cast %[[XS]]#3 : index to i64
// CHECK-DAG: %[[F:[0-9]+]] = arith.index_cast %[[WS]]#0 : index to i64
// CHECK-DAG: %[[KH:[0-9]+]] = arith.index_cast %[[WS]]#2 : index to i64
// CHECK-DAG: %[[KW:[0-9]+]] = arith.index_cast %[[WS]]#3 : index to i64
// CHECK-DAG: %[[OH:[0-9]+]] = arith.index_cast %[[YS]]#2 : index to i64
// CHECK-DAG: %[[OW:[0-9]+]] = arith.index_cast %[[YS]]#3 : index to i64
// CHECK-DAG: %[[SH:c2_i64[_0-9]*]] = arith.constant 2 : i64
// CHECK-DAG: %[[SW:c3_i64[_0-9]*]] = arith.constant 3 : i64
// CHECK-DAG: %[[DW:c2_i64[_0-9]*]] = arith.constant 2 : i64
// CHECK: call @dlc_rt_conv2d(%[[N]], %[[CH]], %[[H]], %[[WD]], %[[F]], %[[KH]], %[[KW]], %[[OH]], %[[OW]], %[[SH]], %[[SW]], %[[DH:c1_i64[_0-9]*]], %[[DW]], %[[G:c1_i64[_0-9]*]], %[[XPTR]], %[[WPTR]], %[[YPTR]])
// CHECK-NOT: linalg.conv
func.func @conv(%x: memref<1x3x9x9xf32>, %w: memref<4x3x3x3xf32>, %y: memref<1x4x4x2xf32>) {
  linalg.conv_2d_nchw_fchw {dilations = dense<[1, 2]> : tensor<2xi64>, strides = dense<[2, 3]> : tensor<2xi64>} ins(%x, %w : memref<1x3x9x9xf32>, memref<4x3x3x3xf32>) outs(%y : memref<1x4x4x2xf32>)
  return
}

// -----

// Grouped: [N, G, C, H, W] x [G, F, C, KH, KW] passes C and F as totals
// (G * C, G * F) and G as the group count.
// CHECK-LABEL: func.func @conv_grouped
// CHECK-SAME: (%[[X:.*]]: memref<1x2x2x5x5xf32>, %[[W:.*]]: memref<2x3x2x3x3xf32>, %[[Y:.*]]: memref<1x2x3x3x3xf32>)
// CHECK-DAG: %[[XBUF:[a-z0-9_]+]], %[[XOFF:[a-z0-9_]+]], %[[XS:[a-z0-9_]+]]:5, %[[XT:[a-z0-9_]+]]:5 = memref.extract_strided_metadata %[[X]] :
// CHECK-DAG: %[[XINT:[a-z0-9_]+]] = memref.extract_aligned_pointer_as_index %[[XBUF]] :
// CHECK-DAG: %[[XOFFB:[0-9]+]] = arith.muli %[[XOFF]], %[[XEB:c4[_0-9]*]] : index
// CHECK-DAG: %[[XEB]] = arith.constant 4 : index
// CHECK-DAG: %[[XADDR:[0-9]+]] = arith.addi %[[XINT]], %[[XOFFB]] : index
// CHECK-DAG: %[[XADDR64:[0-9]+]] = arith.index_cast %[[XADDR]] : index to i64
// CHECK-DAG: %[[XPTR:[0-9]+]] = llvm.inttoptr %[[XADDR64]] : i64 to !llvm.ptr
// CHECK-DAG: %[[WBUF:[a-z0-9_]+]], %[[WOFF:[a-z0-9_]+]], %[[WS:[a-z0-9_]+]]:5, %[[WT:[a-z0-9_]+]]:5 = memref.extract_strided_metadata %[[W]] :
// CHECK-DAG: %[[WINT:[a-z0-9_]+]] = memref.extract_aligned_pointer_as_index %[[WBUF]] :
// CHECK-DAG: %[[WOFFB:[0-9]+]] = arith.muli %[[WOFF]], %[[WEB:c4[_0-9]*]] : index
// CHECK-DAG: %[[WEB]] = arith.constant 4 : index
// CHECK-DAG: %[[WADDR:[0-9]+]] = arith.addi %[[WINT]], %[[WOFFB]] : index
// CHECK-DAG: %[[WADDR64:[0-9]+]] = arith.index_cast %[[WADDR]] : index to i64
// CHECK-DAG: %[[WPTR:[0-9]+]] = llvm.inttoptr %[[WADDR64]] : i64 to !llvm.ptr
// CHECK-DAG: %[[YBUF:[a-z0-9_]+]], %[[YOFF:[a-z0-9_]+]], %[[YS:[a-z0-9_]+]]:5, %[[YT:[a-z0-9_]+]]:5 = memref.extract_strided_metadata %[[Y]] :
// CHECK-DAG: %[[YINT:[a-z0-9_]+]] = memref.extract_aligned_pointer_as_index %[[YBUF]] :
// CHECK-DAG: %[[YOFFB:[0-9]+]] = arith.muli %[[YOFF]], %[[YEB:c4[_0-9]*]] : index
// CHECK-DAG: %[[YEB]] = arith.constant 4 : index
// CHECK-DAG: %[[YADDR:[0-9]+]] = arith.addi %[[YINT]], %[[YOFFB]] : index
// CHECK-DAG: %[[YADDR64:[0-9]+]] = arith.index_cast %[[YADDR]] : index to i64
// CHECK-DAG: %[[YPTR:[0-9]+]] = llvm.inttoptr %[[YADDR64]] : i64 to !llvm.ptr
// CHECK-DAG: %[[N:[0-9]+]] = arith.index_cast %[[XS]]#0 : index to i64
// CHECK-DAG: %[[G:[0-9]+]] = arith.index_cast %[[XS]]#1 : index to i64
// CHECK-DAG: %[[CG:[0-9]+]] = arith.index_cast %[[XS]]#2 : index to i64
// CHECK-DAG: %[[H:[0-9]+]] = arith.index_cast %[[XS]]#3 : index to i64
// CHECK-DAG: %[[WD:[0-9]+]] = arith.index_cast %[[XS]]#4 : index to i64
// CHECK-DAG: %[[WG:[0-9]+]] = arith.index_cast %[[WS]]#0 : index to i64
// CHECK-DAG: %[[FG:[0-9]+]] = arith.index_cast %[[WS]]#1 : index to i64
// CHECK-DAG: %[[KH:[0-9]+]] = arith.index_cast %[[WS]]#3 : index to i64
// CHECK-DAG: %[[KW:[0-9]+]] = arith.index_cast %[[WS]]#4 : index to i64
// CHECK-DAG: %[[OH:[0-9]+]] = arith.index_cast %[[YS]]#3 : index to i64
// CHECK-DAG: %[[OW:[0-9]+]] = arith.index_cast %[[YS]]#4 : index to i64
// CHECK-DAG: %[[CT:[0-9]+]] = arith.muli %[[G]], %[[CG]] : i64
// CHECK-DAG: %[[FT:[0-9]+]] = arith.muli %[[WG]], %[[FG]] : i64
// CHECK: call @dlc_rt_conv2d(%[[N]], %[[CT]], %[[H]], %[[WD]], %[[FT]], %[[KH]], %[[KW]], %[[OH]], %[[OW]], %{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}, %[[G]], %[[XPTR]], %[[WPTR]], %[[YPTR]])
// CHECK-NOT: linalg.conv
func.func @conv_grouped(%x: memref<1x2x2x5x5xf32>, %w: memref<2x3x2x3x3xf32>, %y: memref<1x2x3x3x3xf32>) {
  linalg.conv_2d_ngchw_gfchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : memref<1x2x2x5x5xf32>, memref<2x3x2x3x3xf32>) outs(%y : memref<1x2x3x3x3xf32>)
  return
}

// -----

// The conv kernel needs contiguous buffers: a strided view stays linalg, as
// does an f16 convolution.
// CHECK-LABEL: module
// CHECK-NOT: dlc_rt_conv2d
// CHECK-LABEL: func.func @conv_strided_input
// CHECK: linalg.conv_2d_nchw_fchw
// CHECK-LABEL: func.func @conv_f16
// CHECK: linalg.conv_2d_nchw_fchw
func.func @conv_strided_input(%x: memref<1x3x8x8xf32, strided<[384, 128, 16, 1]>>, %w: memref<4x3x3x3xf32>, %y: memref<1x4x6x6xf32>) {
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : memref<1x3x8x8xf32, strided<[384, 128, 16, 1]>>, memref<4x3x3x3xf32>) outs(%y : memref<1x4x6x6xf32>)
  return
}
func.func @conv_f16(%x: memref<1x3x8x8xf16>, %w: memref<4x3x3x3xf16>, %y: memref<1x4x6x6xf16>) {
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : memref<1x3x8x8xf16>, memref<4x3x3x3xf16>) outs(%y : memref<1x4x6x6xf16>)
  return
}

// -----

// One declaration per module, however many calls.
// CHECK-LABEL: module
// CHECK-COUNT-1: func.func private @dlc_rt_sgemm
// CHECK-NOT: func.func private @dlc_rt_sgemm
// CHECK-LABEL: func.func @two_matmuls
// CHECK-COUNT-2: call @dlc_rt_sgemm
func.func @two_matmuls(%a: memref<4x4xf32>, %b: memref<4x4xf32>, %c: memref<4x4xf32>) {
  linalg.matmul ins(%a, %b : memref<4x4xf32>, memref<4x4xf32>) outs(%c : memref<4x4xf32>)
  linalg.matmul ins(%c, %b : memref<4x4xf32>, memref<4x4xf32>) outs(%a : memref<4x4xf32>)
  return
}
