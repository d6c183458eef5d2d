/*===- model.c - Public C ABI: open, query and run a model -----*- C -*-===//
 *
 * The compiled model object linked into the same model.so defines
 * dlc_model_metadata (see metadata.c), the pack table
 * dlc_model_pack_table / dlc_model_pack_count (see dlc_pack_source in
 * dlc_kernels.h) and
 *
 *   void dlc_model_entry(void **args, void *const *packed);
 *
 * args holds one MLIR memref descriptor per input and then per output:
 *
 *   struct { void *allocated; void *aligned; int64_t offset;
 *            int64_t sizes[rank]; int64_t strides[rank]; }
 *
 * and packed[i] is the packed form of pack table entry i, which the entry
 * hands to dlc_rt_sgemm_packed.
 *
 * dlc_model_open parses the metadata and packs every table entry once (for
 * the ISA detected then); the model owns the packed forms until
 * dlc_model_close. dlc_model_run validates the caller's DLTensors against
 * the metadata, fills the descriptors (per call: on the stack, or
 * dlc_rt_alloc for many/large ranks) and calls the entry. Runs only read
 * the model (packed forms included), so concurrent runs are safe.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(void *) == sizeof(int64_t),
               "memref descriptors are laid out for 64-bit targets");

/* Defined by the compiled model object. Declared hidden so that the
 * references bind inside model.so whatever visibility the definitions
 * have. */
extern const char dlc_model_metadata[] __attribute__((visibility("hidden")));
extern const dlc_pack_source dlc_model_pack_table[]
    __attribute__((visibility("hidden")));
extern const int64_t dlc_model_pack_count __attribute__((visibility("hidden")));
extern void dlc_model_entry(void **args, void *const *packed)
    __attribute__((visibility("hidden")));

/* Longest name quoted in an error message. */
#define NAME_MAX_IN_MESSAGE 128

const char *dlc_runtime_version(void) { return "0.1.0"; }

const char *dlc_status_string(dlc_status status) {
  switch (status) {
  case DLC_OK:
    return "DLC_OK";
  case DLC_ERROR_INVALID_ARGUMENT:
    return "DLC_ERROR_INVALID_ARGUMENT";
  case DLC_ERROR_OUT_OF_MEMORY:
    return "DLC_ERROR_OUT_OF_MEMORY";
  case DLC_ERROR_INTERNAL:
    return "DLC_ERROR_INTERNAL";
  }
  return "DLC_ERROR_UNKNOWN";
}

dlc_status dlc_model_open(dlc_model **model, dlc_error *err) {
  return dlc_model_open_impl(dlc_model_metadata, dlc_model_pack_table,
                             dlc_model_pack_count, model, err);
}

dlc_status dlc_model_open_impl(const char *metadata,
                               const dlc_pack_source *table, int64_t count,
                               dlc_model **model, dlc_error *err) {
  dlc_status st = dlc_parse_metadata(metadata, model, err);
  if (st != DLC_OK)
    return st;
  dlc_model *m = *model;
  *model = NULL;
  if (count < 0 || (count > 0 && !table)) {
    dlc_free_model(m);
    return dlc_fail(err, DLC_ERROR_INTERNAL,
                    "malformed model pack table (%lld entries%s)",
                    (long long)count, table ? "" : ", NULL table");
  }
  for (int64_t i = 0; i < count; ++i) {
    const dlc_pack_source *e = &table[i];
    if (e->k < 0 || e->n < 0 || (e->k > 0 && e->n > 0 && !e->data)) {
      dlc_free_model(m);
      return dlc_fail(err, DLC_ERROR_INTERNAL,
                      "malformed model pack table entry %lld (%lld x %lld%s)",
                      (long long)i, (long long)e->k, (long long)e->n,
                      e->data ? "" : ", NULL data");
    }
  }
  /* At least one slot, so that the entry always gets a valid array. */
  size_t slots = count > 0 ? (size_t)count : 1;
  if ((uint64_t)count > SIZE_MAX / sizeof(void *) ||
      !(m->packed = (void **)calloc(slots, sizeof(void *)))) {
    dlc_free_model(m);
    return dlc_fail(err, DLC_ERROR_OUT_OF_MEMORY,
                    "out of memory allocating %lld packed weights",
                    (long long)count);
  }
  dlc_isa isa = dlc_rt_detect_isa();
  for (int64_t i = 0; i < count; ++i) {
    m->packed[i] = dlc_rt_pack_b_isa(isa, &table[i]);
    if (!m->packed[i]) {
      const dlc_pack_source *e = &table[i];
      dlc_free_model(m); /* frees the i forms packed so far */
      return dlc_fail(err, DLC_ERROR_OUT_OF_MEMORY,
                      "out of memory packing weight %lld (%lld x %lld)",
                      (long long)i, (long long)e->k, (long long)e->n);
    }
    m->num_packed = i + 1;
  }
  *model = m;
  return DLC_OK;
}

