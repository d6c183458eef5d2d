/*===- alloc.c - Buffer allocation for compiled models ---------*- C -*-===//
 *
 * The compiled model lowers every buffer allocation to MLIR's generic
 * allocation hooks (finalize-memref-to-llvm use-generic-functions=true):
 *
 *   void *_mlir_memref_to_llvm_alloc(uint64_t size);
 *   void *_mlir_memref_to_llvm_aligned_alloc(uint64_t alignment,
 *                                            uint64_t size);
 *   void _mlir_memref_to_llvm_free(void *ptr);
 *
 * defined here (hidden). A model allocates the same intermediate buffers on
 * every run; served by malloc, the large ones (glibc mmaps them) are page
 * faulted in again each time. So freed large blocks go to a cache owned by
 * the calling thread, and the next allocation of a similar size on that
 * thread takes one back, already mapped.
 *
 * Every block starts with a header just below the pointer handed out (at
 * least 64-byte aligned): the block's capacity, the pointer malloc returned
 * and a tag telling live blocks from cached ones. Blocks of at least
 * DLC_ALLOC_CACHE_MIN_BLOCK bytes are cached on free; smaller ones go back to
 * malloc at once.
 *
 * The cache of a thread holds at most DLC_ALLOC_CACHE_MAX_BLOCKS blocks and
 * DLC_ALLOC_CACHE_MAX_BYTES bytes of capacity; freeing into a full cache
 * evicts the oldest blocks first. An allocation takes the smallest cached
 * block that fits (capacity at least the request and at most twice it,
 * alignment good), else mallocs a new one. A block freed on another thread
 * than the one that allocated it simply joins the freeing thread's cache.
 *
 * Runs. dlc_rt_call runs a compiled entry inside a run scope, recorded in
 * the thread's state: every block the generated code allocates meanwhile is
 * linked into the scope's list (and unlinked when freed). A failure inside
 * the run (an allocation the hooks cannot serve, a run-time shape check)
 * calls dlc_rt_raise, which longjmps back to dlc_rt_call; it frees the
 * blocks still linked and returns the status. Generated code holds no other
 * resources, so nothing leaks. When the entry returns, the blocks still
 * linked are the outputs it returned: they are detached and become the
 * caller's.
 *
 * The cache lives in thread-specific data (pthread_key_create, once), whose
 * destructor frees it when the thread exits; dlc_runtime_release_thread_cache
 * frees it earlier. No __thread: keep clear of TLS models in a dlopen()ed
 * object. When the object is unloaded (dlclose, or exit), the key is deleted
 * so that no destructor points into unmapped code: the unloading thread's
 * cache is freed, the caches of other live threads are then leaked,
 * allocations that still happen go straight to malloc, and a run that
 * starts then fails (it has no thread state to keep its scope in).
 *
 *===----------------------------------------------------------------------===*/
#include "internal.h"

#include <pthread.h>
#include <setjmp.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* "dlcblkL1" / "dlcblkC1": a live block, a block in a thread cache. */
#define TAG_LIVE UINT64_C(0x314c6b6c62636c64)
#define TAG_CACHED UINT64_C(0x31436b6c62636c64)

/* Large blocks are rounded up to this many bytes, so that requests that
 * differ by a little share blocks. */
#define LARGE_GRANULE ((size_t)4096)

/* Just below every pointer handed out. */
typedef struct block_header {
  uint64_t tag;
  size_t capacity; /* usable bytes from the pointer handed out */
  void *base;      /* what malloc returned: the block is free(base) */
  uint64_t stamp;  /* when it entered the cache (cached blocks only) */
  /* The run scope's list of live blocks; NULL when in none. */
  struct block_header *prev, *next;
} block_header;

_Static_assert(sizeof(block_header) % 16 == 0 &&
                   sizeof(block_header) <= DLC_ALLOC_MIN_ALIGN,
               "the header must keep the pointer handed out aligned");

/* The state of one dlc_rt_call on a thread. */
typedef struct run_scope {
  jmp_buf jump;
  block_header live; /* sentinel of the circular list of live blocks */
  dlc_status status;
  dlc_error *err;
} run_scope;

typedef struct {
  run_scope *run; /* the innermost dlc_rt_call on this thread, or NULL */
  size_t count;   /* blocks[0, count) are cached */
  size_t bytes;   /* sum of their capacities */
  uint64_t clock;
  uint64_t hits, misses; /* large allocations served from / not from it */
  block_header *blocks[DLC_ALLOC_CACHE_MAX_BLOCKS];
} thread_cache;

/* The only global state: the key of the per-thread caches. key_ready is 1
 * once the key exists and until the object is unloaded. */
static pthread_once_t key_once = PTHREAD_ONCE_INIT;
static pthread_key_t cache_key;
static atomic_int key_ready;

static void destroy_cache(void *value) {
  thread_cache *c = (thread_cache *)value;
  for (size_t i = 0; i < c->count; ++i) {
    block_header *h = c->blocks[i];
    h->tag = 0;
    free(h->base);
  }
  free(c);
}

