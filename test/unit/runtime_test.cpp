//===- runtime_test.cpp - Metadata parser and public ABI of dlcrt ---------===//
//
// Runs against fake_model.c (linked into this executable), whose metadata
// is:  inputs  x float32[2,3], "scale s" int64[], mask bool[-1]
//      outputs y float32[2,3] = x + scale, count int64[] = scale + sum(mask)
// and whose entry computes y through dlc_rt_sgemm_packed with the two
// entries of its pack table (y = x * P * P^T + scale, exact).
//
//===----------------------------------------------------------------------===//
#include "internal.h"

#include <doctest/doctest.h>

#include <atomic>
#include <cstdint>
#include <cstring>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

extern "C" const char dlc_model_metadata[];
extern "C" const dlc_pack_source dlc_model_pack_table[];
extern "C" const int64_t dlc_model_pack_count;
extern "C" const dlc_entry_fn dlc_model_functions[];
extern "C" const int64_t dlc_model_function_count;

namespace {

std::string message(const dlc_error &err) { return err.message; }

/// Parses text; on failure checks the contract (NULL model, a message).
dlc_status parse(const std::string &text, dlc_model **model,
                 dlc_error *err = nullptr) {
  dlc_error local;
  std::memset(&local, 0, sizeof(local));
  dlc_status st = dlc_parse_metadata(text.c_str(), model, err ? err : &local);
  if (st != DLC_OK) {
    CHECK(*model == nullptr);
    CHECK(std::strlen(err ? err->message : local.message) > 0);
  }
  return st;
}

DLDataType dtype(uint8_t code, uint8_t bits) {
  DLDataType t;
  t.code = code;
  t.bits = bits;
  t.lanes = 1;
  return t;
}

DLTensor tensor(void *data, DLDataType type, int32_t ndim, int64_t *shape) {
  DLTensor t;
  std::memset(&t, 0, sizeof(t));
  t.data = data;
  t.device.device_type = kDLCPU;
  t.device.device_id = 0;
  t.ndim = ndim;
  t.dtype = type;
  t.shape = shape;
  t.strides = nullptr;
  t.byte_offset = 0;
  return t;
}

/// Inputs and outputs for one run of the fake model.
struct FakeRun {
  float x[6];
  int64_t scale;
  uint8_t mask[5];
  float y[6];
  int64_t count = -1;
  int64_t x_shape[2] = {2, 3};
  int64_t mask_shape[1] = {5};
  int64_t y_shape[2] = {2, 3};
  DLTensor inputs[3];
  DLTensor outputs[2];

  explicit FakeRun(int seed = 0) {
    for (int i = 0; i < 6; ++i) {
      x[i] = 0.5f * i + seed;
      y[i] = -1.0f;
    }
    scale = 3 + seed;
    for (int i = 0; i < 5; ++i)
      mask[i] = (i + seed) % 2;
    inputs[0] = tensor(x, dtype(kDLFloat, 32), 2, x_shape);
    inputs[1] = tensor(&scale, dtype(kDLInt, 64), 0, nullptr);
    inputs[2] = tensor(mask, dtype(DLC_DTYPE_CODE_BOOL, 8), 1, mask_shape);
    outputs[0] = tensor(y, dtype(kDLFloat, 32), 2, y_shape);
    outputs[1] = tensor(&count, dtype(kDLInt, 64), 0, nullptr);
  }
  // Holds pointers into itself.
  FakeRun(const FakeRun &) = delete;
  FakeRun &operator=(const FakeRun &) = delete;

  dlc_status run(const dlc_model *model, dlc_error *err) {
    return dlc_model_run(model, inputs, 3, outputs, 2, err);
  }

  void check_results() const {
    for (int i = 0; i < 6; ++i)
      CHECK(y[i] == x[i] + (float)scale);
    int64_t ones = 0;
    for (int i = 0; i < mask_shape[0]; ++i)
      ones += mask[i] != 0;
    CHECK(count == scale + ones);
  }
};

struct ModelFixture {
  dlc_model *model = nullptr;
  dlc_error err;
  ModelFixture() {
    std::memset(&err, 0, sizeof(err));
    REQUIRE(dlc_model_open(&model, &err) == DLC_OK);
    REQUIRE(model != nullptr);
  }
  ~ModelFixture() { dlc_model_close(model); }

  /// Runs r and expects an INVALID_ARGUMENT whose message contains want.
  void expect_error(FakeRun &r, const std::string &want) {
    std::memset(&err, 0, sizeof(err));
    CHECK(r.run(model, &err) == DLC_ERROR_INVALID_ARGUMENT);
    INFO("message: ", message(err));
    CHECK(message(err).find(want) != std::string::npos);
    CHECK(r.count == -1); // the entry was not called
    // The same failure without an error struct.
    CHECK(r.run(model, nullptr) == DLC_ERROR_INVALID_ARGUMENT);
  }
};

} // namespace

//===----------------------------------------------------------------------===//
// Metadata parsing
//===----------------------------------------------------------------------===//

TEST_CASE("metadata: the fake model's blob") {
  dlc_model *m = nullptr;
  REQUIRE(parse(dlc_model_metadata, &m) == DLC_OK);
  REQUIRE(m->functions[0].num_inputs == 3);
  REQUIRE(m->functions[0].num_outputs == 2);
  const dlc_tensor_info &x = m->functions[0].tensors[0];
  CHECK(std::string(x.name) == "x");
  CHECK(x.dtype.code == kDLFloat);
  CHECK(x.dtype.bits == 32);
  CHECK(x.dtype.lanes == 1);
  REQUIRE(x.ndim == 2);
  CHECK(x.shape[0] == 2);
  CHECK(x.shape[1] == 3);
  CHECK(std::string(m->functions[0].tensors[1].name) == "scale s");
  CHECK(m->functions[0].tensors[1].ndim == 0);
  CHECK(m->functions[0].tensors[2].dtype.code == DLC_DTYPE_CODE_BOOL);
  CHECK(m->functions[0].tensors[2].shape[0] == -1);
  CHECK(std::string(m->functions[0].tensors[4].name) == "count");
  dlc_free_model(m);
  dlc_free_model(nullptr);
}

