#include "CTesseractBridge.h"
#include <tesseract/capi.h>
#include <leptonica/allheaders.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct qy_ocr {
    TessBaseAPI *api;
};

static void put_error(char *err, int32_t errlen, const char *message) {
    if (!err || errlen <= 0) return;
    snprintf(err, (size_t)errlen, "%s", message ? message : "");
}

qy_ocr *qy_ocr_create(const char *datapath, const char *languages, char *err, int32_t errlen) {
    /* Leptonica would print every warning on standard error. */
    setMsgSeverity(L_SEVERITY_NONE);
    TessBaseAPI *api = TessBaseAPICreate();
    if (!api) { put_error(err, errlen, "cannot create a Tesseract instance"); return NULL; }
    if (TessBaseAPIInit3(api, datapath, languages) != 0) {
        TessBaseAPIDelete(api);
        put_error(err, errlen, "Tesseract cannot load its language data (is tesseract-ocr-chi-sim installed?)");
        return NULL;
    }
    TessBaseAPISetVariable(api, "debug_file", "/dev/null");
    /* Chinese: no spaces are put between CJK words. */
    TessBaseAPISetVariable(api, "preserve_interword_spaces", "1");
    TessBaseAPISetPageSegMode(api, PSM_AUTO);
    qy_ocr *ocr = calloc(1, sizeof *ocr);
    if (!ocr) { TessBaseAPIEnd(api); TessBaseAPIDelete(api); put_error(err, errlen, "out of memory"); return NULL; }
    ocr->api = api;
    return ocr;
}

void qy_ocr_destroy(qy_ocr *ocr) {
    if (!ocr) return;
    TessBaseAPIEnd(ocr->api);
    TessBaseAPIDelete(ocr->api);
    free(ocr);
}

int32_t qy_image_is_tiff(const uint8_t *data, size_t length) {
    l_int32 format = 0;
    if (length < 12 || findFileFormatBuffer(data, &format) != 0) return 0;
    return (format >= IFF_TIFF && format <= IFF_TIFF_ZIP) || format == IFF_TIFF_JPEG;
}

int32_t qy_image_header(const uint8_t *data, size_t length, int32_t page, int32_t *width, int32_t *height) {
    l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, cmap = 0, res = 0;
    *width = 0; *height = 0;
    if (page < 0) return -1;
    if (qy_image_is_tiff(data, length)) {
        if (readHeaderMemTiff(data, length, page, &w, &h, &bps, &spp, &res, &cmap, &format) != 0) return -1;
    } else {
        if (page > 0) return -1;
        if (pixReadHeaderMem(data, length, &format, &w, &h, &bps, &spp, &cmap) != 0) return -1;
    }
    *width = w; *height = h;
    return 0;
}

static int32_t collect(qy_ocr *ocr, int32_t timeoutMs, qy_ocr_word **words, int32_t *count, char *err, int32_t errlen) {
    *words = NULL; *count = 0;
    ETEXT_DESC *monitor = TessMonitorCreate();
    if (timeoutMs > 0) TessMonitorSetDeadlineMSecs(monitor, timeoutMs);
    int rc = TessBaseAPIRecognize(ocr->api, monitor);
    TessMonitorDelete(monitor);
    int32_t status = QY_OCR_OK;
    if (rc != 0) {
        /* Recognize fails when the deadline passed (or on an internal error). */
        status = QY_OCR_TIMEOUT;
    }
    TessResultIterator *it = TessBaseAPIGetIterator(ocr->api);
    if (!it) { TessBaseAPIClear(ocr->api); return status; }
    size_t cap = 64, n = 0;
    qy_ocr_word *out = malloc(cap * sizeof *out);
    if (!out) { TessResultIteratorDelete(it); put_error(err, errlen, "out of memory"); return QY_OCR_FAILED; }
    const TessPageIterator *page = TessResultIteratorGetPageIteratorConst(it);
    do {
        char *t = TessResultIteratorGetUTF8Text(it, RIL_WORD);
        if (!t) continue;
        if (!*t) { TessDeleteText(t); continue; }
        if (n == cap) {
            cap *= 2;
            qy_ocr_word *grown = realloc(out, cap * sizeof *out);
            if (!grown) { TessDeleteText(t); break; }
            out = grown;
        }
        qy_ocr_word *w = &out[n];
        w->text = strdup(t);
        TessDeleteText(t);
        if (!w->text) break;
        int l = 0, tp = 0, r = 0, b = 0;
        TessPageIteratorBoundingBox(page, RIL_WORD, &l, &tp, &r, &b);
        w->x1 = l; w->y1 = tp; w->x2 = r; w->y2 = b;
        w->confidence = TessResultIteratorConfidence(it, RIL_WORD);
        w->blockStart = TessPageIteratorIsAtBeginningOf(page, RIL_BLOCK) ? 1 : 0;
        w->paraStart = TessPageIteratorIsAtBeginningOf(page, RIL_PARA) ? 1 : 0;
        w->lineStart = TessPageIteratorIsAtBeginningOf(page, RIL_TEXTLINE) ? 1 : 0;
        n++;
    } while (TessResultIteratorNext(it, RIL_WORD));
    TessResultIteratorDelete(it);
    TessBaseAPIClear(ocr->api);
    *words = out; *count = (int32_t)n;
    return status;
}

int32_t qy_ocr_gray(qy_ocr *ocr, const uint8_t *pixels, int32_t width, int32_t height, int32_t dpi,
                    int32_t timeoutMs, qy_ocr_word **words, int32_t *count, char *err, int32_t errlen) {
    TessBaseAPISetImage(ocr->api, pixels, width, height, 1, width);
    if (dpi > 0) TessBaseAPISetSourceResolution(ocr->api, dpi);
    return collect(ocr, timeoutMs, words, count, err, errlen);
}

int32_t qy_ocr_image(qy_ocr *ocr, const uint8_t *data, size_t length, int32_t page, int32_t timeoutMs,
                     qy_ocr_word **words, int32_t *count, int32_t *dpi, char *err, int32_t errlen) {
    *words = NULL; *count = 0; *dpi = 0;
    PIX *pix = qy_image_is_tiff(data, length) ? pixReadMemTiff(data, length, page)
                                               : (page == 0 ? pixReadMem(data, length) : NULL);
    if (!pix) { put_error(err, errlen, "the image cannot be decoded"); return QY_OCR_BAD_IMAGE; }
    l_int32 xres = pixGetXRes(pix);
    *dpi = xres;
    TessBaseAPISetImage2(ocr->api, pix);
    /* Unstated or implausible resolutions: Tesseract assumes 70 and warns; say 300. */
    TessBaseAPISetSourceResolution(ocr->api, (xres >= 70 && xres <= 2400) ? xres : 300);
    int32_t status = collect(ocr, timeoutMs, words, count, err, errlen);
    pixDestroy(&pix);
    return status;
}

void qy_ocr_free_words(qy_ocr_word *words, int32_t count) {
    if (!words) return;
    for (int32_t i = 0; i < count; i++) free(words[i].text);
    free(words);
}
