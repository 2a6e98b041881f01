/* A minimal test harness for the C tests: CHECK prints the failing expression and exits non-zero. */
#ifndef IOTC_TEST_CHECK_H
#define IOTC_TEST_CHECK_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int checks;

#define CHECK(cond)                                                                  \
    do {                                                                             \
        checks++;                                                                    \
        if (!(cond)) {                                                               \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
            exit(1);                                                                 \
        }                                                                            \
    } while (0)

/* The bytes of a slice equal the C string s (without its NUL). */
#define SLICE_IS(slice, s) ((slice).len == strlen(s) && memcmp((slice).ptr, (s), (slice).len) == 0)

#define DONE(name)                                            \
    do {                                                      \
        printf("%s: %d checks passed\n", (name), checks);     \
        return 0;                                             \
    } while (0)
#endif
