#include "CICUBridge.h"
#include <stdlib.h>
#include <string.h>
#include <unicode/ucsdet.h>
#include <unicode/ucnv.h>
#include <unicode/unorm2.h>
#include <unicode/ubrk.h>
#include <unicode/utrans.h>
#include <unicode/uregex.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>

int32_t qy_detect_charsets(const char *bytes, int32_t length,
                           char names[][32], int32_t *confidences, int32_t max) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *det = ucsdet_open(&status);
    if (U_FAILURE(status)) return -1;
    ucsdet_setText(det, bytes, length, &status);
    int32_t found = 0;
    const UCharsetMatch **matches = ucsdet_detectAll(det, &found, &status);
    if (U_FAILURE(status)) { ucsdet_close(det); return -1; }
    int32_t n = 0;
    for (int32_t i = 0; i < found && n < max; i++) {
        UErrorCode s = U_ZERO_ERROR;
        const char *name = ucsdet_getName(matches[i], &s);
        int32_t conf = ucsdet_getConfidence(matches[i], &s);
        if (U_FAILURE(s) || name == NULL) continue;
        strncpy(names[n], name, 31);
        names[n][31] = 0;
        confidences[n] = conf;
        n++;
    }
    ucsdet_close(det);
    return n;
}

int32_t qy_convert_to_utf16(const char *name, const char *bytes, int32_t length,
                            uint16_t *out, int32_t capacity, int32_t *errorOffset, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    *errorOffset = -1;
    UConverter *cnv = ucnv_open(name, &st);
    if (U_FAILURE(st)) { *status = st; return -2; }
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &st);
    if (U_FAILURE(st)) { *status = st; ucnv_close(cnv); return -2; }
    /* Convert in chunks so that sizing works without a full-size buffer. */
    UChar chunk[4096];
    const char *src = bytes;
    const char *srcLimit = bytes + length;
    int32_t total = 0;
    for (;;) {
        UChar *target = chunk;
        st = U_ZERO_ERROR;
        ucnv_toUnicode(cnv, &target, chunk + 4096, &src, srcLimit, NULL, 1, &st);
        int32_t produced = (int32_t)(target - chunk);
        if (out != NULL && produced > 0) {
            if (total + produced > capacity) { *status = U_BUFFER_OVERFLOW_ERROR; ucnv_close(cnv); return -2; }
            memcpy(out + total, chunk, (size_t)produced * sizeof(UChar));
        }
        total += produced;
        if (st == U_BUFFER_OVERFLOW_ERROR) continue;
        if (U_FAILURE(st)) {
            char bad[32];
            int8_t badLen = sizeof(bad);
            UErrorCode s2 = U_ZERO_ERROR;
            ucnv_getInvalidChars(cnv, bad, &badLen, &s2);
            if (U_FAILURE(s2)) badLen = 0;
            *errorOffset = (int32_t)(src - bytes) - badLen;
            if (*errorOffset < 0) *errorOffset = 0;
            *status = st;
            ucnv_close(cnv);
            return -1;
        }
        break;
    }
    ucnv_close(cnv);
    *status = 0;
    return total;
}

int32_t qy_convert_from_utf16(const char *name, const uint16_t *text, int32_t length,
                              char *out, int32_t capacity, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(name, &st);
    if (U_FAILURE(st)) { *status = st; return -1; }
    ucnv_setFromUCallBack(cnv, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &st);
    int32_t n = ucnv_fromUChars(cnv, out, capacity, (const UChar *)text, length, &st);
    ucnv_close(cnv);
    *status = st;
    if (U_FAILURE(st) && st != U_BUFFER_OVERFLOW_ERROR) return -1;
    return n;
}

static const UNormalizer2 *nfkc(void) {
    static const UNormalizer2 *instance = NULL;
    if (instance == NULL) {
        UErrorCode st = U_ZERO_ERROR;
        instance = unorm2_getNFKCInstance(&st);
        if (U_FAILURE(st)) instance = NULL;
    }
    return instance;
}

int32_t qy_nfkc_is_inert(uint32_t cp) {
    const UNormalizer2 *n = nfkc();
    if (n == NULL) return 1;
    return unorm2_isInert(n, (UChar32)cp) ? 1 : 0;
}

int32_t qy_nfkc_codepoint(uint32_t cp, uint16_t *out, int32_t capacity) {
    const UNormalizer2 *n = nfkc();
    if (n == NULL) return -1;
    UChar src[2];
    int32_t len = 0;
    UBool err = 0;
    U16_APPEND((UChar *)src, len, 2, (UChar32)cp, err);
    if (err) return -1;
    UErrorCode st = U_ZERO_ERROR;
    int32_t r = unorm2_normalize(n, src, len, (UChar *)out, capacity, &st);
    if (U_FAILURE(st)) return -1;
    return r;
}

struct QYWordBreaker { UBreakIterator *bi; };

QYWordBreaker *qy_wordbreak_open(const char *locale, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_WORD, locale, NULL, 0, &st);
    *status = st;
    if (U_FAILURE(st)) return NULL;
    QYWordBreaker *b = (QYWordBreaker *)malloc(sizeof(QYWordBreaker));
    if (b == NULL) { ubrk_close(bi); return NULL; }
    b->bi = bi;
    return b;
}

