//===- model_test.cpp - Public ABI of a compiled model.so, via dlopen -----===//
//
// Environment:
//   DLC_TEST_MODEL            path of the model .so (required)
//   DLC_TEST_MODEL_INPUT      raw little-endian file holding every input,
//                             in order, in its own dtype (float32 for a
//                             float model); unset: a deterministic pattern
//   DLC_TEST_MODEL_EXPECTED   raw file holding every output, in order;
//                             unset: values are not compared (determinism
//                             across threads still is)
//   DLC_TEST_MODEL_DYNAMIC_DIM  size used for dynamic input dims (default 2)
//   DLC_TEST_MODEL_RUNS       runs per thread in the concurrency test (10)
//
// Float outputs are compared with rtol 1e-3, atol 1e-4; others exactly.
//
//===----------------------------------------------------------------------===//
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <dlc/runtime/dlc_runtime.h>

#include <dlfcn.h>
#include <unistd.h>

#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

//===----------------------------------------------------------------------===//
// Loading the model
//===----------------------------------------------------------------------===//

struct Api {
  std::string error; // non-empty: the library could not be used
  void *handle = nullptr;
  decltype(&dlc_model_open) open = nullptr;
  decltype(&dlc_model_close) close = nullptr;
  decltype(&dlc_model_num_inputs) num_inputs = nullptr;
  decltype(&dlc_model_num_outputs) num_outputs = nullptr;
  decltype(&dlc_model_input_info) input_info = nullptr;
  decltype(&dlc_model_output_info) output_info = nullptr;
  decltype(&dlc_model_run) run = nullptr;
  decltype(&dlc_runtime_version) version = nullptr;
  decltype(&dlc_status_string) status_string = nullptr;
  decltype(&dlc_runtime_release_thread_cache) release_thread_cache = nullptr;
};

template <typename Fn> bool bind(Api &api, Fn &fn, const char *name) {
  fn = reinterpret_cast<Fn>(dlsym(api.handle, name));
  if (!fn)
    api.error = std::string("the model does not export ") + name;
  return fn != nullptr;
}

Api load_from(const char *path) {
  Api api;
  api.handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (!api.handle) {
    const char *why = dlerror();
    api.error = std::string("dlopen(") + path +
                ") failed: " + (why ? why : "unknown error");
    return api;
  }
  bind(api, api.open, "dlc_model_open") &&
      bind(api, api.close, "dlc_model_close") &&
      bind(api, api.num_inputs, "dlc_model_num_inputs") &&
      bind(api, api.num_outputs, "dlc_model_num_outputs") &&
      bind(api, api.input_info, "dlc_model_input_info") &&
      bind(api, api.output_info, "dlc_model_output_info") &&
      bind(api, api.run, "dlc_model_run") &&
      bind(api, api.version, "dlc_runtime_version") &&
      bind(api, api.status_string, "dlc_status_string") &&
      bind(api, api.release_thread_cache, "dlc_runtime_release_thread_cache");
  return api;
}

Api load() {
  const char *path = std::getenv("DLC_TEST_MODEL");
  if (!path || !*path) {
    Api api;
    api.error = "DLC_TEST_MODEL is not set: point it at a compiled model .so";
    return api;
  }
  return load_from(path);
}

const Api &api() {
  static const Api instance = load();
  return instance;
}

#define REQUIRE_API()                                                          \
  const Api &A = api();                                                        \
  REQUIRE_MESSAGE(A.error.empty(), A.error)

/// An open model, closed at scope exit.
struct Model {
  const Api &A;
  dlc_model *m = nullptr;
  explicit Model(const Api &a) : A(a) {
    dlc_error err;
    std::memset(&err, 0, sizeof(err));
    dlc_status st = A.open(&m, &err);
    REQUIRE_MESSAGE(st == DLC_OK, "dlc_model_open: ", err.message);
    REQUIRE(m != nullptr);
  }
  ~Model() { A.close(m); }
  Model(const Model &) = delete;
  Model &operator=(const Model &) = delete;
};

//===----------------------------------------------------------------------===//
// Tensors
//===----------------------------------------------------------------------===//

