/* A fast path for qy_sax_parse over the plain XML that Office and OCR engines write (UTF-8, no
 * DTD, ASCII names, the five predefined entities and character references).
 *
 * Why by hand: on WordprocessingML libxml2's SAX2 parser runs at about 150 MB/s here, and a
 * document.xml is about 20 times its text, so parsing the XML cost as much as analysing the text
 * (a DOCX 1.5 times its plain text, the most issue 15 allows). This scanner reads the same XML
 * several times faster.
 *
 * It is all or nothing: it scans the whole part first, recording the events, and only when the
 * part is plain, well-formed XML does it replay them to the handlers. On anything else (a DTD, an
 * entity that is not predefined, a non-ASCII name, a namespace prefix never declared, malformed
 * markup, deep nesting, an encoding other than UTF-8 ...) it reports nothing and qy_sax_parse
 * hands the part to libxml2, which then gives its own answer and message. So libxml2 stays the
 * judge of every document that is not plain. The tests compare the two paths' events. */
#include "FastSAX.h"
#include <stdlib.h>
#include <string.h>

enum { EV_START = 0, EV_END = 1, EV_TEXT = 2 };

typedef struct {
    int32_t kind;
    int32_t name, uri;        /* start / end */
    int32_t nattrs;           /* start: attribute pairs from `attr` in the attribute table */
    size_t attr;
    size_t off, len;          /* text: bytes in the input (`inInput`) or in the side buffer */
    int32_t inInput;
} Event;

typedef struct { char *data; size_t len, cap; int failed; } Bytes;

static void bytes_put(Bytes *b, const char *s, size_t n) {
    if (b->failed) return;
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 4096;
        while (cap < b->len + n) cap *= 2;
        char *d = realloc(b->data, cap);
        if (d == NULL) { b->failed = 1; return; }
        b->data = d; b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
}

typedef struct {
    const char *s;
    size_t n, i;
    const char *const *names; int32_t nnames;
    const char *const *uris; int32_t nuris;
    Event *ev; size_t nev, evcap;
    size_t *attrs; size_t nattr, attrcap;   /* pairs of offsets into `side` (NUL-terminated) */
    Bytes side;                             /* decoded text, attribute names and values */
    struct { const char *p; size_t n; } open[QY_FAST_MAX_DEPTH + 1];  /* qualified names of open elements */
    int32_t depth;
    /* Namespace bindings in force: prefix (empty for the default namespace), URI index (-1 when
     * not in `uris`, -2 for an undeclared default), and the depth that declared it. */
    struct { const char *p; size_t n; int32_t uri; int32_t depth; } ns[256];
    int32_t nns;
    struct { const char *key; size_t n; int32_t id; } cache[1024];  /* local name -> id, by content */
    int32_t ncache;
    int oom;
} Scan;

static int push_event(Scan *sc, Event e) {
    if (sc->nev == sc->evcap) {
        size_t cap = sc->evcap ? sc->evcap * 2 : 1024;
        Event *d = realloc(sc->ev, cap * sizeof(Event));
        if (d == NULL) { sc->oom = 1; return 0; }
        sc->ev = d; sc->evcap = cap;
    }
    sc->ev[sc->nev++] = e;
    return 1;
}

static int push_attr(Scan *sc, size_t nameOff, size_t valueOff) {
    if (sc->nattr + 2 > sc->attrcap) {
        size_t cap = sc->attrcap ? sc->attrcap * 2 : 1024;
        size_t *d = realloc(sc->attrs, cap * sizeof(size_t));
        if (d == NULL) { sc->oom = 1; return 0; }
        sc->attrs = d; sc->attrcap = cap;
    }
    sc->attrs[sc->nattr++] = nameOff;
    sc->attrs[sc->nattr++] = valueOff;
    return 1;
}

/* Whole input: valid UTF-8 of XML 1.0 characters only (no C0 controls but tab, LF, CR; no
 * surrogates, U+FFFE, U+FFFF; nothing past U+10FFFF). */
