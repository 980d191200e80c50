#ifndef QIYUE_CICUBRIDGE_H
#define QIYUE_CICUBRIDGE_H
/*
 * A tiny C face over the system ICU (libicuuc / libicui18n).
 * Only plain C types cross this boundary: Swift on Linux cannot import ICU's own headers next to
 * Foundation (which bundles a private ICU whose types clash), and ICU's versioned symbol renaming
 * (ubrk_open -> ubrk_open_72) is invisible to Swift. Every function returns a negative value on
 * failure; `*status` carries ICU's UErrorCode where given.
 */
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Charset detection. Writes up to `max` candidates (name, confidence 0..100), best first. */
int32_t qy_detect_charsets(const char *bytes, int32_t length,
                           char names[][32], int32_t *confidences, int32_t max);

/* Strict conversion of `bytes` in charset `name` to UTF-16. Returns the number of UTF-16 units
 * written (call with out == NULL / capacity 0 to size), or -1 on an undecodable sequence, in which
 * case *errorOffset is the byte offset of the bad sequence, or -2 for an unknown charset / other
 * error (*status). */
int32_t qy_convert_to_utf16(const char *name, const char *bytes, int32_t length,
                            uint16_t *out, int32_t capacity, int32_t *errorOffset, int32_t *status);

/* Strict conversion of UTF-16 to charset `name` (used by tests and tools to produce encodings). */
int32_t qy_convert_from_utf16(const char *name, const uint16_t *text, int32_t length,
                              char *out, int32_t capacity, int32_t *status);

/* NFKC of a single code point: writes UTF-16 units into out, returns count (or -1). */
int32_t qy_nfkc_codepoint(uint32_t cp, uint16_t *out, int32_t capacity);
/* 1 if the code point is unchanged by NFKC and does not combine with neighbours. */
int32_t qy_nfkc_is_inert(uint32_t cp);

/* A reusable word-break iterator (locale e.g. "zh"). */
typedef struct QYWordBreaker QYWordBreaker;
QYWordBreaker *qy_wordbreak_open(const char *locale, int32_t *status);
/* Fills boundaries (UTF-16 offsets, starting with 0) and the rule status of the segment ending at
 * each boundary (ruleStatus may be NULL). Returns the number of boundaries, or -1. `capacity` >=
 * length + 1 suffices. */
int32_t qy_wordbreak_run(QYWordBreaker *breaker, const uint16_t *text, int32_t length,
                         int32_t *boundaries, int32_t *ruleStatus, int32_t capacity);
void qy_wordbreak_close(QYWordBreaker *breaker);

/* Transliterator, e.g. "Traditional-Simplified". */
typedef struct QYTransliterator QYTransliterator;
QYTransliterator *qy_translit_open(const char *id, int32_t *status);
/* Transliterates text in place in `buffer` (length units, capacity units). Returns the new length. */
int32_t qy_translit_run(QYTransliterator *t, uint16_t *buffer, int32_t length, int32_t capacity,
                        int32_t *status);
void qy_translit_close(QYTransliterator *t);

/* Regular expressions with a time limit (ICU uregex). */
typedef struct QYRegex QYRegex;
/* Compiles; on error returns NULL and sets *errorOffset (UTF-16 offset in the pattern, or -1). */
QYRegex *qy_regex_open(const uint16_t *pattern, int32_t length, int32_t caseInsensitive,
                       int32_t *errorOffset, int32_t *status);
/* Sets the match time limit in ICU's work units (about milliseconds) and a text to search. */
int32_t qy_regex_set_text(QYRegex *re, const uint16_t *text, int32_t length, int32_t timeLimit);
/* Finds the next match at or after `from` (-1: continue). Returns 1 found, 0 none, -3 time limit
 * exceeded, -1 other error. Writes the match's UTF-16 start and end. */
/* Returns 1 found, 0 not found, -3 over the time limit, -4 over the budget set by
 * qy_regex_set_budget, -5 any other failure (e.g. U_REGEX_STACK_OVERFLOW; *start holds the ICU status). */
int32_t qy_regex_find(QYRegex *re, int32_t from, int32_t *start, int32_t *end);
/* Work budget, in ICU time units, for the finds until the next call (negative: none); resets the count. */
void qy_regex_set_budget(QYRegex *re, int64_t budget);
/* ICU time units spent since the last qy_regex_set_budget. */
int64_t qy_regex_used(const QYRegex *re);
void qy_regex_close(QYRegex *re);
/* ICU's name for a status code, e.g. "U_REGEX_STACK_OVERFLOW". */
const char *qy_error_name(int32_t status);

/* Spell-out number parsing (ICU RBNF, e.g. locale "zh"). Returns 1 and sets *value on success. */
int32_t qy_spellout_parse(const char *locale, const uint16_t *text, int32_t length, double *value);

#ifdef __cplusplus
}
#endif
#endif
