#include "CXMLBridge.h"
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct { char *data; size_t len, cap; } Buf;

static void buf_put(Buf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 4096;
        while (cap < b->len + n + 1) cap *= 2;
        char *d = realloc(b->data, cap);
        if (d == NULL) return;
        b->data = d; b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}

static int is_block(const char *name) {
    static const char *blocks[] = {"p","div","br","li","tr","h1","h2","h3","h4","h5","h6","table",
        "section","article","header","footer","ul","ol","pre","blockquote","title","dd","dt", NULL};
    for (int i = 0; blocks[i]; i++) if (strcasecmp(name, blocks[i]) == 0) return 1;
    return 0;
}

static void walk(xmlNode *node, Buf *b, int depth) {
    if (depth > 512) return;
    for (xmlNode *n = node; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE) {
            const char *name = (const char *)n->name;
            if (strcasecmp(name, "script") == 0 || strcasecmp(name, "style") == 0) continue;
            walk(n->children, b, depth + 1);
            if (is_block(name) && b->len > 0 && b->data[b->len - 1] != '\n') buf_put(b, "\n", 1);
        } else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content) buf_put(b, (const char *)n->content, strlen((const char *)n->content));
        }
    }
}

char *qy_markup_to_text(const char *utf8, int32_t length, int32_t isXML) {
    int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
    xmlDocPtr doc;
    if (isXML) {
        doc = xmlReadMemory(utf8, length, NULL, "UTF-8", opts | XML_PARSE_NOENT * 0);
    } else {
        doc = htmlReadMemory(utf8, length, NULL, "UTF-8",
                             HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER);
    }
    if (doc == NULL) return NULL;
    Buf b = {0};
    buf_put(&b, "", 0);
    walk(xmlDocGetRootElement(doc), &b, 0);
    xmlFreeDoc(doc);
    return b.data;
}

void qy_xml_free(char *p) { free(p); }
