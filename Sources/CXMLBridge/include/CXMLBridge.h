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
void qy_xml_free(char *p);

#ifdef __cplusplus
}
#endif
#endif