TEST_CASE("metadata: valid variants") {
  dlc_model *m = nullptr;
  SUBCASE("no tensors") {
    REQUIRE(parse("dlc-model 2\nfunction 4 main\ninputs 0\noutputs 0\n", &m) ==
            DLC_OK);
    CHECK(m->functions[0].num_inputs == 0);
    CHECK(m->functions[0].num_outputs == 0);
  }
  SUBCASE("no trailing newline, extra trailing newlines") {
    REQUIRE(
        parse("dlc-model 2\nfunction 4 main\ninputs 0\noutputs 1\n1 y 2 32 1 4",
              &m) == DLC_OK);
    CHECK(m->functions[0].tensors[0].shape[0] == 4);
    dlc_free_model(m);
    REQUIRE(parse("dlc-model 2\nfunction 4 main\ninputs 0\noutputs 0\n\n\n",
                  &m) == DLC_OK);
  }
  SUBCASE("empty name, name with a newline and spaces") {
    REQUIRE(parse("dlc-model 2\nfunction 4 main\ninputs 2\n0  2 32 0\n5 a\n b  "
                  "1 8 1 0\n"
                  "outputs 0\n",
                  &m) == DLC_OK);
    CHECK(std::string(m->functions[0].tensors[0].name).empty());
    CHECK(std::string(m->functions[0].tensors[1].name) == "a\n b ");
    CHECK(m->functions[0].tensors[1].dtype.code == kDLUInt);
    CHECK(m->functions[0].tensors[1].shape[0] == 0);
  }
  SUBCASE("every dtype") {
    REQUIRE(parse("dlc-model 2\nfunction 4 main\ninputs 13\n"
                  "1 a 0 8 0\n1 b 0 16 0\n1 c 0 32 0\n1 d 0 64 0\n"
                  "1 e 1 8 0\n1 f 1 16 0\n1 g 1 32 0\n1 h 1 64 0\n"
                  "1 i 2 16 0\n1 j 2 32 0\n1 k 2 64 0\n1 l 4 16 0\n"
                  "1 m 6 8 0\noutputs 0\n",
                  &m) == DLC_OK);
    CHECK(m->functions[0].num_inputs == 13);
  }
  SUBCASE("large dims") {
    REQUIRE(parse("dlc-model 2\nfunction 4 main\ninputs 1\n1 a 2 32 3 "
                  "9223372036854775807 -1 "
                  "0\noutputs 0\n",
                  &m) == DLC_OK);
    CHECK(m->functions[0].tensors[0].shape[0] == INT64_MAX);
    CHECK(m->functions[0].tensors[0].shape[1] == -1);
  }
  dlc_free_model(m);
}

TEST_CASE("metadata: malformed blobs are rejected") {
  const char *bad[] = {
      "",
      "dlc-model",
      "dlc-model \n",
      "dlc-model 1",
      "dlc-model 2\ninputs 0\noutputs 0\n",
      "dlc-model -1\ninputs 0\noutputs 0\n",
      "dlc-model 1 \ninputs 0\noutputs 0\n",
      "DLC-model 1\ninputs 0\noutputs 0\n",
      "dlc-model 2\nfunction 4 main\ninputs 0\n",
      "dlc-model 2\nfunction 4 main\ninputs\noutputs 0\n",
      "dlc-model 2\nfunction 4 main\ninputs -1\noutputs 0\n",
      "dlc-model 2\nfunction 4 main\ninputs +1\n1 x 2 32 0\noutputs 0\n",
      "dlc-model 2\nfunction 4 main\ninputs 1\noutputs 0\n",
      "dlc-model 2\nfunction 4 main\ninputs 1000000000000\noutputs 0\n",
      "dlc-model 2\nfunction 4 main\ninputs 99999999999999999999\noutputs 0\n",
      "dlc-model 2\nfunction 4 main\ninputs 0\noutputs 0\nextra",
      "dlc-model 2\nfunction 4 main\ninputs 0\noutputs 0\n\nextra",
      "dlc-model 2\nfunction 4 main\noutputs 0\ninputs 0\n",
      "dlc-model 2\nfunction 4 main\ninputs 1\n99 x 2 32 0\noutputs 0\n",
      "dlc-model 2\nfunction 4 main\ninputs 1\n-1 x 2 32 0\noutputs 0\n",
      "dlc-model 2\nfunction 4 main\ninputs 1\n2 x 2 32 0\noutputs 0\n",
      "dlc-model 2\nfunction 4 main\ninputs 1\n1  x 2 32 0\noutputs 0\n",
      "dlc-model 2\nfunction 4 main\ninputs 1\n1 x  2 32 0\noutputs 0\n",
      "dlc-model 2\nfunction 4 main\ninputs 1\n1\tx 2 32 0\noutputs 0\n",
      "dlc-model 2\nfunction 4 main\ninputs 1\n1 x 2 32 2 2\noutputs 0\n",
      "dlc-model 2\nfunction 4 main\ninputs 1\n1 x 2 32 2 2 3 4\noutputs 0\n",
      "dlc-model 2\nfunction 4 main\ninputs 1\n1 x 2 32 1 5 \noutputs 0\n",
      "dlc-model 2\nfunction 4 main\ninputs 1\n1 x 2 32 1 5\r\noutputs 0\n",
      "dlc-model 2\nfunction 4 main\ninputs 1\n1 x 2 33 0\noutputs 0\n",
      "dlc-model 2\nfunction 4 main\ninputs 1\n1 x 2 8 0\noutputs 0\n",
      "dlc-model 2\nfunction 4 main\ninputs 1\n1 x 3 64 0\noutputs 0\n",
      "dlc-model 2\nfunction 4 main\ninputs 1\n1 x 4 32 0\noutputs 0\n",
      "dlc-model 2\nfunction 4 main\ninputs 1\n1 x 6 1 0\noutputs 0\n",
      "dlc-model 2\nfunction 4 main\ninputs 1\n1 x 7 8 0\noutputs 0\n",
      "dlc-model 2\nfunction 4 main\ninputs 1\n1 x 2 288 0\noutputs 0\n",
      "dlc-model 2\nfunction 4 main\ninputs 1\n1 x 2 32 -1\noutputs 0\n",
      "dlc-model 2\nfunction 4 main\ninputs 1\n1 x 2 32 1000000000\noutputs "
      "0\n",
      "dlc-model 2\nfunction 4 main\ninputs 1\n1 x 2 32 1 -2\noutputs 0\n",
      "dlc-model 2\nfunction 4 main\ninputs 1\n1 x 2 32 1 "
      "9223372036854775808\noutputs 0\n",
      "dlc-model 2\nfunction 4 main\ninputs 1\n1 x 2 32 1 1x\noutputs 0\n",
      "dlc-model 2\nfunction 4 main\ninputs 1\n1 x 2 32 1 -\noutputs 0\n",
      ("dlc-model 2\nfunction 4 main\ninputs 1\n1 x 2 32 1 5\noutputs 1\n1 y 2 "
       "32 1 5\n"
       "1 z 2 32 0\n"),
  };
  for (const char *text : bad) {
    INFO("blob: ", text);
    dlc_model *m = reinterpret_cast<dlc_model *>(0x1);
    dlc_error err;
    std::memset(&err, 0, sizeof(err));
    CHECK(parse(text, &m, &err) == DLC_ERROR_INVALID_ARGUMENT);
    CHECK(m == nullptr);
    dlc_free_model(m);
  }
}

