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

/* Linear HTML tag stripper, used when libxml2 halts: tags dropped (block tags end a line),
 * script/style content dropped, comments skipped, character references decoded. */
static void put_codepoint(Buf *b, unsigned long c) {
    char o[4]; size_t n;
    if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
    if (c < 0x80) { o[0] = (char)c; n = 1; }
    else if (c < 0x800) { o[0] = (char)(0xC0 | (c >> 6)); o[1] = (char)(0x80 | (c & 0x3F)); n = 2; }
    else if (c < 0x10000) { o[0] = (char)(0xE0 | (c >> 12)); o[1] = (char)(0x80 | ((c >> 6) & 0x3F)); o[2] = (char)(0x80 | (c & 0x3F)); n = 3; }
    else { o[0] = (char)(0xF0 | (c >> 18)); o[1] = (char)(0x80 | ((c >> 12) & 0x3F)); o[2] = (char)(0x80 | ((c >> 6) & 0x3F)); o[3] = (char)(0x80 | (c & 0x3F)); n = 4; }
    buf_put(b, o, n);
}

static char *strip_tags(const char *s, size_t n) {
    Buf b = {0};
    buf_put(&b, "", 0);
    size_t i = 0;
    while (i < n) {
        char c = s[i];
        if (c == '<') {
            if (i + 3 < n && strncmp(s + i, "<!--", 4) == 0) {
                const char *e = NULL;
                for (size_t k = i + 4; k + 2 < n; k++) if (s[k] == '-' && s[k + 1] == '-' && s[k + 2] == '>') { e = s + k; break; }
                i = e ? (size_t)(e - s) + 3 : n;
                continue;
            }
            size_t j = i + 1;
            int closing = j < n && s[j] == '/';
            if (closing) j++;
            char name[16]; size_t m = 0;
            while (j < n && m < sizeof(name) - 1 && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') || (s[j] >= '0' && s[j] <= '9'))) name[m++] = s[j++];
            name[m] = 0;
            if (m == 0 && !(j < n && (s[j] == '!' || s[j] == '?'))) { buf_put(&b, "<", 1); i++; continue; }
            while (j < n && s[j] != '>') j++;
            i = j < n ? j + 1 : n;
            if (!closing && (strcasecmp(name, "script") == 0 || strcasecmp(name, "style") == 0)) {
                /* skip to the matching close tag */
                size_t k = i;
                while (k < n) {
                    if (s[k] == '<' && k + 1 < n && s[k + 1] == '/' && strncasecmp(s + k + 2, name, m) == 0) break;
                    k++;
                }
                while (k < n && s[k] != '>') k++;
                i = k < n ? k + 1 : n;
                continue;
            }
            if (m > 0 && is_block(name) && b.len > 0 && b.data[b.len - 1] != '\n') buf_put(&b, "\n", 1);
            continue;
        }
        if (c == '&') {
            size_t j = i + 1;
            while (j < n && j - i < 12 && s[j] != ';' && s[j] != '<' && s[j] != '&' && s[j] != ' ') j++;
            if (j < n && s[j] == ';' && j > i + 1) {
                char ent[16]; size_t m = j - i - 1;
                memcpy(ent, s + i + 1, m); ent[m] = 0;
                if (ent[0] == '#') {
                    unsigned long v = (ent[1] == 'x' || ent[1] == 'X') ? strtoul(ent + 2, NULL, 16) : strtoul(ent + 1, NULL, 10);
                    put_codepoint(&b, v);
                    i = j + 1;
                    continue;
                }
                const htmlEntityDesc *d = htmlEntityLookup((const xmlChar *)ent);
                if (d) { put_codepoint(&b, d->value); i = j + 1; continue; }
            }
        }
        size_t j = i;
        while (j < n && s[j] != '<' && s[j] != '&') j++;
        if (j == i) j = i + 1;
        buf_put(&b, s + i, j - i);
        i = j;
    }
    return b.data;
}

char *qy_markup_to_text_checked(const char *utf8, int32_t length, int32_t isXML, int32_t *strippedFallback) {
    int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
    xmlDocPtr doc;
    *strippedFallback = 0;
    if (isXML) {
        doc = xmlReadMemory(utf8, length, NULL, "UTF-8", opts);
    } else {
        htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
        if (ctxt == NULL) return NULL;
        doc = htmlCtxtReadMemory(ctxt, utf8, length, NULL, "UTF-8",
                                 HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER);
        /* libxml2 halts (disables SAX) on a fatal error such as nesting beyond its depth limit,
         * dropping everything after it: read the whole input with the stripper instead. */
        int halted = ctxt->disableSAX != 0 || (ctxt->instate == XML_PARSER_EOF && ctxt->errNo == XML_ERR_INTERNAL_ERROR);
        htmlFreeParserCtxt(ctxt);
        if (halted) {
            if (doc) xmlFreeDoc(doc);
            *strippedFallback = 1;
            return strip_tags(utf8, (size_t)length);
        }
    }
    if (doc == NULL) return NULL;
    Buf b = {0};
    buf_put(&b, "", 0);
    walk(xmlDocGetRootElement(doc), &b, 0);
    xmlFreeDoc(doc);
    return b.data;
}

char *qy_markup_to_text(const char *utf8, int32_t length, int32_t isXML) {
    int32_t fallback = 0;
    return qy_markup_to_text_checked(utf8, length, isXML, &fallback);
}

void qy_xml_free(char *p) { free(p); }