std::string env(const char *name) {
  const char *v = std::getenv(name);
  return v ? v : "";
}

int64_t env_int(const char *name, int64_t fallback) {
  std::string v = env(name);
  return v.empty() ? fallback : std::strtoll(v.c_str(), nullptr, 10);
}

size_t elem_bytes(DLDataType t) { return (t.bits + 7) / 8 * t.lanes; }

std::string describe(const dlc_tensor_info &info) {
  std::ostringstream os;
  os << "'" << info.name << "' (code " << (int)info.dtype.code << ", "
     << (int)info.dtype.bits << " bits) [";
  for (int32_t d = 0; d < info.ndim; ++d)
    os << (d ? "," : "") << info.shape[d];
  os << "]";
  return os.str();
}

/// One tensor with its own storage.
struct Buffer {
  dlc_tensor_info info;
  std::vector<int64_t> shape;
  std::vector<uint64_t> storage; // 8-byte aligned
  size_t bytes = 0;
  uint8_t *data() { return reinterpret_cast<uint8_t *>(storage.data()); }
  const uint8_t *data() const {
    return reinterpret_cast<const uint8_t *>(storage.data());
  }
  DLTensor tensor() {
    DLTensor t;
    std::memset(&t, 0, sizeof(t));
    t.data = bytes ? data() : nullptr;
    t.device.device_type = kDLCPU;
    t.ndim = info.ndim;
    t.dtype = info.dtype;
    t.shape = shape.data();
    return t;
  }
};

Buffer make_buffer(const dlc_tensor_info &info, int64_t dynamic_dim) {
  Buffer b;
  b.info = info;
  size_t numel = 1;
  for (int32_t d = 0; d < info.ndim; ++d) {
    int64_t dim = info.shape[d] < 0 ? dynamic_dim : info.shape[d];
    b.shape.push_back(dim);
    numel *= (size_t)dim;
  }
  if (b.shape.empty())
    b.shape.push_back(1); // never read for rank 0; keeps data() valid
  b.bytes = numel * elem_bytes(info.dtype);
  b.storage.assign((b.bytes + 7) / 8 + 1, 0);
  return b;
}

/// Deterministic, small, valid values for any dtype (integers stay in
/// [0, 3) so that index-like inputs remain in range).
void fill_pattern(Buffer &b, int salt) {
  size_t n = b.bytes / elem_bytes(b.info.dtype);
  uint8_t *p = b.data();
  static const uint16_t halves[] = {0x0000, 0x3C00, 0xBC00, 0x3800};
  static const uint16_t bhalves[] = {0x0000, 0x3F80, 0xBF80, 0x3F00};
  for (size_t i = 0; i < n; ++i) {
    int64_t k = (int64_t)(i * 7 + (size_t)salt * 13);
    switch (b.info.dtype.code) {
    case kDLFloat:
      if (b.info.dtype.bits == 32) {
        float v = (float)(k % 23 - 11) / 8.0f;
        std::memcpy(p + 4 * i, &v, 4);
      } else if (b.info.dtype.bits == 64) {
        double v = (double)(k % 23 - 11) / 8.0;
        std::memcpy(p + 8 * i, &v, 8);
      } else {
        std::memcpy(p + 2 * i, &halves[k % 4], 2);
      }
      break;
    case kDLBfloat:
      std::memcpy(p + 2 * i, &bhalves[k % 4], 2);
      break;
    default: { // integers and bool, little-endian
      size_t w = elem_bytes(b.info.dtype);
      std::memset(p + w * i, 0, w);
      p[w * i] =
          (uint8_t)(b.info.dtype.code == DLC_DTYPE_CODE_BOOL ? k % 2 : k % 3);
    }
    }
  }
}

bool read_file(const std::string &path, std::vector<uint8_t> &out) {
  std::ifstream f(path, std::ios::binary);
  if (!f)
    return false;
  out.assign(std::istreambuf_iterator<char>(f),
             std::istreambuf_iterator<char>());
  return true;
}