TEST_CASE("metadata: NULL arguments") {
  dlc_model *m = nullptr;
  dlc_error err;
  CHECK(dlc_parse_metadata(nullptr, &m, &err) == DLC_ERROR_INVALID_ARGUMENT);
  CHECK(std::string(err.message).find("NULL") != std::string::npos);
  CHECK(
      dlc_parse_metadata("dlc-model 2\nfunction 4 main\ninputs 0\noutputs 0\n",
                         nullptr, &err) == DLC_ERROR_INVALID_ARGUMENT);
  CHECK(dlc_parse_metadata(nullptr, &m, nullptr) == DLC_ERROR_INVALID_ARGUMENT);
}

TEST_CASE("metadata: every prefix and random corruptions parse or fail "
          "cleanly") {
  const std::string good = dlc_model_metadata;
  // Complete prefixes end with a function, with or without its newline.
  std::set<size_t> complete = {good.size() - 1};
  size_t first = good.find("\nfunction ");
  for (size_t at = good.find("\nfunction ", first + 1); at != std::string::npos;
       at = good.find("\nfunction ", at + 1)) {
    complete.insert(at);
    complete.insert(at + 1);
  }
  for (size_t n = 0; n < good.size(); ++n) {
    dlc_model *m = nullptr;
    dlc_status st = parse(good.substr(0, n), &m);
    CHECK((st == DLC_OK) == (complete.count(n) > 0));
    dlc_free_model(m);
  }
  std::mt19937 rng(1234);
  const char alphabet[] = "0123456789 -\nxa\x01\xff";
  int accepted = 0;
  for (int iter = 0; iter < 20000; ++iter) {
    std::string text = good;
    int edits = 1 + (int)(rng() % 3);
    for (int e = 0; e < edits; ++e) {
      size_t pos = rng() % text.size();
      switch (rng() % 3) {
      case 0:
        text[pos] = alphabet[rng() % (sizeof(alphabet) - 1)];
        break;
      case 1:
        text.erase(pos, 1);
        break;
      default:
        text.insert(pos, 1, alphabet[rng() % (sizeof(alphabet) - 1)]);
        break;
      }
    }
    dlc_model *m = nullptr;
    if (parse(text, &m) == DLC_OK) {
      ++accepted;
      // Whatever was accepted must be self-consistent.
      for (size_t i = 0;
           i < m->functions[0].num_inputs + m->functions[0].num_outputs; ++i) {
        const dlc_tensor_info &t = m->functions[0].tensors[i];
        REQUIRE(t.name != nullptr);
        REQUIRE(t.ndim >= 0);
        for (int32_t d = 0; d < t.ndim; ++d)
          REQUIRE(t.shape[d] >= -1);
      }
    }
    dlc_free_model(m);
  }
  MESSAGE("accepted corruptions: ", accepted);
}

//===----------------------------------------------------------------------===//
// Public ABI
//===----------------------------------------------------------------------===//

TEST_CASE("abi: version and status strings") {
  CHECK(std::string(dlc_runtime_version()) == "0.2.0");
  CHECK(dlc_runtime_abi_version() == DLC_ABI_VERSION);
  CHECK(std::string(dlc_status_string(DLC_OK)) == "DLC_OK");
  CHECK(std::string(dlc_status_string(DLC_ERROR_INVALID_ARGUMENT)) ==
        "DLC_ERROR_INVALID_ARGUMENT");
  CHECK(std::string(dlc_status_string(DLC_ERROR_OUT_OF_MEMORY)) ==
        "DLC_ERROR_OUT_OF_MEMORY");
  CHECK(std::string(dlc_status_string(DLC_ERROR_INTERNAL)) ==
        "DLC_ERROR_INTERNAL");
  CHECK(std::string(dlc_status_string((dlc_status)42)) == "DLC_ERROR_UNKNOWN");
}

