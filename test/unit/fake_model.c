/*===- fake_model.c - Stands in for a compiled model object ----*- C -*-===//
 *
 * Defines the symbols the compiler normally emits, so that the runtime can
 * be tested without the compiler:
 *
 *   inputs:  x       float32 [2, 3]
 *            "scale s" int64 []       (a name with a space, rank 0)
 *            mask    bool    [-1]     (a dynamic dim)
 *   outputs: y       float32 [2, 3]   y = x + scale
 *            count   int64   []       count = scale + number of true in mask
 *
 * That is function `main`. Two more exercise ABI v2's dynamic outputs and
 * run-time failures:
 *
 *   iota(n int64 []) -> v float32 [?k]: v = 0, 1, ..., n-1 in a buffer the
 *     entry allocates and returns. n < 0 fails a run-time shape check (after
 *     allocating a large scratch block, which the runtime must free); an n
 *     too large to allocate fails with out of memory.
 *   echo(x float32 [batch, 3], z float32 [batch]) -> y float32 [batch, 3]:
 *     y = x + z (broadcast over the columns), returned like v.
 *   twice(x float32 [k]) -> a float32 [k], b float32 [k]: a = b = x, both
 *     outputs returned as the same buffer.
 *
 * The entry reads everything through the memref descriptors (sizes and
 * strides included), like generated code does. y goes through two constant
 * GEMM operands of the pack table, as a compiled MLP layer would:
 * y = (x * P) * P^T + scale, with P a 3x3 permutation (entry 0) and P^T the
 * transposed view of the same data (entry 1), so y is exact.
 *
 * Its intermediate buffers come from the runtime's allocator, through the
 * MLIR allocation functions generated code calls: t = x * P lives in a
 * large block (one the per-thread cache keeps), the mask count in a small
 * one. If an allocation fails, the outputs are left untouched.
 *
 *===----------------------------------------------------------------------===*/
#include <dlc/runtime/dlc_kernels.h>

#include <stdint.h>

#define DLC_FAKE_HIDDEN __attribute__((visibility("hidden")))

/* Bytes of the entry's large scratch block (>= DLC_ALLOC_CACHE_MIN_BLOCK). */
#define FAKE_SCRATCH_BYTES ((int64_t)256 << 10)

DLC_FAKE_HIDDEN const char dlc_model_metadata[] = "dlc-model 2\n"
                                                  "function 4 main\n"
                                                  "inputs 3\n"
                                                  "1 x 2 32 2 2 3\n"
                                                  "7 scale s 0 64 0\n"
                                                  "4 mask 6 8 1 -1\n"
                                                  "outputs 2\n"
                                                  "1 y 2 32 2 2 3\n"
                                                  "5 count 0 64 0\n"
                                                  "function 4 iota\n"
                                                  "inputs 1\n"
                                                  "1 n 0 64 0\n"
                                                  "outputs 1\n"
                                                  "1 v 2 32 1 ?1:k\n"
                                                  "function 4 echo\n"
                                                  "inputs 2\n"
                                                  "1 x 2 32 2 ?5:batch 3\n"
                                                  "1 z 2 32 1 ?5:batch\n"
                                                  "outputs 1\n"
                                                  "1 y 2 32 2 ?5:batch 3\n"
                                                  "function 5 twice\n"
                                                  "inputs 1\n"
                                                  "1 x 2 32 1 ?1:k\n"
                                                  "outputs 2\n"
                                                  "1 a 2 32 1 ?1:k\n"
                                                  "1 b 2 32 1 ?1:k\n";

/* Column j of x * P is column perm[j] of x: (x * P)[i][j] = x[i][perm[j]]
 * with perm = {2, 0, 1}. */
static const float fake_permutation[9] = {0, 1, 0, /* */
                                          0, 0, 1, /* */
                                          1, 0, 0};

DLC_FAKE_HIDDEN const dlc_pack_source dlc_model_pack_table[] = {
    {fake_permutation, 3, 3, 3, 1}, /* P, row-major */
    {fake_permutation, 3, 3, 1, 3}, /* P^T: the column-major view */
};
DLC_FAKE_HIDDEN const int64_t dlc_model_pack_count = 2;

/* MLIR memref descriptors for the ranks used here. */
typedef struct {
  void *allocated;
  void *aligned;
  int64_t offset;
} memref0;

typedef struct {
  void *allocated;
  void *aligned;
  int64_t offset;
  int64_t sizes[1];
  int64_t strides[1];
} memref1;

typedef struct {
  void *allocated;
  void *aligned;
  int64_t offset;
  int64_t sizes[2];
  int64_t strides[2];
} memref2;

