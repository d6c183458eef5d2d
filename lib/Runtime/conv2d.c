/*===- conv2d.c - 2-D convolution as implicit-im2col GEMM ------*- C -*-===//
 *
 * For each image and group, out[Fg, OH*OW] += w[Fg, Cg*KH*KW] x
 * col[Cg*KH*KW, OH*OW], where col is the im2col expansion of the input.
 * col is never materialized: the GEMM asks for its B panels and they are
 * gathered from the input straight into the packed layout, so the scratch
 * memory is the GEMM's own (a few hundred KiB) however large the image.
 * Two shapes skip this: a 1x1 stride-1 convolution already is a GEMM on
 * the input, and a depthwise one (one channel per group) is done directly.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

typedef struct {
  int64_t N, C, H, W, F, KH, KW, OH, OW, sh, sw, dh, dw, groups;
  int64_t Cg, Fg; /* channels and filters per group */
} conv_shape;

/*===------------------- Implicit im2col (packed B) ---------------------===*/

typedef struct {
  const conv_shape *s;
  const float *img; /* first input channel of the current image and group */
} conv_pack_ctx;

/* Writes B = im2col(img) rows [k0, k0+kc), columns (output pixels)
 * [j0, j0+nc) straight into the GEMM's packed layout (see dlc_pack_b_fn).
 * Within a sliver, pixels split into runs that share an output row; each
 * run is a strided copy from one input row. */

/* At most one run per column (nr <= DLC_MAX_NR). */
typedef struct {
  int count;
  int64_t dst[DLC_MAX_NR], src[DLC_MAX_NR], len[DLC_MAX_NR];
} conv_runs;

/* The runs of the n <= DLC_MAX_NR pixels starting at p: destination
 * column, offset in an input channel plane, length. */
static inline __attribute__((always_inline)) void
find_runs(const conv_shape *s, int64_t p, int64_t n, conv_runs *r) {
  r->count = 0;
  for (int64_t j = 0; j < n;) {
    int64_t oh = (p + j) / s->OW, ow = (p + j) % s->OW;
    int64_t len = s->OW - ow < n - j ? s->OW - ow : n - j;
    r->dst[r->count] = j;
    r->src[r->count] = oh * s->sh * s->W + ow * s->sw;
    r->len[r->count] = len;
    ++r->count;
    j += len;
  }
}

/* Walks k = (c * KH + kh) * KW + kw, giving the offset of the input
 * element that kernel tap k reads for output pixel (0, 0). */
typedef struct {
  int64_t c, kh, kw;
} conv_tap;

static inline __attribute__((always_inline)) conv_tap
tap_at(const conv_shape *s, int64_t k) {
  conv_tap t = {k / (s->KH * s->KW), k / s->KW % s->KH, k % s->KW};
  return t;
}

static inline __attribute__((always_inline)) int64_t
tap_offset(const conv_shape *s, const conv_tap *t) {
  return (t->c * s->H + t->kh * s->dh) * s->W + t->kw * s->dw;
}

static inline __attribute__((always_inline)) void next_tap(const conv_shape *s,
                                                           conv_tap *t) {
  if (++t->kw == s->KW) {
    t->kw = 0;
    if (++t->kh == s->KH) {
      t->kh = 0;
      ++t->c;
    }
  }
}

static inline __attribute__((always_inline)) void
conv_pack_impl(const conv_pack_ctx *ctx, int64_t k0, int64_t kc, int64_t j0,
               int64_t nc, int64_t nr, float *dst) {
  const conv_shape *s = ctx->s;
  const int64_t sw = s->sw;
  for (int64_t js = 0; js < nc; js += nr, dst += nr * kc) {
    const int64_t n = nc - js < nr ? nc - js : nr;
    conv_runs runs;
    find_runs(s, j0 + js, n, &runs);
    conv_tap tap = tap_at(s, k0);
    for (int64_t k = 0; k < kc; ++k, next_tap(s, &tap)) {
      const float *base = ctx->img + tap_offset(s, &tap);
      float *row = dst + k * nr;
      for (int r = 0; r < runs.count; ++r) {
        const float *src = base + runs.src[r];
        float *out = row + runs.dst[r];
        for (int64_t i = 0; i < runs.len[r]; ++i)
          out[i] = src[i * sw];
      }
      for (int64_t j = n; j < nr; ++j)
        row[j] = 0.0f;
    }
  }
}

static void conv_pack_generic(void *ctx, int64_t k0, int64_t kc, int64_t j0,
                              int64_t nc, int64_t nr, float *dst) {
  conv_pack_impl((const conv_pack_ctx *)ctx, k0, kc, j0, nc, nr, dst);
}

