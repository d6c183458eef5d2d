// RUN: dlc-opt %s -dlc-approximate-math -split-input-file | FileCheck %s

// f32 transcendental math ops become polynomial approximations made of
// arith ops and math.fma, which LLVM vectorizes, instead of libm calls.

// exp: range reduction x = n*ln2 + r, a polynomial in r, then 2^n built in
// the exponent bits.
// CHECK-LABEL: func.func @exp_f32
// CHECK-SAME: (%[[X:.*]]: f32) -> f32
// CHECK-NOT: math.exp
// CHECK-DAG: %[[LOG2E:.*]] = arith.constant 1.44269502 : f32
// CHECK-DAG: %[[BIAS:.*]] = arith.constant 127 : i32
// CHECK-DAG: %[[SHIFT:.*]] = arith.constant 23 : i32
// CHECK: math.fma %{{.*}}, %[[LOG2E]], %{{.*}} : f32
// CHECK: math.floor
// CHECK: %[[N:.*]] = arith.fptosi %{{.*}} : f32 to i32
// CHECK: %[[E:.*]] = arith.addi %[[N]], %[[BIAS]] : i32
// CHECK: %[[BITS:.*]] = arith.shli %[[E]], %[[SHIFT]] : i32
// CHECK: %[[POW2:.*]] = arith.bitcast %[[BITS]] : i32 to f32
// CHECK: %[[R:.*]] = arith.mulf %{{.*}}, %[[POW2]] : f32
// CHECK: return %[[R]] : f32
func.func @exp_f32(%x: f32) -> f32 {
  %0 = math.exp %x : f32
  return %0 : f32
}

// -----

// Vectors of f32 are approximated the same way.
// CHECK-LABEL: func.func @exp_vector
// CHECK-NOT: math.exp
// CHECK: math.fma %{{.*}} : vector<8xf32>
// CHECK: arith.bitcast %{{.*}} : vector<8xi32> to vector<8xf32>
func.func @exp_vector(%x: vector<8xf32>) -> vector<8xf32> {
  %0 = math.exp %x : vector<8xf32>
  return %0 : vector<8xf32>
}

// -----

// tanh, log and erf are replaced too; sqrt (a single instruction) is kept.
// CHECK-LABEL: func.func @others_f32
// CHECK-SAME: (%[[X:.*]]: f32)
// CHECK-NOT: math.tanh
// CHECK-NOT: math.log
// CHECK-NOT: math.erf
// CHECK: math.fma
// CHECK: %[[S:.*]] = math.sqrt %[[X]] : f32
// CHECK: return %{{.*}}, %{{.*}}, %{{.*}}, %[[S]]
func.func @others_f32(%x: f32) -> (f32, f32, f32, f32) {
  %0 = math.tanh %x : f32
  %1 = math.log %x : f32
  %2 = math.erf %x : f32
  %3 = math.sqrt %x : f32
  return %0, %1, %2, %3 : f32, f32, f32, f32
}

// -----

// sin is approximated on |x| and takes x's sign after (sin(|x|) *
// copysign(1, x)): the polynomial's range reduction would make a small
// negative x -cos(x + pi/2), with a large relative error.
// CHECK-LABEL: func.func @sin_f32
// CHECK-SAME: (%[[X:.*]]: f32) -> f32
// CHECK-NOT: math.sin
// CHECK-DAG: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK-DAG: %[[ABS:.*]] = math.absf %[[X]] : f32
// CHECK: math.fma
// CHECK: %[[SIGN:.*]] = math.copysign %[[ONE]], %[[X]] : f32
// CHECK: %[[R:.*]] = arith.mulf %{{.*}}, %[[SIGN]] : f32
// CHECK: return %[[R]] : f32
func.func @sin_f32(%x: f32) -> f32 {
  %0 = math.sin %x : f32
  return %0 : f32
}

// -----

// f16 is computed in f32 and truncated back.
// CHECK-LABEL: func.func @exp_f16
// CHECK-SAME: (%[[X:.*]]: f16)
// CHECK-NOT: math.exp
// CHECK: arith.extf %[[X]] : f16 to f32
// CHECK: %[[R:.*]] = arith.truncf %{{.*}} : f32 to f16
// CHECK: return %[[R]] : f16
func.func @exp_f16(%x: f16) -> f16 {
  %0 = math.exp %x : f16
  return %0 : f16
}

// -----

// f64 has no approximation: it stays a math op (a libm call later).
// CHECK-LABEL: func.func @exp_f64
// CHECK-SAME: (%[[X:.*]]: f64)
// CHECK-NEXT: %[[R:.*]] = math.exp %[[X]] : f64
// CHECK-NEXT: return %[[R]]
func.func @exp_f64(%x: f64) -> f64 {
  %0 = math.exp %x : f64
  return %0 : f64
}

// -----

// Inside a loop body (as after convert-linalg-to-loops).
// CHECK-LABEL: func.func @exp_in_loop
// CHECK: scf.for
// CHECK-NOT: math.exp
// CHECK: memref.store
func.func @exp_in_loop(%m: memref<16xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c16 = arith.constant 16 : index
  scf.for %i = %c0 to %c16 step %c1 {
    %v = memref.load %m[%i] : memref<16xf32>
    %e = math.exp %v : f32
    memref.store %e, %m[%i] : memref<16xf32>
  }
  return
}
