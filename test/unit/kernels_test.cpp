//===- kernels_test.cpp - dlc_rt_sgemm / dlc_rt_conv2d vs references ------===//
//
// Every kernel result is compared with a double-precision reference using
// the rigorous bound for a float sum of K products: |error| <= (K + 2) * eps
// * sum |terms|, so the checks never flake.
//
//===----------------------------------------------------------------------===//
#include "internal.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace {

const char *isa_name(dlc_isa isa) {
  switch (isa) {
  case DLC_ISA_SCALAR:
    return "scalar";
  case DLC_ISA_AVX2:
    return "avx2";
  case DLC_ISA_AVX512:
    return "avx512";
  }
  return "?";
}

/// The ISA levels this machine can run.
std::vector<dlc_isa> isas() {
  std::vector<dlc_isa> out;
  for (int i = DLC_ISA_SCALAR; i <= dlc_rt_detect_isa(); ++i)
    out.push_back((dlc_isa)i);
  return out;
}

/// A strided matrix view inside a buffer with random contents.
struct Layout {
  int64_t rows, cols, batch;
  int64_t bs, rs, cs;
  int64_t span; // floats the buffer must hold
};

/// Layout kinds: 0 row-major, 1 column-major, 2 row-major with padded rows,
/// 3 column-major with padded columns, 4 and 5 both strides non-unit.
/// Batches are stacked with random gaps, or broadcast (batch stride 0,
/// inputs only).
Layout make_layout(int kind, int64_t rows, int64_t cols, int64_t batch,
                   bool allow_broadcast, std::mt19937 &rng) {
  Layout l{rows, cols, batch, 0, 0, 0, 0};
  int64_t pad = 1 + (int64_t)(rng() % 3);
  switch (kind) {
  case 0:
    l.rs = cols, l.cs = 1;
    break;
  case 1:
    l.rs = 1, l.cs = rows;
    break;
  case 2:
    l.rs = cols + pad, l.cs = 1;
    break;
  case 3:
    l.rs = 1, l.cs = rows + pad;
    break;
  case 4:
    l.cs = 2, l.rs = 2 * cols + pad;
    break;
  default:
    l.rs = 3, l.cs = 3 * rows + pad;
    break;
  }
  int64_t matrix =
      (rows > 0 && cols > 0) ? (rows - 1) * l.rs + (cols - 1) * l.cs + 1 : 1;
  if (allow_broadcast && batch > 1 && rng() % 4 == 0)
    l.bs = 0;
  else
    l.bs = matrix + (int64_t)(rng() % 5);
  l.span = (batch - 1) * l.bs + matrix;
  return l;
}

std::vector<float> random_buffer(int64_t n, std::mt19937 &rng) {
  std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
  std::vector<float> v((size_t)std::max<int64_t>(n, 1));
  for (float &x : v)
    x = dist(rng);
  return v;
}

/// Checks C_out = C_in + A*B over the views; elements of the buffer outside
/// the C view must be unchanged.
void check_gemm(const Layout &la, const std::vector<float> &A, const Layout &lb,
                const std::vector<float> &B, const Layout &lc,
                const std::vector<float> &c_in, const std::vector<float> &c_out,
                int64_t K) {
  std::vector<char> in_view(c_in.size(), 0);
  int64_t bad = 0;
  for (int64_t b = 0; b < lc.batch; ++b)
    for (int64_t i = 0; i < lc.rows; ++i)
      for (int64_t j = 0; j < lc.cols; ++j) {
        double ref = 0, mag = 0;
        for (int64_t k = 0; k < K; ++k) {
          double t = (double)A[b * la.bs + i * la.rs + k * la.cs] *
                     (double)B[b * lb.bs + k * lb.rs + j * lb.cs];
          ref += t;
          mag += std::fabs(t);
        }
        size_t at = (size_t)(b * lc.bs + i * lc.rs + j * lc.cs);
        in_view[at] = 1;
        ref += c_in[at];
        mag += std::fabs(c_in[at]);
        double tol = (double)(K + 2) * 1.2e-7 * mag + 1e-30;
        if (std::fabs(c_out[at] - ref) > tol && bad++ < 5)
          FAIL_CHECK("C[", b, ",", i, ",", j, "] = ", c_out[at], ", expected ",
                     ref);
      }
  for (size_t at = 0; at < c_in.size(); ++at)
    if (!in_view[at] && c_out[at] != c_in[at] && bad++ < 5)
      FAIL_CHECK("element ", at, " outside C was written");
  CHECK(bad == 0);
}