static int valid_chars(const unsigned char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        /* Eight ASCII bytes at a time, none a control (an ASCII byte b is below 0x20 exactly when
         * b + 0x60 has its high bit clear; no carry crosses bytes). */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ULL) break;
            if (((w + 0x6060606060606060ULL) & 0x8080808080808080ULL) != 0x8080808080808080ULL) {
                for (int k = 0; k < 8; k++) {
                    unsigned char c = s[i + k];
                    if (c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D) return 0;
                }
            }
            i += 8;
        }
        if (i >= n) break;
        unsigned char c = s[i];
        if (c < 0x80) {
            if (c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D) return 0;
            i++;
        } else if (c >= 0xC2 && c <= 0xDF) {
            if (i + 1 >= n || (s[i + 1] & 0xC0) != 0x80) return 0;
            i += 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            if (i + 2 >= n || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80) return 0;
            if (c == 0xE0 && s[i + 1] < 0xA0) return 0;            /* overlong */
            if (c == 0xED && s[i + 1] >= 0xA0) return 0;           /* surrogate */
            if (c == 0xEF && s[i + 1] == 0xBF && s[i + 2] >= 0xBE) return 0;  /* U+FFFE, U+FFFF */
            i += 3;
        } else if (c >= 0xF0 && c <= 0xF4) {
            if (i + 3 >= n || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80 || (s[i + 3] & 0xC0) != 0x80) return 0;
            if (c == 0xF0 && s[i + 1] < 0x90) return 0;
            if (c == 0xF4 && s[i + 1] >= 0x90) return 0;
            i += 4;
        } else {
            return 0;
        }
    }
    return 1;
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
static int name_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':'; }
static int name_char(char c) { return name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }

static void skip_space(Scan *sc) { while (sc->i < sc->n && is_space(sc->s[sc->i])) sc->i++; }

/* An ASCII XML name at the cursor; 0 when there is none. */
static size_t scan_name(Scan *sc) {
    size_t b = sc->i;
    if (b >= sc->n || !name_start(sc->s[b])) return 0;
    size_t e = b + 1;
    while (e < sc->n && name_char(sc->s[e])) e++;
    sc->i = e;
    return e - b;
}

static void put_utf8(Bytes *b, uint32_t c) {
    char o[4]; size_t n;
    if (c < 0x80) { o[0] = (char)c; n = 1; }
    else if (c < 0x800) { o[0] = (char)(0xC0 | (c >> 6)); o[1] = (char)(0x80 | (c & 0x3F)); n = 2; }
    else if (c < 0x10000) { o[0] = (char)(0xE0 | (c >> 12)); o[1] = (char)(0x80 | ((c >> 6) & 0x3F)); o[2] = (char)(0x80 | (c & 0x3F)); n = 3; }
    else { o[0] = (char)(0xF0 | (c >> 18)); o[1] = (char)(0x80 | ((c >> 12) & 0x3F)); o[2] = (char)(0x80 | ((c >> 6) & 0x3F)); o[3] = (char)(0x80 | (c & 0x3F)); n = 4; }
    bytes_put(b, o, n);
}

/* A reference after '&' (the cursor on '&'): a predefined entity or a character reference to an
 * XML character, written to `out`. 0 for anything else (left to libxml2). */
