/*===- model.c - Public C ABI: open, query and run a model -----*- C -*-===//
 *
 * The compiled model object linked into the same model.so defines
 * dlc_model_metadata (see metadata.c), the entry table
 * dlc_model_functions / dlc_model_function_count (one entry per function of
 * the metadata, in its order), the pack table dlc_model_pack_table /
 * dlc_model_pack_count (see dlc_pack_source in dlc_kernels.h). An entry is
 *
 *   void entry(void **args, void *const *packed);
 *
 * args holds one MLIR memref descriptor per input and then per output:
 *
 *   struct { void *allocated; void *aligned; int64_t offset;
 *            int64_t sizes[rank]; int64_t strides[rank]; }
 *
 * For an output of static shape the descriptor describes the buffer to
 * write (the caller's, or one the runtime allocated). For an output with a
 * dynamic dim, it is storage the entry fills with the buffer it returns:
 * compact row-major, allocated through the runtime's allocator hooks (free
 * it with dlc_rt_free(allocated)). packed[i] is the packed form of pack
 * table entry i, which the entry hands to dlc_rt_sgemm_packed. The entry
 * runs under dlc_rt_call: its failures unwind to it (see alloc.c).
 *
 * dlc_model_open parses the metadata, binds the entries and packs every
 * table entry once (for the ISA detected then); the model owns the packed
 * forms until dlc_model_close. A run validates the caller's DLTensors
 * against the metadata, fills the descriptors (per call: on the stack, or
 * dlc_rt_alloc for many/large ranks) and calls the entry. Runs only read
 * the model (packed forms included), so concurrent runs are safe.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

#include <stdint.h>
#include <stdio.h>
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
extern const dlc_entry_fn dlc_model_functions[]
    __attribute__((visibility("hidden")));
extern const int64_t dlc_model_function_count
    __attribute__((visibility("hidden")));

/* Longest name quoted in an error message. */
#define NAME_MAX_IN_MESSAGE 128

const char *dlc_runtime_version(void) { return DLC_VERSION; }

int dlc_runtime_abi_version(void) { return DLC_ABI_VERSION; }

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
  case DLC_ERROR_SHAPE:
    return "DLC_ERROR_SHAPE";
  case DLC_ERROR_UNSUPPORTED:
    return "DLC_ERROR_UNSUPPORTED";
  }
  return "DLC_ERROR_UNKNOWN";
}

dlc_status dlc_model_open(dlc_model **model, dlc_error *err) {
  return dlc_model_open_impl(dlc_model_metadata, dlc_model_functions,
                             dlc_model_function_count, dlc_model_pack_table,
                             dlc_model_pack_count, model, err);
}

dlc_status dlc_model_open_impl(const char *metadata,
                               const dlc_entry_fn *entries, int64_t num_entries,
                               const dlc_pack_source *table, int64_t count,
                               dlc_model **model, dlc_error *err) {
  dlc_status st = dlc_parse_metadata(metadata, model, err);
  if (st != DLC_OK)
    return st;
  dlc_model *m = *model;
  *model = NULL;
  if (num_entries < 0 || (uint64_t)num_entries != m->num_functions ||
      !entries) {
    size_t listed = m->num_functions;
    dlc_free_model(m);
    return dlc_fail(err, DLC_ERROR_INTERNAL,
                    "malformed model entry table (%lld entries for %zu "
                    "functions)",
                    (long long)num_entries, listed);
  }
  for (size_t i = 0; i < m->num_functions; ++i) {
    if (!entries[i]) {
      dlc_free_model(m);
      return dlc_fail(err, DLC_ERROR_INTERNAL,
                      "malformed model entry table (entry %zu is NULL)", i);
    }
    m->functions[i].entry = entries[i];
  }
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

size_t dlc_model_num_functions(const dlc_model *model) {
  return model ? model->num_functions : 0;
}

const dlc_function *dlc_model_function_at(const dlc_model *model,
                                          size_t index) {
  return model && index < model->num_functions ? &model->functions[index]
                                               : NULL;
}

dlc_status dlc_model_find_function(const dlc_model *model, const char *name,
                                   const dlc_function **function,
                                   dlc_error *err) {
  if (!model)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT, "model is NULL");
  if (!name)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT, "name is NULL");
  if (!function)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT, "function is NULL");
  *function = NULL;
  for (size_t i = 0; i < model->num_functions; ++i)
    if (strcmp(model->functions[i].name, name) == 0) {
      *function = &model->functions[i];
      return DLC_OK;
    }
  /* List the names the model has, as far as the message holds them. */
  char names[256] = "";
  size_t at = 0;
  for (size_t i = 0; i < model->num_functions && at < sizeof(names); ++i) {
    int n = snprintf(names + at, sizeof(names) - at, "%s'%.*s'", i ? ", " : "",
                     NAME_MAX_IN_MESSAGE, model->functions[i].name);
    if (n < 0)
      break;
    at += (size_t)n;
  }
  return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT,
                  "the model has no function '%.*s' (it has %s)",
                  NAME_MAX_IN_MESSAGE, name, names);
}

