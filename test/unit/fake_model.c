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
 * The entry reads everything through the memref descriptors (sizes and
 * strides included), like generated code does. y goes through two constant
 * GEMM operands of the pack table, as a compiled MLP layer would:
 * y = (x * P) * P^T + scale, with P a 3x3 permutation (entry 0) and P^T the
 * transposed view of the same data (entry 1), so y is exact.
 *
 *===----------------------------------------------------------------------===*/
#include <dlc/runtime/dlc_kernels.h>

#include <stdint.h>

#define DLC_FAKE_HIDDEN __attribute__((visibility("hidden")))

DLC_FAKE_HIDDEN const char dlc_model_metadata[] = "dlc-model 1\n"
                                                  "inputs 3\n"
                                                  "1 x 2 32 2 2 3\n"
                                                  "7 scale s 0 64 0\n"
                                                  "4 mask 6 8 1 -1\n"
                                                  "outputs 2\n"
                                                  "1 y 2 32 2 2 3\n"
                                                  "5 count 0 64 0\n";

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

DLC_FAKE_HIDDEN void dlc_model_entry(void **args, void *const *packed) {
  const memref2 *x = (const memref2 *)args[0];
  const memref0 *scale = (const memref0 *)args[1];
  const memref1 *mask = (const memref1 *)args[2];
  const memref2 *y = (const memref2 *)args[3];
  const memref0 *count = (const memref0 *)args[4];

  int64_t s = ((const int64_t *)scale->aligned)[scale->offset];
  const float *xd = (const float *)x->aligned + x->offset;
  float *yd = (float *)y->aligned + y->offset;
  /* The metadata fixes x and y at [2, 3]. */
  float t[2 * 3] = {0};
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

  int64_t n = s;
  if (mask->sizes[0] > 0) { /* an empty tensor may have NULL data */
    const uint8_t *md = (const uint8_t *)mask->aligned + mask->offset;
    for (int64_t i = 0; i < mask->sizes[0]; ++i)
      n += md[i * mask->strides[0]] != 0;
  }
  ((int64_t *)count->aligned)[count->offset] = n;
}
