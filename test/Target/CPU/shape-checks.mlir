// RUN: dlc-opt %s -dlc-lower-shape-checks | FileCheck %s

// A run-time shape check calls the runtime, which ends the run with
// DLC_ERROR_SHAPE: the two sizes go with the format; another assert's
// message has its '%' escaped and no sizes. Equal messages share a global.
// CHECK-DAG: llvm.mlir.global internal constant @dlc_shape_check_0("node 'n': dim 0 is %lld, expected %lld\00")
// CHECK-DAG: llvm.mlir.global internal constant @dlc_shape_check_1("100%% sure\00")
// CHECK: func.func private @dlc_rt_shape_error(!llvm.ptr, i64, i64)
// CHECK-LABEL: func.func @checks
// CHECK-SAME: (%[[A:.*]]: index, %[[B:.*]]: index, %[[C:.*]]: i1)
// CHECK: %[[SAME:.*]] = arith.cmpi eq, %[[A]], %[[B]] : index
// CHECK: %[[A64:.*]] = arith.index_cast %[[A]] : index to i64
// CHECK: %[[B64:.*]] = arith.index_cast %[[B]] : index to i64
// CHECK: %[[FAILED:.*]] = arith.xori %[[SAME]], %{{.*}} : i1
// CHECK: scf.if %[[FAILED]] {
// CHECK:   %[[FMT:.*]] = llvm.mlir.addressof @dlc_shape_check_0 : !llvm.ptr
// CHECK:   func.call @dlc_rt_shape_error(%[[FMT]], %[[A64]], %[[B64]])
// CHECK: scf.if
// CHECK:   llvm.mlir.addressof @dlc_shape_check_0
// CHECK: scf.if
// CHECK:   llvm.mlir.addressof @dlc_shape_check_1
// CHECK-NOT: cf.assert
func.func @checks(%a: index, %b: index, %c: i1) {
  %same = arith.cmpi eq, %a, %b : index
  cf.assert %same, "node 'n': dim 0 is %lld, expected %lld" {dlc.shape_check}
  cf.assert %same, "node 'n': dim 0 is %lld, expected %lld" {dlc.shape_check}
  cf.assert %c, "100% sure"
  return
}

// Any comparison of sizes: its operands go in order (the message names them
// by position).
// CHECK-LABEL: func.func @at_least
// CHECK-SAME: (%[[A:.*]]: index, %[[B:.*]]: index)
// CHECK: %[[OK:.*]] = arith.cmpi ule, %[[B]], %[[A]] : index
// CHECK: %[[B64:.*]] = arith.index_cast %[[B]] : index to i64
// CHECK: %[[A64:.*]] = arith.index_cast %[[A]] : index to i64
// CHECK: scf.if
// CHECK:   func.call @dlc_rt_shape_error(%{{.*}}, %[[B64]], %[[A64]])
func.func @at_least(%a: index, %b: index) {
  %ok = arith.cmpi ule, %b, %a : index
  cf.assert %ok, "node 'p': dim 1 is %2$lld, but at least %1$lld is needed" {dlc.shape_check}
  return
}