#if defined(__x86_64__) || defined(__i386__)
__attribute__((target("avx2,fma"))) static void
conv_pack_avx2(void *ctx, int64_t k0, int64_t kc, int64_t j0, int64_t nc,
               int64_t nr, float *dst) {
  conv_pack_impl((const conv_pack_ctx *)ctx, k0, kc, j0, nc, nr, dst);
}

/* Same as conv_pack_impl with 16-wide masked copies (nr is 32 here). */
__attribute__((target("avx512f,fma"))) static void
conv_pack_avx512(void *vctx, int64_t k0, int64_t kc, int64_t j0, int64_t nc,
                 int64_t nr, float *dst) {
  const conv_pack_ctx *ctx = (const conv_pack_ctx *)vctx;
  const conv_shape *s = ctx->s;
  if (nr % 16 != 0) {
    conv_pack_impl(ctx, k0, kc, j0, nc, nr, dst);
    return;
  }
  const __m512i lanes =
      _mm512_set_epi32(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
  /* Gather indices for strided runs (small strides: fits int32). */
  const __m512i step = _mm512_mullo_epi32(lanes, _mm512_set1_epi32((int)s->sw));
  for (int64_t js = 0; js < nc; js += nr, dst += nr * kc) {
    const int64_t n = nc - js < nr ? nc - js : nr;
    conv_runs runs;
    find_runs(s, j0 + js, n, &runs);
    conv_tap tap = tap_at(s, k0);
    for (int64_t k = 0; k < kc; ++k, next_tap(s, &tap)) {
      const float *base = ctx->img + tap_offset(s, &tap);
      float *row = dst + k * nr;
      if (n < nr) /* zero padding, partly overwritten below */
        for (int64_t j = 0; j < nr; j += 16)
          _mm512_store_ps(row + j, _mm512_setzero_ps());
      for (int r = 0; r < runs.count; ++r) {
        const float *src = base + runs.src[r];
        float *out = row + runs.dst[r];
        const int64_t len = runs.len[r];
        int64_t i = 0;
        if (s->sw == 1) {
          for (; i + 16 <= len; i += 16)
            _mm512_storeu_ps(out + i, _mm512_loadu_ps(src + i));
          if (i < len) {
            __mmask16 m = (__mmask16)((1u << (len - i)) - 1);
            _mm512_mask_storeu_ps(out + i, m,
                                  _mm512_maskz_loadu_ps(m, src + i));
          }
        } else {
          for (; i < len; i += 16) {
            __mmask16 m = len - i >= 16 ? (__mmask16)0xffff
                                        : (__mmask16)((1u << (len - i)) - 1);
            _mm512_mask_storeu_ps(out + i, m,
                                  _mm512_mask_i32gather_ps(_mm512_setzero_ps(),
                                                           m, step,
                                                           src + i * s->sw, 4));
          }
        }
      }
    }
  }
}
#endif

/* isa is already clamped to what the CPU has. */
static dlc_pack_b_fn conv_packer(dlc_isa isa) {
  (void)isa;
#if defined(__x86_64__) || defined(__i386__)
  switch (isa) {
  case DLC_ISA_AVX512:
    return conv_pack_avx512;
  case DLC_ISA_AVX2:
    return conv_pack_avx2;
  default:
    break;
  }
#endif
  return conv_pack_generic;
}

/* Direct convolution of image n, group g: the fallback when scratch memory
 * is unavailable. */
static void conv_direct_one(const conv_shape *s, int64_t n, int64_t g,
                            const float *in, const float *w, float *out) {
  const float *img = in + (n * s->C + g * s->Cg) * s->H * s->W;
  for (int64_t f = g * s->Fg; f < (g + 1) * s->Fg; ++f) {
    const float *wf = w + f * s->Cg * s->KH * s->KW;
    float *o = out + (n * s->F + f) * s->OH * s->OW;
    for (int64_t oh = 0; oh < s->OH; ++oh)
      for (int64_t ow = 0; ow < s->OW; ++ow) {
        float acc = 0.0f;
        for (int64_t c = 0; c < s->Cg; ++c)
          for (int64_t kh = 0; kh < s->KH; ++kh)
            for (int64_t kw = 0; kw < s->KW; ++kw)
              acc += img[(c * s->H + oh * s->sh + kh * s->dh) * s->W +
                         ow * s->sw + kw * s->dw] *
                     wf[(c * s->KH + kh) * s->KW + kw];
        o[oh * s->OW + ow] += acc;
      }
  }
}

static void conv_direct(const conv_shape *s, const float *in, const float *w,
                        float *out) {
  for (int64_t n = 0; n < s->N; ++n)
    for (int64_t g = 0; g < s->groups; ++g)
      conv_direct_one(s, n, g, in, w, out);
}

/* Depthwise-style convolution (one input channel per group): a GEMM with
 * K = KH*KW would be all overhead, so accumulate shifted input rows
 * directly. Inlined into per-ISA wrappers so that the compiler vectorizes
 * the inner loop for each. */
static inline __attribute__((always_inline)) void
depthwise_impl(const conv_shape *s, const float *in, const float *w,
               float *out) {
  const int64_t OW = s->OW, sw = s->sw;
  for (int64_t n = 0; n < s->N; ++n)
    for (int64_t f = 0; f < s->F; ++f) {
      const float *img = in + (n * s->C + f / s->Fg) * s->H * s->W;
      const float *wf = w + f * s->KH * s->KW;
      float *o = out + (n * s->F + f) * s->OH * OW;
      for (int64_t oh = 0; oh < s->OH; ++oh) {
        float *restrict orow = o + oh * OW;
        for (int64_t kh = 0; kh < s->KH; ++kh) {
          const float *irow = img + (oh * s->sh + kh * s->dh) * s->W;
          for (int64_t kw = 0; kw < s->KW; ++kw) {
            const float wv = wf[kh * s->KW + kw];
            const float *restrict src = irow + kw * s->dw;
            if (sw == 1)
              for (int64_t ow = 0; ow < OW; ++ow)
                orow[ow] += wv * src[ow];
            else
              for (int64_t ow = 0; ow < OW; ++ow)
                orow[ow] += wv * src[ow * sw];
          }
        }
      }
    }
}

static void depthwise_generic(const conv_shape *s, const float *in,
                              const float *w, float *out) {
  depthwise_impl(s, in, w, out);
}

#if defined(__x86_64__) || defined(__i386__)
__attribute__((target("avx2,fma"))) static void
depthwise_avx2(const conv_shape *s, const float *in, const float *w,
               float *out) {
  depthwise_impl(s, in, w, out);
}

/* Unit output stride: four 16-wide accumulators per row segment stay in
 * registers across the whole KH x KW window. */
__attribute__((target("avx512f,fma"))) static void
depthwise_avx512(const conv_shape *s, const float *in, const float *w,
                 float *out) {
  if (s->sw != 1) {
    depthwise_impl(s, in, w, out);
    return;
  }
  const int64_t OW = s->OW;
  for (int64_t n = 0; n < s->N; ++n)
    for (int64_t f = 0; f < s->F; ++f) {
      const float *img = in + (n * s->C + f / s->Fg) * s->H * s->W;
      const float *wf = w + f * s->KH * s->KW;
      float *o = out + (n * s->F + f) * s->OH * OW;
      for (int64_t oh = 0; oh < s->OH; ++oh) {
        float *orow = o + oh * OW;
        for (int64_t ow0 = 0; ow0 < OW; ow0 += 64) {
          __mmask16 mk[4];
          __m512 acc[4];
          for (int v = 0; v < 4; ++v) {
            int64_t left = OW - ow0 - 16 * v;
            mk[v] = left >= 16  ? (__mmask16)0xffff
                    : left <= 0 ? (__mmask16)0
                                : (__mmask16)((1u << left) - 1);
            acc[v] = _mm512_maskz_loadu_ps(mk[v], orow + ow0 + 16 * v);
          }
          for (int64_t kh = 0; kh < s->KH; ++kh) {
            const float *irow = img + (oh * s->sh + kh * s->dh) * s->W + ow0;
            for (int64_t kw = 0; kw < s->KW; ++kw) {
              __m512 wv = _mm512_set1_ps(wf[kh * s->KW + kw]);
              const float *src = irow + kw * s->dw;
              for (int v = 0; v < 4; ++v)
                acc[v] = _mm512_fmadd_ps(
                    wv, _mm512_maskz_loadu_ps(mk[v], src + 16 * v), acc[v]);
            }
          }
          for (int v = 0; v < 4; ++v)
            _mm512_mask_storeu_ps(orow + ow0 + 16 * v, mk[v], acc[v]);
        }
      }
    }
}
#endif

static void depthwise(dlc_isa isa, const conv_shape *s, const float *in,
                      const float *w, float *out) {
  (void)isa;
#if defined(__x86_64__) || defined(__i386__)
  switch (isa) {
  case DLC_ISA_AVX512:
    depthwise_avx512(s, in, w, out);
    return;
  case DLC_ISA_AVX2:
    depthwise_avx2(s, in, w, out);
    return;
  default:
    break;
  }
#endif
  depthwise_generic(s, in, w, out);
}

/* Validates the arguments and fills *s. Returns 0 when there is nothing to
 * do: inconsistent arguments, or an empty output or reduction. */
static int conv_setup(conv_shape *s, int64_t N, int64_t C, int64_t H, int64_t W,
                      int64_t F, int64_t KH, int64_t KW, int64_t OH, int64_t OW,
                      int64_t stride_h, int64_t stride_w, int64_t dil_h,
                      int64_t dil_w, int64_t groups, const float *in,
                      const float *w, const float *out) {
  if (N < 0 || C < 0 || H < 0 || W < 0 || F < 0 || KH < 0 || KW < 0 || OH < 0 ||
      OW < 0 || stride_h < 1 || stride_w < 1 || dil_h < 1 || dil_w < 1 ||
      groups < 1 || C % groups || F % groups)
    return 0;
  if (N == 0 || F == 0 || OH == 0 || OW == 0)
    return 0; /* no output */
  /* Every window must lie inside the (already padded) input. */
  if (KH == 0 || KW == 0 || (OH - 1) * stride_h + (KH - 1) * dil_h >= H ||
      (OW - 1) * stride_w + (KW - 1) * dil_w >= W)
    return 0;
  if (C == 0 || !in || !w || !out)
    return 0; /* empty reduction: out += 0 */
  conv_shape v = {N,     C,      H,          W,         F,        KH,
                  KW,    OH,     OW,         stride_h,  stride_w, dil_h,
                  dil_w, groups, C / groups, F / groups};
  *s = v;
  return 1;
}

void dlc_rt_conv2d_direct(int64_t N, int64_t C, int64_t H, int64_t W, int64_t F,
                          int64_t KH, int64_t KW, int64_t OH, int64_t OW,
                          int64_t stride_h, int64_t stride_w, int64_t dil_h,
                          int64_t dil_w, int64_t groups, const float *in,
                          const float *w, float *out) {
  conv_shape s;
  if (conv_setup(&s, N, C, H, W, F, KH, KW, OH, OW, stride_h, stride_w, dil_h,
                 dil_w, groups, in, w, out))
    conv_direct(&s, in, w, out);
}

void dlc_rt_conv2d(int64_t N, int64_t C, int64_t H, int64_t W, int64_t F,
                   int64_t KH, int64_t KW, int64_t OH, int64_t OW,
                   int64_t stride_h, int64_t stride_w, int64_t dil_h,
                   int64_t dil_w, int64_t groups, const float *in,
                   const float *w, float *out) {
  dlc_rt_conv2d_isa(DLC_ISA_AVX512, N, C, H, W, F, KH, KW, OH, OW, stride_h,
                    stride_w, dil_h, dil_w, groups, in, w, out);
}

void dlc_rt_conv2d_isa(dlc_isa isa, int64_t N, int64_t C, int64_t H, int64_t W,
                       int64_t F, int64_t KH, int64_t KW, int64_t OH,
                       int64_t OW, int64_t stride_h, int64_t stride_w,
                       int64_t dil_h, int64_t dil_w, int64_t groups,
                       const float *in, const float *w, float *out) {
  if (isa > dlc_rt_detect_isa())
    isa = dlc_rt_detect_isa();
  conv_shape s;
  if (!conv_setup(&s, N, C, H, W, F, KH, KW, OH, OW, stride_h, stride_w, dil_h,
                  dil_w, groups, in, w, out))
    return;
  if (s.Cg == 1) {
    depthwise(isa, &s, in, w, out);
    return;
  }

  const int64_t K = s.Cg * KH * KW; /* GEMM depth */
  const int64_t P = OH * OW;        /* output pixels per image */

  if (KH == 1 && KW == 1 && stride_h == 1 && stride_w == 1 && OH == H &&
      OW == W) {
    /* The input image already is the Cg x (H*W) B matrix. */
    for (int64_t g = 0; g < groups; ++g)
      dlc_rt_sgemm_isa(isa, N, s.Fg, P, s.Cg, w + g * s.Fg * K, 0, K, 1,
                       in + g * s.Cg * H * W, C * H * W, H * W, 1,
                       out + g * s.Fg * P, F * P, P, 1);
    return;
  }

  /* out_g += w_g x im2col(in_g), with im2col packed on the fly. */
  dlc_pack_b_fn pack = conv_packer(isa);
  for (int64_t n = 0; n < N; ++n)
    for (int64_t g = 0; g < groups; ++g) {
      conv_pack_ctx ctx = {&s, in + (n * C + g * s.Cg) * H * W};
      float *og = out + (n * F + g * s.Fg) * P;
      if (!dlc_rt_sgemm_packed_b(isa, s.Fg, P, K, w + g * s.Fg * K, K, 1, pack,
                                 &ctx, og, P, 1))
        conv_direct_one(&s, n, g, in, w, out); /* no memory: the slow way */
    }
}