void run_gemm_case(dlc_isa isa, int64_t batch, int64_t M, int64_t N, int64_t K,
                   int ka, int kb, int kc, std::mt19937 &rng) {
  Layout la = make_layout(ka, M, K, batch, true, rng);
  Layout lb = make_layout(kb, K, N, batch, true, rng);
  Layout lc = make_layout(kc, M, N, batch, false, rng);
  std::vector<float> A = random_buffer(la.span, rng);
  std::vector<float> B = random_buffer(lb.span, rng);
  std::vector<float> C = random_buffer(lc.span, rng);
  std::vector<float> C0 = C;
  dlc_rt_sgemm_isa(isa, batch, M, N, K, A.data(), la.bs, la.rs, la.cs, B.data(),
                   lb.bs, lb.rs, lb.cs, C.data(), lc.bs, lc.rs, lc.cs);
  INFO(std::string(isa_name(isa)), " batch=", batch, " M=", M, " N=", N,
       " K=", K, " layouts A=", ka, " B=", kb, " C=", kc);
  check_gemm(la, A, lb, B, lc, C0, C, K);
}

/// dlc_rt_sgemm_packed over a B packed for isa (shared by the batch, batch
/// stride 0), and dlc_rt_sgemm on the same operands, both checked against
/// the double-precision reference. stacked: A and C batches are stacked
/// rows (a_bs = M*a_rs, c_bs = M*c_rs), which the packed path folds into
/// one product.
void run_packed_case(dlc_isa isa, int64_t batch, int64_t M, int64_t N,
                     int64_t K, int ka, int kb, int kc, bool stacked,
                     std::mt19937 &rng) {
  if (stacked && kc % 2 == 1)
    kc -= 1; // C batches of column-major layouts would overlap
  Layout la = make_layout(ka, M, K, batch, true, rng);
  Layout lb = make_layout(kb, K, N, 1, false, rng);
  Layout lc = make_layout(kc, M, N, batch, false, rng);
  lb.batch = batch;
  lb.bs = 0;
  if (stacked) {
    la.bs = M * la.rs;
    lc.bs = M * lc.rs;
    for (Layout *l : {&la, &lc})
      l->span = (batch - 1) * l->bs + (l->rows - 1) * l->rs +
                (l->cols - 1) * l->cs + 1;
  }
  std::vector<float> A = random_buffer(la.span, rng);
  std::vector<float> B = random_buffer(lb.span, rng);
  std::vector<float> C0 = random_buffer(lc.span, rng);
  INFO(std::string(isa_name(isa)), " batch=", batch, " M=", M, " N=", N,
       " K=", K, " layouts A=", ka, " B=", kb, " C=", kc, " stacked=", stacked);
  dlc_pack_source src{B.data(), K, N, lb.rs, lb.cs};
  void *packed = dlc_rt_pack_b_isa(isa, &src);
  REQUIRE(packed != nullptr);
  CHECK(dlc_rt_packed_b_level(packed) == std::min(isa, dlc_rt_detect_isa()));
  std::vector<float> C = C0;
  dlc_rt_sgemm_packed(batch, M, N, K, A.data(), la.bs, la.rs, la.cs, packed,
                      C.data(), lc.bs, lc.rs, lc.cs);
  dlc_rt_packed_b_free(packed);
  {
    INFO("packed");
    check_gemm(la, A, lb, B, lc, C0, C, K);
  }
  C = C0;
  dlc_rt_sgemm_isa(isa, batch, M, N, K, A.data(), la.bs, la.rs, la.cs, B.data(),
                   0, lb.rs, lb.cs, C.data(), lc.bs, lc.rs, lc.cs);
  {
    INFO("unpacked");
    check_gemm(la, A, lb, B, lc, C0, C, K);
  }
}

} // namespace

TEST_CASE("sgemm: detection reports a level") {
  dlc_isa isa = dlc_rt_detect_isa();
  MESSAGE("detected ISA: ", std::string(isa_name(isa)));
  CHECK(isa >= DLC_ISA_SCALAR);
  CHECK(isa <= DLC_ISA_AVX512);
  CHECK(dlc_rt_detect_isa() == isa); // cached value agrees
}

