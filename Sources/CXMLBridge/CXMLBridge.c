#include "CXMLBridge.h"
#include "FastSAX.h"
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <stdio.h>
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
        /* No XML_PARSE_NOENT (entities are not substituted) and no XML_PARSE_DTDLOAD (no external DTD). */
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

void qy_xml_free(char *p) { free(p); }

/* MARK: - Streaming reader */

typedef struct {
    const qy_sax_handlers *h;
    void *ctx;
    xmlParserCtxtPtr parser;
    int32_t status;
    const char **attrs;   /* nattrs pairs */
    char *values;         /* NUL-terminated copies of attribute values */
    size_t attrCap, valueCap;
    const char *const *names;
    int32_t nnames;
    int32_t skip;         /* depth inside a subtree the handler asked to skip */
    const char *const *uris;
    int32_t nuris;
    /* libxml2 interns names and URIs in its dictionary, so a pointer seen once maps to its id. */
    struct { const xmlChar *key; int32_t id; } cache[512];
} SaxState;

static int32_t sax_lookup(SaxState *st, const xmlChar *key, const char *const *table, int32_t n) {
    if (key == NULL) return -1;
    size_t h = ((size_t)key >> 3) & 511;
    for (int probe = 0; probe < 8; probe++) {
        size_t k = (h + (size_t)probe) & 511;
        if (st->cache[k].key == key) return st->cache[k].id;
        if (st->cache[k].key == NULL) {
            int32_t id = -1;
            for (int32_t i = 0; i < n; i++) if (strcmp((const char *)key, table[i]) == 0) { id = i; break; }
            st->cache[k].key = key;
            st->cache[k].id = id;
            return id;
        }
    }
    for (int32_t i = 0; i < n; i++) if (strcmp((const char *)key, table[i]) == 0) return i;
    return -1;
}

static void sax_refuse(void *user, const xmlChar *name, const xmlChar *a, const xmlChar *b) {
    (void)name; (void)a; (void)b;
    xmlParserCtxtPtr parser = (xmlParserCtxtPtr)user;
    SaxState *st = (SaxState *)parser->_private;
    if (st->status == QY_SAX_OK) st->status = QY_SAX_DTD;
    xmlStopParser(parser);
}

static void sax_entity_decl(void *user, const xmlChar *name, int type, const xmlChar *publicId,
                            const xmlChar *systemId, xmlChar *content) {
    (void)type; (void)content;
    sax_refuse(user, name, publicId, systemId);
}

static xmlEntityPtr sax_get_entity(void *user, const xmlChar *name) {
    (void)user;
    return xmlGetPredefinedEntity(name);  /* &amp; &lt; … only; nothing is ever declared */
}

static void sax_start(void *user, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                      int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
                      const xmlChar **attributes) {
    (void)prefix; (void)nb_namespaces; (void)namespaces; (void)nb_defaulted;
    xmlParserCtxtPtr parser = (xmlParserCtxtPtr)user;
    SaxState *st = (SaxState *)parser->_private;
    if (st->status != QY_SAX_OK || st->h->start == NULL) return;
    if (st->skip > 0) { st->skip++; return; }
    int32_t name = sax_lookup(st, localname, st->names, st->nnames);
    if (name < 0) return;  /* elements the handler does not know are not reported */
    /* Names and URIs share the cache: an element name is never also a namespace URI. */
    int32_t ns = uri ? sax_lookup(st, uri, st->uris, st->nuris) : -1;
    size_t need = 0;
    for (int i = 0; i < nb_attributes; i++) need += (size_t)(attributes[i * 5 + 4] - attributes[i * 5 + 3]) + 1;
    if ((size_t)nb_attributes * 2 > st->attrCap) {
        size_t cap = (size_t)nb_attributes * 2 + 8;
        const char **a = realloc(st->attrs, cap * sizeof(char *));
        if (a == NULL) { st->status = QY_SAX_STOPPED; xmlStopParser(parser); return; }
        st->attrs = a; st->attrCap = cap;
    }
    if (need > st->valueCap) {
        size_t cap = need + 256;
        char *v = realloc(st->values, cap);
        if (v == NULL) { st->status = QY_SAX_STOPPED; xmlStopParser(parser); return; }
        st->values = v; st->valueCap = cap;
    }
    char *v = st->values;
    for (int i = 0; i < nb_attributes; i++) {
        const xmlChar *b = attributes[i * 5 + 3], *e = attributes[i * 5 + 4];
        size_t n = (size_t)(e - b);
        /* Without entity substitution libxml2 hands back an ampersand (&amp; or &#38;) in an
         * attribute value as "&#38;" (a literal '&' cannot otherwise stand there): unescape it. */
        char *start = v;
        for (size_t k = 0; k < n; k++) {
            if (b[k] == '&' && k + 4 < n && memcmp(b + k, "&#38;", 5) == 0) { *v++ = '&'; k += 4; }
            else *v++ = (char)b[k];
        }
        *v = 0;
        st->attrs[i * 2] = (const char *)attributes[i * 5];
        st->attrs[i * 2 + 1] = start;
        v += 1;
    }
    if (st->h->start(st->ctx, name, ns, nb_attributes, st->attrs)) st->skip = 1;
}