struct Tensors {
  std::vector<Buffer> in, out;
  std::vector<DLTensor> in_t, out_t;
  bool dynamic_outputs = false;

  void refresh() {
    in_t.clear();
    out_t.clear();
    for (Buffer &b : in)
      in_t.push_back(b.tensor());
    for (Buffer &b : out)
      out_t.push_back(b.tensor());
  }
  dlc_status run(const Api &A, dlc_model *m, dlc_error *err) {
    return A.run(m, in_t.data(), in_t.size(), out_t.data(), out_t.size(), err);
  }
};

/// Builds inputs (from DLC_TEST_MODEL_INPUT or a pattern) and outputs.
void make_tensors(const Api &A, dlc_model *m, Tensors &t, int salt = 0) {
  int64_t dyn = env_int("DLC_TEST_MODEL_DYNAMIC_DIM", 2);
  dlc_tensor_info info;
  dlc_error err;
  for (size_t i = 0; i < A.num_inputs(m); ++i) {
    REQUIRE(A.input_info(m, i, &info, &err) == DLC_OK);
    t.in.push_back(make_buffer(info, dyn));
  }
  for (size_t i = 0; i < A.num_outputs(m); ++i) {
    REQUIRE(A.output_info(m, i, &info, &err) == DLC_OK);
    for (int32_t d = 0; d < info.ndim; ++d)
      if (info.shape[d] < 0)
        t.dynamic_outputs = true;
    t.out.push_back(make_buffer(info, dyn));
  }
  std::string input_path = env("DLC_TEST_MODEL_INPUT");
  if (input_path.empty()) {
    for (size_t i = 0; i < t.in.size(); ++i)
      fill_pattern(t.in[i], salt + (int)i);
  } else {
    std::vector<uint8_t> raw;
    REQUIRE_MESSAGE(read_file(input_path, raw),
                    "cannot read DLC_TEST_MODEL_INPUT=", input_path);
    size_t need = 0;
    std::string what;
    for (const Buffer &b : t.in) {
      need += b.bytes;
      what += " " + describe(b.info);
    }
    REQUIRE_MESSAGE(raw.size() == need, "DLC_TEST_MODEL_INPUT=", input_path,
                    " has ", raw.size(), " bytes; the inputs", what, " need ",
                    need);
    size_t at = 0;
    for (Buffer &b : t.in) {
      if (b.bytes)
        std::memcpy(b.data(), raw.data() + at, b.bytes);
      at += b.bytes;
    }
  }
  for (size_t i = 0; i < t.out.size(); ++i)
    std::memset(t.out[i].data(), 0xA5, t.out[i].bytes); // poison
  t.refresh();
}

float half_to_float(uint16_t h) {
  int exp = (h >> 10) & 0x1f, mant = h & 0x3ff;
  float v = exp == 0    ? std::ldexp((float)mant, -24)
            : exp == 31 ? (mant ? NAN : INFINITY)
                        : std::ldexp((float)(mant | 0x400), exp - 25);
  return (h & 0x8000) ? -v : v;
}

/// Compares one output with its expected bytes; returns mismatches.
int compare(const Buffer &got, const uint8_t *want, size_t index) {
  const DLDataType t = got.info.dtype;
  size_t n = got.bytes / elem_bytes(t);
  int bad = 0;
  for (size_t i = 0; i < n; ++i) {
    double g, w;
    bool is_float = true;
    if (t.code == kDLFloat && t.bits == 32) {
      float a, b;
      std::memcpy(&a, got.data() + 4 * i, 4);
      std::memcpy(&b, want + 4 * i, 4);
      g = a, w = b;
    } else if (t.code == kDLFloat && t.bits == 64) {
      std::memcpy(&g, got.data() + 8 * i, 8);
      std::memcpy(&w, want + 8 * i, 8);
    } else if (t.code == kDLFloat || t.code == kDLBfloat) {
      uint16_t a, b;
      std::memcpy(&a, got.data() + 2 * i, 2);
      std::memcpy(&b, want + 2 * i, 2);
      if (t.code == kDLFloat) {
        g = half_to_float(a), w = half_to_float(b);
      } else {
        uint32_t ua = (uint32_t)a << 16, ub = (uint32_t)b << 16;
        float fa, fb;
        std::memcpy(&fa, &ua, 4);
        std::memcpy(&fb, &ub, 4);
        g = fa, w = fb;
      }
    } else {
      is_float = false;
      size_t wdt = elem_bytes(t);
      g = w = 0;
      if (std::memcmp(got.data() + wdt * i, want + wdt * i, wdt) != 0 &&
          bad++ < 5)
        FAIL_CHECK("output ", index, " '", got.info.name, "' element ", i,
                   " differs");
      continue;
    }
    bool ok = (std::isnan(g) && std::isnan(w)) || g == w ||
              std::fabs(g - w) <= 1e-4 + 1e-3 * std::fabs(w);
    if (is_float && !ok && bad++ < 5)
      FAIL_CHECK("output ", index, " '", got.info.name, "' element ", i,
                 ": got ", g, ", expected ", w);
  }
  return bad;
}

