/*===- sgemm.c - Blocked single-precision GEMM with CPU dispatch -*- C -*-===//
 *
 * C += A * B with arbitrary strides, in the usual three-level blocking:
 *
 *   for jc in N step NC:            B panel (KC x NC) packed, stays in L2/L3
 *     for pc in K step KC:
 *       pack B[pc:pc+KC, jc:jc+NC] into NR-wide slivers
 *       for ic in M step MC:        A block (MC x KC) packed, stays in L2
 *         pack A[ic:ic+MC, pc:pc+KC] into MR-tall slivers
 *         for jr in NC step NR:     one B sliver (KC x NR) stays in L1
 *           for ir in MC step MR:
 *             microkernel: MR x NR tile of C += A sliver * B sliver
 *
 * Packed slivers are zero-padded to full MR/NR, so the microkernels always
 * compute a full tile and only the final C update looks at the edges.
 * Microkernels exist for AVX-512F (14x32), AVX2+FMA (6x16) and portable C
 * (4x8); the choice is made at run time from cpuid + xgetbv, so the library
 * itself is built for baseline x86-64. Scratch memory is allocated per call.
 *
 * Two other routes: products with at most 8 rows (or, transposed, columns),
 * e.g. a Linear layer at batch 1, read B in place without packing; tiny
 * products (<= 2048 multiply-adds) use a plain loop, which is also the
 * fallback when scratch memory is unavailable. dlc_rt_sgemm_packed_b lets
 * conv2d supply B panels that it builds on the fly (implicit im2col).
 *
 * Constant B operands of a model (its pack table) are packed once at
 * dlc_model_open by dlc_rt_pack_b_isa, into the exact panels the blocked
 * driver consumes; dlc_rt_sgemm_packed then only packs A, and products with
 * at most 8 rows stream the packed slivers with the C tile in registers.
 * Edge tiles of the AVX-512 kernel compute only their valid rows.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

#include <stdatomic.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#define DLC_X86 1
#include <cpuid.h>
#include <immintrin.h>
#define DLC_TARGET_AVX2 __attribute__((target("avx2,fma")))
#define DLC_TARGET_AVX512 __attribute__((target("avx512f,fma")))
#else
#define DLC_X86 0
#endif

/*===-------------------------- CPU detection ---------------------------===*/

#if DLC_X86
static uint64_t read_xcr0(void) {
  uint32_t lo, hi;
  __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
  return ((uint64_t)hi << 32) | lo;
}
#endif

static dlc_isa detect_isa_uncached(void) {
#if DLC_X86
  unsigned a, b, c, d;
  if (!__get_cpuid(1, &a, &b, &c, &d))
    return DLC_ISA_SCALAR;
  const unsigned fma = 1u << 12, osxsave = 1u << 27, avx = 1u << 28;
  if ((c & (fma | osxsave | avx)) != (fma | osxsave | avx))
    return DLC_ISA_SCALAR;
  /* XCR0: bit 1 SSE, bit 2 AVX (YMM upper halves), bits 5-7 opmask and
   * ZMM state. The OS must save all of them for the ISA to be usable. */
  uint64_t xcr0 = read_xcr0();
  if ((xcr0 & 0x6) != 0x6)
    return DLC_ISA_SCALAR;
  if (!__get_cpuid_count(7, 0, &a, &b, &c, &d))
    return DLC_ISA_SCALAR;
  const unsigned avx2 = 1u << 5, avx512f = 1u << 16;
  if ((b & avx512f) && (xcr0 & 0xe6) == 0xe6)
    return DLC_ISA_AVX512;
  if (b & avx2)
    return DLC_ISA_AVX2;
#endif
  return DLC_ISA_SCALAR;
}

/* 0: not yet detected; otherwise the dlc_isa plus one. Racing threads all
 * compute the same value, so relaxed ordering is enough. */
static atomic_int detected_isa = 0;

dlc_isa dlc_rt_detect_isa(void) {
  int v = atomic_load_explicit(&detected_isa, memory_order_relaxed);
  if (v == 0) {
    v = (int)detect_isa_uncached() + 1;
    atomic_store_explicit(&detected_isa, v, memory_order_relaxed);
  }
  return (dlc_isa)(v - 1);
}

/*===----------------------------- Helpers ------------------------------===*/

static int64_t min64(int64_t a, int64_t b) { return a < b ? a : b; }
static int64_t ceil_div(int64_t a, int64_t b) { return (a + b - 1) / b; }
static int64_t round_up(int64_t a, int64_t b) { return ceil_div(a, b) * b; }

/* A K x N matrix packed ahead of time (dlc_rt_sgemm_packed): for each
 * block of nc columns [jc, jc+nc), for each block of kc rows [pc, pc+kc),
 * the kc x nc panel as pack_b lays it out (nr-wide slivers, zero-padded);
 * the blocks of one jc come in pc order, and the jc blocks one after the
 * other. nc is a multiple of nr, so the panel of (jc, pc) starts at
 * jc*K + round_up(ncur, nr)*pc where ncur = min(nc, N - jc). */
typedef struct {
  const float *panels; /* 64-byte aligned */
  int64_t k, n, kc, nc, nr;
} packed_panels;

/* The panel of columns [jc, jc + nc) and rows [pc, pc + kc). */
static const float *panel_at(const packed_panels *p, int64_t jc, int64_t pc) {
  int64_t ncur = min64(p->nc, p->n - jc);
  return p->panels + jc * p->k + round_up(ncur, p->nr) * pc;
}

/* c[i*rs + j*cs] += tile[i*ld + j] for the m x n valid part of a tile. */
static void add_tile(const float *tile, int64_t ld, float *c, int64_t rs,
                     int64_t cs, int64_t m, int64_t n) {
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j)
      c[i * rs + j * cs] += tile[i * ld + j];
}

/* Unblocked C += A * B for tiny problems or when scratch memory is not
 * available. i-k-j order keeps the inner loop unit-stride when C and B are
 * row-major. */
static void gemm_naive(int64_t M, int64_t N, int64_t K, const float *A,
                       int64_t a_rs, int64_t a_cs, const float *B, int64_t b_rs,
                       int64_t b_cs, float *C, int64_t c_rs, int64_t c_cs) {
  for (int64_t i = 0; i < M; ++i)
    for (int64_t k = 0; k < K; ++k) {
      float a = A[i * a_rs + k * a_cs];
      const float *b = B + k * b_rs;
      float *c = C + i * c_rs;
      for (int64_t j = 0; j < N; ++j)
        c[j * c_cs] += a * b[j * b_cs];
    }
}

/*===----------------------------- Packing ------------------------------===*/

/* Packs the mc x kc block of A at a into MR-row slivers: sliver s holds
 * rows [s*MR, s*MR+MR) as dst[s*MR*kc + k*MR + i], zero-padded. */
static void pack_a(int64_t mc, int64_t kc, const float *a, int64_t rs,
                   int64_t cs, int64_t mr, float *restrict dst) {
  for (int64_t i0 = 0; i0 < mc; i0 += mr) {
    int64_t m = min64(mr, mc - i0);
    const float *src = a + i0 * rs;
    if (cs == 1) {
      /* Row-major A: read each row contiguously. */
      for (int64_t i = 0; i < m; ++i) {
        const float *row = src + i * rs;
        for (int64_t k = 0; k < kc; ++k)
          dst[k * mr + i] = row[k];
      }
    } else {
      for (int64_t k = 0; k < kc; ++k) {
        const float *col = src + k * cs;
        for (int64_t i = 0; i < m; ++i)
          dst[k * mr + i] = col[i * rs];
      }
    }
    if (m < mr)
      for (int64_t k = 0; k < kc; ++k)
        for (int64_t i = m; i < mr; ++i)
          dst[k * mr + i] = 0.0f;
    dst += mr * kc;
  }
}

/* Packs the kc x nc panel of B at b into NR-column slivers: sliver s holds
 * columns [s*NR, s*NR+NR) as dst[s*NR*kc + k*NR + j], zero-padded. */
static void pack_b(int64_t kc, int64_t nc, const float *b, int64_t rs,
                   int64_t cs, int64_t nr, float *restrict dst) {
  for (int64_t j0 = 0; j0 < nc; j0 += nr) {
    int64_t n = min64(nr, nc - j0);
    const float *src = b + j0 * cs;
    if (cs == 1) {
      for (int64_t k = 0; k < kc; ++k) {
        memcpy(dst + k * nr, src + k * rs, (size_t)n * sizeof(float));
        for (int64_t j = n; j < nr; ++j)
          dst[k * nr + j] = 0.0f;
      }
    } else {
      for (int64_t j = 0; j < n; ++j) {
        const float *col = src + j * cs;
        for (int64_t k = 0; k < kc; ++k)
          dst[k * nr + j] = col[k * rs];
      }
      if (n < nr)
        for (int64_t k = 0; k < kc; ++k)
          for (int64_t j = n; j < nr; ++j)
            dst[k * nr + j] = 0.0f;
    }
    dst += nr * kc;
  }
}

/*===--------------------------- Microkernels ---------------------------===*/

/* Computes the MR x NR tile a * b (packed slivers, kc deep) and adds its
 * m x n valid part to c (row stride rs, column stride cs). */