TEST_CASE("sgemm: edge sizes, every layout") {
  const int64_t sizes[] = {1, 2, 3, 5, 8, 13, 14, 15, 16, 17, 31, 33};
  std::mt19937 rng(42);
  for (dlc_isa isa : isas())
    for (int64_t M : sizes)
      for (int64_t N : sizes)
        for (int64_t K : {1, 7, 40}) {
          int ka = (int)(rng() % 6), kb = (int)(rng() % 6),
              kc = (int)(rng() % 6);
          run_gemm_case(isa, 1, M, N, K, ka, kb, kc, rng);
        }
}

TEST_CASE("sgemm: random shapes, strides and batches") {
  std::mt19937 rng(7);
  for (dlc_isa isa : isas())
    for (int iter = 0; iter < 400; ++iter) {
      auto pick = [&](int64_t max) {
        // Favour small and tile-boundary sizes.
        switch (rng() % 4) {
        case 0:
          return (int64_t)(rng() % 5);
        case 1:
          return (int64_t)(rng() % 10 + 28);
        default:
          return (int64_t)(rng() % max);
        }
      };
      int64_t M = pick(80), N = pick(80), K = pick(120);
      int64_t batch = 1 + (int64_t)(rng() % 3);
      run_gemm_case(isa, batch, M, N, K, (int)(rng() % 6), (int)(rng() % 6),
                    (int)(rng() % 6), rng);
    }
}

TEST_CASE("sgemm: small-M and small-N paths") {
  std::mt19937 rng(11);
  for (dlc_isa isa : isas())
    for (int64_t small : {1, 2, 3, 4, 5, 7, 8, 9})
      for (int64_t big : {1, 15, 16, 17, 100, 600})
        for (int64_t K : {1, 3, 16, 17, 70})
          for (int layout = 0; layout < 6; ++layout) {
            run_gemm_case(isa, 1, small, big, K, layout, (int)(rng() % 6),
                          (int)(rng() % 6), rng);
            run_gemm_case(isa, 2, big, small, K, (int)(rng() % 6), layout,
                          (int)(rng() % 6), rng);
          }
}

TEST_CASE("sgemm: large enough for several cache blocks") {
  // Crosses the MC (336 rows), KC (256) and NC (2048 columns) blocks of the
  // AVX-512 configuration, and the smaller ones of the others.
  std::mt19937 rng(5);
  for (dlc_isa isa : isas()) {
    run_gemm_case(isa, 1, 350, 2090, 300, 0, 0, 0, rng);
    run_gemm_case(isa, 2, 200, 150, 530, 1, 3, 2, rng);
  }
}

TEST_CASE("sgemm: degenerate arguments leave C alone") {
  std::vector<float> A(64, 1.0f), B(64, 1.0f), C(64, 5.0f);
  auto untouched = [&] {
    return std::all_of(C.begin(), C.end(), [](float v) { return v == 5.0f; });
  };
  dlc_rt_sgemm(1, 4, 4, 0, A.data(), 0, 4, 1, B.data(), 0, 4, 1, C.data(), 0, 4,
               1);
  CHECK(untouched());
  dlc_rt_sgemm(0, 4, 4, 4, A.data(), 0, 4, 1, B.data(), 0, 4, 1, C.data(), 0, 4,
               1);
  dlc_rt_sgemm(1, 0, 4, 4, A.data(), 0, 4, 1, B.data(), 0, 4, 1, C.data(), 0, 4,
               1);
  dlc_rt_sgemm(1, 4, 0, 4, A.data(), 0, 4, 1, B.data(), 0, 4, 1, C.data(), 0, 4,
               1);
  dlc_rt_sgemm(-1, 4, 4, 4, A.data(), 0, 4, 1, B.data(), 0, 4, 1, C.data(), 0,
               4, 1);
  dlc_rt_sgemm(1, -4, 4, 4, A.data(), 0, 4, 1, B.data(), 0, 4, 1, C.data(), 0,
               4, 1);
  dlc_rt_sgemm(1, 4, 4, 4, nullptr, 0, 4, 1, B.data(), 0, 4, 1, C.data(), 0, 4,
               1);
  dlc_rt_sgemm(1, 4, 4, 4, A.data(), 0, 4, 1, nullptr, 0, 4, 1, C.data(), 0, 4,
               1);
  dlc_rt_sgemm(1, 4, 4, 4, A.data(), 0, 4, 1, B.data(), 0, 4, 1, nullptr, 0, 4,
               1);
  CHECK(untouched());
  dlc_rt_sgemm(1, 4, 4, 4, A.data(), 0, 4, 1, B.data(), 0, 4, 1, C.data(), 0, 4,
               1);
  CHECK(C[0] == 9.0f);
  CHECK(C[15] == 9.0f);
  CHECK(C[16] == 5.0f);
}

