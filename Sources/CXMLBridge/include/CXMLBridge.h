#ifndef QIYUE_CXMLBRIDGE_H
#define QIYUE_CXMLBRIDGE_H
/* Plain-C face over libxml2: HTML / XML to text. */
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

/* Parses UTF-8 HTML (isXML == 0) or XML (isXML != 0) and returns its visible text as a malloc'd
 * UTF-8 string (block elements end lines; script and style are dropped). NULL when unparsable.
 * Free the result with qy_xml_free. */
char *qy_markup_to_text(const char *utf8, int32_t length, int32_t isXML);

/* As qy_markup_to_text; for HTML that libxml2 stops reading part-way (nesting deeper than its
 * limit), the whole input is read again by a linear tag stripper so that no text is lost, and
 * *strippedFallback is set to 1 (else 0). */
char *qy_markup_to_text_checked(const char *utf8, int32_t length, int32_t isXML, int32_t *strippedFallback);
void qy_xml_free(char *p);

#ifdef __cplusplus
}
#endif
#endif
