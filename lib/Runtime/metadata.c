/*===- metadata.c - Parser for the model metadata blob ---------*- C -*-===//
 *
 * The compiler embeds a NUL-terminated text blob in every model, listing
 * its functions in the order of its entry table (at least one):
 *
 *   dlc-model 2
 *   function <name_len> <name_bytes>
 *   inputs <N>
 *   <name_len> <name_bytes> <dtype_code> <dtype_bits> <ndim> <d0> <d1> ...
 *   ...
 *   outputs <M>
 *   <same line format>
 *   function ...
 *
 * Tokens are separated by single spaces and lines by '\n'. A name is
 * exactly name_len raw bytes (spaces allowed, NUL not). dtype_code is
 * DLPack's, plus DLC_DTYPE_CODE_BOOL (bits 8). A dim is an int64 >= 0,
 * -1 for a dynamic one without a name, or `?<len>:<name_bytes>` for a
 * dynamic one with a symbolic name (len >= 1). Function names are unique.
 * The parser never trusts the blob: any deviation gives
 * DLC_ERROR_INVALID_ARGUMENT with the line number.
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

dlc_status dlc_fail(dlc_error *err, dlc_status status, const char *fmt, ...) {
  if (err) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof(err->message), fmt, ap);
    va_end(ap);
  }
  return status;
}

void dlc_dtype_name(DLDataType dtype, char *buf, size_t size) {
  const char *base = NULL;
  switch (dtype.code) {
  case kDLInt:
    base = "int";
    break;
  case kDLUInt:
    base = "uint";
    break;
  case kDLFloat:
    base = "float";
    break;
  case kDLBfloat:
    base = "bfloat";
    break;
  case DLC_DTYPE_CODE_BOOL:
    if (dtype.bits == 8 && dtype.lanes == 1) {
      snprintf(buf, size, "bool");
      return;
    }
    base = "bool";
    break;
  default:
    break;
  }
  if (base && dtype.lanes == 1)
    snprintf(buf, size, "%s%u", base, (unsigned)dtype.bits);
  else if (base)
    snprintf(buf, size, "%s%ux%u", base, (unsigned)dtype.bits,
             (unsigned)dtype.lanes);
  else
    snprintf(buf, size, "dtype(code=%u, bits=%u, lanes=%u)",
             (unsigned)dtype.code, (unsigned)dtype.bits, (unsigned)dtype.lanes);
}

/* dlc_tensor_info exposes const pointers; the runtime owns the memory. */
static void free_const(const void *p) { free((void *)(uintptr_t)p); }

static void free_tensors(dlc_tensor_info *tensors, size_t n) {
  if (!tensors)
    return;
  for (size_t i = 0; i < n; ++i) {
    free_const(tensors[i].name);
    free_const(tensors[i].shape);
    if (tensors[i].dim_names) {
      for (int32_t d = 0; d < tensors[i].ndim; ++d)
        free_const(tensors[i].dim_names[d]);
      free_const(tensors[i].dim_names);
    }
  }
  free(tensors);
}

static void free_function(dlc_function *f) {
  free(f->name);
  free_tensors(f->tensors, f->num_inputs + f->num_outputs);
}

void dlc_free_model(dlc_model *model) {
  if (!model)
    return;
  for (size_t i = 0; i < model->num_functions; ++i)
    free_function(&model->functions[i]);
  free(model->functions);
  if (model->packed) {
    for (int64_t i = 0; i < model->num_packed; ++i)
      dlc_rt_packed_b_free(model->packed[i]);
    free(model->packed);
  }
  free(model);
}

typedef struct {
  const char *p;   /* next unread byte */
  const char *end; /* the terminating NUL */
  int line;        /* 1-based, for messages */
  dlc_error *err;
} cursor;

static dlc_status syntax_error(cursor *c, const char *what) {
  return dlc_fail(c->err, DLC_ERROR_INVALID_ARGUMENT,
                  "malformed model metadata (line %d): %s", c->line, what);
}

static size_t remaining(const cursor *c) { return (size_t)(c->end - c->p); }

/* Consumes the literal lit; 0 when it is not there. */
static int eat(cursor *c, const char *lit) {
  size_t n = strlen(lit);
  if (remaining(c) < n || memcmp(c->p, lit, n) != 0)
    return 0;
  c->p += n;
  return 1;
}

/* Parses -?[0-9]+ into *v; 0 on a missing number or int64 overflow. */
static int parse_int(cursor *c, int64_t *v) {
  const char *p = c->p;
  int neg = 0;
  if (*p == '-') {
    neg = 1;
    ++p;
  }
  if (*p < '0' || *p > '9')
    return 0;
  /* Accumulate as a negative number so INT64_MIN is representable. */
  int64_t acc = 0;
  while (*p >= '0' && *p <= '9') {
    int digit = *p - '0';
    if (acc < (INT64_MIN + digit) / 10)
      return 0;
    acc = acc * 10 - digit;
    ++p;
  }
  if (!neg) {
    if (acc == INT64_MIN)
      return 0;
    acc = -acc;
  }
  *v = acc;
  c->p = p;
  return 1;
}

