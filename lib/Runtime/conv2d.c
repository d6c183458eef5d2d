/*===- conv2d.c - 2-D convolution as im2col + GEMM -------------*- C -*-===//
 *
 * For each image and group, out[Fg, OH*OW] += w[Fg, Cg*KH*KW] x
 * col[Cg*KH*KW, OH*OW], where col is the im2col expansion of the input.
 * col is built in chunks of output pixels so the scratch buffer stays
 * around L2-sized however large the image is; each chunk is one
 * dlc_rt_sgemm call writing a column slice of out. A 1x1 stride-1
 * convolution is already a GEMM on the input and skips im2col.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

/* Target size of one im2col chunk, in floats. */
#define COL_CHUNK_FLOATS (256 * 1024)

typedef struct {
  int64_t N, C, H, W, F, KH, KW, OH, OW, sh, sw, dh, dw, groups;
  int64_t Cg, Fg; /* channels and filters per group */
} conv_shape;

/* Expands output pixels [p0, p0 + pc) of one image and group (in points at
 * its first channel) into col, a (Cg*KH*KW) x pc row-major matrix. */
static void im2col(const conv_shape *s, const float *in, int64_t p0, int64_t pc,
                   float *col) {
  for (int64_t c = 0; c < s->Cg; ++c) {
    const float *plane = in + c * s->H * s->W;
    for (int64_t kh = 0; kh < s->KH; ++kh) {
      for (int64_t kw = 0; kw < s->KW; ++kw) {
        float *dst = col + ((c * s->KH + kh) * s->KW + kw) * pc;
        int64_t p = p0, end = p0 + pc;
        int64_t oh = p / s->OW, ow = p % s->OW;
        while (p < end) {
          int64_t len = s->OW - ow < end - p ? s->OW - ow : end - p;
          const float *src = plane + (oh * s->sh + kh * s->dh) * s->W +
                             ow * s->sw + kw * s->dw;
          if (s->sw == 1) {
            memcpy(dst, src, (size_t)len * sizeof(float));
          } else {
            for (int64_t i = 0; i < len; ++i)
              dst[i] = src[i * s->sw];
          }
          dst += len;
          p += len;
          ow = 0;
          ++oh;
        }
      }
    }
  }
}

/* Direct convolution: the fallback when scratch memory is unavailable. */
static void conv_direct(const conv_shape *s, const float *in, const float *w,
                        float *out) {
  for (int64_t n = 0; n < s->N; ++n)
    for (int64_t f = 0; f < s->F; ++f) {
      int64_t g = f / s->Fg;
      const float *img = in + (n * s->C + g * s->Cg) * s->H * s->W;
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

static void depthwise(const conv_shape *s, const float *in, const float *w,
                      float *out) {
#if defined(__x86_64__) || defined(__i386__)
  switch (dlc_rt_detect_isa()) {
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
  conv_shape s;
  if (!conv_setup(&s, N, C, H, W, F, KH, KW, OH, OW, stride_h, stride_w, dil_h,
                  dil_w, groups, in, w, out))
    return;
  if (s.Cg == 1) {
    depthwise(&s, in, w, out);
    return;
  }

  const int64_t K = s.Cg * KH * KW; /* GEMM depth */
  const int64_t P = OH * OW;        /* output pixels per image */

  if (KH == 1 && KW == 1 && stride_h == 1 && stride_w == 1 && OH == H &&
      OW == W) {
    /* The input image already is the Cg x (H*W) B matrix. */
    for (int64_t g = 0; g < groups; ++g)
      dlc_rt_sgemm(N, s.Fg, P, s.Cg, w + g * s.Fg * K, 0, K, 1,
                   in + g * s.Cg * H * W, C * H * W, H * W, 1,
                   out + g * s.Fg * P, F * P, P, 1);
    return;
  }

  int64_t pc_max = COL_CHUNK_FLOATS / K;
  if (pc_max < 64)
    pc_max = 64; /* very deep K: keep GEMMs wide enough anyway */
  if (pc_max > P)
    pc_max = P;
  float *col = (float *)malloc((size_t)(K * pc_max) * sizeof(float));
  if (!col) {
    conv_direct(&s, in, w, out);
    return;
  }
  for (int64_t n = 0; n < N; ++n)
    for (int64_t g = 0; g < groups; ++g) {
      const float *img = in + (n * C + g * s.Cg) * H * W;
      const float *wg = w + g * s.Fg * K;
      float *og = out + (n * F + g * s.Fg) * P;
      for (int64_t p0 = 0; p0 < P; p0 += pc_max) {
        int64_t pc = P - p0 < pc_max ? P - p0 : pc_max;
        im2col(&s, img, p0, pc, col);
        dlc_rt_sgemm(1, s.Fg, pc, K, wg, 0, K, 1, col, 0, pc, 1, og + p0, 0, P,
                     1);
      }
    }
  free(col);
}