void dlc_model_close(dlc_model *model) { dlc_free_model(model); }

size_t dlc_model_num_inputs(const dlc_model *model) {
  return model ? model->num_inputs : 0;
}

size_t dlc_model_num_outputs(const dlc_model *model) {
  return model ? model->num_outputs : 0;
}

static dlc_status get_info(const dlc_model *model, int output, size_t index,
                           dlc_tensor_info *info, dlc_error *err) {
  const char *kind = output ? "output" : "input";
  if (!model)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT, "model is NULL");
  if (!info)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT, "info is NULL");
  size_t count = output ? model->num_outputs : model->num_inputs;
  if (index >= count)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT,
                    "%s index %zu is out of range (the model has %zu %ss)",
                    kind, index, count, kind);
  *info = model->tensors[(output ? model->num_inputs : 0) + index];
  return DLC_OK;
}

dlc_status dlc_model_input_info(const dlc_model *model, size_t index,
                                dlc_tensor_info *info, dlc_error *err) {
  return get_info(model, 0, index, info, err);
}

dlc_status dlc_model_output_info(const dlc_model *model, size_t index,
                                 dlc_tensor_info *info, dlc_error *err) {
  return get_info(model, 1, index, info, err);
}

/* Identifies a tensor in messages: "input 0 'x'". */
typedef struct {
  const char *kind;
  size_t index;
  const char *name;
} tensor_ref;

#define REF_FMT "%s %zu '%.*s'"
#define REF_ARGS(r) (r).kind, (r).index, NAME_MAX_IN_MESSAGE, (r).name

/* Checks one caller tensor against its metadata; on success stores the
 * element count in *numel. */
static dlc_status check_tensor(const dlc_tensor_info *info, const DLTensor *t,
                               tensor_ref ref, int is_output, int64_t *numel,
                               dlc_error *err) {
  if (is_output) {
    for (int32_t d = 0; d < info->ndim; ++d)
      if (info->shape[d] < 0)
        return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT,
                        REF_FMT ": dynamic output shapes are not supported "
                                "yet",
                        REF_ARGS(ref));
  }
  if (t->device.device_type != kDLCPU)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT,
                    REF_FMT ": expected a CPU tensor (device type %d), got "
                            "device type %d",
                    REF_ARGS(ref), (int)kDLCPU, (int)t->device.device_type);
  if (t->dtype.code != info->dtype.code || t->dtype.bits != info->dtype.bits ||
      t->dtype.lanes != info->dtype.lanes) {
    char want[64], got[64];
    dlc_dtype_name(info->dtype, want, sizeof(want));
    dlc_dtype_name(t->dtype, got, sizeof(got));
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT,
                    REF_FMT ": expected dtype %s, got %s", REF_ARGS(ref), want,
                    got);
  }
  if (t->ndim != info->ndim)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT,
                    REF_FMT ": expected rank %d, got %d", REF_ARGS(ref),
                    (int)info->ndim, (int)t->ndim);
  if (t->ndim > 0 && !t->shape)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT, REF_FMT ": shape is NULL",
                    REF_ARGS(ref));

  int64_t elem_bytes = (info->dtype.bits + 7) / 8;
  int empty = 0;
  for (int32_t d = 0; d < t->ndim; ++d) {
    int64_t dim = t->shape[d];
    if (dim < 0)
      return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT,
                      REF_FMT ": dim %d is %lld (negative)", REF_ARGS(ref),
                      (int)d, (long long)dim);
    if (info->shape[d] >= 0 && dim != info->shape[d])
      return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT,
                      REF_FMT ": dim %d is %lld, expected %lld", REF_ARGS(ref),
                      (int)d, (long long)dim, (long long)info->shape[d]);
    if (dim == 0)
      empty = 1;
  }
  int64_t count = empty ? 0 : 1;
  for (int32_t d = 0; d < t->ndim && count > 0; ++d) {
    if (count > INT64_MAX / elem_bytes / t->shape[d])
      return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT,
                      REF_FMT ": tensor is too large to address",
                      REF_ARGS(ref));
    count *= t->shape[d];
  }

  if (t->strides && count > 0) {
    int64_t expected = 1;
    for (int32_t d = t->ndim - 1; d >= 0; --d) {
      /* The stride of a size-1 dim never matters. */
      if (t->shape[d] != 1 && t->strides[d] != expected)
        return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT,
                        REF_FMT ": strides are not compact row-major (dim %d "
                                "has stride %lld, expected %lld)",
                        REF_ARGS(ref), (int)d, (long long)t->strides[d],
                        (long long)expected);
      expected *= t->shape[d];
    }
  }
  if (count > 0 && !t->data)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT, REF_FMT ": data is NULL",
                    REF_ARGS(ref));
  if (count > 0 &&
      ((uintptr_t)t->data + (uintptr_t)t->byte_offset) % (uintptr_t)elem_bytes)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT,
                    REF_FMT ": data is not aligned to %lld bytes",
                    REF_ARGS(ref), (long long)elem_bytes);
  *numel = count;
  return DLC_OK;
}

