//===- float16_test.cpp - The runtime's float16/bfloat16 conversions ------===//
//
// dlc_narrow_f64/_f32 and dlc_f16_to_f32 (float16.c), which implement the
// conversion builtins LLVM calls where the CPU has no instruction for them.
// Rounding is to nearest, ties to even, straight from the source format (a
// double is not rounded to float first).
//
//===----------------------------------------------------------------------===//
#include "internal.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <ios>
#include <limits>

namespace {

uint16_t toHalf(double x) { return dlc_narrow_f64(x, 5, 10); }
uint16_t toHalf(float x) { return dlc_narrow_f32(x, 5, 10); }
uint16_t toBf16(double x) { return dlc_narrow_f64(x, 8, 7); }
uint16_t toBf16(float x) { return dlc_narrow_f32(x, 8, 7); }

float floatFromBits(uint32_t bits) {
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

} // namespace

TEST_CASE("float16: every value converts back to itself") {
  for (uint32_t h = 0; h <= 0xffff; ++h) {
    float f = dlc_f16_to_f32(static_cast<uint16_t>(h));
    if (std::isnan(f)) {
      // Quiet NaNs keep their bits; signalling ones come back quiet.
      CHECK((toHalf(f) | 0x200) == (h | 0x200));
      continue;
    }
    INFO("half bits 0x" << std::hex << h);
    CHECK(toHalf(f) == h);
    CHECK(toHalf(static_cast<double>(f)) == h);
  }
}

TEST_CASE("float16: values of note") {
  CHECK(dlc_f16_to_f32(0x3c00) == 1.0f);
  CHECK(dlc_f16_to_f32(0x0001) == std::ldexp(1.0f, -24)); // smallest subnormal
  CHECK(dlc_f16_to_f32(0x7bff) == 65504.0f);
  CHECK(toHalf(65504.0) == 0x7bff);
  CHECK(toHalf(65519.99) == 0x7bff);
  CHECK(toHalf(65520.0) == 0x7c00); // the tie rounds to even: infinity
  CHECK(toHalf(1e300) == 0x7c00);
  CHECK(toHalf(-1e300) == 0xfc00);
  CHECK(toHalf(std::ldexp(1.0, -25)) == 0x0000); // tie to even: zero
  CHECK(toHalf(std::ldexp(1.0, -25) * 1.0000001) == 0x0001);
  CHECK(toHalf(std::ldexp(3.0, -26)) == 0x0001);
  CHECK(toHalf(std::ldexp(1.0, -40)) == 0x0000);
  CHECK(toHalf(-0.0) == 0x8000);
  CHECK(toHalf(1.0 + std::ldexp(1.0, -11)) == 0x3c00);     // tie: even
  CHECK(toHalf(1.0 + 3 * std::ldexp(1.0, -11)) == 0x3c02); // tie: even
  // Rounded once, from the double: via float this would be a tie (0x3c00).
  CHECK(toHalf(1.0 + std::ldexp(1.0, -11) + std::ldexp(1.0, -40)) == 0x3c01);
  CHECK(toHalf(std::ldexp(1023.0, -24)) == 0x03ff); // largest subnormal
  CHECK(toHalf(std::ldexp(2047.0, -25)) == 0x0400); // rounds up to normal
  CHECK(toHalf(std::numeric_limits<double>::infinity()) == 0x7c00);
  CHECK(toHalf(std::numeric_limits<double>::quiet_NaN()) == 0x7e00);
  CHECK(toHalf(std::numeric_limits<double>::denorm_min()) == 0x0000);
}

TEST_CASE("bfloat16: rounding, range and NaN") {
  CHECK(toBf16(1.0f) == 0x3f80);
  CHECK(toBf16(1.0f + std::ldexp(1.0f, -8)) == 0x3f80);     // tie: even
  CHECK(toBf16(1.0f + 3 * std::ldexp(1.0f, -8)) == 0x3f82); // tie: even
  CHECK(toBf16(std::numeric_limits<float>::max()) == 0x7f80);
  CHECK(toBf16(-2.0) == 0xc000);
  CHECK(toBf16(1e39) == 0x7f80); // bfloat16 has float's range
  CHECK(toBf16(floatFromBits(0x00010000)) == 0x0001); // subnormal kept
  CHECK(toBf16(floatFromBits(0x00008000)) == 0x0000); // tie: even
  CHECK(toBf16(floatFromBits(0x00018000)) == 0x0002); // tie: even
  CHECK(toBf16(std::numeric_limits<float>::quiet_NaN()) == 0x7fc0);
  CHECK(toBf16(1.0 + std::ldexp(1.0, -8) + std::ldexp(1.0, -30)) == 0x3f81);
  for (uint32_t b = 0; b <= 0xffff; ++b) {
    float f = floatFromBits(b << 16);
    if (!std::isnan(f)) {
      INFO("bfloat16 bits 0x" << std::hex << b);
      CHECK(toBf16(f) == b);
      CHECK(toBf16(static_cast<double>(f)) == b);
    }
  }
}