typedef void (*ukernel_fn)(int64_t kc, const float *restrict a,
                           const float *restrict b, float *c, int64_t rs,
                           int64_t cs, int64_t m, int64_t n);

#define SCALAR_MR 4
#define SCALAR_NR 8

static void ukernel_scalar(int64_t kc, const float *restrict a,
                           const float *restrict b, float *c, int64_t rs,
                           int64_t cs, int64_t m, int64_t n) {
  float acc[SCALAR_MR][SCALAR_NR] = {{0}};
  for (int64_t k = 0; k < kc; ++k) {
    for (int i = 0; i < SCALAR_MR; ++i)
      for (int j = 0; j < SCALAR_NR; ++j)
        acc[i][j] += a[i] * b[j];
    a += SCALAR_MR;
    b += SCALAR_NR;
  }
  add_tile(&acc[0][0], SCALAR_NR, c, rs, cs, m, n);
}

#if DLC_X86

#define AVX2_MR 6
#define AVX2_NR 16

DLC_TARGET_AVX2 static void ukernel_avx2(int64_t kc, const float *restrict a,
                                         const float *restrict b, float *c,
                                         int64_t rs, int64_t cs, int64_t m,
                                         int64_t n) {
  /* Row i of the tile is held in c<i>_0 (columns 0-7) and c<i>_1 (8-15). */
#define DLC_ROWS(X)                                                            \
  X(0);                                                                        \
  X(1);                                                                        \
  X(2);                                                                        \
  X(3);                                                                        \
  X(4);                                                                        \
  X(5)
#define DLC_DECL(i)                                                            \
  __m256 c##i##_0 = _mm256_setzero_ps(), c##i##_1 = _mm256_setzero_ps()
  DLC_ROWS(DLC_DECL);
#undef DLC_DECL
  for (int64_t k = 0; k < kc; ++k) {
    __m256 b0 = _mm256_load_ps(b), b1 = _mm256_load_ps(b + 8);
#define DLC_STEP(i)                                                            \
  do {                                                                         \
    __m256 ai = _mm256_broadcast_ss(a + i);                                    \
    c##i##_0 = _mm256_fmadd_ps(ai, b0, c##i##_0);                              \
    c##i##_1 = _mm256_fmadd_ps(ai, b1, c##i##_1);                              \
  } while (0)
    DLC_ROWS(DLC_STEP);
#undef DLC_STEP
    a += AVX2_MR;
    b += AVX2_NR;
  }
  if (m == AVX2_MR && n == AVX2_NR && cs == 1) {
#define DLC_UPDATE(i)                                                          \
  do {                                                                         \
    float *ci = c + i * rs;                                                    \
    _mm256_storeu_ps(ci, _mm256_add_ps(_mm256_loadu_ps(ci), c##i##_0));        \
    _mm256_storeu_ps(ci + 8,                                                   \
                     _mm256_add_ps(_mm256_loadu_ps(ci + 8), c##i##_1));        \
  } while (0)
    DLC_ROWS(DLC_UPDATE);
#undef DLC_UPDATE
    return;
  }
  float tile[AVX2_MR * AVX2_NR] __attribute__((aligned(32)));
#define DLC_SAVE(i)                                                            \
  do {                                                                         \
    _mm256_store_ps(tile + i * AVX2_NR, c##i##_0);                             \
    _mm256_store_ps(tile + i * AVX2_NR + 8, c##i##_1);                         \
  } while (0)
  DLC_ROWS(DLC_SAVE);
#undef DLC_SAVE
#undef DLC_ROWS
  add_tile(tile, AVX2_NR, c, rs, cs, m, n);
}

#define AVX512_MR 14
#define AVX512_NR 32

DLC_TARGET_AVX512 static void
ukernel_avx512(int64_t kc, const float *restrict a, const float *restrict b,
               float *c, int64_t rs, int64_t cs, int64_t m, int64_t n) {
  /* Row i of the tile is held in c<i>_0 (columns 0-15) and c<i>_1 (16-31):
   * 28 accumulators, plus two registers of B and one broadcast of A. */
#define DLC_ROWS(X)                                                            \
  X(0);                                                                        \
  X(1);                                                                        \
  X(2);                                                                        \
  X(3);                                                                        \
  X(4);                                                                        \
  X(5);                                                                        \
  X(6);                                                                        \
  X(7);                                                                        \
  X(8);                                                                        \
  X(9);                                                                        \
  X(10);                                                                       \
  X(11);                                                                       \
  X(12);                                                                       \
  X(13)
#define DLC_DECL(i)                                                            \
  __m512 c##i##_0 = _mm512_setzero_ps(), c##i##_1 = _mm512_setzero_ps()
  DLC_ROWS(DLC_DECL);
#undef DLC_DECL
  for (int64_t k = 0; k < kc; ++k) {
    __m512 b0 = _mm512_load_ps(b), b1 = _mm512_load_ps(b + 16);
#define DLC_STEP(i)                                                            \
  do {                                                                         \
    __m512 ai = _mm512_set1_ps(a[i]);                                          \
    c##i##_0 = _mm512_fmadd_ps(ai, b0, c##i##_0);                              \
    c##i##_1 = _mm512_fmadd_ps(ai, b1, c##i##_1);                              \
  } while (0)
    DLC_ROWS(DLC_STEP);
#undef DLC_STEP
    a += AVX512_MR;
    b += AVX512_NR;
  }
  if (cs == 1 && n == AVX512_NR && m == AVX512_MR) {
#define DLC_UPDATE(i)                                                          \
  do {                                                                         \
    float *ci = c + i * rs;                                                    \
    _mm512_storeu_ps(ci, _mm512_add_ps(_mm512_loadu_ps(ci), c##i##_0));        \
    _mm512_storeu_ps(ci + 16,                                                  \
                     _mm512_add_ps(_mm512_loadu_ps(ci + 16), c##i##_1));       \
  } while (0)
    DLC_ROWS(DLC_UPDATE);
#undef DLC_UPDATE
    return;
  }
  float tile[AVX512_MR * AVX512_NR] __attribute__((aligned(64)));
#define DLC_SAVE(i)                                                            \
  do {                                                                         \
    _mm512_store_ps(tile + i * AVX512_NR, c##i##_0);                           \
    _mm512_store_ps(tile + i * AVX512_NR + 16, c##i##_1);                      \
  } while (0)
  DLC_ROWS(DLC_SAVE);
#undef DLC_SAVE
#undef DLC_ROWS
  if (cs != 1) {
    add_tile(tile, AVX512_NR, c, rs, cs, m, n);
    return;
  }
  /* Row-major C edge tile: masked loads/stores never touch memory outside
   * the n valid columns. */
  __mmask16 k0 = n >= 16 ? (__mmask16)0xffff : (__mmask16)((1u << n) - 1);
  __mmask16 k1 = n >= 32  ? (__mmask16)0xffff
                 : n > 16 ? (__mmask16)((1u << (n - 16)) - 1)
                          : (__mmask16)0;
  for (int64_t i = 0; i < m; ++i) {
    float *ci = c + i * rs;
    const float *ti = tile + i * AVX512_NR;
    _mm512_mask_storeu_ps(
        ci, k0,
        _mm512_add_ps(_mm512_maskz_loadu_ps(k0, ci), _mm512_load_ps(ti)));
    if (k1)
      _mm512_mask_storeu_ps(ci + 16, k1,
                            _mm512_add_ps(_mm512_maskz_loadu_ps(k1, ci + 16),
                                          _mm512_load_ps(ti + 16)));
  }
}

/*===------------------------ Vectorized packing ------------------------===*/

/* The packers below use 256-bit AVX only, which both the AVX2 and the
 * AVX-512 paths have: packing is bound by memory, not arithmetic. */

/* An integer mask vector with the first n (0..8) lanes set. */
DLC_TARGET_AVX2 static inline __m256i lane_mask(int64_t n) {
  return _mm256_cmpgt_epi32(_mm256_set1_epi32((int)n),
                            _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}

/* Transposes the 8x8 block held in r[0..8) (row i in r[i]). */
DLC_TARGET_AVX2 static inline void transpose8x8(__m256 r[8]) {
  __m256 t0 = _mm256_unpacklo_ps(r[0], r[1]),
         t1 = _mm256_unpackhi_ps(r[0], r[1]);
  __m256 t2 = _mm256_unpacklo_ps(r[2], r[3]),
         t3 = _mm256_unpackhi_ps(r[2], r[3]);
  __m256 t4 = _mm256_unpacklo_ps(r[4], r[5]),
         t5 = _mm256_unpackhi_ps(r[4], r[5]);
  __m256 t6 = _mm256_unpacklo_ps(r[6], r[7]),
         t7 = _mm256_unpackhi_ps(r[6], r[7]);
  __m256 u0 = _mm256_shuffle_ps(t0, t2, _MM_SHUFFLE(1, 0, 1, 0));
  __m256 u1 = _mm256_shuffle_ps(t0, t2, _MM_SHUFFLE(3, 2, 3, 2));
  __m256 u2 = _mm256_shuffle_ps(t1, t3, _MM_SHUFFLE(1, 0, 1, 0));
  __m256 u3 = _mm256_shuffle_ps(t1, t3, _MM_SHUFFLE(3, 2, 3, 2));
  __m256 u4 = _mm256_shuffle_ps(t4, t6, _MM_SHUFFLE(1, 0, 1, 0));
  __m256 u5 = _mm256_shuffle_ps(t4, t6, _MM_SHUFFLE(3, 2, 3, 2));
  __m256 u6 = _mm256_shuffle_ps(t5, t7, _MM_SHUFFLE(1, 0, 1, 0));
  __m256 u7 = _mm256_shuffle_ps(t5, t7, _MM_SHUFFLE(3, 2, 3, 2));
  r[0] = _mm256_permute2f128_ps(u0, u4, 0x20);
  r[1] = _mm256_permute2f128_ps(u1, u5, 0x20);
  r[2] = _mm256_permute2f128_ps(u2, u6, 0x20);
  r[3] = _mm256_permute2f128_ps(u3, u7, 0x20);
  r[4] = _mm256_permute2f128_ps(u0, u4, 0x31);
  r[5] = _mm256_permute2f128_ps(u1, u5, 0x31);
  r[6] = _mm256_permute2f128_ps(u2, u6, 0x31);
  r[7] = _mm256_permute2f128_ps(u3, u7, 0x31);
}

/* Transposing copy used by both packers: for each of the `width` (<= 8)
 * lanes l, source line l (lines < `lines` valid, others read as zero) holds
 * kc contiguous floats at src + l*ld; dst[k*dst_ld + l] = line l, element k.
 * Lanes past `width` are not written. */
DLC_TARGET_AVX2 static void transpose_lines(int64_t kc, const float *src,
                                            int64_t ld, int64_t lines,
                                            int64_t width, float *dst,
                                            int64_t dst_ld) {
  __m256i store_mask = lane_mask(width);
  int64_t k = 0;
  for (; k + 8 <= kc; k += 8) {
    __m256 r[8];
    for (int l = 0; l < 8; ++l)
      r[l] =
          l < lines ? _mm256_loadu_ps(src + l * ld + k) : _mm256_setzero_ps();
    transpose8x8(r);
    if (width == 8)
      for (int t = 0; t < 8; ++t)
        _mm256_storeu_ps(dst + (k + t) * dst_ld, r[t]);
    else
      for (int t = 0; t < 8; ++t)
        _mm256_maskstore_ps(dst + (k + t) * dst_ld, store_mask, r[t]);
  }
  for (; k < kc; ++k)
    for (int64_t l = 0; l < width; ++l)
      dst[k * dst_ld + l] = l < lines ? src[l * ld + k] : 0.0f;
}

/* Strided copy used by both packers: for each k, lanes [0, width) of
 * dst + k*dst_ld get the `lines` contiguous floats at src + k*ld, then
 * zeros. */
DLC_TARGET_AVX2 static void copy_lines(int64_t kc, const float *src, int64_t ld,
                                       int64_t lines, int64_t width, float *dst,
                                       int64_t dst_ld) {
  for (int64_t g = 0; g < width; g += 8) {
    int64_t valid = lines - g < 0 ? 0 : lines - g > 8 ? 8 : lines - g;
    int64_t lanes = width - g > 8 ? 8 : width - g;
    __m256i load_mask = lane_mask(valid), store_mask = lane_mask(lanes);
    const float *s = src + g;
    float *d = dst + g;
    if (valid == 8 && lanes == 8)
      for (int64_t k = 0; k < kc; ++k)
        _mm256_storeu_ps(d + k * dst_ld, _mm256_loadu_ps(s + k * ld));
    else
      for (int64_t k = 0; k < kc; ++k)
        _mm256_maskstore_ps(d + k * dst_ld, store_mask,
                            _mm256_maskload_ps(s + k * ld, load_mask));
  }
}

/* Same contract as pack_a. */
DLC_TARGET_AVX2 static void pack_a_avx2(int64_t mc, int64_t kc, const float *a,
                                        int64_t rs, int64_t cs, int64_t mr,
                                        float *restrict dst) {
  if (cs != 1 && rs != 1) {
    pack_a(mc, kc, a, rs, cs, mr, dst);
    return;
  }
  for (int64_t i0 = 0; i0 < mc; i0 += mr) {
    int64_t m = min64(mr, mc - i0);
    const float *src = a + i0 * rs;
    if (cs == 1) {
      /* Row-major A: transpose 8 rows at a time. */
      for (int64_t g = 0; g < mr; g += 8) {
        int64_t lines = m - g < 0 ? 0 : m - g > 8 ? 8 : m - g;
        transpose_lines(kc, src + (lines ? g * rs : 0), rs, lines,
                        min64(8, mr - g), dst + g, mr);
      }
    } else {
      /* Column-major A: each k is a contiguous column. */
      copy_lines(kc, src, cs, m, mr, dst, mr);
    }
    dst += mr * kc;
  }
}

/* Same contract as pack_b. */
DLC_TARGET_AVX2 static void pack_b_avx2(int64_t kc, int64_t nc, const float *b,
                                        int64_t rs, int64_t cs, int64_t nr,
                                        float *restrict dst) {
  if (cs != 1 && rs != 1) {
    pack_b(kc, nc, b, rs, cs, nr, dst);
    return;
  }
  if (cs == 1) {
    /* Row-major B: walk each row of the panel contiguously (column-sliver
     * order would stride through memory and defeat the prefetchers). */
    int64_t full = nc / nr * nr;
    for (int64_t k = 0; k < kc; ++k) {
      const float *row = b + k * rs;
      float *d = dst + k * nr;
      for (int64_t j0 = 0; j0 < full; j0 += nr, d += nr * kc)
        for (int64_t j = 0; j < nr; j += 8)
          _mm256_store_ps(d + j, _mm256_loadu_ps(row + j0 + j));
    }
    if (full < nc)
      copy_lines(kc, b + full, rs, nc - full, nr, dst + full * kc, nr);
    return;
  }
  for (int64_t j0 = 0; j0 < nc; j0 += nr) {
    int64_t n = min64(nr, nc - j0);
    const float *src = b + j0 * cs;
    {
      /* Column-major B (e.g. a transposed weight): transpose 8 columns at a
       * time. */
      for (int64_t g = 0; g < nr; g += 8) {
        int64_t lines = n - g < 0 ? 0 : n - g > 8 ? 8 : n - g;
        transpose_lines(kc, src + (lines ? g * cs : 0), cs, lines,
                        min64(8, nr - g), dst + g, nr);
      }
    }
    dst += nr * kc;
  }
}

/*===------------------- Small-M paths (no packing) --------------------===*/

/* For a few rows of A (a GEMV-like product, e.g. a Linear layer at batch
 * 1), packing B would cost as much as the product itself, so these read B
 * in place. "axpy" form: B row-major (b_cs == 1), each C row accumulates
 * A[i,k] * B[k,:]. "dot" form: B column-major (b_rs == 1) and A row-major
 * (a_cs == 1), each C element is a dot product of two contiguous vectors.
 * Rows are handled SMALL_ROWS at a time (a compile-time count after
 * inlining), so that each load of B feeds several rows. */
#define SMALL_ROWS 4
#define SMALL_NB 512
#define SMALL_KU 4

#define DLC_INLINE static inline __attribute__((always_inline))

DLC_TARGET_AVX512 static inline __mmask16 mask16(int64_t n) {
  return n >= 16  ? (__mmask16)0xffff
         : n <= 0 ? (__mmask16)0
                  : (__mmask16)((1u << n) - 1);
}

DLC_TARGET_AVX512 DLC_INLINE void
axpy_rows_avx512(const int rows, int64_t N, int64_t K, const float *A,
                 int64_t a_rs, int64_t a_cs, const float *B, int64_t b_rs,
                 float *C, int64_t c_rs, int64_t c_cs) {
  /* Column chunks of SMALL_NB keep the C rows in L1 (a local copy when C is
   * strided) while B is streamed row by row, SMALL_KU rows at a time. */
  float local[SMALL_ROWS * SMALL_NB] __attribute__((aligned(64)));
  for (int64_t j0 = 0; j0 < N; j0 += SMALL_NB) {
    int64_t n = min64(SMALL_NB, N - j0);
    float *c[SMALL_ROWS];
    if (c_cs == 1) {
      for (int r = 0; r < rows; ++r)
        c[r] = C + r * c_rs + j0;
    } else {
      for (int r = 0; r < rows; ++r) {
        c[r] = local + r * SMALL_NB;
        for (int64_t j = 0; j < n; ++j)
          c[r][j] = C[r * c_rs + (j0 + j) * c_cs];
      }
    }
    int64_t k = 0;
    for (; k + SMALL_KU <= K; k += SMALL_KU) {
      __m512 av[SMALL_ROWS][SMALL_KU];
      for (int r = 0; r < rows; ++r)
        for (int u = 0; u < SMALL_KU; ++u)
          av[r][u] = _mm512_set1_ps(A[r * a_rs + (k + u) * a_cs]);
      const float *b = B + k * b_rs + j0;
      for (int64_t j = 0; j < n; j += 16) {
        __mmask16 mk = mask16(n - j);
        __m512 acc[SMALL_ROWS];
        for (int r = 0; r < rows; ++r)
          acc[r] = _mm512_maskz_loadu_ps(mk, c[r] + j);
        for (int u = 0; u < SMALL_KU; ++u) {
          __m512 bv = _mm512_maskz_loadu_ps(mk, b + u * b_rs + j);
          for (int r = 0; r < rows; ++r)
            acc[r] = _mm512_fmadd_ps(av[r][u], bv, acc[r]);
        }
        for (int r = 0; r < rows; ++r)
          _mm512_mask_storeu_ps(c[r] + j, mk, acc[r]);
      }
    }
    for (; k < K; ++k) {
      __m512 av[SMALL_ROWS];
      for (int r = 0; r < rows; ++r)
        av[r] = _mm512_set1_ps(A[r * a_rs + k * a_cs]);
      const float *b = B + k * b_rs + j0;
      for (int64_t j = 0; j < n; j += 16) {
        __mmask16 mk = mask16(n - j);
        __m512 bv = _mm512_maskz_loadu_ps(mk, b + j);
        for (int r = 0; r < rows; ++r)
          _mm512_mask_storeu_ps(
              c[r] + j, mk,
              _mm512_fmadd_ps(av[r], bv, _mm512_maskz_loadu_ps(mk, c[r] + j)));
      }
    }
    if (c_cs != 1)
      for (int r = 0; r < rows; ++r)
        for (int64_t j = 0; j < n; ++j)
          C[r * c_rs + (j0 + j) * c_cs] = c[r][j];
  }
}

DLC_TARGET_AVX512 DLC_INLINE void dot_rows_avx512(const int rows, int64_t N,
                                                  int64_t K, const float *A,
                                                  int64_t a_rs, const float *B,
                                                  int64_t b_cs, float *C,
                                                  int64_t c_rs, int64_t c_cs) {
  const int64_t kfull = K / 16 * 16;
  const __mmask16 tail = mask16(K - kfull);
  for (int64_t j0 = 0; j0 < N; j0 += 4) {
    int64_t cols = min64(4, N - j0);
    /* Missing columns re-read the last valid one; their sums are dropped. */
    const float *bp[4];
    for (int c = 0; c < 4; ++c)
      bp[c] = B + (j0 + (c < cols ? c : cols - 1)) * b_cs;
    __m512 acc[SMALL_ROWS][4];
    for (int r = 0; r < rows; ++r)
      for (int c = 0; c < 4; ++c)
        acc[r][c] = _mm512_setzero_ps();
    for (int64_t k = 0; k < kfull; k += 16) {
      __m512 bv[4];
      for (int c = 0; c < 4; ++c)
        bv[c] = _mm512_loadu_ps(bp[c] + k);
      for (int r = 0; r < rows; ++r) {
        __m512 av = _mm512_loadu_ps(A + r * a_rs + k);
        for (int c = 0; c < 4; ++c)
          acc[r][c] = _mm512_fmadd_ps(av, bv[c], acc[r][c]);
      }
    }
    if (tail) {
      __m512 bv[4];
      for (int c = 0; c < 4; ++c)
        bv[c] = _mm512_maskz_loadu_ps(tail, bp[c] + kfull);
      for (int r = 0; r < rows; ++r) {
        __m512 av = _mm512_maskz_loadu_ps(tail, A + r * a_rs + kfull);
        for (int c = 0; c < 4; ++c)
          acc[r][c] = _mm512_fmadd_ps(av, bv[c], acc[r][c]);
      }
    }
    for (int r = 0; r < rows; ++r)
      for (int c = 0; c < cols; ++c)
        C[r * c_rs + (j0 + c) * c_cs] += _mm512_reduce_add_ps(acc[r][c]);
  }
}

DLC_TARGET_AVX2 DLC_INLINE void
axpy_rows_avx2(const int rows, int64_t N, int64_t K, const float *A,
               int64_t a_rs, int64_t a_cs, const float *B, int64_t b_rs,
               float *C, int64_t c_rs, int64_t c_cs) {
  /* Same scheme as axpy_rows_avx512 with 8-wide vectors. */
  float local[SMALL_ROWS * SMALL_NB] __attribute__((aligned(32)));
  for (int64_t j0 = 0; j0 < N; j0 += SMALL_NB) {
    int64_t n = min64(SMALL_NB, N - j0);
    float *c[SMALL_ROWS];
    for (int r = 0; r < rows; ++r) {
      if (c_cs == 1) {
        c[r] = C + r * c_rs + j0;
      } else {
        c[r] = local + r * SMALL_NB;
        for (int64_t j = 0; j < n; ++j)
          c[r][j] = C[r * c_rs + (j0 + j) * c_cs];
      }
    }
    for (int64_t k = 0; k < K; k += SMALL_KU) {
      const int ku = K - k >= SMALL_KU ? SMALL_KU : (int)(K - k);
      __m256 av[SMALL_ROWS][SMALL_KU];
      for (int r = 0; r < rows; ++r)
        for (int u = 0; u < SMALL_KU; ++u)
          av[r][u] = u < ku ? _mm256_broadcast_ss(A + r * a_rs + (k + u) * a_cs)
                            : _mm256_setzero_ps();
      const float *b = B + k * b_rs + j0;
      for (int64_t j = 0; j < n; j += 8) {
        __m256i mk = lane_mask(n - j >= 8 ? 8 : n - j);
        __m256 acc[SMALL_ROWS];
        for (int r = 0; r < rows; ++r)
          acc[r] = _mm256_maskload_ps(c[r] + j, mk);
        for (int u = 0; u < ku; ++u) {
          __m256 bv = _mm256_maskload_ps(b + u * b_rs + j, mk);
          for (int r = 0; r < rows; ++r)
            acc[r] = _mm256_fmadd_ps(av[r][u], bv, acc[r]);
        }
        for (int r = 0; r < rows; ++r)
          _mm256_maskstore_ps(c[r] + j, mk, acc[r]);
      }
    }
    if (c_cs != 1)
      for (int r = 0; r < rows; ++r)
        for (int64_t j = 0; j < n; ++j)
          C[r * c_rs + (j0 + j) * c_cs] = c[r][j];
  }
}

DLC_TARGET_AVX2 static inline float hsum256(__m256 v) {
  __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  s = _mm_add_ps(s, _mm_movehl_ps(s, s));
  s = _mm_add_ss(s, _mm_movehdup_ps(s));
  return _mm_cvtss_f32(s);
}

DLC_TARGET_AVX2 DLC_INLINE void dot_rows_avx2(const int rows, int64_t N,
                                              int64_t K, const float *A,
                                              int64_t a_rs, const float *B,
                                              int64_t b_cs, float *C,
                                              int64_t c_rs, int64_t c_cs) {
  const int64_t kfull = K / 8 * 8;
  const __m256i tail = lane_mask(K - kfull);
  for (int64_t j0 = 0; j0 < N; j0 += 3) {
    int64_t cols = min64(3, N - j0);
    const float *bp[3];
    for (int c = 0; c < 3; ++c)
      bp[c] = B + (j0 + (c < cols ? c : cols - 1)) * b_cs;
    __m256 acc[SMALL_ROWS][3];
    for (int r = 0; r < rows; ++r)
      for (int c = 0; c < 3; ++c)
        acc[r][c] = _mm256_setzero_ps();
    for (int64_t k = 0; k < K; k += 8) {
      int full = k < kfull;
      __m256 bv[3];
      for (int c = 0; c < 3; ++c)
        bv[c] = full ? _mm256_loadu_ps(bp[c] + k)
                     : _mm256_maskload_ps(bp[c] + k, tail);
      for (int r = 0; r < rows; ++r) {
        __m256 av = full ? _mm256_loadu_ps(A + r * a_rs + k)
                         : _mm256_maskload_ps(A + r * a_rs + k, tail);
        for (int c = 0; c < 3; ++c)
          acc[r][c] = _mm256_fmadd_ps(av, bv[c], acc[r][c]);
      }
    }
    for (int r = 0; r < rows; ++r)
      for (int c = 0; c < cols; ++c)
        C[r * c_rs + (j0 + c) * c_cs] += hsum256(acc[r][c]);
  }
}

/* Dispatches on the row count so that each instance has constant rows. */
#define DLC_SMALL_DISPATCH(fn, M, A, a_rs, C, c_rs, ...)                       \
  for (int64_t i = 0; i < (M); i += SMALL_ROWS) {                              \
    const float *a_ = (A) + i * (a_rs);                                        \
    float *c_ = (C) + i * (c_rs);                                              \
    switch (min64(SMALL_ROWS, (M)-i)) {                                        \
    case 1:                                                                    \
      fn(1, __VA_ARGS__);                                                      \
      break;                                                                   \
    case 2:                                                                    \
      fn(2, __VA_ARGS__);                                                      \
      break;                                                                   \
    case 3:                                                                    \
      fn(3, __VA_ARGS__);                                                      \
      break;                                                                   \
    default:                                                                   \
      fn(4, __VA_ARGS__);                                                      \
      break;                                                                   \
    }                                                                          \
  }

DLC_TARGET_AVX512 static void
small_m_avx512(int64_t M, int64_t N, int64_t K, const float *A, int64_t a_rs,
               int64_t a_cs, const float *B, int64_t b_rs, int64_t b_cs,
               float *C, int64_t c_rs, int64_t c_cs) {
  if (b_cs == 1) {
    DLC_SMALL_DISPATCH(axpy_rows_avx512, M, A, a_rs, C, c_rs, N, K, a_, a_rs,
                       a_cs, B, b_rs, c_, c_rs, c_cs)
  } else {
    DLC_SMALL_DISPATCH(dot_rows_avx512, M, A, a_rs, C, c_rs, N, K, a_, a_rs, B,
                       b_cs, c_, c_rs, c_cs)
  }
}

DLC_TARGET_AVX2 static void small_m_avx2(int64_t M, int64_t N, int64_t K,
                                         const float *A, int64_t a_rs,
                                         int64_t a_cs, const float *B,
                                         int64_t b_rs, int64_t b_cs, float *C,
                                         int64_t c_rs, int64_t c_cs) {
  if (b_cs == 1) {
    DLC_SMALL_DISPATCH(axpy_rows_avx2, M, A, a_rs, C, c_rs, N, K, a_, a_rs,
                       a_cs, B, b_rs, c_, c_rs, c_cs)
  } else {
    DLC_SMALL_DISPATCH(dot_rows_avx2, M, A, a_rs, C, c_rs, N, K, a_, a_rs, B,
                       b_cs, c_, c_rs, c_cs)
  }
}

/*===------------------ Small-M paths over a packed B ------------------===*/

/* With B packed ahead of time (dlc_rt_sgemm_packed), a product with a few
 * rows runs each NR-wide sliver over the whole K with the C tile in
 * registers: B is streamed once, contiguously, A is broadcast in place (any
 * strides) and C is updated once. Up to four rows use two accumulator sets
 * (even and odd k) so that enough FMA chains are in flight. */

#define DLC_PACKED_ROWS_MAX 8

/* Adds the rows (<= AVX512_MR) x 32 tile held in x0/x1 to C (n valid
 * columns). */
DLC_TARGET_AVX512 DLC_INLINE void
store_rows_avx512(const int rows, const __m512 *x0, const __m512 *x1, float *c,
                  int64_t c_rs, int64_t c_cs, int64_t n) {
  if (c_cs == 1) {
    __mmask16 k0 = mask16(n), k1 = mask16(n - 16);
    for (int r = 0; r < rows; ++r) {
      float *cr = c + r * c_rs;
      if (n >= AVX512_NR) {
        _mm512_storeu_ps(cr, _mm512_add_ps(_mm512_loadu_ps(cr), x0[r]));
        _mm512_storeu_ps(cr + 16,
                         _mm512_add_ps(_mm512_loadu_ps(cr + 16), x1[r]));
      } else {
        _mm512_mask_storeu_ps(
            cr, k0, _mm512_add_ps(_mm512_maskz_loadu_ps(k0, cr), x0[r]));
        if (k1)
          _mm512_mask_storeu_ps(
              cr + 16, k1,
              _mm512_add_ps(_mm512_maskz_loadu_ps(k1, cr + 16), x1[r]));
      }
    }
    return;
  }
  float tile[AVX512_MR * AVX512_NR] __attribute__((aligned(64)));
  for (int r = 0; r < rows; ++r) {
    _mm512_store_ps(tile + r * AVX512_NR, x0[r]);
    _mm512_store_ps(tile + r * AVX512_NR + 16, x1[r]);
  }
  add_tile(tile, AVX512_NR, c, c_rs, c_cs, rows, n);
}

DLC_TARGET_AVX512 DLC_INLINE void
packed_rows_avx512(const int rows, const packed_panels *p, const float *A,
                   int64_t a_rs, int64_t a_cs, float *C, int64_t c_rs,
                   int64_t c_cs) {
  const int two = rows <= 4; /* second accumulator set for odd k */
  const float *a[DLC_PACKED_ROWS_MAX];
  for (int r = 0; r < rows; ++r)
    a[r] = A + r * a_rs;
  for (int64_t jc = 0; jc < p->n; jc += p->nc) {
    int64_t nc = min64(p->nc, p->n - jc);
    for (int64_t jr = 0; jr < nc; jr += AVX512_NR) {
      __m512 x0[DLC_PACKED_ROWS_MAX], x1[DLC_PACKED_ROWS_MAX];
      __m512 y0[DLC_PACKED_ROWS_MAX], y1[DLC_PACKED_ROWS_MAX];
      for (int r = 0; r < rows; ++r) {
        x0[r] = x1[r] = _mm512_setzero_ps();
        y0[r] = y1[r] = _mm512_setzero_ps();
      }
      for (int64_t pc = 0; pc < p->k; pc += p->kc) {
        int64_t kc = min64(p->kc, p->k - pc);
        const float *b = panel_at(p, jc, pc) + jr * kc;
        int64_t k = pc, kend = pc + kc;
        for (; k + 2 <= kend; k += 2, b += 2 * AVX512_NR) {
          __m512 b0 = _mm512_load_ps(b), b1 = _mm512_load_ps(b + 16);
          __m512 b2 = _mm512_load_ps(b + 32), b3 = _mm512_load_ps(b + 48);
          for (int r = 0; r < rows; ++r) {
            __m512 u = _mm512_set1_ps(a[r][k * a_cs]);
            __m512 v = _mm512_set1_ps(a[r][(k + 1) * a_cs]);
            x0[r] = _mm512_fmadd_ps(u, b0, x0[r]);
            x1[r] = _mm512_fmadd_ps(u, b1, x1[r]);
            if (two) {
              y0[r] = _mm512_fmadd_ps(v, b2, y0[r]);
              y1[r] = _mm512_fmadd_ps(v, b3, y1[r]);
            } else {
              x0[r] = _mm512_fmadd_ps(v, b2, x0[r]);
              x1[r] = _mm512_fmadd_ps(v, b3, x1[r]);
            }
          }
        }
        if (k < kend) {
          __m512 b0 = _mm512_load_ps(b), b1 = _mm512_load_ps(b + 16);
          for (int r = 0; r < rows; ++r) {
            __m512 u = _mm512_set1_ps(a[r][k * a_cs]);
            x0[r] = _mm512_fmadd_ps(u, b0, x0[r]);
            x1[r] = _mm512_fmadd_ps(u, b1, x1[r]);
          }
        }
      }
      if (two)
        for (int r = 0; r < rows; ++r) {
          x0[r] = _mm512_add_ps(x0[r], y0[r]);
          x1[r] = _mm512_add_ps(x1[r], y1[r]);
        }
      store_rows_avx512(rows, x0, x1, C + (jc + jr) * c_cs, c_rs, c_cs,
                        min64(AVX512_NR, nc - jr));
    }
  }
}

/* AVX2 has 16 registers: at most 6 rows (12 accumulators), two sets only
 * up to 2 rows. */
#define DLC_PACKED_ROWS_AVX2 6

DLC_TARGET_AVX2 DLC_INLINE void
store_rows_avx2(const int rows, const __m256 *x0, const __m256 *x1, float *c,
                int64_t c_rs, int64_t c_cs, int64_t n) {
  if (c_cs == 1) {
    __m256i k0 = lane_mask(n), k1 = lane_mask(n - 8);
    for (int r = 0; r < rows; ++r) {
      float *cr = c + r * c_rs;
      if (n >= AVX2_NR) {
        _mm256_storeu_ps(cr, _mm256_add_ps(_mm256_loadu_ps(cr), x0[r]));
        _mm256_storeu_ps(cr + 8, _mm256_add_ps(_mm256_loadu_ps(cr + 8), x1[r]));
      } else {
        _mm256_maskstore_ps(cr, k0,
                            _mm256_add_ps(_mm256_maskload_ps(cr, k0), x0[r]));
        if (n > 8)
          _mm256_maskstore_ps(
              cr + 8, k1, _mm256_add_ps(_mm256_maskload_ps(cr + 8, k1), x1[r]));
      }
    }
    return;
  }
  float tile[DLC_PACKED_ROWS_AVX2 * AVX2_NR] __attribute__((aligned(32)));
  for (int r = 0; r < rows; ++r) {
    _mm256_store_ps(tile + r * AVX2_NR, x0[r]);
    _mm256_store_ps(tile + r * AVX2_NR + 8, x1[r]);
  }
  add_tile(tile, AVX2_NR, c, c_rs, c_cs, rows, n);
}

DLC_TARGET_AVX2 DLC_INLINE void packed_rows_avx2(const int rows,
                                                 const packed_panels *p,
                                                 const float *A, int64_t a_rs,
                                                 int64_t a_cs, float *C,
                                                 int64_t c_rs, int64_t c_cs) {
  const int two = rows <= 2;
  const float *a[DLC_PACKED_ROWS_AVX2];
  for (int r = 0; r < rows; ++r)
    a[r] = A + r * a_rs;
  for (int64_t jc = 0; jc < p->n; jc += p->nc) {
    int64_t nc = min64(p->nc, p->n - jc);
    for (int64_t jr = 0; jr < nc; jr += AVX2_NR) {
      __m256 x0[DLC_PACKED_ROWS_AVX2], x1[DLC_PACKED_ROWS_AVX2];
      __m256 y0[DLC_PACKED_ROWS_AVX2], y1[DLC_PACKED_ROWS_AVX2];
      for (int r = 0; r < rows; ++r) {
        x0[r] = x1[r] = _mm256_setzero_ps();
        y0[r] = y1[r] = _mm256_setzero_ps();
      }
      for (int64_t pc = 0; pc < p->k; pc += p->kc) {
        int64_t kc = min64(p->kc, p->k - pc);
        const float *b = panel_at(p, jc, pc) + jr * kc;
        int64_t k = pc, kend = pc + kc;
        for (; k + 2 <= kend; k += 2, b += 2 * AVX2_NR) {
          __m256 b0 = _mm256_load_ps(b), b1 = _mm256_load_ps(b + 8);
          __m256 b2 = _mm256_load_ps(b + 16), b3 = _mm256_load_ps(b + 24);
          for (int r = 0; r < rows; ++r) {
            __m256 u = _mm256_broadcast_ss(&a[r][k * a_cs]);
            __m256 v = _mm256_broadcast_ss(&a[r][(k + 1) * a_cs]);
            x0[r] = _mm256_fmadd_ps(u, b0, x0[r]);
            x1[r] = _mm256_fmadd_ps(u, b1, x1[r]);
            if (two) {
              y0[r] = _mm256_fmadd_ps(v, b2, y0[r]);
              y1[r] = _mm256_fmadd_ps(v, b3, y1[r]);
            } else {
              x0[r] = _mm256_fmadd_ps(v, b2, x0[r]);
              x1[r] = _mm256_fmadd_ps(v, b3, x1[r]);
            }
          }
        }
        if (k < kend) {
          __m256 b0 = _mm256_load_ps(b), b1 = _mm256_load_ps(b + 8);
          for (int r = 0; r < rows; ++r) {
            __m256 u = _mm256_broadcast_ss(&a[r][k * a_cs]);
            x0[r] = _mm256_fmadd_ps(u, b0, x0[r]);
            x1[r] = _mm256_fmadd_ps(u, b1, x1[r]);
          }
        }
      }
      if (two)
        for (int r = 0; r < rows; ++r) {
          x0[r] = _mm256_add_ps(x0[r], y0[r]);
          x1[r] = _mm256_add_ps(x1[r], y1[r]);
        }
      store_rows_avx2(rows, x0, x1, C + (jc + jr) * c_cs, c_rs, c_cs,
                      min64(AVX2_NR, nc - jr));
    }
  }
}

/* Runs fn over M (<= 8) rows in the fewest passes of at most max rows,
 * of near-equal size, each with a compile-time row count. */
#define DLC_PACKED_DISPATCH(fn, max, M, p, A, a_rs, a_cs, C, c_rs, c_cs)       \
  do {                                                                         \
    int64_t passes_ = ceil_div((M), (max));                                    \
    int64_t per_ = ceil_div((M), passes_);                                     \
    for (int64_t i_ = 0; i_ < (M); i_ += per_) {                               \
      const float *a_ = (A) + i_ * (a_rs);                                     \
      float *c_ = (C) + i_ * (c_rs);                                           \
      switch (min64(per_, (M)-i_)) {                                           \
      case 1:                                                                  \
        fn(1, p, a_, a_rs, a_cs, c_, c_rs, c_cs);                              \
        break;                                                                 \
      case 2:                                                                  \
        fn(2, p, a_, a_rs, a_cs, c_, c_rs, c_cs);                              \
        break;                                                                 \
      case 3:                                                                  \
        fn(3, p, a_, a_rs, a_cs, c_, c_rs, c_cs);                              \
        break;                                                                 \
      case 4:                                                                  \
        fn(4, p, a_, a_rs, a_cs, c_, c_rs, c_cs);                              \
        break;                                                                 \
      case 5:                                                                  \
        fn(5, p, a_, a_rs, a_cs, c_, c_rs, c_cs);                              \
        break;                                                                 \
      case 6:                                                                  \
        fn(6, p, a_, a_rs, a_cs, c_, c_rs, c_cs);                              \
        break;                                                                 \
      case 7:                                                                  \
        fn(7 < (max) ? 7 : (max), p, a_, a_rs, a_cs, c_, c_rs, c_cs);          \
        break;                                                                 \
      default:                                                                 \
        fn(8 < (max) ? 8 : (max), p, a_, a_rs, a_cs, c_, c_rs, c_cs);          \
        break;                                                                 \
      }                                                                        \
    }                                                                          \
  } while (0)

DLC_TARGET_AVX512 static void packed_small_avx512(const packed_panels *p,
                                                  int64_t M, const float *A,
                                                  int64_t a_rs, int64_t a_cs,
                                                  float *C, int64_t c_rs,
                                                  int64_t c_cs) {
  DLC_PACKED_DISPATCH(packed_rows_avx512, DLC_PACKED_ROWS_MAX, M, p, A, a_rs,
                      a_cs, C, c_rs, c_cs);
}

DLC_TARGET_AVX2 static void packed_small_avx2(const packed_panels *p, int64_t M,
                                              const float *A, int64_t a_rs,
                                              int64_t a_cs, float *C,
                                              int64_t c_rs, int64_t c_cs) {
  DLC_PACKED_DISPATCH(packed_rows_avx2, DLC_PACKED_ROWS_AVX2, M, p, A, a_rs,
                      a_cs, C, c_rs, c_cs);
}

/* ukernel_avx512 for an edge tile of rows < AVX512_MR valid rows: only
 * those rows are computed (the same sums, in the same order, as the full
 * kernel), e.g. 8 rows instead of 14 for the last tile of M = 64. */
DLC_TARGET_AVX512 DLC_INLINE void
ukernel_rows_avx512(const int rows, int64_t kc, const float *restrict a,
                    const float *restrict b, float *c, int64_t rs, int64_t cs,
                    int64_t n) {
  __m512 x0[AVX512_MR], x1[AVX512_MR];
  for (int r = 0; r < rows; ++r)
    x0[r] = x1[r] = _mm512_setzero_ps();
  for (int64_t k = 0; k < kc; ++k) {
    __m512 b0 = _mm512_load_ps(b), b1 = _mm512_load_ps(b + 16);
    for (int r = 0; r < rows; ++r) {
      __m512 ar = _mm512_set1_ps(a[r]);
      x0[r] = _mm512_fmadd_ps(ar, b0, x0[r]);
      x1[r] = _mm512_fmadd_ps(ar, b1, x1[r]);
    }
    a += AVX512_MR;
    b += AVX512_NR;
  }
  store_rows_avx512(rows, x0, x1, c, rs, cs, n);
}

DLC_TARGET_AVX512 static void
ukernel_edge_avx512(int64_t kc, const float *restrict a,
                    const float *restrict b, float *c, int64_t rs, int64_t cs,
                    int64_t m, int64_t n) {
  switch (m) {
#define DLC_EDGE(r)                                                            \
  case r:                                                                      \
    ukernel_rows_avx512(r, kc, a, b, c, rs, cs, n);                            \
    return
    DLC_EDGE(1);
    DLC_EDGE(2);
    DLC_EDGE(3);
    DLC_EDGE(4);
    DLC_EDGE(5);
    DLC_EDGE(6);
    DLC_EDGE(7);
    DLC_EDGE(8);
    DLC_EDGE(9);
    DLC_EDGE(10);
    DLC_EDGE(11);
    DLC_EDGE(12);
    DLC_EDGE(13);
#undef DLC_EDGE
  default:
    ukernel_avx512(kc, a, b, c, rs, cs, m, n);
    return;
  }
}

#endif /* DLC_X86 */

/*===----------------------------- Driver -------------------------------===*/

_Static_assert(SCALAR_NR <= DLC_MAX_NR, "DLC_MAX_NR is too small");
#if DLC_X86
_Static_assert(AVX2_NR <= DLC_MAX_NR && AVX512_NR <= DLC_MAX_NR,
               "DLC_MAX_NR is too small");
#endif

/* pack_a / pack_b signature. */
typedef void (*pack_fn)(int64_t rows, int64_t cols, const float *src,
                        int64_t rs, int64_t cs, int64_t tile,
                        float *restrict dst);

/* Unpacked product for M <= SMALL_M_MAX rows; needs b_cs == 1, or b_rs == 1
 * and a_cs == 1. */
typedef void (*small_m_fn)(int64_t M, int64_t N, int64_t K, const float *A,
                           int64_t a_rs, int64_t a_cs, const float *B,
                           int64_t b_rs, int64_t b_cs, float *C, int64_t c_rs,
                           int64_t c_cs);

typedef struct {
  int64_t mr, nr;     /* microkernel tile */
  int64_t kc, mc, nc; /* cache blocks (mc multiple of mr, nc of nr) */
  ukernel_fn kernel;
  ukernel_fn edge_kernel; /* tiles of fewer than mr rows */
  pack_fn pack_a;
  pack_fn pack_b;
  small_m_fn small_m; /* NULL: no small-M path */
  /* M <= SMALL_M_MAX rows over a packed B; NULL: use the blocked path. */
  void (*packed_small)(const packed_panels *p, int64_t M, const float *A,
                       int64_t a_rs, int64_t a_cs, float *C, int64_t c_rs,
                       int64_t c_cs);
} gemm_config;

/* The level config_for actually uses for a requested one. */
static dlc_isa effective_isa(dlc_isa isa) {
  dlc_isa best = dlc_rt_detect_isa();
  return isa > best ? best : isa;
}

static gemm_config config_for(dlc_isa isa) {
  isa = effective_isa(isa);
  gemm_config cfg;
  switch (isa) {
#if DLC_X86
  case DLC_ISA_AVX512:
    cfg.mr = AVX512_MR;
    cfg.nr = AVX512_NR;
    cfg.kc = 256;
    cfg.mc = AVX512_MR * 24;
    cfg.nc = AVX512_NR * 64;
    cfg.kernel = ukernel_avx512;
    cfg.edge_kernel = ukernel_edge_avx512;
    cfg.pack_a = pack_a_avx2;
    cfg.pack_b = pack_b_avx2;
    cfg.small_m = small_m_avx512;
    cfg.packed_small = packed_small_avx512;
    return cfg;
  case DLC_ISA_AVX2:
    cfg.mr = AVX2_MR;
    cfg.nr = AVX2_NR;
    cfg.kc = 256;
    cfg.mc = AVX2_MR * 24;
    cfg.nc = AVX2_NR * 128;
    cfg.kernel = ukernel_avx2;
    cfg.edge_kernel = ukernel_avx2;
    cfg.pack_a = pack_a_avx2;
    cfg.pack_b = pack_b_avx2;
    cfg.small_m = small_m_avx2;
    cfg.packed_small = packed_small_avx2;
    return cfg;
#endif
  default:
    cfg.mr = SCALAR_MR;
    cfg.nr = SCALAR_NR;
    cfg.kc = 256;
    cfg.mc = SCALAR_MR * 32;
    cfg.nc = SCALAR_NR * 128;
    cfg.kernel = ukernel_scalar;
    cfg.edge_kernel = ukernel_scalar;
    cfg.pack_a = pack_a;
    cfg.pack_b = pack_b;
    cfg.small_m = NULL;
    cfg.packed_small = NULL;
    return cfg;
  }
}

/* Splits n into the fewest blocks of at most max, of near-equal size
 * rounded up to a multiple of unit. */
static int64_t balanced_block(int64_t n, int64_t max, int64_t unit) {
  int64_t blocks = ceil_div(n, max);
  return min64(max, round_up(ceil_div(n, blocks), unit));
}

/* Where the blocked driver gets its B panels: a strided matrix, a
 * caller-supplied packer (implicit matrices such as conv's im2col), or
 * panels packed ahead of time (whose kc/nc blocking the driver must then
 * use). */
typedef struct {
  const float *B;
  int64_t rs, cs;
  dlc_pack_b_fn custom; /* used when not NULL */
  void *ctx;
  const packed_panels *packed; /* used when not NULL */
} b_source;

static void gemm_blocked(const gemm_config *cfg, int64_t M, int64_t N,
                         int64_t K, const float *A, int64_t a_rs, int64_t a_cs,
                         const b_source *src, float *C, int64_t c_rs,
                         int64_t c_cs, int64_t mc_max, int64_t kc_max,
                         int64_t nc_max, float *pack_a_buf, float *pack_b_buf) {
  const int64_t mr = cfg->mr, nr = cfg->nr;
  for (int64_t jc = 0; jc < N; jc += nc_max) {
    int64_t nc = min64(nc_max, N - jc);
    for (int64_t pc = 0; pc < K; pc += kc_max) {
      int64_t kc = min64(kc_max, K - pc);
      const float *b_panel = pack_b_buf;
      if (src->packed)
        b_panel = panel_at(src->packed, jc, pc);
      else if (src->custom)
        src->custom(src->ctx, pc, kc, jc, nc, nr, pack_b_buf);
      else
        cfg->pack_b(kc, nc, src->B + pc * src->rs + jc * src->cs, src->rs,
                    src->cs, nr, pack_b_buf);
      for (int64_t ic = 0; ic < M; ic += mc_max) {
        int64_t mc = min64(mc_max, M - ic);
        cfg->pack_a(mc, kc, A + ic * a_rs + pc * a_cs, a_rs, a_cs, mr,
                    pack_a_buf);
        for (int64_t jr = 0; jr < nc; jr += nr) {
          int64_t n = min64(nr, nc - jr);
          const float *bp = b_panel + jr * kc;
          for (int64_t ir = 0; ir < mc; ir += mr) {
            int64_t m = min64(mr, mc - ir);
            (m < mr ? cfg->edge_kernel : cfg->kernel)(
                kc, pack_a_buf + ir * kc, bp,
                C + (ic + ir) * c_rs + (jc + jr) * c_cs, c_rs, c_cs, m, n);
          }
        }
      }
    }
  }
}

/* Block sizes and packing buffers for one blocked product. */
typedef struct {
  int64_t mc, kc, nc;
  float *pack_a, *pack_b;
  void *memory; /* NULL: allocation failed */
} gemm_scratch;

static gemm_scratch scratch_for(const gemm_config *cfg, int64_t M, int64_t N,
                                int64_t K) {
  gemm_scratch s;
  s.kc = balanced_block(K, cfg->kc, 1);
  s.mc = balanced_block(M, cfg->mc, cfg->mr);
  s.nc = balanced_block(N, cfg->nc, cfg->nr);
  /* Two 64-byte aligned buffers: packed A (mc x kc), packed B (kc x nc),
   * from the thread's block cache (the same sizes recur call after call). */
  size_t a_bytes = (size_t)round_up(s.mc * s.kc * (int64_t)sizeof(float), 64);
  size_t b_bytes = (size_t)(s.kc * s.nc) * sizeof(float);
  s.memory = dlc_rt_alloc(a_bytes + b_bytes);
  s.pack_a = (float *)s.memory;
  s.pack_b = (float *)((char *)s.pack_a + a_bytes);
  return s;
}

int dlc_rt_sgemm_packed_b(dlc_isa isa, int64_t M, int64_t N, int64_t K,
                          const float *A, int64_t a_rs, int64_t a_cs,
                          dlc_pack_b_fn pack_b, void *ctx, float *C,
                          int64_t c_rs, int64_t c_cs) {
  if (M <= 0 || N <= 0 || K <= 0)
    return 1;
  gemm_config cfg = config_for(isa);
  gemm_scratch s = scratch_for(&cfg, M, N, K);
  if (!s.memory)
    return 0;
  b_source src = {NULL, 0, 0, pack_b, ctx, NULL};
  gemm_blocked(&cfg, M, N, K, A, a_rs, a_cs, &src, C, c_rs, c_cs, s.mc, s.kc,
               s.nc, s.pack_a, s.pack_b);
  dlc_rt_free(s.memory);
  return 1;
}

/* Problems below this many multiply-adds skip packing. */
#define NAIVE_MAX_WORK 2048
/* Products with at most this many rows (or columns, transposed) use the
 * unpacked small-M path when the layouts allow it. */
#define SMALL_M_MAX 8

/* Runs the small-M path over the batch if the layout allows it (B must
 * have a unit stride; when that is its row stride, A is read along K, so a
 * strided A is first copied to a contiguous M x K buffer). Returns 0 when it
 * did nothing. */
static int try_small_m(const gemm_config *cfg, int64_t batch, int64_t M,
                       int64_t N, int64_t K, const float *A, int64_t a_bs,
                       int64_t a_rs, int64_t a_cs, const float *B, int64_t b_bs,
                       int64_t b_rs, int64_t b_cs, float *C, int64_t c_bs,
                       int64_t c_rs, int64_t c_cs) {
  if (M > SMALL_M_MAX || (b_cs != 1 && b_rs != 1))
    return 0;
  float *copy = NULL;
  if (b_cs != 1 && a_cs != 1) {
    if (K > INT64_MAX / (int64_t)sizeof(float) / M)
      return 0;
    copy = (float *)dlc_rt_alloc((size_t)(M * K) * sizeof(float));
    if (!copy)
      return 0;
  }
  for (int64_t b = 0; b < batch; ++b) {
    const float *a = A + b * a_bs;
    int64_t rs = a_rs, cs = a_cs;
    if (copy) {
      for (int64_t i = 0; i < M; ++i)
        for (int64_t k = 0; k < K; ++k)
          copy[i * K + k] = a[i * a_rs + k * a_cs];
      a = copy;
      rs = K;
      cs = 1;
    }
    cfg->small_m(M, N, K, a, rs, cs, B + b * b_bs, b_rs, b_cs, C + b * c_bs,
                 c_rs, c_cs);
  }
  dlc_rt_free(copy);
  return 1;
}

void dlc_rt_sgemm_isa(dlc_isa isa, int64_t batch, int64_t M, int64_t N,
                      int64_t K, const float *A, int64_t a_bs, int64_t a_rs,
                      int64_t a_cs, const float *B, int64_t b_bs, int64_t b_rs,
                      int64_t b_cs, float *C, int64_t c_bs, int64_t c_rs,
                      int64_t c_cs) {
  if (batch <= 0 || M <= 0 || N <= 0 || K <= 0 || !A || !B || !C)
    return;
  /* The stride of a size-1 dim is never used: make it unit so that more
   * problems match the fast layouts. */
  if (M == 1)
    a_rs = c_rs = 1;
  if (N == 1)
    b_cs = c_cs = 1;
  if (K == 1)
    a_cs = b_rs = 1;
  gemm_config cfg = config_for(isa);
  int tiny = M <= NAIVE_MAX_WORK && N <= NAIVE_MAX_WORK &&
             K <= NAIVE_MAX_WORK && M * N * K <= NAIVE_MAX_WORK;

  if (!tiny && cfg.small_m) {
    if (try_small_m(&cfg, batch, M, N, K, A, a_bs, a_rs, a_cs, B, b_bs, b_rs,
                    b_cs, C, c_bs, c_rs, c_cs))
      return;
    /* C^T = B^T A^T: a few columns become a few rows. */
    if (N < M && try_small_m(&cfg, batch, N, M, K, B, b_bs, b_cs, b_rs, A, a_bs,
                             a_cs, a_rs, C, c_bs, c_cs, c_rs))
      return;
  }

  if (!tiny) {
    gemm_scratch s = scratch_for(&cfg, M, N, K);
    if (s.memory) {
      for (int64_t b = 0; b < batch; ++b) {
        b_source src = {B + b * b_bs, b_rs, b_cs, NULL, NULL, NULL};
        gemm_blocked(&cfg, M, N, K, A + b * a_bs, a_rs, a_cs, &src,
                     C + b * c_bs, c_rs, c_cs, s.mc, s.kc, s.nc, s.pack_a,
                     s.pack_b);
      }
      dlc_rt_free(s.memory);
      return;
    }
  }
  /* Tiny problems, and the fallback when scratch memory is unavailable. */
  for (int64_t b = 0; b < batch; ++b)
    gemm_naive(M, N, K, A + b * a_bs, a_rs, a_cs, B + b * b_bs, b_rs, b_cs,
               C + b * c_bs, c_rs, c_cs);
}

void dlc_rt_sgemm(int64_t batch, int64_t M, int64_t N, int64_t K,
                  const float *A, int64_t a_bs, int64_t a_rs, int64_t a_cs,
                  const float *B, int64_t b_bs, int64_t b_rs, int64_t b_cs,
                  float *C, int64_t c_bs, int64_t c_rs, int64_t c_cs) {
  dlc_rt_sgemm_isa(DLC_ISA_AVX512, batch, M, N, K, A, a_bs, a_rs, a_cs, B, b_bs,
                   b_rs, b_cs, C, c_bs, c_rs, c_cs);
}

/*===------------------- Constant B packed ahead of time -----------------===*/

_Static_assert(sizeof(dlc_pack_source) == 40 &&
                   offsetof(dlc_pack_source, k) == 8 &&
                   offsetof(dlc_pack_source, cs) == 32,
               "dlc_pack_source must match the table the compiler emits");

/* "dlcpakB1" */
#define PACKED_MAGIC UINT64_C(0x31426b6170636c64)

/* What dlc_rt_pack_b_isa returns: this header, then (64-byte aligned, in
 * the same allocation) the panels. */
typedef struct {
  uint64_t magic;
  int64_t isa;          /* the dlc_isa level whose kernels read the panels */
  const float *data;    /* the original matrix, for fallbacks */
  int64_t rs, cs;       /* its strides */
  packed_panels panels; /* panels.panels is NULL when k or n is 0 */
} packed_b_blob;

void *dlc_rt_pack_b_isa(dlc_isa isa, const dlc_pack_source *src) {
  if (!src || src->k < 0 || src->n < 0 ||
      (src->k > 0 && src->n > 0 && !src->data))
    return NULL;
  isa = effective_isa(isa);
  gemm_config cfg = config_for(isa);
  const int64_t K = src->k, N = src->n, nr = cfg.nr;
  size_t header = (size_t)round_up((int64_t)sizeof(packed_b_blob), 64);
  size_t bytes = header;
  int64_t floats = 0;
  if (K > 0 && N > 0) {
    /* round_up(N, nr) * K floats, guarded against overflow. */
    if (N > INT64_MAX - nr)
      return NULL;
    int64_t cols = round_up(N, nr);
    if (cols > (INT64_MAX / (int64_t)sizeof(float) - 4096) / K ||
        (uint64_t)(cols * K) > (SIZE_MAX - 4096) / sizeof(float))
      return NULL;
    floats = cols * K;
    bytes = header + (size_t)floats * sizeof(float) + 64;
  }
  char *memory = (char *)malloc(bytes);
  if (!memory)
    return NULL;
  packed_b_blob *blob = (packed_b_blob *)memory;
  blob->magic = PACKED_MAGIC;
  blob->isa = (int64_t)isa;
  blob->data = src->data;
  blob->rs = src->rs;
  blob->cs = src->cs;
  blob->panels.k = K;
  blob->panels.n = N;
  blob->panels.nr = nr;
  blob->panels.panels = NULL;
  blob->panels.kc = blob->panels.nc = 0;
  if (floats == 0)
    return blob;

  float *panels = (float *)(((uintptr_t)memory + header + 63) & ~(uintptr_t)63);
  const int64_t kc_max = balanced_block(K, cfg.kc, 1);
  const int64_t nc_max = balanced_block(N, cfg.nc, nr);
  /* The stride of a size-1 dim is never used: unit strides reach the fast
   * packers. */
  const int64_t rs = K == 1 ? 1 : src->rs, cs = N == 1 ? 1 : src->cs;
  blob->panels.panels = panels;
  blob->panels.kc = kc_max;
  blob->panels.nc = nc_max;
  for (int64_t jc = 0; jc < N; jc += nc_max) {
    int64_t nc = min64(nc_max, N - jc);
    for (int64_t pc = 0; pc < K; pc += kc_max) {
      int64_t kc = min64(kc_max, K - pc);
      cfg.pack_b(kc, nc, src->data + pc * rs + jc * cs, rs, cs, nr,
                 (float *)(uintptr_t)panel_at(&blob->panels, jc, pc));
    }
  }
  return blob;
}

void dlc_rt_packed_b_free(void *packed) { free(packed); }

dlc_isa dlc_rt_packed_b_level(const void *packed) {
  const packed_b_blob *blob = (const packed_b_blob *)packed;
  return blob && blob->magic == PACKED_MAGIC ? (dlc_isa)blob->isa
                                             : DLC_ISA_SCALAR;
}

/* A-block scratch that fits here stays on the stack. */
#define PACKED_STACK_FLOATS 4096

void dlc_rt_sgemm_packed(int64_t batch, int64_t M, int64_t N, int64_t K,
                         const float *A, int64_t a_bs, int64_t a_rs,
                         int64_t a_cs, const void *packed_b, float *C,
                         int64_t c_bs, int64_t c_rs, int64_t c_cs) {
  const packed_b_blob *blob = (const packed_b_blob *)packed_b;
  if (!blob || blob->magic != PACKED_MAGIC)
    return;
  if (batch <= 0 || M <= 0 || N <= 0 || K <= 0 || !A || !C)
    return;
  const packed_panels *p = &blob->panels;
  const dlc_isa isa = (dlc_isa)blob->isa;
  gemm_config cfg = config_for(isa);
  /* The unpacked product with the original matrix: for sizes that do not
   * match the packed ones (never reading outside B), for a few columns
   * (the transposed small-M path beats padding NR-wide slivers), and when
   * memory is short. */
  int fallback = N != p->n || K != p->k || !p->panels || cfg.nr != p->nr ||
                 (cfg.small_m && N <= SMALL_M_MAX && M > N);
  if (!fallback && batch > 1 && c_bs != 0 && batch <= INT64_MAX / M) {
    /* Stacked rows: the batch is one product with batch * M rows. */
    if (M == 1) {
      a_rs = a_bs;
      c_rs = c_bs;
      M = batch;
      batch = 1;
    } else if (a_bs == M * a_rs && c_bs == M * c_rs) {
      M *= batch;
      batch = 1;
    }
  }
  /* The stride of a size-1 dim is never used. */
  if (M == 1)
    a_rs = c_rs = 1;
  if (N == 1)
    c_cs = 1;
  if (K == 1)
    a_cs = 1;

  if (!fallback && M <= SMALL_M_MAX && cfg.packed_small) {
    for (int64_t b = 0; b < batch; ++b)
      cfg.packed_small(p, M, A + b * a_bs, a_rs, a_cs, C + b * c_bs, c_rs,
                       c_cs);
    return;
  }
  if (!fallback) {
    /* Blocked: only A is packed, with the blocking the panels were made
     * for. */
    int64_t mc = balanced_block(M, cfg.mc, cfg.mr);
    int64_t floats = mc * p->kc;
    float stack_buf[PACKED_STACK_FLOATS] __attribute__((aligned(64)));
    void *memory = NULL;
    float *pack_a_buf = stack_buf;
    if (floats > PACKED_STACK_FLOATS) {
      memory = dlc_rt_alloc((size_t)floats * sizeof(float));
      pack_a_buf = (float *)memory;
    }
    if (floats <= PACKED_STACK_FLOATS || memory) {
      b_source src = {NULL, 0, 0, NULL, NULL, p};
      for (int64_t b = 0; b < batch; ++b)
        gemm_blocked(&cfg, M, N, K, A + b * a_bs, a_rs, a_cs, &src,
                     C + b * c_bs, c_rs, c_cs, mc, p->kc, p->nc, pack_a_buf,
                     NULL);
      dlc_rt_free(memory);
      return;
    }
  }
  dlc_rt_sgemm_isa(isa, batch, M, min64(N, p->n), min64(K, p->k), A, a_bs, a_rs,
                   a_cs, blob->data, 0, blob->rs, blob->cs, C, c_bs, c_rs,
                   c_cs);
}