static void make_key(void) {
  if (pthread_key_create(&cache_key, destroy_cache) == 0)
    atomic_store_explicit(&key_ready, 1, memory_order_release);
}

__attribute__((destructor)) static void delete_key(void) {
  if (!atomic_exchange(&key_ready, 0))
    return;
  void *c = pthread_getspecific(cache_key);
  if (c) {
    pthread_setspecific(cache_key, NULL);
    destroy_cache(c);
  }
  pthread_key_delete(cache_key);
}

/* The calling thread's cache; created when create is set and there is
 * none. NULL when there is none (or no key, or no memory for one). */
static thread_cache *get_cache(int create) {
  pthread_once(&key_once, make_key);
  if (!atomic_load_explicit(&key_ready, memory_order_acquire))
    return NULL;
  thread_cache *c = (thread_cache *)pthread_getspecific(cache_key);
  if (!c && create) {
    c = (thread_cache *)calloc(1, sizeof(thread_cache));
    if (c && pthread_setspecific(cache_key, c) != 0) {
      free(c);
      c = NULL;
    }
  }
  return c;
}

static void remove_at(thread_cache *c, size_t i) {
  c->bytes -= c->blocks[i]->capacity;
  c->blocks[i] = c->blocks[--c->count];
}

/* Takes the best cached block for capacity bytes at align; NULL if none. */
static block_header *take_cached(thread_cache *c, size_t capacity,
                                 size_t align) {
  size_t best = c->count;
  for (size_t i = 0; i < c->count; ++i) {
    const block_header *h = c->blocks[i];
    if (h->capacity < capacity || h->capacity - capacity > capacity ||
        ((uintptr_t)(h + 1) & (align - 1)) != 0)
      continue;
    /* Smallest first; among equals, the most recently freed (warmest). */
    if (best == c->count || h->capacity < c->blocks[best]->capacity ||
        (h->capacity == c->blocks[best]->capacity &&
         h->stamp > c->blocks[best]->stamp))
      best = i;
  }
  if (best == c->count)
    return NULL;
  block_header *h = c->blocks[best];
  remove_at(c, best);
  return h;
}

static void evict_oldest(thread_cache *c) {
  size_t oldest = 0;
  for (size_t i = 1; i < c->count; ++i)
    if (c->blocks[i]->stamp < c->blocks[oldest]->stamp)
      oldest = i;
  block_header *h = c->blocks[oldest];
  remove_at(c, oldest);
  h->tag = 0;
  free(h->base);
}

static void link_block(run_scope *run, block_header *h) {
  h->prev = &run->live;
  h->next = run->live.next;
  run->live.next->prev = h;
  run->live.next = h;
}

static void unlink_block(block_header *h) {
  if (!h->next)
    return;
  h->prev->next = h->next;
  h->next->prev = h->prev;
  h->prev = h->next = NULL;
}

/* align: a power of two >= DLC_ALLOC_MIN_ALIGN. */
static void *alloc_block(size_t size, size_t align) {
  size_t capacity = size > 0 ? size : 1;
  thread_cache *c = NULL;
  if (size >= DLC_ALLOC_CACHE_MIN_BLOCK) {
    if (size > SIZE_MAX - LARGE_GRANULE)
      return NULL;
    capacity = (size + LARGE_GRANULE - 1) & ~(LARGE_GRANULE - 1);
    c = get_cache(1);
    if (c) {
      block_header *h = take_cached(c, capacity, align);
      if (h) {
        ++c->hits;
        h->tag = TAG_LIVE;
        h->prev = h->next = NULL;
        return h + 1;
      }
      ++c->misses;
    }
  }
  /* base is at least 16-byte aligned, so the aligned pointer past the
   * header is at most sizeof(block_header) + align - 16 bytes in. */
  if (capacity > SIZE_MAX - align - sizeof(block_header))
    return NULL;
  char *base = (char *)malloc(capacity + align + sizeof(block_header));
  if (!base)
    return NULL;
  uintptr_t user = ((uintptr_t)base + sizeof(block_header) + align - 1) &
                   ~(uintptr_t)(align - 1);
  block_header *h = (block_header *)user - 1;
  h->tag = TAG_LIVE;
  h->capacity = capacity;
  h->base = base;
  h->stamp = 0;
  h->prev = h->next = NULL;
  return (void *)user;
}

/* alloc_block, linked into the thread's current run if there is one. */
static void *alloc_aligned(size_t size, size_t align) {
  void *p = alloc_block(size, align);
  thread_cache *c = p ? get_cache(0) : NULL;
  if (c && c->run)
    link_block(c->run, (block_header *)p - 1);
  return p;
}

void *dlc_rt_alloc(size_t size) {
  return alloc_aligned(size, DLC_ALLOC_MIN_ALIGN);
}

