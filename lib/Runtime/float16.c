/*===- float16.c - Conversions to and from float16 and bfloat16 -*- C -*-===//
 *
 * LLVM lowers a conversion the host CPU has no instruction for to a call of
 * compiler-rt's (or libgcc's) builtins: f64 -> f16 without AVX512-FP16,
 * f32 <-> f16 without F16C, f32/f64 -> bf16 without AVX512-BF16. A model.so
 * links neither library (ld.lld --no-undefined would refuse it on a CPU
 * lacking the instruction), so the runtime defines the ones generated code
 * can call. Hidden, like the rest of dlcrt: they resolve inside model.so and
 * never interpose on the host's libgcc.
 *
 * The half-precision values travel in XMM registers as _Float16 (the x86-64
 * psABI, which LLVM and GCC >= 12 follow); a bfloat16 travels the same way,
 * so its bits are returned in a _Float16.
 *
 *===----------------------------------------------------------------------===*/

#include "internal.h"

#include <stdint.h>
#include <string.h>

/* Rounds a finite or infinite IEEE binary value, given as its sign, biased
 * exponent field, fraction field and format (expBits, fracBits), to the
 * narrower format (E, M) with round-to-nearest-even, returning its bits.
 * NaNs stay quiet NaNs and keep their leading payload bits. */
static uint32_t narrow(uint32_t sign, uint64_t expField, uint64_t fraction,
                       int expBits, int fracBits, int E, int M) {
  const uint64_t expMax = (UINT64_C(1) << expBits) - 1;
  const uint32_t outExpMax = (UINT32_C(1) << E) - 1;
  const uint32_t signBit = sign << (E + M);
  if (expField == expMax) {
    if (fraction == 0)
      return signBit | (outExpMax << M);
    uint32_t payload = (uint32_t)(fraction >> (fracBits - M));
    return signBit | (outExpMax << M) | (UINT32_C(1) << (M - 1)) | payload;
  }
  if (expField == 0 && fraction == 0)
    return signBit;
  /* The significand with its leading bit (at position fracBits); a
   * subnormal input has none and one more exponent step. */
  uint64_t significand = fraction;
  int64_t exponent = (int64_t)expField;
  if (expField == 0)
    exponent = 1;
  else
    significand |= UINT64_C(1) << fracBits;
  const int64_t bias = ((int64_t)1 << (expBits - 1)) - 1;
  const int64_t outBias = ((int64_t)1 << (E - 1)) - 1;
  /* The result's biased exponent; <= 0 means the result is subnormal. */
  int64_t outExp = exponent - bias + outBias;
  if (outExp >= (int64_t)outExpMax)
    return signBit | (outExpMax << M);
  int shift = fracBits - M + (outExp <= 0 ? (int)(1 - outExp) : 0);
  if (shift > fracBits + 1)
    return signBit; /* below half the smallest subnormal */
  uint64_t kept = significand >> shift;
  uint64_t rest = significand & ((UINT64_C(1) << shift) - 1);
  uint64_t halfway = UINT64_C(1) << (shift - 1);
  if (rest > halfway || (rest == halfway && (kept & 1)))
    ++kept;
  /* A carry out of the significand bumps the exponent (to infinity from the
   * largest binade, to the smallest normal from the subnormals). */
  uint32_t bits = outExp <= 0 ? (uint32_t)kept
                              : ((uint32_t)(outExp - 1) << M) + (uint32_t)kept;
  return signBit | bits;
}

DLC_INTERNAL uint16_t dlc_narrow_f64(double value, int expBits, int fracBits) {
  uint64_t bits;
  memcpy(&bits, &value, sizeof bits);
  return (uint16_t)narrow((uint32_t)(bits >> 63), (bits >> 52) & 0x7ff,
                          bits & ((UINT64_C(1) << 52) - 1), 11, 52, expBits,
                          fracBits);
}

DLC_INTERNAL uint16_t dlc_narrow_f32(float value, int expBits, int fracBits) {
  uint32_t bits;
  memcpy(&bits, &value, sizeof bits);
  return (uint16_t)narrow(bits >> 31, (bits >> 23) & 0xff,
                          bits & ((1u << 23) - 1), 8, 23, expBits, fracBits);
}

DLC_INTERNAL float dlc_f16_to_f32(uint16_t h) {
  uint32_t sign = (uint32_t)(h >> 15) << 31;
  uint32_t exponent = (h >> 10) & 0x1f;
  uint32_t fraction = h & 0x3ff;
  uint32_t bits;
  if (exponent == 0x1f) {
    bits = sign | 0x7f800000u | (fraction << 13);
  } else if (exponent != 0) {
    bits = sign | ((exponent + 112) << 23) | (fraction << 13);
  } else if (fraction == 0) {
    bits = sign;
  } else {
    /* Subnormal: normalize (the leading bit's exponent is -14). */
    int e = -14;
    while (!(fraction & 0x400)) {
      fraction <<= 1;
      --e;
    }
    bits = sign | ((uint32_t)(e + 127) << 23) | ((fraction & 0x3ff) << 13);
  }
  float result;
  memcpy(&result, &bits, sizeof result);
  return result;
}

/* The builtins. Declared here, not in internal.h: C++ (the unit tests) has
 * no _Float16 before GCC 13. */
_Float16 __truncdfhf2(double value);
_Float16 __truncsfhf2(float value);
_Float16 __truncdfbf2(double value);
_Float16 __truncsfbf2(float value);
float __extendhfsf2(_Float16 value);

static _Float16 fromBits(uint16_t bits) {
  _Float16 result;
  memcpy(&result, &bits, sizeof result);
  return result;
}

DLC_INTERNAL _Float16 __truncdfhf2(double value) {
  return fromBits(dlc_narrow_f64(value, 5, 10));
}

DLC_INTERNAL _Float16 __truncsfhf2(float value) {
  return fromBits(dlc_narrow_f32(value, 5, 10));
}

DLC_INTERNAL _Float16 __truncdfbf2(double value) {
  return fromBits(dlc_narrow_f64(value, 8, 7));
}

DLC_INTERNAL _Float16 __truncsfbf2(float value) {
  return fromBits(dlc_narrow_f32(value, 8, 7));
}

DLC_INTERNAL float __extendhfsf2(_Float16 value) {
  uint16_t bits;
  memcpy(&bits, &value, sizeof bits);
  return dlc_f16_to_f32(bits);
}