int32_t qy_wordbreak_run(QYWordBreaker *breaker, const uint16_t *text, int32_t length,
                         int32_t *boundaries, int32_t *ruleStatus, int32_t capacity) {
    UErrorCode st = U_ZERO_ERROR;
    ubrk_setText(breaker->bi, (const UChar *)text, length, &st);
    if (U_FAILURE(st)) return -1;
    int32_t n = 0;
    int32_t p = ubrk_first(breaker->bi);
    while (p != UBRK_DONE && n < capacity) {
        boundaries[n] = p;
        if (ruleStatus != NULL) ruleStatus[n] = ubrk_getRuleStatus(breaker->bi);
        n++;
        p = ubrk_next(breaker->bi);
    }
    /* Detach the text so that the caller's buffer may be freed. */
    ubrk_setText(breaker->bi, NULL, 0, &st);
    return n;
}

void qy_wordbreak_close(QYWordBreaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->bi);
    free(breaker);
}

struct QYTransliterator { UTransliterator *t; };

QYTransliterator *qy_translit_open(const char *id, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    UChar uid[128];
    u_uastrncpy(uid, id, 127);
    uid[127] = 0;
    UTransliterator *t = utrans_openU(uid, -1, UTRANS_FORWARD, NULL, 0, NULL, &st);
    *status = st;
    if (U_FAILURE(st)) return NULL;
    QYTransliterator *r = (QYTransliterator *)malloc(sizeof(QYTransliterator));
    if (r == NULL) { utrans_close(t); return NULL; }
    r->t = t;
    return r;
}

int32_t qy_translit_run(QYTransliterator *t, uint16_t *buffer, int32_t length, int32_t capacity,
                        int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    int32_t len = length;
    int32_t limit = length;
    utrans_transUChars(t->t, (UChar *)buffer, &len, capacity, 0, &limit, &st);
    *status = st;
    if (U_FAILURE(st)) return -1;
    return len;
}

void qy_translit_close(QYTransliterator *t) {
    if (t == NULL) return;
    utrans_close(t->t);
    free(t);
}

struct QYRegex { URegularExpression *re; int64_t used; int64_t budget; int32_t last; };

/* ICU calls this every ~10,000 match steps with the time units of the current operation; the
 * deltas add up to the work of all finds since qy_regex_set_budget. */
static UBool qy_regex_progress(const void *context, int32_t steps) {
    QYRegex *r = (QYRegex *)context;
    if (steps < r->last) r->last = 0;
    r->used += steps - r->last;
    r->last = steps;
    return (UBool)(r->budget < 0 || r->used < r->budget);
}

QYRegex *qy_regex_open(const uint16_t *pattern, int32_t length, int32_t caseInsensitive,
                       int32_t *errorOffset, int32_t *status) {
    UErrorCode st = U_ZERO_ERROR;
    UParseError pe;
    memset(&pe, 0, sizeof(pe));
    uint32_t flags = caseInsensitive ? UREGEX_CASE_INSENSITIVE : 0;
    URegularExpression *re = uregex_open((const UChar *)pattern, length, flags, &pe, &st);
    *status = st;
    if (U_FAILURE(st)) {
        *errorOffset = pe.offset >= 0 ? pe.offset : -1;
        return NULL;
    }
    QYRegex *r = (QYRegex *)malloc(sizeof(QYRegex));
    if (r == NULL) { uregex_close(re); return NULL; }
    r->re = re;
    r->used = 0; r->budget = -1; r->last = 0;
    uregex_setMatchCallback(re, qy_regex_progress, r, &st);
    if (U_FAILURE(st)) { uregex_close(re); free(r); *status = st; return NULL; }
    return r;
}

int32_t qy_regex_set_text(QYRegex *re, const uint16_t *text, int32_t length, int32_t timeLimit) {
    UErrorCode st = U_ZERO_ERROR;
    uregex_setText(re->re, (const UChar *)text, length, &st);
    if (U_FAILURE(st)) return -1;
    uregex_setTimeLimit(re->re, timeLimit, &st);
    if (U_FAILURE(st)) return -1;
    return 0;
}

int32_t qy_regex_find(QYRegex *re, int32_t from, int32_t *start, int32_t *end) {
    UErrorCode st = U_ZERO_ERROR;
    UBool found = from >= 0 ? uregex_find(re->re, from, &st) : uregex_findNext(re->re, &st);
    if (st == U_REGEX_TIME_OUT) return -3;
    if (st == U_REGEX_STOPPED_BY_CALLER) return -4;
    if (U_FAILURE(st)) { *start = (int32_t)st; return -5; }
    if (!found) return 0;
    *start = uregex_start(re->re, 0, &st);
    *end = uregex_end(re->re, 0, &st);
    if (U_FAILURE(st)) return -1;
    return 1;
}

const char *qy_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

void qy_regex_set_budget(QYRegex *re, int64_t budget) { re->budget = budget; re->used = 0; re->last = 0; }

int64_t qy_regex_used(const QYRegex *re) { return re->used; }

void qy_regex_close(QYRegex *re) {
    if (re == NULL) return;
    uregex_close(re->re);
    free(re);
}

int32_t qy_spellout_parse(const char *locale, const uint16_t *text, int32_t length, double *value) {
    UErrorCode st = U_ZERO_ERROR;
    UNumberFormat *f = unum_open(UNUM_SPELLOUT, NULL, 0, locale, NULL, &st);
    if (U_FAILURE(st)) return 0;
    int32_t pos = 0;
    double v = unum_parseDouble(f, (const UChar *)text, length, &pos, &st);
    unum_close(f);
    if (U_FAILURE(st) || pos != length) return 0;
    *value = v;
    return 1;
}