void dlc_rt_free(void *ptr) {
  if (!ptr)
    return;
  block_header *h = (block_header *)ptr - 1;
  /* A double free (TAG_CACHED) or a foreign pointer: leaking beats
   * corrupting the heap. */
  if (h->tag != TAG_LIVE)
    return;
  unlink_block(h);
  if (h->capacity >= DLC_ALLOC_CACHE_MIN_BLOCK &&
      h->capacity <= DLC_ALLOC_CACHE_MAX_BYTES) {
    thread_cache *c = get_cache(1);
    if (c) {
      while (c->count == DLC_ALLOC_CACHE_MAX_BLOCKS ||
             c->bytes + h->capacity > DLC_ALLOC_CACHE_MAX_BYTES)
        evict_oldest(c);
      h->tag = TAG_CACHED;
      h->stamp = ++c->clock;
      c->blocks[c->count++] = h;
      c->bytes += h->capacity;
      return;
    }
  }
  h->tag = 0;
  free(h->base);
}

/* The hooks generated code calls never return NULL: a failure ends the
 * run with DLC_ERROR_OUT_OF_MEMORY. */
static void *alloc_or_raise(uint64_t size, uint64_t alignment) {
  size_t align = DLC_ALLOC_MIN_ALIGN;
  /* Powers of two are expected; anything else gets the next one up. */
  while (align < alignment && align <= SIZE_MAX / 4)
    align *= 2;
  void *p = size <= SIZE_MAX && align >= alignment
                ? alloc_aligned((size_t)size, align)
                : NULL;
  if (!p)
    dlc_rt_raise(DLC_ERROR_OUT_OF_MEMORY,
                 "out of memory allocating a buffer of %lld bytes "
                 "(alignment %lld)",
                 size > INT64_MAX ? INT64_MAX : (int64_t)size,
                 alignment > INT64_MAX ? INT64_MAX : (int64_t)alignment);
  return p;
}

void *_mlir_memref_to_llvm_alloc(uint64_t size) {
  return alloc_or_raise(size, DLC_ALLOC_MIN_ALIGN);
}

void *_mlir_memref_to_llvm_aligned_alloc(uint64_t alignment, uint64_t size) {
  return alloc_or_raise(size, alignment);
}

void _mlir_memref_to_llvm_free(void *ptr) { dlc_rt_free(ptr); }

dlc_alloc_cache_stats dlc_rt_thread_cache_stats(void) {
  dlc_alloc_cache_stats s = {0, 0, 0, 0};
  thread_cache *c = get_cache(0);
  if (c) {
    s.blocks = c->count;
    s.bytes = c->bytes;
    s.hits = c->hits;
    s.misses = c->misses;
  }
  return s;
}

void dlc_runtime_release_thread_cache(void) {
  thread_cache *c = get_cache(0);
  if (!c)
    return;
  pthread_setspecific(cache_key, NULL);
  destroy_cache(c);
}

/* Calls the entry with setjmp in this frame, so that the scope, which the
 * run changes, is not an automatic object of the function that called
 * setjmp (whose values after longjmp would be indeterminate). */
static dlc_status call_in_scope(run_scope *scope, dlc_entry_fn entry,
                                void **args, void *const *packed) {
  if (setjmp(scope->jump) != 0)
    return scope->status;
  entry(args, packed);
  return DLC_OK;
}

dlc_status dlc_rt_call(dlc_entry_fn entry, void **args, void *const *packed,
                       dlc_error *err) {
  thread_cache *c = get_cache(1);
  if (!c)
    return dlc_fail(err, DLC_ERROR_OUT_OF_MEMORY,
                    "cannot set up the calling thread's run state (out of "
                    "memory, or the model.so is being unloaded)");
  run_scope scope;
  scope.live.prev = scope.live.next = &scope.live;
  scope.status = DLC_OK;
  scope.err = err;
  run_scope *outer = c->run;
  c->run = &scope;
  dlc_status st = call_in_scope(&scope, entry, args, packed);
  c->run = outer;
  /* On success what is still live was returned: the caller's now. On a
   * failure it is freed. */
  while (scope.live.next != &scope.live) {
    block_header *h = scope.live.next;
    unlink_block(h);
    if (st != DLC_OK)
      dlc_rt_free((void *)(h + 1));
  }
  return st;
}

void dlc_rt_raise(dlc_status status, const char *format, int64_t a, int64_t b) {
  thread_cache *c = get_cache(0);
  run_scope *run = c ? c->run : NULL;
  if (!run)
    abort(); /* generated code runs only inside dlc_rt_call */
  if (run->err) {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    snprintf(run->err->message, sizeof(run->err->message), format, (long long)a,
             (long long)b);
#pragma GCC diagnostic pop
  }
  run->status = status;
  longjmp(run->jump, 1);
}

void dlc_rt_shape_error(const char *format, int64_t a, int64_t b) {
  dlc_rt_raise(DLC_ERROR_SHAPE, format, a, b);
}