TEST_CASE("sgemm: concurrent calls") {
  constexpr int kThreads = 8;
  const int64_t M = 100, N = 90, K = 80;
  std::mt19937 rng(3);
  std::vector<float> A = random_buffer(M * K, rng),
                     B = random_buffer(K * N, rng);
  std::vector<float> expected(M * N, 0.0f);
  dlc_rt_sgemm(1, M, N, K, A.data(), 0, K, 1, B.data(), 0, N, 1,
               expected.data(), 0, N, 1);
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&] {
      for (int r = 0; r < 30; ++r) {
        std::vector<float> C(M * N, 0.0f);
        dlc_rt_sgemm(1, M, N, K, A.data(), 0, K, 1, B.data(), 0, N, 1, C.data(),
                     0, N, 1);
        if (C != expected)
          ++mismatches;
      }
    });
  for (std::thread &t : threads)
    t.join();
  CHECK(mismatches.load() == 0);
}

//===----------------------------------------------------------------------===//
// sgemm with a B packed ahead of time (dlc_rt_sgemm_packed)
//===----------------------------------------------------------------------===//

TEST_CASE("sgemm_packed: edge sizes, every layout") {
  // Around the tiles (MR 4/6/14, NR 8/16/32) and the small-M limit (8).
  const int64_t sizes[] = {1, 2, 3, 5, 6, 7, 8, 9, 13, 14, 15, 16, 17, 31, 33};
  std::mt19937 rng(21);
  for (dlc_isa isa : isas())
    for (int64_t M : sizes)
      for (int64_t N : sizes)
        for (int64_t K : {1, 7, 40})
          run_packed_case(isa, 1, M, N, K, (int)(rng() % 6), (int)(rng() % 6),
                          (int)(rng() % 6), false, rng);
}

TEST_CASE("sgemm_packed: random shapes, strides and batches") {
  std::mt19937 rng(23);
  for (dlc_isa isa : isas())
    for (int iter = 0; iter < 300; ++iter) {
      auto pick = [&](int64_t max) {
        switch (rng() % 4) {
        case 0:
          return (int64_t)(rng() % 9 + 1);
        case 1:
          return (int64_t)(rng() % 10 + 28);
        default:
          return (int64_t)(rng() % max + 1);
        }
      };
      int64_t M = pick(80), N = pick(80), K = pick(120);
      int64_t batch = 1 + (int64_t)(rng() % 3);
      run_packed_case(isa, batch, M, N, K, (int)(rng() % 6), (int)(rng() % 6),
                      (int)(rng() % 6), rng() % 3 == 0, rng);
    }
}

TEST_CASE("sgemm_packed: batches of single rows and stacked rows") {
  std::mt19937 rng(29);
  for (dlc_isa isa : isas())
    for (int64_t batch : {2, 5, 12})
      for (int64_t M : {1, 3, 8, 20})
        for (int kb = 0; kb < 6; ++kb) {
          run_packed_case(isa, batch, M, 40, 33, 0, kb, 0, true, rng);
          run_packed_case(isa, batch, M, 40, 33, (int)(rng() % 6), kb,
                          (int)(rng() % 6), false, rng);
        }
}

TEST_CASE("sgemm_packed: several cache blocks, transposed B, MLP shapes") {
  // Crosses the KC (256) and NC (2048 columns for AVX-512) blocks of the
  // packed panels, on the small-M and the blocked paths; B^T is layout 1.
  std::mt19937 rng(31);
  for (dlc_isa isa : isas()) {
    run_packed_case(isa, 1, 70, 2100, 600, 0, 0, 0, false, rng);
    run_packed_case(isa, 1, 5, 2100, 600, 0, 1, 0, false, rng);
    run_packed_case(isa, 2, 350, 300, 530, 1, 3, 2, false, rng);
    run_packed_case(isa, 1, 64, 1024, 512, 0, 1, 0, false, rng);
    run_packed_case(isa, 1, 64, 1000, 513, 0, 0, 0, false, rng);
  }
}

