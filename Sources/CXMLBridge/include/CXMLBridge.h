#ifndef QIYUE_CXMLBRIDGE_H
#define QIYUE_CXMLBRIDGE_H
/* Plain-C face over libxml2: HTML / XML to text, and a streaming (SAX) reader for XML parts. */
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

/* Parses UTF-8 HTML (isXML == 0) or XML (isXML != 0) and returns its visible text as a malloc'd
 * UTF-8 string (block elements end lines; script and style are dropped). NULL when unparsable.
 * Free the result with qy_xml_free. For HTML that libxml2 stops reading part-way (nesting deeper
 * than its limit), the whole input is read again by a linear tag stripper so that no text is lost,
 * and *strippedFallback is set to 1 (else 0). */
char *qy_markup_to_text_checked(const char *utf8, int32_t length, int32_t isXML, int32_t *strippedFallback);
void qy_xml_free(char *p);

/* Streaming XML reading (SAX2). Only elements whose local name is in the `names` table given to
 * qy_sax_parse are reported, as their index there, with their namespace as an index into `uris`
 * (-1 when not in it) and their attributes as nattrs pairs (local name, value) of NUL-terminated
 * UTF-8, valid only during the call. A nonzero return from `start` skips the element's content (no
 * events, no text) and its end. Character data (UTF-8) may arrive in several pieces. */
typedef struct {
    int32_t (*start)(void *ctx, int32_t name, int32_t uri, int32_t nattrs, const char *const *attrs);
    void (*end)(void *ctx, int32_t name, int32_t uri);
    void (*text)(void *ctx, const char *utf8, int32_t length);
} qy_sax_handlers;

/* Result of qy_sax_parse. */
enum {
    QY_SAX_OK = 0,
    QY_SAX_MALFORMED = 1, /* not well-formed; message in err */
    QY_SAX_DTD = 2,       /* the document declares a DTD or entities: refused, parsing stopped */
    QY_SAX_STOPPED = 3,   /* out of memory */
    QY_SAX_NOT_PLAIN = 4  /* QY_SAX_FAST only: not plain XML, nothing reported */
};

/* Which parser qy_sax_parse_engine uses. */
enum {
    QY_SAX_AUTO = 0,    /* the fast path for plain XML, else libxml2 (what qy_sax_parse does) */
    QY_SAX_LIBXML2 = 1, /* libxml2 alone */
    QY_SAX_FAST = 2     /* the fast path alone (for tests): QY_SAX_NOT_PLAIN when it cannot */
};

/* Parses `length` bytes of XML, calling `handlers` with `ctx`. Never loads a DTD, an external entity
 * or anything from the network, and refuses any document type declaration (so no entity is ever
 * declared, let alone expanded). `err` (may be NULL) receives a message of up to errlen-1 bytes. */
int32_t qy_sax_parse(const char *xml, int32_t length, const char *const *names, int32_t nnames,
                     const char *const *uris, int32_t nuris, const qy_sax_handlers *handlers, void *ctx,
                     char *err, int32_t errlen);

/* qy_sax_parse with the parser chosen. The fast path reads plain XML (UTF-8, no DTD, ASCII names,
 * predefined entities and character references only, declared prefixes, nesting under 200) and
 * reports the same events as libxml2 would; it reports nothing unless the whole part is plain and
 * well-formed, and leaves every other document, with its error message, to libxml2. */
int32_t qy_sax_parse_engine(const char *xml, int32_t length, const char *const *names, int32_t nnames,
                            const char *const *uris, int32_t nuris, const qy_sax_handlers *handlers, void *ctx,
                            char *err, int32_t errlen, int32_t engine);

#ifdef __cplusplus
}
#endif
#endif