/* Consumes the end of a line: '\n', or the end of the blob. */
static int eat_eol(cursor *c) {
  if (*c->p == '\n') {
    ++c->p;
    ++c->line;
    return 1;
  }
  return *c->p == '\0';
}

static int valid_dtype(int64_t code, int64_t bits) {
  switch (code) {
  case kDLInt:
  case kDLUInt:
    return bits == 8 || bits == 16 || bits == 32 || bits == 64;
  case kDLFloat:
    return bits == 16 || bits == 32 || bits == 64;
  case kDLBfloat:
    return bits == 16;
  case DLC_DTYPE_CODE_BOOL:
    return bits == 8;
  default:
    return 0;
  }
}

static dlc_status out_of_memory(cursor *c) {
  return dlc_fail(c->err, DLC_ERROR_OUT_OF_MEMORY,
                  "out of memory while reading model metadata");
}

/* Parses "<len> <bytes>" (len >= min_len) into a new string in *name. */
static dlc_status parse_name(cursor *c, int64_t min_len, const char *sep,
                             char **name) {
  int64_t len;
  if (!parse_int(c, &len) || len < min_len)
    return syntax_error(c, "expected a name length");
  if (!eat(c, sep))
    return syntax_error(c, "expected a separator after the name length");
  /* remaining() stops at the first NUL, so a name cannot contain one. */
  if ((uint64_t)len > remaining(c))
    return syntax_error(c, "name runs past the end of the metadata");
  *name = (char *)malloc((size_t)len + 1);
  if (!*name)
    return out_of_memory(c);
  memcpy(*name, c->p, (size_t)len);
  (*name)[len] = '\0';
  c->p += len;
  return DLC_OK;
}

static dlc_status parse_tensor(cursor *c, dlc_tensor_info *info) {
  int64_t code, bits, ndim;
  char *name = NULL;
  dlc_status st = parse_name(c, 0, " ", &name);
  info->name = name;
  if (st != DLC_OK)
    return st;

  if (!eat(c, " ") || !parse_int(c, &code) || !eat(c, " ") ||
      !parse_int(c, &bits) || !eat(c, " "))
    return syntax_error(c, "expected ' <dtype_code> <dtype_bits> ' after "
                           "the name");
  if (!valid_dtype(code, bits))
    return syntax_error(c, "unsupported dtype code/bits");
  info->dtype.code = (uint8_t)code;
  info->dtype.bits = (uint8_t)bits;
  info->dtype.lanes = 1;

  if (!parse_int(c, &ndim) || ndim < 0)
    return syntax_error(c, "expected a rank >= 0");
  /* Each dim takes at least two bytes (" 1"): bounds the allocation. */
  if ((uint64_t)ndim > remaining(c) / 2 || ndim > INT32_MAX)
    return syntax_error(c, "rank is larger than the dims that follow");
  size_t slots = ndim > 0 ? (size_t)ndim : 1;
  int64_t *shape = (int64_t *)malloc(slots * sizeof(int64_t));
  info->shape = shape;
  const char **dim_names = (const char **)calloc(slots, sizeof(char *));
  info->dim_names = dim_names;
  if (!shape || !dim_names)
    return out_of_memory(c);
  info->ndim = (int32_t)ndim; /* dim_names past a failure stay NULL */
  for (int64_t d = 0; d < ndim; ++d) {
    if (!eat(c, " "))
      return syntax_error(c, "expected ' <dim>'");
    if (eat(c, "?")) {
      shape[d] = -1;
      char *dim_name = NULL;
      st = parse_name(c, 1, ":", &dim_name);
      dim_names[d] = dim_name;
      if (st != DLC_OK)
        return st;
      continue;
    }
    if (!parse_int(c, &shape[d]))
      return syntax_error(c, "expected ' <dim>'");
    if (shape[d] < -1)
      return syntax_error(c, "dims must be >= 0, or -1 for dynamic");
  }
  if (!eat_eol(c))
    return syntax_error(c, "unexpected text after the dims");
  return DLC_OK;
}

/* Parses "<keyword> <count>\n" followed by count tensor lines into
 * tensors[0..count); the array is allocated here. */