/// Runs t and expects INVALID_ARGUMENT with want in the message.
void expect_error(const Api &A, dlc_model *m, Tensors &t,
                  const std::string &want) {
  dlc_error err;
  std::memset(&err, 0, sizeof(err));
  CHECK(t.run(A, m, &err) == DLC_ERROR_INVALID_ARGUMENT);
  INFO("message: ", err.message);
  CHECK(std::string(err.message).find(want) != std::string::npos);
  CHECK(t.run(A, m, nullptr) == DLC_ERROR_INVALID_ARGUMENT);
}

} // namespace

TEST_CASE("model: exports exactly the public ABI") {
  REQUIRE_API();
  for (const char *hidden : {"dlc_model_entry_0",
                             "dlc_model_functions",
                             "dlc_model_function_count",
                             "dlc_model_metadata",
                             "dlc_model_pack_table",
                             "dlc_model_pack_count",
                             "dlc_parse_metadata",
                             "dlc_fail",
                             "dlc_rt_call",
                             "dlc_rt_raise",
                             "dlc_rt_shape_error",
                             "dlc_rt_sgemm",
                             "dlc_rt_sgemm_packed",
                             "dlc_rt_conv2d",
                             "dlc_rt_detect_isa",
                             "dlc_rt_alloc",
                             "dlc_rt_free",
                             "_mlir_memref_to_llvm_alloc",
                             "_mlir_memref_to_llvm_aligned_alloc",
                             "_mlir_memref_to_llvm_free"}) {
    INFO("symbol: ", hidden);
    CHECK(dlsym(A.handle, hidden) == nullptr);
  }
}

TEST_CASE("model: version and status strings") {
  REQUIRE_API();
  CHECK(std::string(A.version()) == "0.2.0");
  CHECK(std::string(A.status_string(DLC_OK)) == "DLC_OK");
  CHECK(std::string(A.status_string(DLC_ERROR_OUT_OF_MEMORY)) ==
        "DLC_ERROR_OUT_OF_MEMORY");
}

TEST_CASE("model: open, info queries and their errors") {
  REQUIRE_API();
  dlc_error err;
  CHECK(A.open(nullptr, &err) == DLC_ERROR_INVALID_ARGUMENT);
  A.close(nullptr);
  CHECK(A.num_inputs(nullptr) == 0);
  CHECK(A.num_outputs(nullptr) == 0);

  Model model(A);
  size_t ni = A.num_inputs(model.m), no = A.num_outputs(model.m);
  CHECK(no > 0);
  dlc_tensor_info info;
  for (size_t i = 0; i < ni + no; ++i) {
    bool out = i >= ni;
    size_t idx = out ? i - ni : i;
    REQUIRE((out ? A.output_info : A.input_info)(model.m, idx, &info, &err) ==
            DLC_OK);
    INFO((out ? "output " : "input "), idx, ": ", describe(info));
    REQUIRE(info.name != nullptr);
    CHECK(info.dtype.lanes == 1);
    CHECK(info.ndim >= 0);
    if (info.ndim > 0)
      REQUIRE(info.shape != nullptr);
    for (int32_t d = 0; d < info.ndim; ++d)
      CHECK(info.shape[d] >= -1);
    MESSAGE((out ? "output " : "input "), idx, ": ", describe(info));
  }
  CHECK(A.input_info(model.m, ni, &info, &err) == DLC_ERROR_INVALID_ARGUMENT);
  CHECK(std::string(err.message).find("out of range") != std::string::npos);
  CHECK(A.output_info(model.m, no, &info, &err) == DLC_ERROR_INVALID_ARGUMENT);
  CHECK(A.output_info(model.m, 0, nullptr, &err) == DLC_ERROR_INVALID_ARGUMENT);
  CHECK(A.input_info(nullptr, 0, &info, nullptr) == DLC_ERROR_INVALID_ARGUMENT);
}