static void main_entry(void **args, void *const *packed) {
  const memref2 *x = (const memref2 *)args[0];
  const memref0 *scale = (const memref0 *)args[1];
  const memref1 *mask = (const memref1 *)args[2];
  const memref2 *y = (const memref2 *)args[3];
  const memref0 *count = (const memref0 *)args[4];

  int64_t s = ((const int64_t *)scale->aligned)[scale->offset];
  const float *xd = (const float *)x->aligned + x->offset;
  float *yd = (float *)y->aligned + y->offset;
  /* The metadata fixes x and y at [2, 3]; t is 2 x 3 at the start of a
   * block large enough to be cached, whose every page is touched as a
   * compiled model's intermediate tensor would be. */
  float *t =
      (float *)_mlir_memref_to_llvm_aligned_alloc(128, FAKE_SCRATCH_BYTES);
  int64_t *n = (int64_t *)_mlir_memref_to_llvm_alloc(sizeof(int64_t));
  for (int64_t b = 0; b < FAKE_SCRATCH_BYTES; b += 4096)
    ((char *)t)[b] = 0;
  for (int i = 0; i < 2 * 3; ++i)
    t[i] = 0.0f;
  for (int64_t i = 0; i < y->sizes[0]; ++i)
    for (int64_t j = 0; j < y->sizes[1]; ++j)
      yd[i * y->strides[0] + j * y->strides[1]] = 0.0f;
  /* t = x * P: one 2x3x3 product. */
  dlc_rt_sgemm_packed(1, x->sizes[0], 3, 3, xd, 0, x->strides[0], x->strides[1],
                      packed[0], t, 0, 3, 1);
  /* y = t * P^T, as a batch of two 1x3x3 products. */
  dlc_rt_sgemm_packed(x->sizes[0], 1, 3, 3, t, 3, 3, 1, packed[1], yd,
                      y->strides[0], 3, y->strides[1]);
  for (int64_t i = 0; i < y->sizes[0]; ++i)
    for (int64_t j = 0; j < y->sizes[1]; ++j)
      yd[i * y->strides[0] + j * y->strides[1]] += (float)s;

  *n = s;
  if (mask->sizes[0] > 0) { /* an empty tensor may have NULL data */
    const uint8_t *md = (const uint8_t *)mask->aligned + mask->offset;
    for (int64_t i = 0; i < mask->sizes[0]; ++i)
      *n += md[i * mask->strides[0]] != 0;
  }
  ((int64_t *)count->aligned)[count->offset] = *n;
  _mlir_memref_to_llvm_free(n);
  _mlir_memref_to_llvm_free(t);
}

static void iota_entry(void **args, void *const *packed) {
  (void)packed;
  const memref0 *n = (const memref0 *)args[0];
  memref1 *v = (memref1 *)args[1];
  int64_t count = ((const int64_t *)n->aligned)[n->offset];
  if (count < 0) {
    /* Live when the check fails: the runtime frees it. */
    char *scratch = (char *)_mlir_memref_to_llvm_alloc(FAKE_SCRATCH_BYTES);
    scratch[0] = 1;
    dlc_rt_shape_error("node 'iota': n is %lld, expected at least %lld", count,
                       0);
  }
  /* An allocation that fails does not return. */
  float *data =
      (float *)_mlir_memref_to_llvm_alloc((uint64_t)count * sizeof(float));
  for (int64_t i = 0; i < count; ++i)
    data[i] = (float)i;
  v->allocated = v->aligned = data;
  v->offset = 0;
  v->sizes[0] = count;
  v->strides[0] = 1;
}

static void echo_entry(void **args, void *const *packed) {
  (void)packed;
  const memref2 *x = (const memref2 *)args[0];
  const memref1 *z = (const memref1 *)args[1];
  memref2 *y = (memref2 *)args[2];
  int64_t rows = x->sizes[0];
  float *data =
      (float *)_mlir_memref_to_llvm_alloc((uint64_t)(rows * 3) * sizeof(float));
  const float *xd = (const float *)x->aligned + x->offset;
  const float *zd = (const float *)z->aligned + z->offset;
  for (int64_t i = 0; i < rows; ++i)
    for (int64_t j = 0; j < 3; ++j)
      data[i * 3 + j] =
          xd[i * x->strides[0] + j * x->strides[1]] + zd[i * z->strides[0]];
  y->allocated = y->aligned = data;
  y->offset = 0;
  y->sizes[0] = rows;
  y->sizes[1] = 3;
  y->strides[0] = 3;
  y->strides[1] = 1;
}

static void twice_entry(void **args, void *const *packed) {
  (void)packed;
  const memref1 *x = (const memref1 *)args[0];
  int64_t n = x->sizes[0];
  float *data =
      (float *)_mlir_memref_to_llvm_alloc((uint64_t)n * sizeof(float));
  const float *xd = (const float *)x->aligned + x->offset;
  for (int64_t i = 0; i < n; ++i)
    data[i] = xd[i * x->strides[0]];
  for (int k = 1; k <= 2; ++k) {
    memref1 *out = (memref1 *)args[k];
    out->allocated = out->aligned = data;
    out->offset = 0;
    out->sizes[0] = n;
    out->strides[0] = 1;
  }
}

typedef void (*fake_entry_fn)(void **args, void *const *packed);
DLC_FAKE_HIDDEN const fake_entry_fn dlc_model_functions[] = {
    main_entry, iota_entry, echo_entry, twice_entry};
DLC_FAKE_HIDDEN const int64_t dlc_model_function_count = 4;
