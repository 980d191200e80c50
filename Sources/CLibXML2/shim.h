#include <libxml/xmlversion.h>
/* Debian builds libxml2 with ICU; its headers would then pull ICU's, which clash with Foundation's. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
