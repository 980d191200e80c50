#include "CZipBridge.h"
#include <limits.h>
#include <stdlib.h>
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

struct qy_inflater {
    z_stream stream;
    const uint8_t *next;   /* input not yet handed to zlib */
    size_t left;
    int done;
};

qy_inflater *qy_inflater_new(const uint8_t *input, size_t length) {
    qy_inflater *z = calloc(1, sizeof *z);
    if (!z) return NULL;
    if (inflateInit2(&z->stream, -MAX_WBITS) != Z_OK) { free(z); return NULL; }
    z->next = input;
    z->left = length;
    return z;
}

int64_t qy_inflater_read(qy_inflater *z, uint8_t *out, size_t cap) {
    if (z->done || cap == 0) return 0;
    uInt room = cap > UINT_MAX ? UINT_MAX : (uInt)cap;
    z->stream.next_out = out;
    z->stream.avail_out = room;
    for (;;) {
        if (z->stream.avail_in == 0 && z->left > 0) {
            uInt n = z->left > UINT_MAX ? UINT_MAX : (uInt)z->left;
            z->stream.next_in = (Bytef *)z->next;
            z->stream.avail_in = n;
            z->next += n;
            z->left -= n;
        }
        int rc = inflate(&z->stream, Z_NO_FLUSH);
        int64_t produced = (int64_t)(room - z->stream.avail_out);
        if (rc == Z_STREAM_END) { z->done = 1; return produced; }
        if (rc == Z_OK && produced > 0) return produced;
        if (rc == Z_OK && (z->stream.avail_in > 0 || z->left > 0)) continue;  /* input consumed, no output yet */
        if (rc == Z_OK || rc == Z_BUF_ERROR) return produced > 0 ? produced : -2;  /* the input is used up */
        return -1;  /* Z_DATA_ERROR, Z_MEM_ERROR, Z_NEED_DICT */
    }
}

void qy_inflater_free(qy_inflater *z) {
    if (!z) return;
    inflateEnd(&z->stream);
    free(z);
}
