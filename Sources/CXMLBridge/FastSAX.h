#ifndef QIYUE_FASTSAX_H
#define QIYUE_FASTSAX_H
/* Internal to CXMLBridge: the fast path of qy_sax_parse (see FastSAX.c). */
#include "CXMLBridge.h"
#include <stddef.h>

/* Deeper nesting, longer names or attribute values go to libxml2, which has its own limits
 * (depth 256, names 50,000 bytes, values 10,000,000 bytes) and messages. */
#define QY_FAST_MAX_DEPTH 200
#define QY_FAST_MAX_NAME 1000
#define QY_FAST_MAX_VALUE 1000000
/* The part is not plain XML: nothing was reported; libxml2 must read it. */
#define QY_FAST_UNSUPPORTED (-1)

int32_t qy_fast_sax_parse(const char *xml, size_t length, const char *const *names, int32_t nnames,
                          const char *const *uris, int32_t nuris, const qy_sax_handlers *h, void *ctx);
#endif
