#ifndef QIYUE_CZIPBRIDGE_H
#define QIYUE_CZIPBRIDGE_H
/* Plain-C face over zlib: the CRC-32 that zip entries are checked with (zlib's is several times
 * faster than a table loop in Swift), and raw-deflate inflation of one entry held in memory. */
#include <stddef.h>
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

/* Continues `crc` (0 to start) over `length` bytes. */
uint32_t qy_crc32(uint32_t crc, const uint8_t *bytes, size_t length);

typedef struct qy_inflater qy_inflater;

/* An inflater over `length` bytes of raw deflate data (a zip entry's), which must stay valid until
 * qy_inflater_free. NULL when zlib cannot start. */
qy_inflater *qy_inflater_new(const uint8_t *input, size_t length);

/* Inflates the next bytes into `out` (up to `cap`). Returns how many were written (> 0), 0 once the
 * stream has ended, -1 when the data is damaged, -2 when the input ends before the stream does. */
int64_t qy_inflater_read(qy_inflater *inflater, uint8_t *out, size_t cap);

void qy_inflater_free(qy_inflater *inflater);

#ifdef __cplusplus
}
#endif
#endif
