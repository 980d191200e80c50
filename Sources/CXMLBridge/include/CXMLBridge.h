#ifndef QIYUE_CXMLBRIDGE_H
#define QIYUE_CXMLBRIDGE_H
/* Plain-C face over libxml2: HTML / XML to text, and a streaming (SAX) reader for XML parts. */
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

/* Parses UTF-8 HTML (isXML == 0) or XML (isXML != 0) and returns its visible text as a malloc'd
 * UTF-8 string (block elements end lines; script and style are dropped). NULL when unparsable.
 * Free the result with qy_xml_free. */
char *qy_markup_to_text(const char *utf8, int32_t length, int32_t isXML);
void qy_xml_free(char *p);

/* Streaming XML reading (SAX2). Callbacks receive UTF-8: element local names, the namespace URI
 * (NULL when none), and attributes as nattrs pairs (local name, value), all NUL-terminated and valid
 * only during the call. Character data may arrive in several pieces. */
typedef struct {
    void (*start)(void *ctx, const char *localname, const char *uri, int32_t nattrs, const char *const *attrs);
    void (*end)(void *ctx, const char *localname, const char *uri);
    void (*text)(void *ctx, const char *utf8, int32_t length);
} qy_sax_handlers;

/* Result of qy_sax_parse. */
enum {
    QY_SAX_OK = 0,
    QY_SAX_MALFORMED = 1, /* not well-formed; message in err */
    QY_SAX_DTD = 2,       /* the document declares a DTD or entities: refused, parsing stopped */
    QY_SAX_STOPPED = 3    /* out of memory */
};

/* Parses `length` bytes of XML, calling `handlers` with `ctx`. Never loads a DTD, an external entity
 * or anything from the network, and refuses any document type declaration (so no entity is ever
 * declared, let alone expanded). `err` (may be NULL) receives a message of up to errlen-1 bytes. */
int32_t qy_sax_parse(const char *xml, int32_t length, const qy_sax_handlers *handlers, void *ctx,
                     char *err, int32_t errlen);

#ifdef __cplusplus
}
#endif
#endif