static int scan_reference(Scan *sc, Bytes *out) {
    const char *s = sc->s;
    size_t i = sc->i + 1, n = sc->n;
    size_t e = i;
    while (e < n && e - i < 12 && s[e] != ';') e++;
    if (e >= n || s[e] != ';' || e == i) return 0;
    size_t m = e - i;
    const char *r = s + i;
    char one = 0;
    if (m == 2 && r[0] == 'l' && r[1] == 't') one = '<';
    else if (m == 2 && r[0] == 'g' && r[1] == 't') one = '>';
    else if (m == 3 && memcmp(r, "amp", 3) == 0) one = '&';
    else if (m == 4 && memcmp(r, "quot", 4) == 0) one = '"';
    else if (m == 4 && memcmp(r, "apos", 4) == 0) one = '\'';
    if (one) { bytes_put(out, &one, 1); sc->i = e + 1; return 1; }
    if (r[0] != '#' || m < 2) return 0;
    uint32_t v = 0;
    if (r[1] == 'x') {
        if (m < 3) return 0;
        for (size_t k = 2; k < m; k++) {
            char c = r[k]; uint32_t d;
            if (c >= '0' && c <= '9') d = (uint32_t)(c - '0');
            else if (c >= 'a' && c <= 'f') d = (uint32_t)(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') d = (uint32_t)(c - 'A' + 10);
            else return 0;
            v = v * 16 + d;
            if (v > 0x10FFFF) return 0;
        }
    } else {
        for (size_t k = 1; k < m; k++) {
            char c = r[k];
            if (c < '0' || c > '9') return 0;
            v = v * 10 + (uint32_t)(c - '0');
            if (v > 0x10FFFF) return 0;
        }
    }
    int ok = v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) ||
             (v >= 0x10000 && v <= 0x10FFFF);
    if (!ok) return 0;
    put_utf8(out, v);
    sc->i = e + 1;
    return 1;
}

/* The index in `table` of the name [p, p+n), cached by pointer-free content (small tables). */
static int32_t lookup(const char *p, size_t n, const char *const *table, int32_t count) {
    for (int32_t k = 0; k < count; k++) {
        const char *t = table[k];
        if (strncmp(t, p, n) == 0 && t[n] == 0) return k;
    }
    return -1;
}

static int32_t lookup_name(Scan *sc, const char *p, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t k = 0; k < n; k++) h = (h ^ (unsigned char)p[k]) * 16777619u;
    for (uint32_t probe = 0; probe < 16; probe++) {
        uint32_t slot = (h + probe) & 1023;
        if (sc->cache[slot].key == NULL) {
            int32_t id = lookup(p, n, sc->names, sc->nnames);
            if (sc->ncache < 768) {
                sc->cache[slot].key = p; sc->cache[slot].n = n; sc->cache[slot].id = id;
                sc->ncache++;
            }
            return id;
        }
        if (sc->cache[slot].n == n && memcmp(sc->cache[slot].key, p, n) == 0) return sc->cache[slot].id;
    }
    return lookup(p, n, sc->names, sc->nnames);
}

/* The URI index bound to a prefix ([p, p+n), n == 0 for the default namespace): -1 when bound to a
 * URI not in the table or (default namespace only) unbound; -2 when a prefix is not declared. */
static int32_t resolve(Scan *sc, const char *p, size_t n) {
    for (int32_t k = sc->nns - 1; k >= 0; k--)
        if (sc->ns[k].n == n && memcmp(sc->ns[k].p, p, n) == 0) return sc->ns[k].uri;
    return n == 0 ? -1 : -2;
}

/* An attribute value (cursor on the quote), decoded and normalized as XML requires (tab, CR, LF
 * become spaces; CR LF one space), appended NUL-terminated to the side buffer. 0 on anything
 * that is not plain. */
static int scan_value(Scan *sc, int copy) {
    char q = sc->s[sc->i];
    if (q != '"' && q != '\'') return 0;
    sc->i++;
    for (;;) {
        size_t b = sc->i;
        while (sc->i < sc->n) {
            char c = sc->s[sc->i];
            if (c == q || c == '&' || c == '<' || c == '\t' || c == '\n' || c == '\r') break;
            sc->i++;
        }
        if (copy && sc->i > b) bytes_put(&sc->side, sc->s + b, sc->i - b);
        if (sc->i >= sc->n) return 0;
        char c = sc->s[sc->i];
        if (c == q) { sc->i++; break; }
        if (c == '<') return 0;
        if (c == '&') {
            size_t mark = sc->side.len;
            if (!scan_reference(sc, &sc->side)) return 0;
            if (!copy) sc->side.len = mark;
            continue;
        }
        /* white space */
        if (c == '\r' && sc->i + 1 < sc->n && sc->s[sc->i + 1] == '\n') sc->i++;
        sc->i++;
        if (copy) bytes_put(&sc->side, " ", 1);
    }
    if (copy) bytes_put(&sc->side, "", 1);
    return 1;
}

