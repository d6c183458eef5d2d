/*===- internal.h - dlcrt internals for its sources and tests -*- C -*-===//
 *
 * Not installed and not exported from a model.so (hidden visibility).
 *
 *===----------------------------------------------------------------------===*/
#ifndef DLC_RUNTIME_INTERNAL_H
#define DLC_RUNTIME_INTERNAL_H

#include <dlc/runtime/dlc_kernels.h>
#include <dlc/runtime/dlc_runtime.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The entry of one compiled function (see model.c for the contract). */
typedef void (*dlc_entry_fn)(void **args, void *const *packed);

struct dlc_function {
  const dlc_model *model;
  char *name;
  size_t num_inputs;
  size_t num_outputs;
  /* num_inputs + num_outputs entries: inputs first. name, shape and
   * dim_names (and the names they point to) are owned by the function. */
  dlc_tensor_info *tensors;
  /* NULL until dlc_model_open_impl binds the entry table. */
  dlc_entry_fn entry;
};

struct dlc_model {
  size_t num_functions;
  dlc_function *functions;
  /* Packed forms of the model's pack table (see dlc_pack_source): num_packed
   * blobs from dlc_rt_pack_b_isa, in table order. packed is never NULL once
   * the model is open (an array of one NULL when there is nothing). */
  int64_t num_packed;
  void **packed;
};