static dlc_status parse_section(cursor *c, const char *keyword,
                                dlc_tensor_info **tensors, size_t *count) {
  int64_t n;
  if (!eat(c, keyword) || !eat(c, " ") || !parse_int(c, &n) || n < 0 ||
      !eat_eol(c)) {
    char what[64];
    snprintf(what, sizeof(what), "expected '%s <count>'", keyword);
    return syntax_error(c, what);
  }
  /* A tensor line has at least 8 bytes ("0  2 32 0"): bounds the array. */
  if ((uint64_t)n > remaining(c) / 8)
    return syntax_error(c, "tensor count is larger than the lines that "
                           "follow");
  *tensors =
      (dlc_tensor_info *)calloc(n > 0 ? (size_t)n : 1, sizeof(dlc_tensor_info));
  if (!*tensors)
    return out_of_memory(c);
  *count = (size_t)n;
  for (int64_t i = 0; i < n; ++i) {
    dlc_status st = parse_tensor(c, &(*tensors)[i]);
    if (st != DLC_OK)
      return st;
  }
  return DLC_OK;
}

/* Parses one "function" block into *f (zeroed by the caller). */
static dlc_status parse_function(cursor *c, dlc_function *f) {
  if (!eat(c, "function "))
    return syntax_error(c, "expected 'function <name_len> <name>'");
  dlc_status st = parse_name(c, 1, " ", &f->name);
  if (st != DLC_OK)
    return st;
  if (!eat_eol(c))
    return syntax_error(c, "unexpected text after the function name");
  dlc_tensor_info *inputs = NULL, *outputs = NULL;
  size_t num_inputs = 0, num_outputs = 0;
  st = parse_section(c, "inputs", &inputs, &num_inputs);
  if (st == DLC_OK)
    st = parse_section(c, "outputs", &outputs, &num_outputs);
  size_t total = num_inputs + num_outputs;
  dlc_tensor_info *all =
      st == DLC_OK ? (dlc_tensor_info *)calloc(total > 0 ? total : 1,
                                               sizeof(dlc_tensor_info))
                   : NULL;
  if (st == DLC_OK && !all)
    st = out_of_memory(c);
  if (st != DLC_OK) {
    /* parse_section leaves partially filled arrays zeroed past the
     * failure point (calloc), so freeing every entry is safe. */
    free_tensors(inputs, num_inputs);
    free_tensors(outputs, num_outputs);
    return st;
  }
  if (num_inputs)
    memcpy(all, inputs, num_inputs * sizeof(dlc_tensor_info));
  if (num_outputs)
    memcpy(all + num_inputs, outputs, num_outputs * sizeof(dlc_tensor_info));
  /* Ownership of names and shapes moved into the function. */
  free(inputs);
  free(outputs);
  f->num_inputs = num_inputs;
  f->num_outputs = num_outputs;
  f->tensors = all;
  return DLC_OK;
}

dlc_status dlc_parse_metadata(const char *text, dlc_model **model,
                              dlc_error *err) {
  if (!model)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT,
                    "model output pointer is NULL");
  *model = NULL;
  if (!text)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT,
                    "model metadata is missing (NULL)");

  cursor c = {text, text + strlen(text), 1, err};
  int64_t version;
  if (!eat(&c, "dlc-model ") || !parse_int(&c, &version) || !eat_eol(&c))
    return syntax_error(&c, "expected 'dlc-model <version>'");
  if (version != DLC_ABI_VERSION)
    return dlc_fail(err, DLC_ERROR_INVALID_ARGUMENT,
                    "model metadata version %lld is not supported by this "
                    "runtime (version %d is)",
                    (long long)version, DLC_ABI_VERSION);

  dlc_model *m = (dlc_model *)calloc(1, sizeof(dlc_model));
  if (!m)
    return dlc_fail(err, DLC_ERROR_OUT_OF_MEMORY,
                    "out of memory while reading model metadata");
  dlc_status st = DLC_OK;
  size_t capacity = 0;
  do {
    if (m->num_functions == capacity) {
      size_t grown = capacity ? 2 * capacity : 1;
      dlc_function *fs =
          (dlc_function *)realloc(m->functions, grown * sizeof(dlc_function));
      if (!fs) {
        st = out_of_memory(&c);
        break;
      }
      m->functions = fs;
      capacity = grown;
    }
    dlc_function *f = &m->functions[m->num_functions];
    memset(f, 0, sizeof(*f));
    st = parse_function(&c, f);
    if (st != DLC_OK) {
      free_function(f);
      break;
    }
    f->model = m;
    for (size_t i = 0; i < m->num_functions; ++i)
      if (strcmp(m->functions[i].name, f->name) == 0) {
        st = syntax_error(&c, "a function name is listed twice");
        free_function(f);
        break;
      }
    if (st != DLC_OK)
      break;
    ++m->num_functions;
    while (*c.p == '\n') {
      ++c.p;
      ++c.line;
    }
  } while (*c.p != '\0');
  if (st != DLC_OK) {
    dlc_free_model(m);
    return st;
  }
  *model = m;
  return DLC_OK;
}