TEST_CASE("sgemm_packed: sizes that do not match the packed B") {
  // A compiler bug, but never a read outside B: the product uses the
  // original matrix over min(N, n) columns and min(K, k) rows.
  const int64_t k = 20, n = 30, M = 12;
  std::mt19937 rng(37);
  std::vector<float> B = random_buffer(k * n, rng);
  dlc_pack_source src{B.data(), k, n, n, 1};
  void *packed = dlc_rt_pack_b_isa(DLC_ISA_AVX512, &src);
  REQUIRE(packed != nullptr);
  const std::pair<int64_t, int64_t> shapes[] = {
      {25, 20}, {40, 20}, {30, 30}, {30, 7}, {50, 50}};
  for (const auto &shape : shapes) {
    const int64_t N = shape.first, K = shape.second;
    INFO("N=", N, " K=", K);
    std::vector<float> A = random_buffer(M * K, rng);
    std::vector<float> C0 = random_buffer(M * N, rng), C = C0;
    dlc_rt_sgemm_packed(1, M, N, K, A.data(), 0, K, 1, packed, C.data(), 0, N,
                        1);
    int64_t nn = std::min(N, n), kk = std::min(K, k);
    int bad = 0;
    for (int64_t i = 0; i < M; ++i)
      for (int64_t j = 0; j < N; ++j) {
        double ref = C0[i * N + j], mag = std::fabs(ref);
        if (j < nn)
          for (int64_t p = 0; p < kk; ++p) {
            double t = (double)A[i * K + p] * B[p * n + j];
            ref += t;
            mag += std::fabs(t);
          }
        if (std::fabs(C[i * N + j] - ref) > (kk + 2) * 1.2e-7 * mag + 1e-30)
          ++bad;
      }
    CHECK(bad == 0);
  }
  dlc_rt_packed_b_free(packed);
}

TEST_CASE("sgemm_packed: degenerate arguments and sources") {
  std::vector<float> A(64, 1.0f), B(64, 1.0f), C(64, 5.0f);
  auto untouched = [&] {
    return std::all_of(C.begin(), C.end(), [](float v) { return v == 5.0f; });
  };
  dlc_pack_source src{B.data(), 4, 4, 4, 1};
  void *packed = dlc_rt_pack_b_isa(DLC_ISA_AVX512, &src);
  REQUIRE(packed != nullptr);
  dlc_rt_sgemm_packed(0, 4, 4, 4, A.data(), 0, 4, 1, packed, C.data(), 0, 4, 1);
  dlc_rt_sgemm_packed(-1, 4, 4, 4, A.data(), 0, 4, 1, packed, C.data(), 0, 4,
                      1);
  dlc_rt_sgemm_packed(1, 0, 4, 4, A.data(), 0, 4, 1, packed, C.data(), 0, 4, 1);
  dlc_rt_sgemm_packed(1, 4, 0, 4, A.data(), 0, 4, 1, packed, C.data(), 0, 4, 1);
  dlc_rt_sgemm_packed(1, 4, 4, 0, A.data(), 0, 4, 1, packed, C.data(), 0, 4, 1);
  dlc_rt_sgemm_packed(1, 4, 4, 4, nullptr, 0, 4, 1, packed, C.data(), 0, 4, 1);
  dlc_rt_sgemm_packed(1, 4, 4, 4, A.data(), 0, 4, 1, nullptr, C.data(), 0, 4,
                      1);
  dlc_rt_sgemm_packed(1, 4, 4, 4, A.data(), 0, 4, 1, packed, nullptr, 0, 4, 1);
  // Not a packed form (no magic number): ignored.
  dlc_rt_sgemm_packed(1, 4, 4, 4, A.data(), 0, 4, 1, B.data(), C.data(), 0, 4,
                      1);
  CHECK(untouched());
  dlc_rt_sgemm_packed(1, 4, 4, 4, A.data(), 0, 4, 1, packed, C.data(), 0, 4, 1);
  CHECK(C[0] == 9.0f);
  CHECK(C[15] == 9.0f);
  CHECK(C[16] == 5.0f);
  dlc_rt_packed_b_free(packed);
  dlc_rt_packed_b_free(nullptr);
  CHECK(dlc_rt_packed_b_level(nullptr) == DLC_ISA_SCALAR);

  // Empty matrices pack (and multiply) to nothing, even with NULL data.
  const std::pair<int64_t, int64_t> empties[] = {{0, 5}, {5, 0}, {0, 0}};
  for (const auto &shape : empties) {
    const int64_t k = shape.first, n = shape.second;
    dlc_pack_source empty{nullptr, k, n, n, 1};
    void *p = dlc_rt_pack_b_isa(DLC_ISA_AVX512, &empty);
    REQUIRE(p != nullptr);
    dlc_rt_sgemm_packed(1, 4, n, k, A.data(), 0, 4, 1, p, C.data(), 0, 4, 1);
    // Mismatched sizes with an empty B: still nothing to add.
    dlc_rt_sgemm_packed(1, 4, 4, 4, A.data(), 0, 4, 1, p, C.data(), 0, 4, 1);
    dlc_rt_packed_b_free(p);
  }
  CHECK(C[16] == 5.0f);
  // Malformed sources are refused.
  dlc_pack_source bad[] = {
      {B.data(), -1, 4, 4, 1}, {B.data(), 4, -1, 4, 1}, {nullptr, 4, 4, 4, 1}};
  for (const dlc_pack_source &b : bad)
    CHECK(dlc_rt_pack_b_isa(DLC_ISA_AVX512, &b) == nullptr);
  CHECK(dlc_rt_pack_b_isa(DLC_ISA_AVX512, nullptr) == nullptr);
  // Too large to address: refused, not wrapped around.
  dlc_pack_source huge{B.data(), INT64_MAX / 2, INT64_MAX / 2, 1, 1};
  CHECK(dlc_rt_pack_b_isa(DLC_ISA_AVX512, &huge) == nullptr);
}

