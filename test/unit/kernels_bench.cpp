//===- kernels_bench.cpp - Single-thread GFLOP/s of dlcrt's kernels -------===//
//
//   dlcrt-bench                 the default suite (sgemm per ISA level,
//                               conv2d shapes from ResNet/MobileNet)
//   dlcrt-bench M N K           one row-major sgemm at every ISA level
//   dlcrt-bench packed          constant B packed at open (what a compiled
//                               model's dlc_rt_sgemm_packed does) vs
//                               dlc_rt_sgemm packing B on every call, for
//                               the MLP shapes and 512^3
//   dlcrt-bench packed M N K    the same for one shape
//   dlcrt-bench alloc [MiB]     alloc + touch every page + free of one
//                               block (4 MiB), and model-like runs of
//                               buffers, with malloc and with the runtime's
//                               allocator (per-thread cache), on the main
//                               thread and on a second thread: microseconds
//                               and page faults per iteration
//
// Each figure is the best of several timed batches (the machines are shared,
// so the best is the most repeatable statistic). Not a test: no pass/fail.
//
//===----------------------------------------------------------------------===//
#include "internal.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

const char *isa_name(dlc_isa isa) {
  return isa == DLC_ISA_AVX512 ? "avx512"
         : isa == DLC_ISA_AVX2 ? "avx2"
                               : "scalar";
}

/// Best seconds per call of fn over several batches of about 0.2 s.
template <typename Fn> double best_time(double flops, Fn fn) {
  using clock = std::chrono::steady_clock;
  fn(); // warm up caches and the page tables
  int reps = std::max(1, (int)(4e10 / 200.0 / std::max(flops, 1.0)));
  double best = 1e30;
  for (int batch = 0; batch < 7; ++batch) {
    auto start = clock::now();
    for (int r = 0; r < reps; ++r)
      fn();
    double t =
        std::chrono::duration<double>(clock::now() - start).count() / reps;
    best = std::min(best, t);
  }
  return best;
}

std::vector<float> random_vector(size_t n) {
  std::mt19937 rng(1);
  std::uniform_real_distribution<float> d(-1, 1);
  std::vector<float> v(n);
  for (float &x : v)
    x = d(rng);
  return v;
}

void naive_gemm(int64_t M, int64_t N, int64_t K, const float *A, const float *B,
                float *C) {
  for (int64_t i = 0; i < M; ++i)
    for (int64_t k = 0; k < K; ++k) {
      float a = A[i * K + k];
      for (int64_t j = 0; j < N; ++j)
        C[i * N + j] += a * B[k * N + j];
    }
}

void bench_gemm(int64_t M, int64_t N, int64_t K, bool transposed_b,
                bool with_naive) {
  std::vector<float> A = random_vector((size_t)(M * K)),
                     B = random_vector((size_t)(K * N)),
                     C((size_t)(M * N), 0.0f);
  double flops = 2.0 * M * N * K;
  for (int i = DLC_ISA_SCALAR; i <= dlc_rt_detect_isa(); ++i) {
    dlc_isa isa = (dlc_isa)i;
    double t = best_time(flops, [&] {
      if (transposed_b) // B stored N x K, as in Gemm(transB=1)
        dlc_rt_sgemm_isa(isa, 1, M, N, K, A.data(), 0, K, 1, B.data(), 0, 1, K,
                         C.data(), 0, N, 1);
      else
        dlc_rt_sgemm_isa(isa, 1, M, N, K, A.data(), 0, K, 1, B.data(), 0, N, 1,
                         C.data(), 0, N, 1);
    });
    std::printf("sgemm %5lld x %5lld x %5lld%s %-7s %7.1f GFLOP/s  %9.3f ms\n",
                (long long)M, (long long)N, (long long)K,
                transposed_b ? " (B^T)" : "      ", isa_name(isa),
                flops / t * 1e-9, t * 1e3);
  }
  if (with_naive) {
    double t = best_time(
        flops, [&] { naive_gemm(M, N, K, A.data(), B.data(), C.data()); });
    std::printf("sgemm %5lld x %5lld x %5lld       %-7s %7.1f GFLOP/s  %9.3f "
                "ms\n",
                (long long)M, (long long)N, (long long)K, "naive",
                flops / t * 1e-9, t * 1e3);
  }
}