/* `main`: the first function of every model dlc compiles. */
static const dlc_function *main_function(const dlc_model *model) {
  return model && model->num_functions > 0 ? &model->functions[0] : NULL;
}

const char *dlc_function_name(const dlc_function *function) {
  return function ? function->name : "";
}

size_t dlc_function_num_inputs(const dlc_function *function) {
  return function ? function->num_inputs : 0;
}

size_t dlc_function_num_outputs(const dlc_function *function) {
  return function ? function->num_outputs : 0;
}

static dlc_status get_info(const dlc_function *function, int output,
                           size_t index, dlc_tensor_info *info,
                           dlc_error *err) {
  const char *kind = output ? "output" : "input";
  if (!function)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT, "function is NULL");
  if (!info)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT, "info is NULL");
  size_t count = output ? function->num_outputs : function->num_inputs;
  if (index >= count)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT,
                    "%s index %zu is out of range (function '%.*s' has %zu "
                    "%ss)",
                    kind, index, NAME_MAX_IN_MESSAGE, function->name, count,
                    kind);
  *info = function->tensors[(output ? function->num_inputs : 0) + index];
  return DLC_OK;
}

dlc_status dlc_function_input_info(const dlc_function *function, size_t index,
                                   dlc_tensor_info *info, dlc_error *err) {
  return get_info(function, 0, index, info, err);
}

dlc_status dlc_function_output_info(const dlc_function *function, size_t index,
                                    dlc_tensor_info *info, dlc_error *err) {
  return get_info(function, 1, index, info, err);
}

size_t dlc_model_num_inputs(const dlc_model *model) {
  return dlc_function_num_inputs(main_function(model));
}

size_t dlc_model_num_outputs(const dlc_model *model) {
  return dlc_function_num_outputs(main_function(model));
}

dlc_status dlc_model_input_info(const dlc_model *model, size_t index,
                                dlc_tensor_info *info, dlc_error *err) {
  if (!model)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT, "model is NULL");
  return get_info(main_function(model), 0, index, info, err);
}

dlc_status dlc_model_output_info(const dlc_model *model, size_t index,
                                 dlc_tensor_info *info, dlc_error *err) {
  if (!model)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT, "model is NULL");
  return get_info(main_function(model), 1, index, info, err);
}

/* Identifies a tensor in messages: "input 0 'x'". */
typedef struct {
  const char *kind;
  size_t index;
  const char *name;
} tensor_ref;

#define REF_FMT "%s %zu '%.*s'"
#define REF_ARGS(r) (r).kind, (r).index, NAME_MAX_IN_MESSAGE, (r).name

static int64_t element_bytes(DLDataType dtype) { return (dtype.bits + 7) / 8; }

/* Checks a caller's shape against the metadata: rank, every dim >= 0, the
 * static dims, and that the byte size is addressable; stores the element
 * count in *numel. */