TEST_CASE("abi: open, query, close") {
  dlc_error err;
  CHECK(dlc_model_open(nullptr, &err) == DLC_ERROR_INVALID_ARGUMENT);
  CHECK(dlc_model_open(nullptr, nullptr) == DLC_ERROR_INVALID_ARGUMENT);
  dlc_model_close(nullptr);
  CHECK(dlc_model_num_inputs(nullptr) == 0);
  CHECK(dlc_model_num_outputs(nullptr) == 0);

  ModelFixture f;
  CHECK(dlc_model_num_inputs(f.model) == 3);
  CHECK(dlc_model_num_outputs(f.model) == 2);
  dlc_tensor_info info;
  REQUIRE(dlc_model_input_info(f.model, 1, &info, &f.err) == DLC_OK);
  CHECK(std::string(info.name) == "scale s");
  CHECK(info.dtype.code == kDLInt);
  CHECK(info.dtype.bits == 64);
  CHECK(info.ndim == 0);
  REQUIRE(dlc_model_input_info(f.model, 2, &info, nullptr) == DLC_OK);
  CHECK(info.shape[0] == -1);
  REQUIRE(dlc_model_output_info(f.model, 0, &info, &f.err) == DLC_OK);
  CHECK(std::string(info.name) == "y");
  CHECK(info.ndim == 2);
  CHECK(info.shape[1] == 3);

  CHECK(dlc_model_input_info(f.model, 3, &info, &f.err) ==
        DLC_ERROR_INVALID_ARGUMENT);
  CHECK(message(f.err) ==
        "input index 3 is out of range (function 'main' has 3 "
        "inputs)");
  CHECK(dlc_model_output_info(f.model, 2, &info, &f.err) ==
        DLC_ERROR_INVALID_ARGUMENT);
  CHECK(message(f.err) ==
        "output index 2 is out of range (function 'main' has 2 "
        "outputs)");
  CHECK(dlc_model_output_info(f.model, SIZE_MAX, &info, nullptr) ==
        DLC_ERROR_INVALID_ARGUMENT);
  CHECK(dlc_model_input_info(nullptr, 0, &info, &f.err) ==
        DLC_ERROR_INVALID_ARGUMENT);
  CHECK(message(f.err) == "model is NULL");
  CHECK(dlc_model_input_info(f.model, 0, nullptr, &f.err) ==
        DLC_ERROR_INVALID_ARGUMENT);
  CHECK(message(f.err) == "info is NULL");
}

TEST_CASE("abi: open packs the pack table once") {
  ModelFixture f;
  REQUIRE(dlc_model_pack_count == 2);
  CHECK(f.model->num_packed == dlc_model_pack_count);
  REQUIRE(f.model->packed != nullptr);
  for (int64_t i = 0; i < f.model->num_packed; ++i) {
    CHECK(f.model->packed[i] != nullptr);
    CHECK(dlc_rt_packed_b_level(f.model->packed[i]) == dlc_rt_detect_isa());
  }
  // Runs use the packed forms made at open: they do not change.
  void *first = f.model->packed[0];
  FakeRun r(5);
  REQUIRE(r.run(f.model, &f.err) == DLC_OK);
  r.check_results();
  CHECK(f.model->packed[0] == first);
}

TEST_CASE("abi: an empty pack table") {
  // What the compiler emits for a model without constant GEMM operands: a
  // one-entry dummy table and a count of 0.
  const float dummy_data[1] = {0};
  const dlc_pack_source dummy[1] = {{dummy_data, 1, 1, 1, 1}};
  for (const dlc_pack_source *table :
       {dummy, (const dlc_pack_source *)nullptr}) {
    dlc_model *m = nullptr;
    dlc_error err;
    REQUIRE(dlc_model_open_impl(dlc_model_metadata, dlc_model_functions,
                                dlc_model_function_count, table, 0, &m,
                                &err) == DLC_OK);
    REQUIRE(m != nullptr);
    CHECK(m->num_packed == 0);
    CHECK(m->packed != nullptr); // the entry always gets a valid array
    CHECK(dlc_model_num_inputs(m) == 3);
    dlc_model_close(m);
  }
}

TEST_CASE("abi: a malformed pack table fails open cleanly") {
  const float data[4] = {1, 2, 3, 4};
  const dlc_pack_source good = {data, 2, 2, 2, 1};
  struct Case {
    dlc_pack_source table[2];
    int64_t count;
    const char *message;
  } cases[] = {
      {{good, good}, -1, "malformed model pack table (-1 entries)"},
      {{good, {data, -2, 2, 2, 1}},
       2,
       "malformed model pack table entry 1 (-2 x 2)"},
      {{{data, 2, -1, 2, 1}, good},
       2,
       "malformed model pack table entry 0 (2 x -1)"},
      {{good, {nullptr, 2, 2, 2, 1}},
       2,
       "malformed model pack table entry 1 (2 x 2, NULL data)"},
  };
  for (const Case &c : cases) {
    dlc_model *m = reinterpret_cast<dlc_model *>(&m);
    dlc_error err;
    CHECK(dlc_model_open_impl(dlc_model_metadata, dlc_model_functions,
                              dlc_model_function_count, c.table, c.count, &m,
                              &err) == DLC_ERROR_INTERNAL);
    CHECK(m == nullptr);
    CHECK(message(err) == c.message);
  }
  dlc_model *m = nullptr;
  dlc_error err;
  CHECK(dlc_model_open_impl(dlc_model_metadata, dlc_model_functions,
                            dlc_model_function_count, nullptr, 1, &m,
                            &err) == DLC_ERROR_INTERNAL);
  CHECK(m == nullptr);
  CHECK(message(err) == "malformed model pack table (1 entries, NULL table)");
  // Bad metadata is still reported as such, before the table is looked at.
  CHECK(dlc_model_open_impl("dlc-model 2\n", dlc_model_functions,
                            dlc_model_function_count, cases[0].table, -1, &m,
                            &err) == DLC_ERROR_INVALID_ARGUMENT);
  CHECK(m == nullptr);
  // A matrix too large to pack after one that packed: out of memory, and
  // the one already packed is freed.
  const dlc_pack_source huge[2] = {good, {data, INT64_MAX / 2, 1 << 20, 1, 1}};
  CHECK(dlc_model_open_impl(dlc_model_metadata, dlc_model_functions,
                            dlc_model_function_count, huge, 2, &m,
                            &err) == DLC_ERROR_OUT_OF_MEMORY);
  CHECK(m == nullptr);
  CHECK(message(err) == "out of memory packing weight 1 (4611686018427387903 "
                        "x 1048576)");
  // Empty matrices are fine (nothing to pack).
  const dlc_pack_source empties[2] = {{nullptr, 0, 4, 4, 1},
                                      {nullptr, 3, 0, 0, 1}};
  REQUIRE(dlc_model_open_impl(dlc_model_metadata, dlc_model_functions,
                              dlc_model_function_count, empties, 2, &m,
                              &err) == DLC_OK);
  CHECK(m->num_packed == 2);
  dlc_model_close(m);
}