TEST_CASE("model: run argument errors") {
  REQUIRE_API();
  Model model(A);
  Tensors t;
  make_tensors(A, model.m, t);
  dlc_error err;
  size_t ni = t.in_t.size(), no = t.out_t.size();
  CHECK(A.run(nullptr, t.in_t.data(), ni, t.out_t.data(), no, &err) ==
        DLC_ERROR_INVALID_ARGUMENT);
  CHECK(std::string(err.message) == "model is NULL");
  CHECK(A.run(model.m, t.in_t.data(), ni + 1, t.out_t.data(), no, &err) ==
        DLC_ERROR_INVALID_ARGUMENT);
  CHECK(std::string(err.message).find("inputs, got") != std::string::npos);
  CHECK(A.run(model.m, t.in_t.data(), ni, t.out_t.data(), no + 1, &err) ==
        DLC_ERROR_INVALID_ARGUMENT);
  CHECK(std::string(err.message).find("outputs, got") != std::string::npos);
  if (ni > 0) {
    CHECK(A.run(model.m, nullptr, ni, t.out_t.data(), no, &err) ==
          DLC_ERROR_INVALID_ARGUMENT);
    CHECK(std::string(err.message) == "inputs array is NULL");
  }
  CHECK(A.run(model.m, t.in_t.data(), ni, nullptr, no, &err) ==
        DLC_ERROR_INVALID_ARGUMENT);
  CHECK(std::string(err.message) == "outputs array is NULL");
}

TEST_CASE("model: run tensor errors") {
  REQUIRE_API();
  Model model(A);
  Tensors t;
  make_tensors(A, model.m, t);
  if (t.in.empty()) {
    MESSAGE("the model has no inputs: per-input checks skipped");
    return;
  }
  const std::string in0 = "input 0 '" + std::string(t.in[0].info.name) + "'";

  SUBCASE("dtype") {
    t.in_t[0].dtype.code = t.in_t[0].dtype.code == kDLInt ? kDLUInt : kDLInt;
    expect_error(A, model.m, t, in0 + ": expected dtype");
  }
  SUBCASE("rank") {
    t.in_t[0].ndim += 1;
    std::vector<int64_t> shape(t.in[0].shape);
    shape.push_back(1);
    t.in_t[0].shape = shape.data();
    expect_error(A, model.m, t, in0 + ": expected rank");
  }
  SUBCASE("device") {
    t.in_t[0].device.device_type = kDLCUDA;
    expect_error(A, model.m, t, in0 + ": expected a CPU tensor");
  }
  SUBCASE("output dtype") {
    t.out_t[0].dtype.lanes = 2;
    expect_error(A, model.m, t, "output 0 '");
  }
  // Checks that need an input with a suitable shape.
  for (size_t i = 0; i < t.in.size(); ++i) {
    const Buffer &b = t.in[i];
    const std::string ref =
        "input " + std::to_string(i) + " '" + std::string(b.info.name) + "'";
    for (int32_t d = 0; d < b.info.ndim; ++d) {
      if (b.info.shape[d] >= 0) {
        Tensors u;
        make_tensors(A, model.m, u);
        std::vector<int64_t> shape(b.shape);
        shape[d] += 1;
        u.in_t[i].shape = shape.data();
        expect_error(A, model.m, u,
                     ref + ": dim " + std::to_string(d) + " is " +
                         std::to_string(shape[d]) + ", expected");
        break;
      }
    }
    if (b.info.ndim > 0 && b.shape.back() > 1) {
      Tensors u;
      make_tensors(A, model.m, u);
      std::vector<int64_t> strides(b.info.ndim, 1);
      for (int32_t d = b.info.ndim - 2; d >= 0; --d)
        strides[d] = strides[d + 1] * b.shape[d + 1];
      strides.back() = 2;
      u.in_t[i].strides = strides.data();
      expect_error(A, model.m, u, ref + ": strides are not compact");
    }
    if (b.bytes > 0) {
      Tensors u;
      make_tensors(A, model.m, u);
      u.in_t[i].data = nullptr;
      expect_error(A, model.m, u, ref + ": data is NULL");
    }
    if (b.bytes > 0 && elem_bytes(b.info.dtype) > 1) {
      Tensors u;
      make_tensors(A, model.m, u);
      u.in_t[i].byte_offset = 1;
      expect_error(A, model.m, u, ref + ": data is not aligned");
    }
  }
}

