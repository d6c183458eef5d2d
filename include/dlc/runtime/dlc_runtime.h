/*===- dlc_runtime.h - Public C ABI of models compiled by dlc ---*- C -*-===//
 *
 * Every model.so produced by `dlc compile` exports exactly these functions
 * (ABI version 2, see dlc_runtime_abi_version). Tensors are passed as DLPack
 * DLTensors (CPU memory, compact row-major).
 *
 * A model holds a table of functions: `main` (the ONNX graph) always, and
 * whatever else it was compiled with. Look one up by name, query its inputs
 * and outputs, and run it with outputs the caller allocates
 * (dlc_function_run) or the runtime allocates (dlc_function_run_alloc,
 * which returns DLPack DLManagedTensors: needed when an output's shape is
 * known only at run time). The dlc_model_* shortcuts act on `main`.
 *
 * All functions are thread-safe. A dlc_model is immutable after
 * dlc_model_open; several threads may run its functions concurrently. No
 * function aborts: each one validates its arguments and returns a status,
 * with a readable message in *err when err is not NULL. A run's own failures
 * (a run-time shape check, an allocation that fails) also come back as a
 * status; the run then leaves no memory allocated.
 *
 *===----------------------------------------------------------------------===*/
#ifndef DLC_RUNTIME_DLC_RUNTIME_H
#define DLC_RUNTIME_DLC_RUNTIME_H

#include <dlpack/dlpack.h>
#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#define DLC_API
#else
#define DLC_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
  DLC_OK = 0,
  DLC_ERROR_INVALID_ARGUMENT = 1,
  DLC_ERROR_OUT_OF_MEMORY = 2,
  DLC_ERROR_INTERNAL = 3,
  /* A run-time shape check of the model failed (the message names the ONNX
   * node and the sizes), or an output's shape differs from the caller's. */
  DLC_ERROR_SHAPE = 4,
  /* The model cannot answer the question without running (an output shape
   * that depends on tensor values). */
  DLC_ERROR_UNSUPPORTED = 5
} dlc_status;

/* The version of this ABI; a model.so reports its own through
 * dlc_runtime_abi_version(). */
#define DLC_ABI_VERSION 2

/* Filled with a NUL-terminated message when a call fails. May be NULL
 * everywhere. Left untouched on success. */
typedef struct {
  char message[512];
} dlc_error;

/* Opaque handle; immutable after dlc_model_open. */
typedef struct dlc_model dlc_model;

/* One function of a model's table; owned by the model. */
typedef struct dlc_function dlc_function;

/* Description of one input or output. All pointers stay valid until
 * dlc_model_close. shape[i] == -1 marks a dynamic dimension; dim_names[i] is
 * then its symbolic name from the ONNX file, or NULL when it has none (and
 * NULL for every static dim). Dims with the same name have the same size in
 * every run: the runtime checks it for inputs. */
typedef struct {
  const char *name;
  DLDataType dtype;
  int32_t ndim;
  const int64_t *shape;
  const char *const *dim_names;
} dlc_tensor_info;

/* DLPack 0.6 has no bool type code: dlc uses code 6 with bits 8. */
#define DLC_DTYPE_CODE_BOOL 6

/* Parses the metadata of the model compiled into this shared object. */
DLC_API dlc_status dlc_model_open(dlc_model **model, dlc_error *err);
/* Releases a model; NULL is ignored. */
DLC_API void dlc_model_close(dlc_model *model);

/* The function table, in the order the model lists it (`main` first). */
DLC_API size_t dlc_model_num_functions(const dlc_model *model);
/* The index-th function, or NULL when model is NULL or index out of range. */
DLC_API const dlc_function *dlc_model_function_at(const dlc_model *model,
                                                  size_t index);
/* Finds a function by name (e.g. "main"); DLC_ERROR_INVALID_ARGUMENT, with
 * the names the model has, when there is none. */
DLC_API dlc_status dlc_model_find_function(const dlc_model *model,
                                           const char *name,
                                           const dlc_function **function,
                                           dlc_error *err);