TEST_CASE("sgemm_packed: concurrent calls share one packed B") {
  constexpr int kThreads = 8;
  std::mt19937 rng(41);
  for (int64_t M : {3, 100}) {
    const int64_t N = 90, K = 300;
    std::vector<float> A = random_buffer(M * K, rng),
                       B = random_buffer(K * N, rng);
    dlc_pack_source src{B.data(), K, N, N, 1};
    void *packed = dlc_rt_pack_b_isa(dlc_rt_detect_isa(), &src);
    REQUIRE(packed != nullptr);
    std::vector<float> expected(M * N, 0.0f);
    dlc_rt_sgemm_packed(1, M, N, K, A.data(), 0, K, 1, packed, expected.data(),
                        0, N, 1);
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
      threads.emplace_back([&] {
        for (int r = 0; r < 30; ++r) {
          std::vector<float> C(M * N, 0.0f);
          dlc_rt_sgemm_packed(1, M, N, K, A.data(), 0, K, 1, packed, C.data(),
                              0, N, 1);
          if (C != expected)
            ++mismatches;
        }
      });
    for (std::thread &t : threads)
      t.join();
    CHECK(mismatches.load() == 0);
    dlc_rt_packed_b_free(packed);
  }
}

//===----------------------------------------------------------------------===//
// conv2d
//===----------------------------------------------------------------------===//