static void sax_end(void *user, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri) {
    (void)prefix;
    xmlParserCtxtPtr parser = (xmlParserCtxtPtr)user;
    SaxState *st = (SaxState *)parser->_private;
    if (st->status != QY_SAX_OK || st->h->end == NULL) return;
    if (st->skip > 0) { st->skip--; return; }
    int32_t name = sax_lookup(st, localname, st->names, st->nnames);
    if (name < 0) return;
    st->h->end(st->ctx, name, uri ? sax_lookup(st, uri, st->uris, st->nuris) : -1);
}

static void sax_text(void *user, const xmlChar *ch, int len) {
    xmlParserCtxtPtr parser = (xmlParserCtxtPtr)user;
    SaxState *st = (SaxState *)parser->_private;
    if (st->status != QY_SAX_OK || st->h->text == NULL || st->skip > 0) return;
    st->h->text(st->ctx, (const char *)ch, len);
}

static void sax_error(void *user, xmlErrorPtr error) {
    (void)user; (void)error;  /* collected from the parser context afterwards */
}

int32_t qy_sax_parse(const char *xml, int32_t length, const char *const *names, int32_t nnames,
                     const char *const *uris, int32_t nuris, const qy_sax_handlers *handlers, void *ctx,
                     char *err, int32_t errlen) {
    return qy_sax_parse_engine(xml, length, names, nnames, uris, nuris, handlers, ctx, err, errlen, QY_SAX_AUTO);
}

int32_t qy_sax_parse_engine(const char *xml, int32_t length, const char *const *names, int32_t nnames,
                            const char *const *uris, int32_t nuris, const qy_sax_handlers *handlers, void *ctx,
                            char *err, int32_t errlen, int32_t engine) {
    if (err && errlen > 0) err[0] = 0;
    if (length < 0) return QY_SAX_MALFORMED;
    if (engine != QY_SAX_LIBXML2) {
        int32_t fast = qy_fast_sax_parse(xml, (size_t)length, names, nnames, uris, nuris, handlers, ctx);
        if (fast != QY_FAST_UNSUPPORTED) return fast;
        if (engine == QY_SAX_FAST) return QY_SAX_NOT_PLAIN;
    }
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = sax_start;
    sax.endElementNs = sax_end;
    sax.characters = sax_text;
    sax.cdataBlock = sax_text;
    sax.internalSubset = sax_refuse;
    sax.externalSubset = sax_refuse;
    sax.entityDecl = sax_entity_decl;
    sax.getEntity = sax_get_entity;
    sax.getParameterEntity = sax_get_entity;
    sax.serror = sax_error;

    SaxState st;
    memset(&st, 0, sizeof st);
    st.h = handlers;
    st.ctx = ctx;
    st.names = names;
    st.nnames = nnames;
    st.uris = uris;
    st.nuris = nuris;

    /* A memory parser over the whole part, not a push parser fed one chunk: the push parser
     * looks ahead for each construct's end before parsing it, which costs about a sixth more on
     * WordprocessingML (measured on Word-style document.xml: 195 vs 165 MB/s). */
    xmlParserCtxtPtr parser = xmlCreateMemoryParserCtxt(xml, length);
    if (parser == NULL) return QY_SAX_MALFORMED;
    if (parser->sax == NULL) { xmlFreeParserCtxt(parser); return QY_SAX_MALFORMED; }
    memcpy(parser->sax, &sax, sizeof sax);
    /* The parser passes itself as the SAX user data. */
    parser->userData = parser;
    parser->_private = &st;
    xmlCtxtUseOptions(parser, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    parser->replaceEntities = 0;
    parser->loadsubset = 0;
    parser->validate = 0;
    xmlParseDocument(parser);
    int32_t status = st.status;
    if (status == QY_SAX_OK && !parser->wellFormed) {
        status = QY_SAX_MALFORMED;
        xmlErrorPtr e = xmlCtxtGetLastError(parser);
        if (err && errlen > 0 && e && e->message) {
            snprintf(err, (size_t)errlen, "line %d: %s", e->line, e->message);
            size_t n = strlen(err);
            while (n > 0 && (err[n - 1] == '\n' || err[n - 1] == ' ')) err[--n] = 0;
        }
    }
    xmlFreeParserCtxt(parser);
    free(st.attrs);
    free(st.values);
    return status;
}