/* Descriptor words (8 bytes each) for a tensor of rank r. */
static size_t descriptor_words(int32_t rank) { return 3 + 2 * (size_t)rank; }

/* Writes a descriptor for t (already validated) at words. */
static void fill_descriptor(int64_t *words, const DLTensor *t) {
  void *base = t->data ? (char *)t->data + t->byte_offset : NULL;
  memcpy(&words[0], &base, sizeof(base)); /* allocated */
  memcpy(&words[1], &base, sizeof(base)); /* aligned */
  words[2] = 0;                           /* offset */
  int64_t *sizes = words + 3;
  int64_t *strides = sizes + t->ndim;
  /* Unsigned: for an empty tensor the product of the other dims may exceed
   * int64 (and its strides are never used). */
  uint64_t stride = 1;
  for (int32_t d = t->ndim - 1; d >= 0; --d) {
    sizes[d] = t->shape[d];
    strides[d] = (int64_t)stride;
    stride *= (uint64_t)t->shape[d];
  }
}

/* Per-call storage that fits most models without touching the heap. */
#define STACK_WORDS 512
#define STACK_ARGS 64

dlc_status dlc_model_run(const dlc_model *model, const DLTensor *inputs,
                         size_t num_inputs, DLTensor *outputs,
                         size_t num_outputs, dlc_error *err) {
  return dlc_model_run_impl(model, inputs, num_inputs, outputs, num_outputs,
                            STACK_WORDS, err);
}

dlc_status dlc_model_run_impl(const dlc_model *model, const DLTensor *inputs,
                              size_t num_inputs, DLTensor *outputs,
                              size_t num_outputs, size_t stack_words,
                              dlc_error *err) {
  if (!model)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT, "model is NULL");
  if (num_inputs != model->num_inputs)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT,
                    "expected %zu inputs, got %zu", model->num_inputs,
                    num_inputs);
  if (num_outputs != model->num_outputs)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT,
                    "expected %zu outputs, got %zu", model->num_outputs,
                    num_outputs);
  if (num_inputs > 0 && !inputs)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT, "inputs array is NULL");
  if (num_outputs > 0 && !outputs)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT, "outputs array is NULL");

  size_t total = num_inputs + num_outputs;
  size_t words = 0;
  for (size_t i = 0; i < total; ++i) {
    int is_output = i >= num_inputs;
    const DLTensor *t = is_output ? &outputs[i - num_inputs] : &inputs[i];
    const dlc_tensor_info *info = &model->tensors[i];
    tensor_ref ref = {is_output ? "output" : "input",
                      is_output ? i - num_inputs : i, info->name};
    int64_t numel;
    dlc_status st = check_tensor(info, t, ref, is_output, &numel, err);
    if (st != DLC_OK)
      return st;
    words += descriptor_words(t->ndim);
  }

  if (!model->packed) /* parsed by dlc_parse_metadata alone (tests) */
    return dlc_fail(err, DLC_ERROR_INTERNAL,
                    "model was not opened by dlc_model_open (no packed "
                    "weights)");

  int64_t stack_desc[STACK_WORDS];
  void *stack_args[STACK_ARGS];
  int64_t *desc = stack_desc;
  void **args = stack_args;
  void *heap = NULL;
  if (words > stack_words || words > STACK_WORDS || total > STACK_ARGS) {
    heap = dlc_rt_alloc(words * sizeof(int64_t) + total * sizeof(void *));
    if (!heap)
      return dlc_fail(err, DLC_ERROR_OUT_OF_MEMORY,
                      "out of memory allocating %zu tensor descriptors", total);
    desc = (int64_t *)heap;
    args = (void **)(desc + words);
  }
  size_t at = 0;
  for (size_t i = 0; i < total; ++i) {
    const DLTensor *t = i >= num_inputs ? &outputs[i - num_inputs] : &inputs[i];
    fill_descriptor(desc + at, t);
    args[i] = desc + at;
    at += descriptor_words(t->ndim);
  }
  dlc_model_entry(args, (void *const *)model->packed);
  dlc_rt_free(heap);
  return DLC_OK;
}