static dlc_status check_shape(const dlc_tensor_info *info, const DLTensor *t,
                              tensor_ref ref, int64_t *numel, dlc_error *err) {
  if (t->ndim != info->ndim)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT,
                    REF_FMT ": expected rank %d, got %d", REF_ARGS(ref),
                    (int)info->ndim, (int)t->ndim);
  if (t->ndim > 0 && !t->shape)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT, REF_FMT ": shape is NULL",
                    REF_ARGS(ref));
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
  int64_t elem = element_bytes(info->dtype);
  for (int32_t d = 0; d < t->ndim && count > 0; ++d) {
    if (count > INT64_MAX / elem / t->shape[d])
      return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT,
                      REF_FMT ": tensor is too large to address",
                      REF_ARGS(ref));
    count *= t->shape[d];
  }
  *numel = count;
  return DLC_OK;
}

/* Checks one caller tensor (device, dtype, shape, strides, data) against
 * its metadata; dynamic dims of outputs are checked after the run. */
static dlc_status check_tensor(const dlc_tensor_info *info, const DLTensor *t,
                               tensor_ref ref, dlc_error *err) {
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
  int64_t count;
  dlc_status st = check_shape(info, t, ref, &count, err);
  if (st != DLC_OK)
    return st;
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
  int64_t elem = element_bytes(info->dtype);
  if (count > 0 && !t->data)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT, REF_FMT ": data is NULL",
                    REF_ARGS(ref));
  if (count > 0 &&
      ((uintptr_t)t->data + (uintptr_t)t->byte_offset) % (uintptr_t)elem)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT,
                    REF_FMT ": data is not aligned to %lld bytes",
                    REF_ARGS(ref), (long long)elem);
  return DLC_OK;
}

/* The input dim named `name`: its size, or -1 when no input has it. */
static int64_t named_input_dim(const dlc_function *f, const DLTensor *inputs,
                               const char *name, tensor_ref *where, int *dim) {
  for (size_t i = 0; i < f->num_inputs; ++i) {
    const dlc_tensor_info *info = &f->tensors[i];
    for (int32_t d = 0; d < info->ndim; ++d)
      if (info->dim_names[d] && strcmp(info->dim_names[d], name) == 0) {
        if (where) {
          tensor_ref ref = {"input", i, info->name};
          *where = ref;
          *dim = d;
        }
        return inputs[i].shape[d];
      }
  }
  return -1;
}

/* Inputs' dims with the same symbolic name must have the same size. */
static dlc_status check_named_dims(const dlc_function *f,
                                   const DLTensor *inputs, dlc_error *err) {
  for (size_t i = 0; i < f->num_inputs; ++i) {
    const dlc_tensor_info *info = &f->tensors[i];
    for (int32_t d = 0; d < info->ndim; ++d) {
      const char *name = info->dim_names[d];
      if (!name)
        continue;
      tensor_ref first = {"input", 0, ""};
      int first_dim = 0;
      int64_t size = named_input_dim(f, inputs, name, &first, &first_dim);
      if (size != inputs[i].shape[d]) {
        tensor_ref ref = {"input", i, info->name};
        return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT,
                        REF_FMT ": dim %d ('%.*s') is %lld, but " REF_FMT
                                " has %lld in its dim %d of that name",
                        REF_ARGS(ref), (int)d, NAME_MAX_IN_MESSAGE, name,
                        (long long)inputs[i].shape[d], REF_ARGS(first),
                        (long long)size, first_dim);
      }
    }
  }
  return DLC_OK;
}