/* Character data up to the next '<' (cursor inside content). */
static int scan_text(Scan *sc) {
    size_t b = sc->i;
    const char *s = sc->s;
    size_t n = sc->n;
    /* The common case: no reference, no CR, no "]]>". */
    const char *lt = memchr(s + b, '<', n - b);
    size_t e = lt ? (size_t)(lt - s) : n;
    size_t k = b;
    int plain = 1;
    for (; k < e; k++) {
        char c = s[k];
        if (c == '&' || c == '\r' || (c == '>' && k >= b + 2 && s[k - 1] == ']' && s[k - 2] == ']')) { plain = 0; break; }
    }
    if (plain) {
        if (e > b) {
            Event ev = {EV_TEXT, -1, -1, 0, 0, b, e - b, 1};
            if (!push_event(sc, ev)) return 0;
        }
        sc->i = e;
        return 1;
    }
    size_t start = sc->side.len;
    size_t i = b;
    while (i < e) {
        char c = s[i];
        if (c == '&') {
            if (i > b) bytes_put(&sc->side, s + b, i - b);
            sc->i = i;
            if (!scan_reference(sc, &sc->side)) return 0;
            i = b = sc->i;
            continue;
        }
        if (c == '\r') {
            if (i > b) bytes_put(&sc->side, s + b, i - b);
            bytes_put(&sc->side, "\n", 1);
            i++;
            if (i < e && s[i] == '\n') i++;
            b = i;
            continue;
        }
        if (c == '>' && i >= 2 && s[i - 1] == ']' && s[i - 2] == ']') return 0;  /* "]]>" in content */
        i++;
    }
    if (i > b) bytes_put(&sc->side, s + b, i - b);
    sc->i = e;
    if (sc->side.len > start) {
        Event ev = {EV_TEXT, -1, -1, 0, 0, start, sc->side.len - start, 0};
        if (!push_event(sc, ev)) return 0;
    }
    return 1;
}

/* Splits a qualified name at its colon: the prefix length (0 when there is none) or -1 when the
 * name is not a valid QName (an empty part, a second colon). */
static int ncname_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }

static long split_qname(const char *q, size_t n) {
    const char *colon = memchr(q, ':', n);
    if (colon == NULL) return 0;
    size_t plen = (size_t)(colon - q);
    if (plen == 0 || plen + 1 >= n || memchr(colon + 1, ':', n - plen - 1)) return -1;
    /* Both parts must be NCNames (xml:3pace is not a QName; libxml2 reads it its own way). */
    if (!ncname_start(q[0]) || !ncname_start(colon[1])) return -1;
    return (long)plen;
}

static int is_xmlns(const char *an, size_t alen) {
    return (alen == 5 && memcmp(an, "xmlns", 5) == 0) || (alen > 6 && memcmp(an, "xmlns:", 6) == 0);
}