TEST_CASE("model: a run matches the expected output") {
  REQUIRE_API();
  Model model(A);
  Tensors t;
  make_tensors(A, model.m, t);
  dlc_error err;
  std::memset(&err, 0, sizeof(err));
  if (t.dynamic_outputs) {
    CHECK(t.run(A, model.m, &err) == DLC_ERROR_INVALID_ARGUMENT);
    CHECK(std::string(err.message).find("dynamic output shapes") !=
          std::string::npos);
    MESSAGE("the model has dynamic output shapes: value checks skipped");
    return;
  }
  REQUIRE_MESSAGE(t.run(A, model.m, &err) == DLC_OK, err.message);

  std::string expected_path = env("DLC_TEST_MODEL_EXPECTED");
  if (expected_path.empty()) {
    MESSAGE("DLC_TEST_MODEL_EXPECTED is not set: output values not compared");
    return;
  }
  std::vector<uint8_t> raw;
  REQUIRE_MESSAGE(read_file(expected_path, raw),
                  "cannot read DLC_TEST_MODEL_EXPECTED=", expected_path);
  size_t need = 0;
  for (const Buffer &b : t.out)
    need += b.bytes;
  REQUIRE_MESSAGE(raw.size() == need, "DLC_TEST_MODEL_EXPECTED=", expected_path,
                  " has ", raw.size(), " bytes; the outputs need ", need);
  size_t at = 0;
  int bad = 0;
  for (size_t i = 0; i < t.out.size(); ++i) {
    bad += compare(t.out[i], raw.data() + at, i);
    at += t.out[i].bytes;
  }
  CHECK(bad == 0);
}

TEST_CASE("model: runs after releasing the thread's buffers") {
  REQUIRE_API();
  A.release_thread_cache(); // before any run: nothing to release
  Model model(A);
  Tensors ref, t;
  make_tensors(A, model.m, ref);
  make_tensors(A, model.m, t);
  if (ref.dynamic_outputs) {
    MESSAGE("the model has dynamic output shapes: skipped");
    return;
  }
  dlc_error err;
  REQUIRE_MESSAGE(ref.run(A, model.m, &err) == DLC_OK, err.message);
  for (int r = 0; r < 3; ++r) {
    A.release_thread_cache();
    if (r == 2)
      A.release_thread_cache(); // twice in a row
    for (Buffer &b : t.out)
      std::memset(b.data(), 0xA5, b.bytes);
    REQUIRE_MESSAGE(t.run(A, model.m, &err) == DLC_OK, err.message);
    for (size_t o = 0; o < t.out.size(); ++o)
      CHECK(std::memcmp(t.out[o].data(), ref.out[o].data(), t.out[o].bytes) ==
            0);
  }
  // From a thread that never ran the model, and from one that did.
  std::thread([&] { A.release_thread_cache(); }).join();
  dlc_status st = DLC_ERROR_INTERNAL;
  std::thread([&] {
    st = ref.run(A, model.m, nullptr);
    A.release_thread_cache();
  }).join();
  CHECK(st == DLC_OK);
}