/* Formats a message into *err (when err is not NULL) and returns status. */
DLC_INTERNAL dlc_status dlc_fail(dlc_error *err, dlc_status status,
                                 const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Parses a metadata blob (see lib/Runtime/metadata.c for the format) into a
 * new model. On failure *model is set to NULL. */
DLC_INTERNAL dlc_status dlc_parse_metadata(const char *text, dlc_model **model,
                                           dlc_error *err);

/* dlc_model_open for a given metadata blob, entry table and pack table:
 * parses the metadata, binds function i to entries[i] (num_entries must
 * equal the number of functions, none NULL), then packs the count entries
 * of table (count 0: table may be NULL) for the detected ISA. Fails with
 * DLC_ERROR_INTERNAL for a malformed entry or pack table (negative count
 * or dims, NULL data with elements) and DLC_ERROR_OUT_OF_MEMORY when
 * packing cannot allocate; *model is then NULL and nothing is leaked. */
DLC_INTERNAL dlc_status dlc_model_open_impl(const char *metadata,
                                            const dlc_entry_fn *entries,
                                            int64_t num_entries,
                                            const dlc_pack_source *table,
                                            int64_t count, dlc_model **model,
                                            dlc_error *err);

/* Frees a model built by dlc_parse_metadata or dlc_model_open_impl (its
 * packed forms included); NULL is ignored. */
DLC_INTERNAL void dlc_free_model(dlc_model *model);

/* Writes a dtype's name ("float32", "int64", "bool", or a generic form for
 * anything else) into buf. */
DLC_INTERNAL void dlc_dtype_name(DLDataType dtype, char *buf, size_t size);

/* The runtime's allocator (alloc.c), behind MLIR's generic allocation
 * functions. Blocks of at least DLC_ALLOC_CACHE_MIN_BLOCK bytes are kept on
 * free in the calling thread's cache (at most DLC_ALLOC_CACHE_MAX_BLOCKS
 * blocks and DLC_ALLOC_CACHE_MAX_BYTES bytes of capacity, oldest evicted
 * first) and reused by that thread's next allocation of a similar size. */
#define DLC_ALLOC_MIN_ALIGN ((size_t)64)
#define DLC_ALLOC_CACHE_MIN_BLOCK ((size_t)64 << 10)
#define DLC_ALLOC_CACHE_MAX_BLOCKS 32
#define DLC_ALLOC_CACHE_MAX_BYTES ((size_t)256 << 20)

/* _mlir_memref_to_llvm_alloc for the runtime's own scratch: 64-byte
 * aligned, NULL when memory is short; free with dlc_rt_free (or
 * _mlir_memref_to_llvm_free). dlc_rt_free(NULL) is ignored. */
DLC_INTERNAL void *dlc_rt_alloc(size_t size);
DLC_INTERNAL void dlc_rt_free(void *ptr);

/* The calling thread's cache (for tests): cached blocks and the sum of
 * their capacities, and how many large allocations it served (hits) or
 * not (misses) since it was created. All zero when the thread has none
 * (dlc_runtime_release_thread_cache drops it, counters included). */
typedef struct {
  size_t blocks;
  size_t bytes;
  uint64_t hits;
  uint64_t misses;
} dlc_alloc_cache_stats;
DLC_INTERNAL dlc_alloc_cache_stats dlc_rt_thread_cache_stats(void);

/* float16.c: an IEEE binary32 or binary64 value rounded (to nearest, ties to
 * even) to the 16-bit format of `expBits` exponent and `fracBits` fraction
 * bits (5, 10: float16; 8, 7: bfloat16), as its bits; NaNs stay quiet NaNs.
 * And a float16's value. They implement the conversion builtins
 * (__truncdfhf2 and friends) that LLVM calls where the CPU lacks an
 * instruction for the conversion. */
DLC_INTERNAL uint16_t dlc_narrow_f64(double value, int expBits, int fracBits);
DLC_INTERNAL uint16_t dlc_narrow_f32(float value, int expBits, int fracBits);
DLC_INTERNAL float dlc_f16_to_f32(uint16_t bits);

/* Instruction-set levels the kernels dispatch on, in increasing order. */
typedef enum {
  DLC_ISA_SCALAR = 0,
  DLC_ISA_AVX2 = 1,   /* AVX2 + FMA, OS saves YMM state */
  DLC_ISA_AVX512 = 2, /* AVX-512F + FMA, OS saves ZMM state */
} dlc_isa;

/* dlc_function_run (managed NULL) or dlc_function_run_alloc (outputs NULL),
 * with descriptors on the heap when they need more than stack_words 8-byte
 * words (tests use 0 to cover the heap path). */
DLC_INTERNAL dlc_status dlc_function_run_impl(
    const dlc_function *function, const DLTensor *inputs, size_t num_inputs,
    DLTensor *outputs, DLManagedTensor **managed, size_t num_outputs,
    size_t stack_words, dlc_error *err);

/* Calls entry(args, packed) inside a run scope on the calling thread and
 * returns DLC_OK, or the status the run raised (dlc_rt_raise), with its
 * message in *err. Buffers that generated code allocates during the run are
 * tracked: when the run raises, every one still live is freed; when it
 * returns, those still live (the outputs it returns) become the caller's.
 * DLC_ERROR_OUT_OF_MEMORY when the thread's state cannot be allocated. */
DLC_INTERNAL dlc_status dlc_rt_call(dlc_entry_fn entry, void **args,
                                    void *const *packed, dlc_error *err);

/* Ends the calling thread's current run with status and message (a
 * printf format with up to two int64 arguments), unwinding to its
 * dlc_rt_call. Generated code calls the hidden wrappers below; outside a run
 * there is nothing to unwind to, and it aborts (a bug in dlc). */
DLC_INTERNAL __attribute__((noreturn)) void
dlc_rt_raise(dlc_status status, const char *format, int64_t a, int64_t b);

/* The widest sliver (nr) of any GEMM configuration. */
#define DLC_MAX_NR 32

/* Packs rows [k0, k0+kc) x columns [j0, j0+nc) of an implicit K x N matrix
 * B into nr-column slivers: sliver s holds columns [j0+s*nr, j0+s*nr+nr)
 * as dst[s*nr*kc + (k-k0)*nr + j], zero-padded past nc. dst is 64-byte
 * aligned. */
typedef void (*dlc_pack_b_fn)(void *ctx, int64_t k0, int64_t kc, int64_t j0,
                              int64_t nc, int64_t nr, float *dst);

/* C += A * B for one M x N x K product whose B is produced by pack_b
 * (e.g. conv2d's im2col, never materialized), using at most the given ISA
 * level (its sliver width nr is passed to pack_b). Returns 0, without
 * touching C, when scratch memory is unavailable. */
DLC_INTERNAL int dlc_rt_sgemm_packed_b(dlc_isa isa, int64_t M, int64_t N,
                                       int64_t K, const float *A, int64_t a_rs,
                                       int64_t a_cs, dlc_pack_b_fn pack_b,
                                       void *ctx, float *C, int64_t c_rs,
                                       int64_t c_cs);

/* dlc_rt_conv2d restricted to at most the given ISA level (for tests). */
DLC_INTERNAL void dlc_rt_conv2d_isa(dlc_isa isa, int64_t N, int64_t C,
                                    int64_t H, int64_t W, int64_t F, int64_t KH,
                                    int64_t KW, int64_t OH, int64_t OW,
                                    int64_t stride_h, int64_t stride_w,
                                    int64_t dil_h, int64_t dil_w,
                                    int64_t groups, const float *in,
                                    const float *w, float *out);

/* Direct (im2col-free, scratch-free) convolution with dlc_rt_conv2d's
 * contract: its fallback when memory is short, exposed for tests. */
DLC_INTERNAL void dlc_rt_conv2d_direct(int64_t N, int64_t C, int64_t H,
                                       int64_t W, int64_t F, int64_t KH,
                                       int64_t KW, int64_t OH, int64_t OW,
                                       int64_t stride_h, int64_t stride_w,
                                       int64_t dil_h, int64_t dil_w,
                                       int64_t groups, const float *in,
                                       const float *w, float *out);

/* Packs src (a valid entry: k, n >= 0, data non-NULL when k*n > 0) for
 * dlc_rt_sgemm_packed using at most the given ISA level; the level actually
 * used is recorded in the packed form. Returns NULL when memory is short or
 * src is malformed. Free with dlc_rt_packed_b_free. */
DLC_INTERNAL void *dlc_rt_pack_b_isa(dlc_isa isa, const dlc_pack_source *src);

/* Frees a packed form; NULL is ignored. */
DLC_INTERNAL void dlc_rt_packed_b_free(void *packed);

/* The ISA level a packed form was made for (DLC_ISA_SCALAR for NULL). */
DLC_INTERNAL dlc_isa dlc_rt_packed_b_level(const void *packed);

/* The best level this CPU and OS support (cached in an atomic). */
DLC_INTERNAL dlc_isa dlc_rt_detect_isa(void);

/* dlc_rt_sgemm forced to use at most the given level (for tests and
 * benchmarks); levels the CPU lacks fall back to lower ones. */
DLC_INTERNAL void dlc_rt_sgemm_isa(dlc_isa isa, int64_t batch, int64_t M,
                                   int64_t N, int64_t K, const float *A,
                                   int64_t a_bs, int64_t a_rs, int64_t a_cs,
                                   const float *B, int64_t b_bs, int64_t b_rs,
                                   int64_t b_cs, float *C, int64_t c_bs,
                                   int64_t c_rs, int64_t c_cs);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* DLC_RUNTIME_INTERNAL_H */