TEST_CASE("abi: a model without packed weights is not run") {
  // dlc_parse_metadata alone makes no packed forms; the entry needs them.
  dlc_model *m = nullptr;
  REQUIRE(parse(dlc_model_metadata, &m) == DLC_OK);
  FakeRun r;
  dlc_error err;
  CHECK(r.run(m, &err) == DLC_ERROR_INTERNAL);
  CHECK(message(err) ==
        "model was not opened by dlc_model_open (no packed weights)");
  CHECK(r.count == -1);
  dlc_free_model(m);
}

TEST_CASE("abi: a correct run") {
  ModelFixture f;
  FakeRun r(0);
  REQUIRE(r.run(f.model, &f.err) == DLC_OK);
  r.check_results();

  SUBCASE("dynamic dim of size 0 with NULL data") {
    FakeRun e(1);
    e.mask_shape[0] = 0;
    e.inputs[2].data = nullptr;
    REQUIRE(e.run(f.model, &f.err) == DLC_OK);
    CHECK(e.count == e.scale);
  }
  SUBCASE("explicit compact strides, byte_offset") {
    FakeRun s(2);
    int64_t x_strides[2] = {3, 1};
    int64_t y_strides[2] = {3, 1};
    s.inputs[0].strides = x_strides;
    s.outputs[0].strides = y_strides;
    // Point data one element before x and use byte_offset to come back.
    std::vector<float> buf(7);
    std::memcpy(buf.data() + 1, s.x, sizeof(s.x));
    s.inputs[0].data = buf.data();
    s.inputs[0].byte_offset = sizeof(float);
    REQUIRE(s.run(f.model, &f.err) == DLC_OK);
    s.check_results();
  }
  SUBCASE("strides of size-1 dims are ignored") {
    FakeRun s(3);
    s.mask_shape[0] = 1;
    int64_t mask_strides[1] = {77};
    s.inputs[2].strides = mask_strides;
    REQUIRE(s.run(f.model, &f.err) == DLC_OK);
    s.check_results();
  }
  SUBCASE("descriptors on the heap") {
    FakeRun h(4);
    REQUIRE(dlc_function_run_impl(&f.model->functions[0], h.inputs, 3,
                                  h.outputs, nullptr, 2, 0, &f.err) == DLC_OK);
    h.check_results();
  }
}

TEST_CASE("abi: run argument errors") {
  ModelFixture f;
  FakeRun r;
  CHECK(dlc_model_run(nullptr, r.inputs, 3, r.outputs, 2, &f.err) ==
        DLC_ERROR_INVALID_ARGUMENT);
  CHECK(message(f.err) == "model is NULL");
  CHECK(dlc_model_run(f.model, r.inputs, 2, r.outputs, 2, &f.err) ==
        DLC_ERROR_INVALID_ARGUMENT);
  CHECK(message(f.err) == "expected 3 inputs, got 2");
  CHECK(dlc_model_run(f.model, r.inputs, 3, r.outputs, 3, &f.err) ==
        DLC_ERROR_INVALID_ARGUMENT);
  CHECK(message(f.err) == "expected 2 outputs, got 3");
  CHECK(dlc_model_run(f.model, nullptr, 3, r.outputs, 2, &f.err) ==
        DLC_ERROR_INVALID_ARGUMENT);
  CHECK(message(f.err) == "inputs array is NULL");
  CHECK(dlc_model_run(f.model, r.inputs, 3, nullptr, 2, &f.err) ==
        DLC_ERROR_INVALID_ARGUMENT);
  CHECK(message(f.err) == "outputs array is NULL");
  CHECK(r.count == -1);
}