/* A function's name, or "" for NULL. */
DLC_API const char *dlc_function_name(const dlc_function *function);
/* Number of inputs / outputs; 0 for NULL. */
DLC_API size_t dlc_function_num_inputs(const dlc_function *function);
DLC_API size_t dlc_function_num_outputs(const dlc_function *function);
DLC_API dlc_status dlc_function_input_info(const dlc_function *function,
                                           size_t index, dlc_tensor_info *info,
                                           dlc_error *err);
DLC_API dlc_status dlc_function_output_info(const dlc_function *function,
                                            size_t index, dlc_tensor_info *info,
                                            dlc_error *err);

/* Computes the shape of output `index` from the inputs' shapes, without
 * running: only their ndim and shape are read (data may be NULL), and
 * they are checked as for a run. shape receives the output's ndim dims.
 * DLC_ERROR_UNSUPPORTED when a dim is neither static nor named after a dim
 * of an input (dlc does not record how it follows from them). */
DLC_API dlc_status dlc_function_output_shape(const dlc_function *function,
                                             const DLTensor *inputs,
                                             size_t num_inputs, size_t index,
                                             int64_t *shape, dlc_error *err);

/* Runs a function into outputs the caller allocated: each must have the
 * output's dtype and rank, its static dims, and for dynamic dims the sizes
 * the run produces (else DLC_ERROR_SHAPE, outputs unspecified). Strides
 * must be NULL or compact row-major; outputs must not overlap inputs (the
 * model writes them in place while it still reads its inputs). */
DLC_API dlc_status dlc_function_run(const dlc_function *function,
                                    const DLTensor *inputs, size_t num_inputs,
                                    DLTensor *outputs, size_t num_outputs,
                                    dlc_error *err);

/* Runs a function into outputs the runtime allocates: on success
 * outputs[i] is a DLManagedTensor (CPU, compact, 64-byte aligned data) that
 * the caller releases with outputs[i]->deleter(outputs[i]), on any thread,
 * before unloading the model.so. On failure every outputs[i] is NULL. */
DLC_API dlc_status dlc_function_run_alloc(const dlc_function *function,
                                          const DLTensor *inputs,
                                          size_t num_inputs,
                                          DLManagedTensor **outputs,
                                          size_t num_outputs, dlc_error *err);

/* Shortcuts for the function `main`. Number of inputs / outputs; 0 for
 * NULL. */
DLC_API size_t dlc_model_num_inputs(const dlc_model *model);
DLC_API size_t dlc_model_num_outputs(const dlc_model *model);

DLC_API dlc_status dlc_model_input_info(const dlc_model *model, size_t index,
                                        dlc_tensor_info *info, dlc_error *err);
DLC_API dlc_status dlc_model_output_info(const dlc_model *model, size_t index,
                                         dlc_tensor_info *info, dlc_error *err);

/* dlc_function_run of `main`. */
DLC_API dlc_status dlc_model_run(const dlc_model *model, const DLTensor *inputs,
                                 size_t num_inputs, DLTensor *outputs,
                                 size_t num_outputs, dlc_error *err);

/* Memory: each thread that runs a model keeps the large intermediate
 * buffers (64 KiB and more) the run freed, up to 32 blocks and 256 MiB per
 * thread (per model.so loaded), so that its next runs reuse them instead of
 * mapping and page-faulting fresh memory. They are freed when the thread
 * exits, or by this call: for long-lived threads that stop running models.
 * Only the calling thread's buffers are freed; any thread may call it at
 * any time (a later run simply allocates again). Unloading the model.so
 * (dlclose) frees the unloading thread's buffers but not those of other
 * threads still alive: have them call this first. */
DLC_API void dlc_runtime_release_thread_cache(void);

/* dlc's version, e.g. "0.2.0" */
DLC_API const char *dlc_runtime_version(void);
/* DLC_ABI_VERSION of the runtime linked into this model.so. */
DLC_API int dlc_runtime_abi_version(void);
/* A static string naming the status, e.g. "DLC_ERROR_INVALID_ARGUMENT". */
DLC_API const char *dlc_status_string(dlc_status status);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* DLC_RUNTIME_DLC_RUNTIME_H */