/* Validates counts and inputs of a run or shape query. */
static dlc_status check_inputs(const dlc_function *f, const DLTensor *inputs,
                               size_t num_inputs, int shapes_only,
                               dlc_error *err) {
  if (!f)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT, "function is NULL");
  if (num_inputs != f->num_inputs)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT,
                    "expected %zu inputs, got %zu", f->num_inputs, num_inputs);
  if (num_inputs > 0 && !inputs)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT, "inputs array is NULL");
  for (size_t i = 0; i < num_inputs; ++i) {
    tensor_ref ref = {"input", i, f->tensors[i].name};
    int64_t numel;
    dlc_status st =
        shapes_only ? check_shape(&f->tensors[i], &inputs[i], ref, &numel, err)
                    : check_tensor(&f->tensors[i], &inputs[i], ref, err);
    if (st != DLC_OK)
      return st;
  }
  return check_named_dims(f, inputs, err);
}

static int has_dynamic_dim(const dlc_tensor_info *info) {
  for (int32_t d = 0; d < info->ndim; ++d)
    if (info->shape[d] < 0)
      return 1;
  return 0;
}

dlc_status dlc_function_output_shape(const dlc_function *function,
                                     const DLTensor *inputs, size_t num_inputs,
                                     size_t index, int64_t *shape,
                                     dlc_error *err) {
  dlc_status st = check_inputs(function, inputs, num_inputs, 1, err);
  if (st != DLC_OK)
    return st;
  if (index >= function->num_outputs)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT,
                    "output index %zu is out of range (function '%.*s' has "
                    "%zu outputs)",
                    index, NAME_MAX_IN_MESSAGE, function->name,
                    function->num_outputs);
  const dlc_tensor_info *info =
      &function->tensors[function->num_inputs + index];
  if (info->ndim > 0 && !shape)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT, "shape is NULL");
  for (int32_t d = 0; d < info->ndim; ++d) {
    int64_t size = info->shape[d];
    if (size < 0 && info->dim_names[d])
      size = named_input_dim(function, inputs, info->dim_names[d], NULL, NULL);
    if (size < 0) {
      tensor_ref ref = {"output", index, info->name};
      return dlc_fail(err, DLC_ERROR_UNSUPPORTED,
                      REF_FMT ": dim %d is not known before the function "
                              "runs (it is neither static nor named after an "
                              "input dim); run it to know",
                      REF_ARGS(ref), (int)d);
    }
    shape[d] = size;
  }
  return DLC_OK;
}

/* Descriptor words (8 bytes each) for a tensor of rank r. */
static size_t descriptor_words(int32_t rank) { return 3 + 2 * (size_t)rank; }

/* Writes a compact row-major descriptor of rank ndim for data at words. */
static void fill_descriptor(int64_t *words, void *data, int32_t ndim,
                            const int64_t *shape) {
  memcpy(&words[0], &data, sizeof(data)); /* allocated */
  memcpy(&words[1], &data, sizeof(data)); /* aligned */
  words[2] = 0;                           /* offset */
  int64_t *sizes = words + 3;
  int64_t *strides = sizes + ndim;
  /* Unsigned: for an empty tensor the product of the other dims may exceed
   * int64 (and its strides are never used). */
  uint64_t stride = 1;
  for (int32_t d = ndim - 1; d >= 0; --d) {
    sizes[d] = shape[d];
    strides[d] = (int64_t)stride;
    stride *= (uint64_t)shape[d];
  }
}

/* A returned (dynamic) output: the entry filled its descriptor. */
typedef struct {
  void *allocated;
  char *data;
  const int64_t *sizes;
} returned_buffer;

static returned_buffer read_returned(const int64_t *words,
                                     const dlc_tensor_info *info) {
  returned_buffer r;
  void *aligned;
  memcpy(&r.allocated, &words[0], sizeof(void *));
  memcpy(&aligned, &words[1], sizeof(void *));
  r.data = (char *)aligned + words[2] * element_bytes(info->dtype);
  r.sizes = words + 3;
  return r;
}

/* The outputs a run allocates: a DLManagedTensor with its shape, and the
 * data buffer from the runtime's allocator. */
typedef struct {
  DLManagedTensor managed;
  void *buffer; /* dlc_rt_free(buffer) */
  int64_t shape[];
} managed_output;

