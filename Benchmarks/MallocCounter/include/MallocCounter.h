#ifndef MALLOC_COUNTER_H
#define MALLOC_COUNTER_H
#include <stdint.h>
/// Heap allocations (malloc, calloc, realloc, memalign family) since the process started.
uint64_t malloc_counter_allocations(void);
#endif