namespace {

struct ConvCase {
  int64_t N, C, H, W, F, KH, KW, sh, sw, dh, dw, groups;
  int64_t OH() const { return (H - dh * (KH - 1) - 1) / sh + 1; }
  int64_t OW() const { return (W - dw * (KW - 1) - 1) / sw + 1; }
};

/// Runs dlc_rt_conv2d_isa at the given level, or the direct fallback.
void run_conv_case(const ConvCase &c, dlc_isa isa, bool direct,
                   std::mt19937 &rng) {
  const int64_t OH = c.OH(), OW = c.OW(), Cg = c.C / c.groups,
                Fg = c.F / c.groups;
  std::vector<float> in = random_buffer(c.N * c.C * c.H * c.W, rng);
  std::vector<float> w = random_buffer(c.F * Cg * c.KH * c.KW, rng);
  std::vector<float> out = random_buffer(c.N * c.F * OH * OW, rng);
  std::vector<float> out0 = out;
  if (direct)
    dlc_rt_conv2d_direct(c.N, c.C, c.H, c.W, c.F, c.KH, c.KW, OH, OW, c.sh,
                         c.sw, c.dh, c.dw, c.groups, in.data(), w.data(),
                         out.data());
  else
    dlc_rt_conv2d_isa(isa, c.N, c.C, c.H, c.W, c.F, c.KH, c.KW, OH, OW, c.sh,
                      c.sw, c.dh, c.dw, c.groups, in.data(), w.data(),
                      out.data());
  INFO((direct ? std::string("direct") : std::string(isa_name(isa))),
       " N=", c.N, " C=", c.C, " H=", c.H, " W=", c.W, " F=", c.F, " K=", c.KH,
       "x", c.KW, " stride=", c.sh, ",", c.sw, " dil=", c.dh, ",", c.dw,
       " groups=", c.groups);
  int bad = 0;
  for (int64_t n = 0; n < c.N; ++n)
    for (int64_t f = 0; f < c.F; ++f)
      for (int64_t oh = 0; oh < OH; ++oh)
        for (int64_t ow = 0; ow < OW; ++ow) {
          int64_t g = f / Fg;
          double ref = 0, mag = 0;
          for (int64_t ci = 0; ci < Cg; ++ci)
            for (int64_t kh = 0; kh < c.KH; ++kh)
              for (int64_t kw = 0; kw < c.KW; ++kw) {
                int64_t ih = oh * c.sh + kh * c.dh, iw = ow * c.sw + kw * c.dw;
                double t =
                    (double)
                        in[((n * c.C + g * Cg + ci) * c.H + ih) * c.W + iw] *
                    (double)w[((f * Cg + ci) * c.KH + kh) * c.KW + kw];
                ref += t;
                mag += std::fabs(t);
              }
          size_t at = (size_t)(((n * c.F + f) * OH + oh) * OW + ow);
          ref += out0[at];
          mag += std::fabs(out0[at]);
          double tol = (double)(Cg * c.KH * c.KW + 2) * 1.2e-7 * mag + 1e-30;
          if (std::fabs(out[at] - ref) > tol && bad++ < 5)
            FAIL_CHECK("out[", n, ",", f, ",", oh, ",", ow, "] = ", out[at],
                       ", expected ", ref);
        }
  CHECK(bad == 0);
}

} // namespace

TEST_CASE("conv2d: fixed cases") {
  std::mt19937 rng(9);
  const ConvCase cases[] = {
      {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},    // scalar
      {2, 8, 6, 5, 4, 1, 1, 1, 1, 1, 1, 1},    // 1x1 stride 1: no im2col
      {2, 8, 6, 5, 4, 1, 1, 1, 1, 1, 1, 2},    // 1x1 grouped
      {1, 8, 7, 7, 6, 1, 1, 2, 2, 1, 1, 1},    // 1x1 strided
      {1, 3, 9, 9, 5, 3, 3, 1, 1, 1, 1, 1},    // plain 3x3
      {2, 6, 11, 10, 6, 3, 3, 2, 2, 1, 1, 3},  // grouped, strided
      {1, 8, 9, 9, 8, 3, 3, 1, 1, 1, 1, 8},    // depthwise
      {1, 4, 9, 9, 8, 3, 3, 1, 1, 1, 1, 4},    // depthwise, multiplier 2
      {1, 3, 5, 75, 6, 3, 3, 1, 1, 1, 2, 3},   // depthwise, wide rows
      {2, 2, 9, 80, 2, 3, 3, 2, 2, 1, 1, 2},   // depthwise, strided
      {1, 4, 12, 13, 3, 3, 2, 1, 2, 2, 3, 1},  // dilation, asymmetric
      {1, 2, 15, 15, 3, 7, 7, 2, 2, 1, 1, 1},  // 7x7 stride 2
      {1, 2, 5, 5, 2, 5, 5, 1, 1, 1, 1, 1},    // kernel = input
      {1, 64, 34, 34, 16, 3, 3, 1, 1, 1, 1, 1} // several im2col chunks
  };
  for (const ConvCase &c : cases) {
    for (dlc_isa isa : isas())
      run_conv_case(c, isa, false, rng);
    run_conv_case(c, DLC_ISA_SCALAR, true, rng);
  }
}

TEST_CASE("conv2d: random cases") {
  std::mt19937 rng(21);
  int done = 0;
  while (done < 300) {
    ConvCase c;
    c.groups = 1 + (int64_t)(rng() % 3);
    c.C = c.groups * (1 + (int64_t)(rng() % 4));
    c.F = c.groups * (1 + (int64_t)(rng() % 5));
    c.N = 1 + (int64_t)(rng() % 2);
    c.H = 1 + (int64_t)(rng() % 12);
    c.W = 1 + (int64_t)(rng() % 12);
    c.KH = 1 + (int64_t)(rng() % 4);
    c.KW = 1 + (int64_t)(rng() % 4);
    c.sh = 1 + (int64_t)(rng() % 3);
    c.sw = 1 + (int64_t)(rng() % 3);
    c.dh = 1 + (int64_t)(rng() % 3);
    c.dw = 1 + (int64_t)(rng() % 3);
    if (c.H - c.dh * (c.KH - 1) - 1 < 0 || c.W - c.dw * (c.KW - 1) - 1 < 0)
      continue;
    for (dlc_isa isa : isas())
      run_conv_case(c, isa, false, rng);
    ++done;
  }
}