static void delete_managed(DLManagedTensor *self) {
  if (!self)
    return;
  managed_output *m = (managed_output *)self->manager_ctx;
  dlc_rt_free(m->buffer);
  free(m);
}

static DLManagedTensor *wrap_output(const dlc_tensor_info *info, void *buffer,
                                    void *data, const int64_t *sizes) {
  managed_output *m = (managed_output *)malloc(
      sizeof(managed_output) +
      (info->ndim > 0 ? (size_t)info->ndim : 1) * sizeof(int64_t));
  if (!m)
    return NULL;
  memset(&m->managed, 0, sizeof(m->managed));
  m->buffer = buffer;
  for (int32_t d = 0; d < info->ndim; ++d)
    m->shape[d] = sizes[d];
  DLTensor *t = &m->managed.dl_tensor;
  t->data = data;
  t->device.device_type = kDLCPU;
  t->device.device_id = 0;
  t->ndim = info->ndim;
  t->dtype = info->dtype;
  t->shape = m->shape;
  t->strides = NULL;
  t->byte_offset = 0;
  m->managed.manager_ctx = m;
  m->managed.deleter = delete_managed;
  return &m->managed;
}

/* Checks a dynamic output the run returned: dims named after input dims
 * have their sizes, and in a caller-allocated run the caller's shape. */
static dlc_status check_returned(const dlc_function *f, const DLTensor *inputs,
                                 size_t index, const int64_t *sizes,
                                 const DLTensor *caller, dlc_error *err) {
  const dlc_tensor_info *info = &f->tensors[f->num_inputs + index];
  tensor_ref ref = {"output", index, info->name};
  int64_t numel = 1;
  for (int32_t d = 0; d < info->ndim; ++d) {
    if (sizes[d] < 0 || (info->shape[d] >= 0 && sizes[d] != info->shape[d]) ||
        (numel > 0 &&
         sizes[d] > INT64_MAX / element_bytes(info->dtype) / numel))
      return dlc_fail(err, DLC_ERROR_INTERNAL,
                      REF_FMT ": the model returned dim %d of size %lld",
                      REF_ARGS(ref), (int)d, (long long)sizes[d]);
    numel *= sizes[d];
  }
  for (int32_t d = 0; d < info->ndim; ++d) {
    const char *name = info->dim_names[d];
    int64_t named = name ? named_input_dim(f, inputs, name, NULL, NULL) : -1;
    if (named >= 0 && sizes[d] != named)
      return dlc_fail(err, DLC_ERROR_SHAPE,
                      REF_FMT ": dim %d ('%.*s') is %lld at run time, but the "
                              "inputs give %lld to that name",
                      REF_ARGS(ref), (int)d, NAME_MAX_IN_MESSAGE, name,
                      (long long)sizes[d], (long long)named);
    if (caller && caller->shape[d] != sizes[d])
      return dlc_fail(err, DLC_ERROR_SHAPE,
                      REF_FMT ": dim %d is %lld at run time, but the caller's "
                              "tensor has %lld",
                      REF_ARGS(ref), (int)d, (long long)sizes[d],
                      (long long)caller->shape[d]);
  }
  return DLC_OK;
}

/* The first dynamic output (index <= i) whose returned buffer is
 * allocated. */
static size_t first_owner(void **args, const dlc_tensor_info *out_info,
                          size_t num_inputs, size_t i, const void *allocated) {
  for (size_t j = 0; j < i; ++j)
    if (has_dynamic_dim(&out_info[j]) &&
        read_returned((const int64_t *)args[num_inputs + j], &out_info[j])
                .allocated == allocated)
      return j;
  return i;
}

/* The bytes of a returned output of these sizes (checked by
 * check_returned not to overflow). */
static size_t returned_bytes(const dlc_tensor_info *info,
                             const int64_t *sizes) {
  int64_t numel = 1;
  for (int32_t d = 0; d < info->ndim; ++d)
    numel *= sizes[d];
  return (size_t)(numel * element_bytes(info->dtype));
}

