#include "CZipBridge.h"
#include <zlib.h>

uint32_t qy_crc32(uint32_t crc, const uint8_t *bytes, size_t length) {
    while (length > 0) {
        uInt n = length > 0x40000000u ? 0x40000000u : (uInt)length;
        crc = (uint32_t)crc32((uLong)crc, bytes, n);
        bytes += n;
        length -= n;
    }
    return crc;
}