/* A start tag or empty-element tag (cursor after '<'). */
static int scan_start_tag(Scan *sc) {
    size_t nb = sc->i;
    size_t nlen = scan_name(sc);
    if (nlen == 0 || nlen > QY_FAST_MAX_NAME) return 0;
    const char *qname = sc->s + nb;
    if (sc->depth >= QY_FAST_MAX_DEPTH) return 0;  /* libxml2's to judge (its depth limit) */
    long plen = split_qname(qname, nlen);
    if (plen < 0) return 0;
    const char *local = plen ? qname + plen + 1 : qname;
    size_t llen = plen ? nlen - (size_t)plen - 1 : nlen;
    int32_t id = lookup_name(sc, local, llen);
    int32_t nsMark = sc->nns;
    size_t sideMark = sc->side.len;
    /* Attributes: values are kept (decoded) only for reported elements and namespace declarations. */
    struct { size_t nb, nlen; size_t value; } at[64];
    int32_t na = 0;
    int selfClose = 0;
    for (;;) {
        size_t before = sc->i;
        skip_space(sc);
        if (sc->i >= sc->n) return 0;
        char c = sc->s[sc->i];
        if (c == '>') { sc->i++; break; }
        if (c == '/') {
            if (sc->i + 1 >= sc->n || sc->s[sc->i + 1] != '>') return 0;
            sc->i += 2; selfClose = 1; break;
        }
        if (sc->i == before) return 0;  /* attributes are separated by white space */
        if (na == 64) return 0;
        size_t ab = sc->i;
        size_t alen = scan_name(sc);
        if (alen == 0 || alen > QY_FAST_MAX_NAME) return 0;
        skip_space(sc);
        if (sc->i >= sc->n || sc->s[sc->i] != '=') return 0;
        sc->i++;
        skip_space(sc);
        if (sc->i >= sc->n) return 0;
        const char *an = sc->s + ab;
        int decl = is_xmlns(an, alen);
        size_t value = sc->side.len;
        size_t vstart = sc->i;
        if (!scan_value(sc, id >= 0 || decl)) return 0;
        if (sc->i - vstart > QY_FAST_MAX_VALUE) return 0;
        for (int32_t k = 0; k < na; k++)
            if (at[k].nlen == alen && memcmp(sc->s + at[k].nb, an, alen) == 0) return 0;  /* duplicate */
        at[na].nb = ab; at[na].nlen = alen; at[na].value = value;
        na++;
        if (decl) {
            if (sc->nns == 256 || sc->side.failed) return 0;
            const char *uri = sc->side.data + value;
            int isDefault = alen == 5;
            if (!isDefault && uri[0] == 0) return 0;  /* undeclaring a prefix is XML 1.1 */
            if (!isDefault && (split_qname(an, alen) != 5)) return 0;
            const char *pfx = isDefault ? an : an + 6;
            size_t pn = isDefault ? 0 : alen - 6;
            if (pn == 5 && memcmp(pfx, "xmlns", 5) == 0) return 0;
            if (pn == 3 && memcmp(pfx, "xml", 3) == 0) return 0;  /* legal only with its own URI: libxml2's */
            sc->ns[sc->nns].p = pfx;
            sc->ns[sc->nns].n = pn;
            sc->ns[sc->nns].uri = uri[0] == 0 ? -1 : lookup(uri, strlen(uri), sc->uris, sc->nuris);
            sc->ns[sc->nns].depth = sc->depth + 1;
            sc->nns++;
        }
    }
    if (sc->side.failed) { sc->oom = 1; return 0; }
    int32_t uri;
    if (plen) {
        if (plen == 5 && memcmp(qname, "xmlns", 5) == 0) return 0;
        uri = resolve(sc, qname, (size_t)plen);
        if (uri == -2) return 0;  /* undeclared prefix: libxml2's namespace error */
    } else {
        uri = resolve(sc, "", 0);
    }
    /* Every attribute prefix must be declared (xml is always bound). */
    size_t first = sc->nattr;
    int32_t count = 0;
    for (int32_t k = 0; k < na; k++) {
        const char *an = sc->s + at[k].nb;
        size_t alen = at[k].nlen;
        if (is_xmlns(an, alen)) continue;
        long ap = split_qname(an, alen);
        if (ap < 0) return 0;
        if (ap && !(ap == 3 && memcmp(an, "xml", 3) == 0) && resolve(sc, an, (size_t)ap) == -2) return 0;
        if (id < 0) continue;
        const char *al = ap ? an + ap + 1 : an;
        size_t allen = ap ? alen - (size_t)ap - 1 : alen;
        size_t nameOff = sc->side.len;
        bytes_put(&sc->side, al, allen);
        bytes_put(&sc->side, "", 1);
        if (!push_attr(sc, nameOff, at[k].value)) return 0;
        count++;
    }
    if (sc->side.failed) { sc->oom = 1; return 0; }
    sc->depth++;
    sc->open[sc->depth].p = qname;
    sc->open[sc->depth].n = nlen;
    if (id >= 0) {
        Event ev = {EV_START, id, uri, count, first, 0, 0, 0};
        if (!push_event(sc, ev)) return 0;
    } else {
        sc->side.len = sideMark;  /* the namespace URIs read are resolved already */
    }
    if (selfClose) {
        if (id >= 0) {
            Event ev = {EV_END, id, uri, 0, 0, 0, 0, 0};
            if (!push_event(sc, ev)) return 0;
        }
        sc->depth--;
        sc->nns = nsMark;
    }
    return 1;
}