/* Per-call storage that fits most models without touching the heap. */
#define STACK_WORDS 512
#define STACK_ARGS 64

dlc_status dlc_function_run(const dlc_function *function,
                            const DLTensor *inputs, size_t num_inputs,
                            DLTensor *outputs, size_t num_outputs,
                            dlc_error *err) {
  return dlc_function_run_impl(function, inputs, num_inputs, outputs, NULL,
                               num_outputs, STACK_WORDS, err);
}

dlc_status dlc_function_run_alloc(const dlc_function *function,
                                  const DLTensor *inputs, size_t num_inputs,
                                  DLManagedTensor **outputs, size_t num_outputs,
                                  dlc_error *err) {
  if (!outputs && num_outputs > 0)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT, "outputs array is NULL");
  return dlc_function_run_impl(function, inputs, num_inputs, NULL, outputs,
                               num_outputs, STACK_WORDS, err);
}

dlc_status dlc_model_run(const dlc_model *model, const DLTensor *inputs,
                         size_t num_inputs, DLTensor *outputs,
                         size_t num_outputs, dlc_error *err) {
  if (!model)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT, "model is NULL");
  return dlc_function_run(main_function(model), inputs, num_inputs, outputs,
                          num_outputs, err);
}

dlc_status dlc_function_run_impl(const dlc_function *f, const DLTensor *inputs,
                                 size_t num_inputs, DLTensor *outputs,
                                 DLManagedTensor **managed, size_t num_outputs,
                                 size_t stack_words, dlc_error *err) {
  if (managed)
    for (size_t i = 0; i < num_outputs; ++i)
      managed[i] = NULL;
  dlc_status st = check_inputs(f, inputs, num_inputs, 0, err);
  if (st != DLC_OK)
    return st;
  if (num_outputs != f->num_outputs)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT,
                    "expected %zu outputs, got %zu", f->num_outputs,
                    num_outputs);
  if (num_outputs > 0 && !outputs && !managed)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT, "outputs array is NULL");
  const dlc_tensor_info *out_info = f->tensors + num_inputs;
  size_t words = 0;
  for (size_t i = 0; i < num_inputs; ++i)
    words += descriptor_words(inputs[i].ndim);
  for (size_t i = 0; i < num_outputs; ++i) {
    if (outputs) {
      tensor_ref ref = {"output", i, out_info[i].name};
      st = check_tensor(&out_info[i], &outputs[i], ref, err);
      if (st != DLC_OK)
        return st;
    }
    words += descriptor_words(out_info[i].ndim);
  }
  if (!f->model->packed) /* parsed by dlc_parse_metadata alone (tests) */
    return dlc_fail(err, DLC_ERROR_INTERNAL,
                    "model was not opened by dlc_model_open (no packed "
                    "weights)");

  size_t total = num_inputs + num_outputs;
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
  for (size_t i = 0; i < num_inputs; ++i) {
    const DLTensor *t = &inputs[i];
    void *base = t->data ? (char *)t->data + t->byte_offset : NULL;
    fill_descriptor(desc + at, base, t->ndim, t->shape);
    args[i] = desc + at;
    at += descriptor_words(t->ndim);
  }
  /* Static outputs: the caller's buffers, or ones allocated here. */
  for (size_t i = 0; i < num_outputs && st == DLC_OK; ++i) {
    const dlc_tensor_info *info = &out_info[i];
    int64_t *slot = desc + at;
    args[num_inputs + i] = slot;
    at += descriptor_words(info->ndim);
    memset(slot, 0, descriptor_words(info->ndim) * sizeof(int64_t));
    if (has_dynamic_dim(info))
      continue;
    if (outputs) {
      const DLTensor *t = &outputs[i];
      void *base = t->data ? (char *)t->data + t->byte_offset : NULL;
      fill_descriptor(slot, base, info->ndim, info->shape);
      continue;
    }
    DLTensor shape_only = {NULL,
                           {kDLCPU, 0},
                           info->ndim,
                           info->dtype,
                           (int64_t *)(uintptr_t)info->shape,
                           NULL,
                           0};
    tensor_ref ref = {"output", i, info->name};
    int64_t numel;
    st = check_shape(info, &shape_only, ref, &numel, err);
    void *buffer =
        st == DLC_OK
            ? dlc_rt_alloc((size_t)(numel * element_bytes(info->dtype)))
            : NULL;
    if (st == DLC_OK && !buffer)
      st = dlc_fail(err, DLC_ERROR_OUT_OF_MEMORY,
                    REF_FMT ": out of memory allocating %lld bytes",
                    REF_ARGS(ref),
                    (long long)(numel * element_bytes(info->dtype)));
    if (st == DLC_OK) {
      managed[i] = wrap_output(info, buffer, buffer, info->shape);
      if (!managed[i]) {
        dlc_rt_free(buffer);
        st = dlc_fail(err, DLC_ERROR_OUT_OF_MEMORY,
                      "out of memory describing an output");
      }
    }
    if (st == DLC_OK)
      fill_descriptor(slot, buffer, info->ndim, info->shape);
  }
  if (st == DLC_OK)
    st = dlc_rt_call(f->entry, args, (void *const *)f->model->packed, err);

  /* Dynamic outputs: the buffers the entry returned, copied into the
   * caller's tensors or wrapped. A buffer returned for several outputs is
   * owned by its first: the others copy it (managed) or read it (caller's
   * tensors) before the last loop frees it. */
  int returned = st == DLC_OK;
  for (size_t i = 0; i < num_outputs && returned; ++i) {
    const dlc_tensor_info *info = &out_info[i];
    if (!has_dynamic_dim(info))
      continue;
    returned_buffer r =
        read_returned((const int64_t *)args[num_inputs + i], info);
    int owner = first_owner(args, out_info, num_inputs, i, r.allocated) == i;
    if (st == DLC_OK)
      st = check_returned(f, inputs, i, r.sizes, outputs ? &outputs[i] : NULL,
                          err);
    if (st != DLC_OK)
      continue;
    if (outputs) {
      size_t bytes = returned_bytes(info, r.sizes);
      if (bytes)
        memcpy((char *)outputs[i].data + outputs[i].byte_offset, r.data, bytes);
      continue;
    }
    void *buffer = r.allocated;
    char *data = r.data;
    if (!owner) {
      size_t bytes = returned_bytes(info, r.sizes);
      buffer = data = (char *)dlc_rt_alloc(bytes);
      if (!buffer) {
        st = dlc_fail(err, DLC_ERROR_OUT_OF_MEMORY,
                      "out of memory copying an output (%zu bytes)", bytes);
        continue;
      }
      if (bytes)
        memcpy(data, r.data, bytes);
    }
    managed[i] = wrap_output(info, buffer, data, r.sizes);
    if (managed[i])
      continue;
    if (!owner)
      dlc_rt_free(buffer);
    st = dlc_fail(err, DLC_ERROR_OUT_OF_MEMORY,
                  "out of memory describing an output");
  }
  /* Free what no managed tensor holds. */
  for (size_t i = 0; i < num_outputs && returned; ++i) {
    const dlc_tensor_info *info = &out_info[i];
    if (!has_dynamic_dim(info))
      continue;
    returned_buffer r =
        read_returned((const int64_t *)args[num_inputs + i], info);
    /* A managed tensor holds its buffer (freed by its deleter). */
    if (!(managed && managed[i]) &&
        first_owner(args, out_info, num_inputs, i, r.allocated) == i)
      dlc_rt_free(r.allocated);
  }
  if (st != DLC_OK && managed)
    for (size_t i = 0; i < num_outputs; ++i) {
      delete_managed(managed[i]);
      managed[i] = NULL;
    }
  dlc_rt_free(heap);
  return st;
}