TEST_CASE("abi: run tensor errors name the tensor") {
  ModelFixture f;
  SUBCASE("dtype") {
    FakeRun r;
    r.inputs[0].dtype = dtype(kDLInt, 64);
    f.expect_error(r, "input 0 'x': expected dtype float32, got int64");
  }
  SUBCASE("dtype bits") {
    FakeRun r;
    r.inputs[1].dtype = dtype(kDLInt, 32);
    f.expect_error(r, "input 1 'scale s': expected dtype int64, got int32");
  }
  SUBCASE("dtype lanes") {
    FakeRun r;
    r.inputs[0].dtype.lanes = 4;
    f.expect_error(r, "input 0 'x': expected dtype float32, got float32x4");
  }
  SUBCASE("bool vs uint8") {
    FakeRun r;
    r.inputs[2].dtype = dtype(kDLUInt, 8);
    f.expect_error(r, "input 2 'mask': expected dtype bool, got uint8");
  }
  SUBCASE("unknown dtype code") {
    FakeRun r;
    r.inputs[2].dtype = dtype(9, 8);
    f.expect_error(r, "got dtype(code=9, bits=8, lanes=1)");
  }
  SUBCASE("rank") {
    FakeRun r;
    r.inputs[0].ndim = 3;
    f.expect_error(r, "input 0 'x': expected rank 2, got 3");
  }
  SUBCASE("negative rank") {
    FakeRun r;
    r.inputs[0].ndim = -1;
    f.expect_error(r, "input 0 'x': expected rank 2, got -1");
  }
  SUBCASE("NULL shape") {
    FakeRun r;
    r.inputs[0].shape = nullptr;
    f.expect_error(r, "input 0 'x': shape is NULL");
  }
  SUBCASE("static dim") {
    FakeRun r;
    r.x_shape[1] = 4;
    f.expect_error(r, "input 0 'x': dim 1 is 4, expected 3");
  }
  SUBCASE("negative dynamic dim") {
    FakeRun r;
    r.mask_shape[0] = -5;
    f.expect_error(r, "input 2 'mask': dim 0 is -5 (negative)");
  }
  SUBCASE("device") {
    FakeRun r;
    r.inputs[0].device.device_type = kDLCUDA;
    f.expect_error(r, "input 0 'x': expected a CPU tensor (device type 1), "
                      "got device type 2");
  }
  SUBCASE("non-compact strides") {
    FakeRun r;
    int64_t strides[2] = {1, 2}; // transposed
    r.inputs[0].strides = strides;
    f.expect_error(r, "input 0 'x': strides are not compact row-major (dim 1 "
                      "has stride 2, expected 1)");
  }
  SUBCASE("padded rows") {
    FakeRun r;
    int64_t strides[2] = {4, 1};
    r.outputs[0].strides = strides;
    f.expect_error(r, "output 0 'y': strides are not compact row-major (dim 0 "
                      "has stride 4, expected 3)");
  }
  SUBCASE("NULL data") {
    FakeRun r;
    r.inputs[1].data = nullptr;
    f.expect_error(r, "input 1 'scale s': data is NULL");
  }
  SUBCASE("misaligned data") {
    FakeRun r;
    r.inputs[0].byte_offset = 2;
    f.expect_error(r, "input 0 'x': data is not aligned to 4 bytes");
  }
  SUBCASE("output dtype") {
    FakeRun r;
    r.outputs[1].dtype = dtype(kDLFloat, 64);
    f.expect_error(r, "output 1 'count': expected dtype int64, got float64");
  }
  SUBCASE("output dim") {
    FakeRun r;
    r.y_shape[0] = 3;
    f.expect_error(r, "output 0 'y': dim 0 is 3, expected 2");
  }
  SUBCASE("output NULL data") {
    FakeRun r;
    r.outputs[0].data = nullptr;
    f.expect_error(r, "output 0 'y': data is NULL");
  }
}

TEST_CASE("abi: long names are cut in messages") {
  std::string name(1000, 'n');
  std::string text = "dlc-model 2\nfunction 4 main\ninputs 1\n1000 " + name +
                     " 2 32 0\noutputs 0\n";
  dlc_model *m = nullptr;
  REQUIRE(parse(text, &m) == DLC_OK);
  float v = 0;
  DLTensor t = tensor(&v, dtype(kDLFloat, 64), 0, nullptr);
  dlc_error err;
  // Fails validation before the (fake) entry could be called.
  CHECK(dlc_model_run(m, &t, 1, nullptr, 0, &err) ==
        DLC_ERROR_INVALID_ARGUMENT);
  CHECK(std::string(err.message).find("expected dtype float32") !=
        std::string::npos);
  CHECK(std::strlen(err.message) < 300);
  dlc_free_model(m);
}

TEST_CASE("abi: element counts that overflow are refused") {
  dlc_model *m = nullptr;
  REQUIRE(parse("dlc-model 2\nfunction 4 main\ninputs 1\n1 a 2 32 3 -1 -1 "
                "-1\noutputs 0\n",
                &m) == DLC_OK);
  float v = 0;
  dlc_error err;
  for (int64_t big : {(int64_t)1 << 21, (int64_t)1 << 31, INT64_MAX}) {
    int64_t shape[3] = {big, big, big};
    DLTensor t = tensor(&v, dtype(kDLFloat, 32), 3, shape);
    // Fails validation before the (fake) entry could be called.
    CHECK(dlc_model_run(m, &t, 1, nullptr, 0, &err) ==
          DLC_ERROR_INVALID_ARGUMENT);
    CHECK(std::string(err.message) ==
          "input 0 'a': tensor is too large to address");
  }
  dlc_free_model(m);
}

TEST_CASE("abi: runs reuse the thread's buffers") {
  ModelFixture f;
  dlc_alloc_cache_stats after_first{}, after_all{}, released{};
  int failures = 0;
  std::thread([&] {
    for (int i = 0; i < 4; ++i) {
      FakeRun r(i);
      if (r.run(f.model, nullptr) != DLC_OK || r.count != r.scale + 2 + i % 2)
        ++failures;
      if (i == 0)
        after_first = dlc_rt_thread_cache_stats();
    }
    after_all = dlc_rt_thread_cache_stats();
    dlc_runtime_release_thread_cache();
    released = dlc_rt_thread_cache_stats();
    FakeRun r(9);
    if (r.run(f.model, nullptr) != DLC_OK)
      ++failures;
  }).join();
  CHECK(failures == 0);
  CHECK(after_first.blocks == 1);
  CHECK(after_first.misses == 1);
  CHECK(after_all.blocks == 1);
  CHECK(after_all.misses == 1);
  CHECK(after_all.hits == 3);
  CHECK(released.blocks == 0);
}

