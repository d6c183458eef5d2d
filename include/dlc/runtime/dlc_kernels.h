/*===- dlc_kernels.h - Microkernels called by generated code ---*- C -*-===//
 *
 * Internal to a model.so: the compiled model object calls these, and both
 * are linked into the same shared object, so the symbols are hidden.
 * All functions accept any sizes (0 included); negative sizes or NULL
 * pointers make them return without touching memory.
 *
 *===----------------------------------------------------------------------===*/
#ifndef DLC_RUNTIME_DLC_KERNELS_H
#define DLC_RUNTIME_DLC_KERNELS_H

#include <stdint.h>

#if defined(_WIN32)
#define DLC_INTERNAL
#else
#define DLC_INTERNAL __attribute__((visibility("hidden")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* C[b] += A[b] * B[b] for b in [0, batch): A is MxK, B is KxN, C is MxN,
 * float32, arbitrary element strides (bs = batch stride, rs = row stride,
 * cs = column stride). C must not overlap A or B. */
DLC_INTERNAL void dlc_rt_sgemm(int64_t batch, int64_t M, int64_t N, int64_t K,
                               const float *A, int64_t a_bs, int64_t a_rs,
                               int64_t a_cs, const float *B, int64_t b_bs,
                               int64_t b_rs, int64_t b_cs, float *C,
                               int64_t c_bs, int64_t c_rs, int64_t c_cs);

/* One constant right-hand GEMM operand of a compiled model: a K x N float32
 * matrix at data with element strides rs (row) and cs (column). The model
 * object defines (hidden, like dlc_model_metadata)
 *
 *   const dlc_pack_source dlc_model_pack_table[];  (a dummy entry if empty)
 *   const int64_t dlc_model_pack_count;
 *
 * dlc_model_open packs every entry once; each function entry (args, packed)
 * receives packed[i], the packed form of entry i, for dlc_rt_sgemm_packed.
 * data must stay valid while the model is open (it is the model's own
 * constant): the packed form keeps pointing at it for fallbacks. */
typedef struct {
  const float *data;
  int64_t k, n, rs, cs;
} dlc_pack_source;

/* C[b] += A[b] * B for b in [0, batch), where B is the K x N matrix of a
 * packed form (same B for every batch): A is MxK, C is MxN, with arbitrary
 * element strides as in dlc_rt_sgemm. N and K must be those of the packed
 * matrix; a mismatch (a compiler bug) never reads outside B: the product
 * then uses the original matrix over min(N, n) columns and min(K, k) rows.
 * A NULL packed_b returns without touching C. */
DLC_INTERNAL void dlc_rt_sgemm_packed(int64_t batch, int64_t M, int64_t N,
                                      int64_t K, const float *A, int64_t a_bs,
                                      int64_t a_rs, int64_t a_cs,
                                      const void *packed_b, float *C,
                                      int64_t c_bs, int64_t c_rs, int64_t c_cs);

/* Buffer allocation: MLIR's generic allocation functions, which the model
 * object calls for every memref.alloc / memref.dealloc (memref lowered to
 * LLVM with use-generic-functions=true). Pointers are at least 64-byte
 * aligned (aligned_alloc: at least the given power-of-two alignment, a
 * larger one for anything else); size 0 gives a unique pointer. They never
 * return NULL: when memory is short the run ends with
 * DLC_ERROR_OUT_OF_MEMORY (they are called only inside a run). Free takes
 * pointers from either allocation function (NULL is ignored). Large blocks
 * are reused through a per-thread cache (see alloc.c and
 * dlc_runtime_release_thread_cache). */
DLC_INTERNAL void *_mlir_memref_to_llvm_alloc(uint64_t size);
DLC_INTERNAL void *_mlir_memref_to_llvm_aligned_alloc(uint64_t alignment,
                                                      uint64_t size);
DLC_INTERNAL void _mlir_memref_to_llvm_free(void *ptr);

/* A run-time shape check failed: ends the run with DLC_ERROR_SHAPE and the
 * message format (naming the node; up to two %lld for the sizes involved)
 * formatted with a and b. Does not return. */
DLC_INTERNAL __attribute__((noreturn)) void
dlc_rt_shape_error(const char *format, int64_t a, int64_t b);

/* out += conv2d(in, w): in is [N, C, H, W] already padded, w is
 * [F, C/groups, KH, KW], out is [N, F, OH, OW]; float32, contiguous
 * row-major. OH = (H - dil_h*(KH-1) - 1)/stride_h + 1, same for OW.
 * Inconsistent arguments (C or F not divisible by groups, OH/OW larger than
 * the input allows, non-positive stride/dilation) make it return without
 * touching out. */
DLC_INTERNAL void dlc_rt_conv2d(int64_t N, int64_t C, int64_t H, int64_t W,
                                int64_t F, int64_t KH, int64_t KW, int64_t OH,
                                int64_t OW, int64_t stride_h, int64_t stride_w,
                                int64_t dil_h, int64_t dil_w, int64_t groups,
                                const float *in, const float *w, float *out);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* DLC_RUNTIME_DLC_KERNELS_H */