/* An end tag (cursor after "</"). */
static int scan_end_tag(Scan *sc) {
    size_t nb = sc->i;
    size_t nlen = scan_name(sc);
    if (nlen == 0 || sc->depth == 0) return 0;
    if (sc->open[sc->depth].n != nlen || memcmp(sc->open[sc->depth].p, sc->s + nb, nlen) != 0) return 0;
    skip_space(sc);
    if (sc->i >= sc->n || sc->s[sc->i] != '>') return 0;
    sc->i++;
    const char *qname = sc->s + nb;
    const char *colon = memchr(qname, ':', nlen);
    const char *local = colon ? colon + 1 : qname;
    size_t llen = colon ? nlen - (size_t)(colon - qname) - 1 : nlen;
    int32_t id = lookup_name(sc, local, llen);
    if (id >= 0) {
        int32_t uri = colon ? resolve(sc, qname, (size_t)(colon - qname)) : resolve(sc, "", 0);
        if (uri < 0) uri = -1;
        Event ev = {EV_END, id, uri, 0, 0, 0, 0, 0};
        if (!push_event(sc, ev)) return 0;
    }
    while (sc->nns > 0 && sc->ns[sc->nns - 1].depth == sc->depth) sc->nns--;
    sc->depth--;
    return 1;
}

/* A comment (cursor after "<!--"). */
static int scan_comment(Scan *sc) {
    for (size_t k = sc->i; k + 1 < sc->n; k++) {
        if (sc->s[k] == '-' && sc->s[k + 1] == '-') {
            if (k + 2 < sc->n && sc->s[k + 2] == '>' ) {
                if (k > sc->i && sc->s[k - 1] == '-') return 0;  /* "--->" */
                sc->i = k + 3;
                return 1;
            }
            return 0;  /* "--" inside a comment */
        }
    }
    return 0;
}

/* A processing instruction (cursor after "<?"); not the XML declaration. */
static int scan_pi(Scan *sc) {
    size_t nb = sc->i;
    size_t nlen = scan_name(sc);
    if (nlen == 0) return 0;
    if (nlen == 3 && (sc->s[nb] | 0x20) == 'x' && (sc->s[nb + 1] | 0x20) == 'm' && (sc->s[nb + 2] | 0x20) == 'l') return 0;
    if (memchr(sc->s + nb, ':', nlen)) return 0;
    for (size_t k = sc->i; k + 1 < sc->n; k++)
        if (sc->s[k] == '?' && sc->s[k + 1] == '>') {
            if (k == sc->i || is_space(sc->s[sc->i])) { sc->i = k + 2; return 1; }
            return 0;
        }
    return 0;
}

