#ifndef QIYUE_CZIPBRIDGE_H
#define QIYUE_CZIPBRIDGE_H
/* Plain-C face over zlib: the CRC-32 that zip entries are checked with (zlib's is several times
 * faster than a table loop in Swift). */
#include <stddef.h>
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

/* Continues `crc` (0 to start) over `length` bytes. */
uint32_t qy_crc32(uint32_t crc, const uint8_t *bytes, size_t length);

#ifdef __cplusplus
}
#endif
#endif