TEST_CASE("conv2d: the public entry point") {
  std::mt19937 rng(4);
  std::vector<float> in = random_buffer(2 * 4 * 7 * 6, rng),
                     w = random_buffer(6 * 2 * 3 * 2, rng),
                     out(2 * 6 * 3 * 5, 0.0f), ref(out);
  dlc_rt_conv2d(2, 4, 7, 6, 6, 3, 2, 3, 5, 2, 1, 1, 1, 2, in.data(), w.data(),
                out.data());
  dlc_rt_conv2d_direct(2, 4, 7, 6, 6, 3, 2, 3, 5, 2, 1, 1, 1, 2, in.data(),
                       w.data(), ref.data());
  for (size_t i = 0; i < out.size(); ++i)
    CHECK(out[i] == doctest::Approx(ref[i]).epsilon(1e-5));
}

TEST_CASE("conv2d: inconsistent arguments leave out alone") {
  std::vector<float> in(4 * 8 * 8, 1.0f), w(4 * 4 * 3 * 3, 1.0f),
      out(4 * 8 * 8, 5.0f);
  auto untouched = [&] {
    return std::all_of(out.begin(), out.end(),
                       [](float v) { return v == 5.0f; });
  };
  const float *i = in.data(), *k = w.data();
  float *o = out.data();
  dlc_rt_conv2d(1, 4, 8, 8, 4, 3, 3, 7, 6, 1, 1, 1, 1, 1, i, k, o); // OH big
  dlc_rt_conv2d(1, 4, 8, 8, 4, 3, 3, 6, 7, 1, 1, 1, 1, 1, i, k, o); // OW big
  dlc_rt_conv2d(1, 4, 8, 8, 4, 3, 3, 6, 6, 1, 1, 1, 1, 3, i, k, o); // groups
  dlc_rt_conv2d(1, 4, 8, 8, 3, 3, 3, 6, 6, 1, 1, 1, 1, 2, i, k, o); // F % g
  dlc_rt_conv2d(1, 4, 8, 8, 4, 3, 3, 6, 6, 0, 1, 1, 1, 1, i, k, o); // stride
  dlc_rt_conv2d(1, 4, 8, 8, 4, 3, 3, 6, 6, 1, 1, 0, 1, 1, i, k, o); // dil
  dlc_rt_conv2d(1, 4, 8, 8, 4, 3, 3, 6, 6, 1, 1, 1, 1, 0, i, k, o); // groups
  dlc_rt_conv2d(-1, 4, 8, 8, 4, 3, 3, 6, 6, 1, 1, 1, 1, 1, i, k, o);
  dlc_rt_conv2d(1, 4, 8, 8, 4, 0, 3, 6, 6, 1, 1, 1, 1, 1, i, k, o); // KH 0
  dlc_rt_conv2d(1, 0, 8, 8, 4, 3, 3, 6, 6, 1, 1, 1, 1, 1, i, k, o); // C 0
  dlc_rt_conv2d(1, 4, 8, 8, 4, 3, 3, 6, 6, 1, 1, 1, 1, 1, nullptr, k, o);
  dlc_rt_conv2d(1, 4, 8, 8, 4, 3, 3, 6, 6, 1, 1, 1, 1, 1, i, nullptr, o);
  dlc_rt_conv2d(1, 4, 8, 8, 4, 3, 3, 6, 6, 1, 1, 1, 1, 1, i, k, nullptr);
  dlc_rt_conv2d_direct(1, 4, 8, 8, 4, 3, 3, 7, 6, 1, 1, 1, 1, 1, i, k, o);
  CHECK(untouched());
  dlc_rt_conv2d(1, 4, 8, 8, 4, 3, 3, 6, 6, 1, 1, 1, 1, 1, i, k, o);
  CHECK(out[0] == 5.0f + 36.0f);
}