/* The XML declaration, if any: version 1.0, encoding UTF-8 if named. */
static int scan_declaration(Scan *sc) {
    if (sc->n - sc->i < 6 || memcmp(sc->s + sc->i, "<?xml", 5) != 0 || !is_space(sc->s[sc->i + 5])) return 1;
    const char *e = NULL;
    for (size_t k = sc->i + 5; k + 1 < sc->n; k++) if (sc->s[k] == '?' && sc->s[k + 1] == '>') { e = sc->s + k; break; }
    if (e == NULL) return 0;
    size_t b = sc->i + 5, end = (size_t)(e - sc->s);
    /* Only the pseudo-attributes version, encoding, standalone, in this order, simply quoted. */
    const char *keys[3] = {"version", "encoding", "standalone"};
    int next = 0;
    sc->i = b;
    while (sc->i < end) {
        skip_space(sc);
        if (sc->i >= end) break;
        size_t kb = sc->i;
        size_t klen = scan_name(sc);
        if (klen == 0) return 0;
        int which = -1;
        for (int k = next; k < 3; k++) if (strlen(keys[k]) == klen && memcmp(keys[k], sc->s + kb, klen) == 0) { which = k; break; }
        if (which < 0 || (next == 0 && which != 0)) return 0;
        next = which + 1;
        skip_space(sc);
        if (sc->i >= end || sc->s[sc->i] != '=') return 0;
        sc->i++;
        skip_space(sc);
        if (sc->i >= end) return 0;
        char q = sc->s[sc->i];
        if (q != '"' && q != '\'') return 0;
        const char *ve = memchr(sc->s + sc->i + 1, q, end - sc->i - 1);
        if (ve == NULL) return 0;
        const char *v = sc->s + sc->i + 1;
        size_t vlen = (size_t)(ve - v);
        if (which == 0 && !(vlen == 3 && memcmp(v, "1.0", 3) == 0)) return 0;
        if (which == 1 && !(vlen == 5 && (v[0] | 0x20) == 'u' && (v[1] | 0x20) == 't' && (v[2] | 0x20) == 'f' && v[3] == '-' && v[4] == '8')) return 0;
        if (which == 2 && !((vlen == 3 && memcmp(v, "yes", 3) == 0) || (vlen == 2 && memcmp(v, "no", 2) == 0))) return 0;
        sc->i = (size_t)(ve - sc->s) + 1;
        if (sc->i < end && !is_space(sc->s[sc->i])) return 0;
    }
    if (next == 0) return 0;
    sc->i = end + 2;
    return 1;
}

static int scan_document(Scan *sc) {
    if (sc->n >= 3 && (unsigned char)sc->s[0] == 0xEF && (unsigned char)sc->s[1] == 0xBB && (unsigned char)sc->s[2] == 0xBF) sc->i = 3;
    if (!scan_declaration(sc)) return 0;
    int seenRoot = 0;
    while (sc->i < sc->n) {
        if (sc->depth == 0) {
            skip_space(sc);
            if (sc->i >= sc->n) break;
            if (sc->s[sc->i] != '<') return 0;  /* text outside the root element */
        } else if (sc->s[sc->i] != '<') {
            if (!scan_text(sc)) return 0;
            continue;
        }
        /* sc->s[sc->i] == '<' */
        if (sc->i + 1 >= sc->n) return 0;
        char c = sc->s[sc->i + 1];
        if (c == '/') {
            sc->i += 2;
            if (!scan_end_tag(sc)) return 0;
            if (sc->depth == 0) seenRoot = 1;
        } else if (c == '?') {
            sc->i += 2;
            if (!scan_pi(sc)) return 0;
        } else if (c == '!') {
            if (sc->n - sc->i >= 4 && memcmp(sc->s + sc->i, "<!--", 4) == 0) {
                sc->i += 4;
                if (!scan_comment(sc)) return 0;
            } else if (sc->depth > 0 && sc->n - sc->i >= 9 && memcmp(sc->s + sc->i, "<![CDATA[", 9) == 0) {
                size_t b = sc->i + 9;
                size_t k = b;
                while (k + 2 < sc->n && !(sc->s[k] == ']' && sc->s[k + 1] == ']' && sc->s[k + 2] == '>')) k++;
                if (k + 2 >= sc->n) return 0;
                /* CR in a CDATA section is still a line end: leave such sections to libxml2. */
                if (memchr(sc->s + b, '\r', k - b)) return 0;
                if (k > b) {
                    Event ev = {EV_TEXT, -1, -1, 0, 0, b, k - b, 1};
                    if (!push_event(sc, ev)) return 0;
                }
                sc->i = k + 3;
            } else {
                return 0;  /* a document type declaration, or anything else: libxml2's to judge */
            }
        } else {
            if (sc->depth == 0 && seenRoot) return 0;  /* a second root element */
            sc->i += 1;
            if (!scan_start_tag(sc)) return 0;
            if (sc->depth == 0) seenRoot = 1;  /* an empty root element */
        }
    }
    return seenRoot && sc->depth == 0 && !sc->side.failed;
}