// Every run goes through dlc_rt_sgemm_packed on the model's shared packed
// forms (see fake_model.c), and allocates its scratch from the thread's
// cache.
TEST_CASE("abi: concurrent runs on one model") {
  ModelFixture f;
  constexpr int kThreads = 8, kRuns = 100;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < kRuns; ++i) {
        FakeRun r(t * 1000 + i);
        r.mask_shape[0] = 1 + (t + i) % 5; // vary the dynamic dim
        dlc_error err;
        if (r.run(f.model, &err) != DLC_OK) {
          ++failures;
          continue;
        }
        int64_t ones = 0;
        for (int k = 0; k < r.mask_shape[0]; ++k)
          ones += r.mask[k] != 0;
        bool ok = r.count == r.scale + ones;
        for (int k = 0; k < 6; ++k)
          ok = ok && r.y[k] == r.x[k] + (float)r.scale;
        if (!ok)
          ++failures;
      }
    });
  for (std::thread &t : threads)
    t.join();
  CHECK(failures.load() == 0);
}

//===----------------------------------------------------------------------===//
// ABI v2: the function table, runtime-allocated outputs, run-time failures
//===----------------------------------------------------------------------===//

TEST_CASE("abi v2: the function table") {
  ModelFixture f;
  REQUIRE(dlc_model_num_functions(f.model) == 4);
  CHECK(std::string(dlc_function_name(dlc_model_function_at(f.model, 0))) ==
        "main");
  CHECK(dlc_model_function_at(f.model, 4) == nullptr);
  CHECK(dlc_model_function_at(nullptr, 0) == nullptr);
  CHECK(std::string(dlc_function_name(nullptr)).empty());
  const dlc_function *fn = nullptr;
  REQUIRE(dlc_model_find_function(f.model, "echo", &fn, &f.err) == DLC_OK);
  CHECK(fn == dlc_model_function_at(f.model, 2));
  CHECK(dlc_function_num_inputs(fn) == 2);
  CHECK(dlc_function_num_outputs(fn) == 1);
  dlc_tensor_info info;
  REQUIRE(dlc_function_output_info(fn, 0, &info, &f.err) == DLC_OK);
  CHECK(std::string(info.name) == "y");
  CHECK(info.shape[0] == -1);
  CHECK(std::string(info.dim_names[0]) == "batch");
  CHECK(info.dim_names[1] == nullptr);
  CHECK(dlc_model_find_function(f.model, "grad", &fn, &f.err) ==
        DLC_ERROR_INVALID_ARGUMENT);
  CHECK(fn == nullptr);
  CHECK(message(f.err) ==
        "the model has no function 'grad' (it has 'main', 'iota', 'echo', "
        "'twice')");
  // The shortcuts describe main.
  CHECK(dlc_model_num_inputs(f.model) == 3);
  REQUIRE(dlc_model_input_info(f.model, 2, &info, &f.err) == DLC_OK);
  CHECK(std::string(info.name) == "mask");
  CHECK(info.dim_names[0] == nullptr);
}

/// Runs iota(n) with runtime-allocated outputs.
dlc_status run_iota(const dlc_model *model, int64_t n, DLManagedTensor **out,
                    dlc_error *err) {
  const dlc_function *fn = nullptr;
  REQUIRE(dlc_model_find_function(model, "iota", &fn, err) == DLC_OK);
  DLTensor in = tensor(&n, dtype(kDLInt, 64), 0, nullptr);
  return dlc_function_run_alloc(fn, &in, 1, out, 1, err);
}

TEST_CASE("abi v2: a dynamic output is allocated by the run") {
  ModelFixture f;
  DLManagedTensor *out = nullptr;
  REQUIRE(run_iota(f.model, 5, &out, &f.err) == DLC_OK);
  REQUIRE(out != nullptr);
  const DLTensor &t = out->dl_tensor;
  CHECK(t.ndim == 1);
  CHECK(t.shape[0] == 5);
  CHECK(t.strides == nullptr);
  CHECK(t.device.device_type == kDLCPU);
  CHECK((uintptr_t)t.data % 64 == 0);
  for (int i = 0; i < 5; ++i)
    CHECK(static_cast<const float *>(t.data)[i] == (float)i);
  out->deleter(out);
  // An empty result.
  REQUIRE(run_iota(f.model, 0, &out, &f.err) == DLC_OK);
  CHECK(out->dl_tensor.shape[0] == 0);
  out->deleter(out);
}

TEST_CASE("abi v2: a failed run-time check returns a status and frees the "
          "run's memory") {
  ModelFixture f;
  dlc_runtime_release_thread_cache();
  DLManagedTensor *out = reinterpret_cast<DLManagedTensor *>(1);
  CHECK(run_iota(f.model, -3, &out, &f.err) == DLC_ERROR_SHAPE);
  CHECK(out == nullptr);
  CHECK(message(f.err) == "node 'iota': n is -3, expected at least 0");
  // The scratch block live at the failure went back to the allocator.
  CHECK(dlc_rt_thread_cache_stats().blocks == 1);
  // The thread runs normally afterwards, and reuses that block.
  REQUIRE(run_iota(f.model, 65536, &out, &f.err) == DLC_OK);
  CHECK(dlc_rt_thread_cache_stats().hits == 1);
  out->deleter(out);
}

TEST_CASE("abi v2: allocation failure is DLC_ERROR_OUT_OF_MEMORY") {
  ModelFixture f;
  DLManagedTensor *out = nullptr;
  CHECK(run_iota(f.model, INT64_C(1) << 60, &out, &f.err) ==
        DLC_ERROR_OUT_OF_MEMORY);
  CHECK(out == nullptr);
  CHECK(message(f.err).find("out of memory allocating a buffer of") == 0);
}

