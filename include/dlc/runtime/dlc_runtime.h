/*===- dlc_runtime.h - Public C ABI of models compiled by dlc ---*- C -*-===//
 *
 * Every model.so produced by `dlc compile` exports exactly these functions.
 * Tensors are passed as DLPack DLTensors (CPU memory, compact row-major).
 *
 * All functions are thread-safe. A dlc_model is immutable after
 * dlc_model_open; several threads may call dlc_model_run on the same model
 * concurrently. No function aborts on bad input: each one validates its
 * arguments and returns a status, with a readable message in *err when err
 * is not NULL.
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
  DLC_ERROR_INTERNAL = 3
} dlc_status;

/* Filled with a NUL-terminated message when a call fails. May be NULL
 * everywhere. Left untouched on success. */
typedef struct {
  char message[512];
} dlc_error;

/* Opaque handle; immutable after dlc_model_open. */
typedef struct dlc_model dlc_model;

/* Description of one model input or output. All pointers stay valid until
 * dlc_model_close. shape[i] == -1 marks a dynamic dimension. */
typedef struct {
  const char *name;
  DLDataType dtype;
  int32_t ndim;
  const int64_t *shape;
} dlc_tensor_info;

/* DLPack 0.6 has no bool type code: dlc uses code 6 with bits 8. */
#define DLC_DTYPE_CODE_BOOL 6

/* Parses the metadata of the model compiled into this shared object. */
DLC_API dlc_status dlc_model_open(dlc_model **model, dlc_error *err);
/* Releases a model; NULL is ignored. */
DLC_API void dlc_model_close(dlc_model *model);

/* Number of inputs / outputs; 0 for NULL. */
DLC_API size_t dlc_model_num_inputs(const dlc_model *model);
DLC_API size_t dlc_model_num_outputs(const dlc_model *model);

DLC_API dlc_status dlc_model_input_info(const dlc_model *model, size_t index,
                                        dlc_tensor_info *info, dlc_error *err);
DLC_API dlc_status dlc_model_output_info(const dlc_model *model, size_t index,
                                         dlc_tensor_info *info, dlc_error *err);

/* Runs the model. The caller owns all memory: outputs must point at buffers
 * of the right dtype and shape, which the model fills. Strides must be NULL
 * or compact row-major. */
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

/* "0.1.0" */
DLC_API const char *dlc_runtime_version(void);
/* A static string naming the status, e.g. "DLC_ERROR_INVALID_ARGUMENT". */
DLC_API const char *dlc_status_string(dlc_status status);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* DLC_RUNTIME_DLC_RUNTIME_H */