// A thread that ran the model keeps buffers cached in thread-specific data
// of the model.so; unloading the model.so before that thread exits must not
// leave its exit calling into unmapped code. A copy of the model is loaded
// (the same path would share the handle api() keeps open) and unloaded
// twice: a crash fails the test. The worker's cached buffers cannot be
// freed once the model.so is gone (dlc_runtime.h says so): valgrind lists
// them as lost.
TEST_CASE("model: unloading while a thread holds cached buffers") {
  REQUIRE_API();
  const char *path = std::getenv("DLC_TEST_MODEL");
  char copy[] = "/tmp/dlc-model-test-XXXXXX";
  int fd = mkstemp(copy);
  REQUIRE(fd >= 0);
  {
    std::ifstream src(path, std::ios::binary);
    std::ofstream dst(copy, std::ios::binary | std::ios::trunc);
    dst << src.rdbuf();
  }
  close(fd);
  for (int round = 0; round < 2; ++round) {
    Api B = load_from(copy);
    REQUIRE_MESSAGE(B.error.empty(), B.error);
    dlc_model *m = nullptr;
    dlc_error err;
    REQUIRE(B.open(&m, &err) == DLC_OK);
    Tensors t;
    make_tensors(B, m, t);
    if (t.dynamic_outputs) {
      B.close(m);
      dlclose(B.handle);
      MESSAGE("the model has dynamic output shapes: skipped");
      break;
    }
    std::atomic<int> stage{0};
    dlc_status st = DLC_ERROR_INTERNAL;
    std::thread worker([&] {
      st = t.run(B, m, nullptr);
      stage = 1;
      while (stage.load() != 2) // exits after the unload
        std::this_thread::yield();
    });
    while (stage.load() != 1)
      std::this_thread::yield();
    CHECK(st == DLC_OK);
    CHECK(t.run(B, m, nullptr) == DLC_OK); // this thread's cache too
    B.close(m);
    CHECK(dlclose(B.handle) == 0);
    stage = 2;
    worker.join();
  }
  std::remove(copy);
}

TEST_CASE("model: concurrent runs give identical results") {
  REQUIRE_API();
  Model model(A);
  Tensors ref;
  make_tensors(A, model.m, ref);
  if (ref.dynamic_outputs) {
    MESSAGE("the model has dynamic output shapes: skipped");
    return;
  }
  dlc_error err;
  REQUIRE_MESSAGE(ref.run(A, model.m, &err) == DLC_OK, err.message);

  constexpr int kThreads = 8;
  const int64_t runs = env_int("DLC_TEST_MODEL_RUNS", 10);
  std::atomic<int> failures{0};
  std::vector<std::string> errors(kThreads);
  std::vector<std::thread> threads;
  // Tensors are built here: doctest assertions are not thread-safe.
  std::vector<std::unique_ptr<Tensors>> per_thread;
  for (int i = 0; i < kThreads; ++i) {
    per_thread.emplace_back(new Tensors);
    make_tensors(A, model.m, *per_thread.back());
  }
  for (int i = 0; i < kThreads; ++i)
    threads.emplace_back([&, i] {
      Tensors &t = *per_thread[(size_t)i];
      for (int64_t r = 0; r < runs; ++r) {
        for (Buffer &b : t.out)
          std::memset(b.data(), 0xA5, b.bytes);
        dlc_error e;
        if (t.run(A, model.m, &e) != DLC_OK) {
          errors[(size_t)i] = e.message;
          ++failures;
          return;
        }
        for (size_t o = 0; o < t.out.size(); ++o)
          if (std::memcmp(t.out[o].data(), ref.out[o].data(), t.out[o].bytes) !=
              0) {
            errors[(size_t)i] = "output " + std::to_string(o) + " differs";
            ++failures;
            return;
          }
      }
    });
  for (std::thread &th : threads)
    th.join();
  for (const std::string &e : errors)
    if (!e.empty())
      FAIL_CHECK(e);
  CHECK(failures.load() == 0);
}