/// dlc_rt_sgemm (packs B on every call) vs dlc_rt_sgemm_packed (B packed
/// once, as dlc_model_open does) at every ISA level.
void bench_packed(int64_t M, int64_t N, int64_t K, bool transposed_b) {
  std::vector<float> A = random_vector((size_t)(M * K)),
                     B = random_vector((size_t)(K * N)),
                     C((size_t)(M * N), 0.0f);
  // B stored N x K (Gemm(transB=1)) or K x N.
  int64_t b_rs = transposed_b ? 1 : N, b_cs = transposed_b ? K : 1;
  dlc_pack_source src{B.data(), K, N, b_rs, b_cs};
  double flops = 2.0 * M * N * K;
  for (int i = DLC_ISA_SCALAR; i <= dlc_rt_detect_isa(); ++i) {
    dlc_isa isa = (dlc_isa)i;
    double unpacked = best_time(flops, [&] {
      dlc_rt_sgemm_isa(isa, 1, M, N, K, A.data(), 0, K, 1, B.data(), 0, b_rs,
                       b_cs, C.data(), 0, N, 1);
    });
    // Packing cost (paid once, at dlc_model_open).
    double pack = best_time(
        flops, [&] { dlc_rt_packed_b_free(dlc_rt_pack_b_isa(isa, &src)); });
    void *packed = dlc_rt_pack_b_isa(isa, &src);
    if (!packed) {
      std::printf("out of memory packing B\n");
      return;
    }
    double t = best_time(flops, [&] {
      dlc_rt_sgemm_packed(1, M, N, K, A.data(), 0, K, 1, packed, C.data(), 0, N,
                          1);
    });
    dlc_rt_packed_b_free(packed);
    std::printf("sgemm %5lld x %5lld x %5lld%s %-7s unpacked %7.1f  packed "
                "%7.1f GFLOP/s  (%.2fx)  packing B once: %.3f ms\n",
                (long long)M, (long long)N, (long long)K,
                transposed_b ? " (B^T)" : "      ", isa_name(isa),
                flops / unpacked * 1e-9, flops / t * 1e-9, unpacked / t,
                pack * 1e3);
  }
}

void bench_conv(int64_t C, int64_t H, int64_t F, int64_t k, int64_t stride,
                int64_t groups) {
  int64_t OH = (H - k) / stride + 1;
  std::vector<float> in = random_vector((size_t)(C * H * H)),
                     w = random_vector((size_t)(F * C / groups * k * k)),
                     out((size_t)(F * OH * OH), 0.0f);
  double flops = 2.0 * F * OH * OH * (C / groups) * k * k;
  double t = best_time(flops, [&] {
    dlc_rt_conv2d(1, C, H, H, F, k, k, OH, OH, stride, stride, 1, 1, groups,
                  in.data(), w.data(), out.data());
  });
  std::printf("conv2d C=%-4lld H=%-4lld F=%-4lld %lldx%lld s%lld g%-4lld "
              "%7.1f GFLOP/s  %9.3f ms\n",
              (long long)C, (long long)H, (long long)F, (long long)k,
              (long long)k, (long long)stride, (long long)groups,
              flops / t * 1e-9, t * 1e3);
}

/// Writes one byte per 4 KiB page, as a kernel writing the buffer would
/// fault every page in.
void touch(void *p, size_t bytes) {
  volatile char *c = (volatile char *)p;
  for (size_t i = 0; i < bytes; i += 4096)
    c[i] = (char)i;
}

long minor_faults() {
  struct rusage u;
  getrusage(RUSAGE_THREAD, &u);
  return u.ru_minflt;
}

struct Allocator {
  const char *name;
  void *(*alloc)(size_t);
  void (*free)(void *);
};

void *dlc_alloc(size_t n) { return _mlir_memref_to_llvm_alloc(n); }

/// Best microseconds per call of fn over 7 batches of reps calls (after a
/// warm-up call), and the page faults per call in the best batch.
template <typename Fn> std::pair<double, double> time_faults(int reps, Fn fn) {
  using clock = std::chrono::steady_clock;
  fn();
  double best = 1e30, faults = 0;
  for (int batch = 0; batch < 7; ++batch) {
    long f0 = minor_faults();
    auto start = clock::now();
    for (int r = 0; r < reps; ++r)
      fn();
    double t =
        std::chrono::duration<double>(clock::now() - start).count() / reps;
    if (t < best) {
      best = t;
      faults = (double)(minor_faults() - f0) / reps;
    }
  }
  return {best * 1e6, faults};
}