TEST_CASE("abi v2: static outputs allocated by the runtime") {
  ModelFixture f;
  FakeRun r;
  DLManagedTensor *out[2] = {nullptr, nullptr};
  REQUIRE(dlc_function_run_alloc(dlc_model_function_at(f.model, 0), r.inputs, 3,
                                 out, 2, &f.err) == DLC_OK);
  REQUIRE(out[0]->dl_tensor.ndim == 2);
  CHECK(out[0]->dl_tensor.shape[0] == 2);
  CHECK(out[0]->dl_tensor.shape[1] == 3);
  for (int i = 0; i < 6; ++i)
    CHECK(static_cast<const float *>(out[0]->dl_tensor.data)[i] ==
          r.x[i] + (float)r.scale);
  CHECK(*static_cast<const int64_t *>(out[1]->dl_tensor.data) == r.scale + 2);
  for (DLManagedTensor *t : out)
    t->deleter(t);
  CHECK(dlc_function_run_alloc(dlc_model_function_at(f.model, 0), r.inputs, 3,
                               nullptr, 2,
                               &f.err) == DLC_ERROR_INVALID_ARGUMENT);
}

struct EchoRun {
  float x[6] = {1, 2, 3, 4, 5, 6};
  float z[2] = {10, 20};
  int64_t x_shape[2] = {2, 3};
  int64_t z_shape[1] = {2};
  DLTensor inputs[2];
  EchoRun() {
    inputs[0] = tensor(x, dtype(kDLFloat, 32), 2, x_shape);
    inputs[1] = tensor(z, dtype(kDLFloat, 32), 1, z_shape);
  }
};

TEST_CASE("abi v2: named dims: output shapes without running, checks") {
  ModelFixture f;
  const dlc_function *echo = dlc_model_function_at(f.model, 2);
  const dlc_function *iota = dlc_model_function_at(f.model, 1);
  EchoRun r;
  int64_t shape[2] = {-7, -7};
  REQUIRE(dlc_function_output_shape(echo, r.inputs, 2, 0, shape, &f.err) ==
          DLC_OK);
  CHECK(shape[0] == 2);
  CHECK(shape[1] == 3);
  int64_t n = 4;
  DLTensor in = tensor(nullptr, dtype(kDLInt, 64), 0, nullptr);
  CHECK(dlc_function_output_shape(iota, &in, 1, 0, shape, &f.err) ==
        DLC_ERROR_UNSUPPORTED);
  CHECK(message(f.err) == "output 0 'v': dim 0 is not known before the "
                          "function runs (it is neither static nor named "
                          "after an input dim); run it to know");
  in.data = &n;
  CHECK(dlc_function_output_shape(iota, &in, 1, 1, shape, &f.err) ==
        DLC_ERROR_INVALID_ARGUMENT);

  // Two inputs' dims named 'batch' must agree.
  r.z_shape[0] = 1;
  CHECK(dlc_function_output_shape(echo, r.inputs, 2, 0, shape, &f.err) ==
        DLC_ERROR_INVALID_ARGUMENT);
  DLManagedTensor *out = nullptr;
  CHECK(dlc_function_run_alloc(echo, r.inputs, 2, &out, 1, &f.err) ==
        DLC_ERROR_INVALID_ARGUMENT);
  CHECK(out == nullptr);
  CHECK(message(f.err) == "input 1 'z': dim 0 ('batch') is 1, but input 0 "
                          "'x' has 2 in its dim 0 of that name");
}

TEST_CASE("abi v2: caller-allocated outputs of dynamic shape") {
  ModelFixture f;
  const dlc_function *echo = dlc_model_function_at(f.model, 2);
  EchoRun r;
  float y[6] = {};
  int64_t y_shape[2] = {2, 3};
  DLTensor out = tensor(y, dtype(kDLFloat, 32), 2, y_shape);
  REQUIRE(dlc_function_run(echo, r.inputs, 2, &out, 1, &f.err) == DLC_OK);
  CHECK(y[0] == 11);
  CHECK(y[5] == 26);
  // A caller tensor of another size is refused after the run.
  float small[3] = {};
  int64_t small_shape[2] = {1, 3};
  out = tensor(small, dtype(kDLFloat, 32), 2, small_shape);
  CHECK(dlc_function_run(echo, r.inputs, 2, &out, 1, &f.err) ==
        DLC_ERROR_SHAPE);
  CHECK(message(f.err) == "output 0 'y': dim 0 is 2 at run time, but the "
                          "caller's tensor has 1");
  CHECK(small[0] == 0);
}

TEST_CASE("abi v2: one buffer returned for two outputs is owned once") {
  ModelFixture f;
  const dlc_function *twice = nullptr;
  REQUIRE(dlc_model_find_function(f.model, "twice", &twice, &f.err) == DLC_OK);
  float x[3] = {1, 2, 3};
  int64_t shape[1] = {3};
  DLTensor in = tensor(x, dtype(kDLFloat, 32), 1, shape);
  DLManagedTensor *out[2] = {nullptr, nullptr};
  REQUIRE(dlc_function_run_alloc(twice, &in, 1, out, 2, &f.err) == DLC_OK);
  CHECK(out[0]->dl_tensor.data != out[1]->dl_tensor.data);
  for (DLManagedTensor *t : out) {
    CHECK(static_cast<const float *>(t->dl_tensor.data)[2] == 3);
    t->deleter(t); // each frees its own buffer, once
  }
  float a[3] = {}, b[3] = {};
  DLTensor outs[2] = {tensor(a, dtype(kDLFloat, 32), 1, shape),
                      tensor(b, dtype(kDLFloat, 32), 1, shape)};
  REQUIRE(dlc_function_run(twice, &in, 1, outs, 2, &f.err) == DLC_OK);
  CHECK(a[1] == 2);
  CHECK(b[1] == 2);
}