int32_t qy_fast_sax_parse(const char *xml, size_t length, const char *const *names, int32_t nnames,
                          const char *const *uris, int32_t nuris, const qy_sax_handlers *h, void *ctx) {
    if (!valid_chars((const unsigned char *)xml, length)) return QY_FAST_UNSUPPORTED;
    Scan *sc = calloc(1, sizeof(Scan));
    if (sc == NULL) return QY_FAST_UNSUPPORTED;
    sc->s = xml; sc->n = length;
    sc->names = names; sc->nnames = nnames;
    sc->uris = uris; sc->nuris = nuris;
    int ok = scan_document(sc);
    int32_t status = ok ? QY_SAX_OK : (sc->oom ? QY_SAX_STOPPED : QY_FAST_UNSUPPORTED);
    if (ok) {
        /* Replay, as qy_sax_parse's libxml2 callbacks would deliver them. */
        const char *stack[64];
        const char **pairs = stack;
        size_t pairsCap = 64;
        int32_t skip = 0;
        for (size_t k = 0; k < sc->nev && status == QY_SAX_OK; k++) {
            Event *e = &sc->ev[k];
            switch (e->kind) {
            case EV_START:
                if (skip > 0) { skip++; break; }
                if (h->start == NULL) break;
                if ((size_t)e->nattrs * 2 > pairsCap) {
                    size_t cap = (size_t)e->nattrs * 2;
                    const char **p = malloc(cap * sizeof(char *));
                    if (p == NULL) { status = QY_SAX_STOPPED; break; }
                    if (pairs != stack) free(pairs);
                    pairs = p; pairsCap = cap;
                }
                for (int32_t a = 0; a < e->nattrs; a++) {
                    pairs[2 * a] = sc->side.data + sc->attrs[e->attr + 2 * (size_t)a];
                    pairs[2 * a + 1] = sc->side.data + sc->attrs[e->attr + 2 * (size_t)a + 1];
                }
                if (h->start(ctx, e->name, e->uri, e->nattrs, pairs)) skip = 1;
                break;
            case EV_END:
                if (skip > 0) { skip--; break; }
                if (h->end) h->end(ctx, e->name, e->uri);
                break;
            default:
                if (skip > 0 || h->text == NULL) break;
                /* Pieces of at most INT32_MAX bytes, as the callback takes. */
                const char *p = e->inInput ? xml + e->off : sc->side.data + e->off;
                size_t left = e->len;
                while (left > 0) {
                    int32_t piece = left > 0x40000000 ? 0x40000000 : (int32_t)left;
                    h->text(ctx, p, piece);
                    p += piece; left -= (size_t)piece;
                }
            }
        }
        if (pairs != stack) free(pairs);
    }
    free(sc->ev);
    free(sc->attrs);
    free(sc->side.data);
    free(sc);
    return status;
}