/// One "run" of a model: the intermediates of a ResNet-50 stage-1
/// bottleneck block at batch 1 (64x56x56 and 256x56x56 float tensors, a
/// padded 64x58x58 one, a 64x112x112 stem output), each allocated, written
/// and freed once the next two are computed (so up to `live` at once).
void model_like_run(const Allocator &a, size_t live) {
  static const size_t seq[] = {3211264, 3211264, 802816,  802816,  861184,
                               802816,  802816,  3211264, 3211264, 3211264,
                               3211264, 802816,  802816,  861184,  802816,
                               802816,  3211264, 3211264, 3211264};
  void *ring[8] = {nullptr};
  const size_t n = sizeof(seq) / sizeof(seq[0]);
  for (size_t i = 0; i < n; ++i) {
    a.free(ring[i % live]);
    ring[i % live] = a.alloc(seq[i]);
    touch(ring[i % live], seq[i]);
  }
  for (size_t i = 0; i < live; ++i)
    a.free(ring[i]);
}

void bench_alloc_on(const char *where, size_t block) {
  const Allocator allocators[] = {{"malloc", std::malloc, std::free},
                                  {"dlc", dlc_alloc, dlc_rt_free}};
  for (const Allocator &a : allocators) {
    auto one = time_faults(200, [&] {
      void *p = a.alloc(block);
      touch(p, block);
      a.free(p);
    });
    std::printf("%-6s %-6s %3zu MiB alloc+touch+free:        %9.1f us "
                "%7.0f faults\n",
                where, a.name, block >> 20, one.first, one.second);
    for (size_t live : {2, 6}) {
      auto run = time_faults(50, [&] { model_like_run(a, live); });
      std::printf("%-6s %-6s model-like run (19 buffers, %zu live): %9.1f us "
                  "%7.0f faults\n",
                  where, a.name, live, run.first, run.second);
    }
  }
  dlc_runtime_release_thread_cache();
}

/// Each measurement in a fresh child process: glibc's dynamic mmap
/// threshold, once raised by a free, would otherwise carry over.
void bench_alloc(size_t block) {
  for (int on_thread = 0; on_thread < 2; ++on_thread) {
    std::fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
      if (on_thread)
        std::thread([&] { bench_alloc_on("thread", block); }).join();
      else
        bench_alloc_on("main", block);
      std::fflush(stdout);
      _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
  }
}

} // namespace

int main(int argc, char **argv) {
  if (argc >= 2 && std::string(argv[1]) == "alloc") {
    bench_alloc((argc >= 3 ? (size_t)std::atoll(argv[2]) : 4) << 20);
    return 0;
  }
  if (argc >= 2 && std::string(argv[1]) == "packed") {
    if (argc == 5) {
      bench_packed(std::atoll(argv[2]), std::atoll(argv[3]),
                   std::atoll(argv[4]), false);
      return 0;
    }
    if (argc != 2) {
      std::fprintf(stderr, "usage: %s packed [M N K]\n", argv[0]);
      return 2;
    }
    std::printf("detected ISA: %s\n", isa_name(dlc_rt_detect_isa()));
    bench_packed(64, 1024, 1024, false);
    bench_packed(64, 1024, 512, false);
    bench_packed(64, 1024, 1024, true);
    bench_packed(512, 512, 512, false);
    bench_packed(1, 1024, 1024, false);
    bench_packed(4, 1024, 1024, false);
    bench_packed(8, 1024, 1024, true);
    bench_packed(16, 1024, 1024, false);
    return 0;
  }
  if (argc == 4) {
    bench_gemm(std::atoll(argv[1]), std::atoll(argv[2]), std::atoll(argv[3]),
               false, false);
    return 0;
  }
  if (argc != 1) {
    std::fprintf(stderr, "usage: %s [M N K | packed [M N K] | alloc [MiB]]\n",
                 argv[0]);
    return 2;
  }
  std::printf("detected ISA: %s\n", isa_name(dlc_rt_detect_isa()));
  bench_gemm(512, 512, 512, false, true);
  bench_gemm(512, 512, 512, true, false);
  bench_gemm(1024, 1024, 1024, false, false);
  bench_gemm(256, 256, 256, false, false);
  bench_gemm(128, 128, 128, false, false);
  bench_gemm(64, 3136, 576, false, false);
  bench_gemm(1, 1024, 1024, false, false);
  bench_gemm(1, 1024, 1024, true, false);
  bench_gemm(4, 1024, 1024, false, false);
  // (C, H (padded), F, kernel, stride, groups): ResNet-50 and MobileNet.
  bench_conv(3, 230, 64, 7, 2, 1);
  bench_conv(64, 58, 64, 3, 1, 1);
  bench_conv(256, 56, 64, 1, 1, 1);
  bench_conv(64, 56, 256, 1, 1, 1);
  bench_conv(128, 57, 128, 3, 2, 1);
  bench_conv(256, 58, 256, 3, 1, 1);
  bench_conv(512, 9, 512, 3, 1, 1);
  bench_conv(128, 58, 128, 3, 1, 128);
  return 0;
}
