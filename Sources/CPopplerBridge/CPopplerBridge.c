#include "CPopplerBridge.h"
#include <poppler.h>
#include <cairo.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

struct qy_pdf {
    PopplerDocument *doc;
    GBytes *bytes;
};

static void put_error(char *err, int32_t errlen, const char *message) {
    if (!err || errlen <= 0) return;
    snprintf(err, (size_t)errlen, "%s", message ? message : "");
}

qy_pdf *qy_pdf_open(const uint8_t *data, size_t length, int32_t *status, char *err, int32_t errlen) {
    GError *error = NULL;
    GBytes *bytes = g_bytes_new(data, length);
    PopplerDocument *doc = poppler_document_new_from_bytes(bytes, NULL, &error);
    if (!doc) {
        int encrypted = error && error->domain == POPPLER_ERROR && error->code == POPPLER_ERROR_ENCRYPTED;
        if (status) *status = encrypted ? QY_PDF_ENCRYPTED : QY_PDF_MALFORMED;
        put_error(err, errlen, error ? error->message : "cannot open the document");
        if (error) g_error_free(error);
        g_bytes_unref(bytes);
        return NULL;
    }
    qy_pdf *pdf = calloc(1, sizeof *pdf);
    if (!pdf) {
        g_object_unref(doc);
        g_bytes_unref(bytes);
        if (status) *status = QY_PDF_MALFORMED;
        put_error(err, errlen, "out of memory");
        return NULL;
    }
    pdf->doc = doc;
    pdf->bytes = bytes;
    if (status) *status = QY_PDF_OK;
    return pdf;
}

void qy_pdf_close(qy_pdf *pdf) {
    if (!pdf) return;
    g_object_unref(pdf->doc);
    g_bytes_unref(pdf->bytes);
    free(pdf);
}

int32_t qy_pdf_page_count(const qy_pdf *pdf) { return poppler_document_get_n_pages(pdf->doc); }

void qy_pdf_page_size(const qy_pdf *pdf, int32_t page, double *width, double *height) {
    *width = 0; *height = 0;
    PopplerPage *p = poppler_document_get_page(pdf->doc, page);
    if (!p) return;
    poppler_page_get_size(p, width, height);
    g_object_unref(p);
}

int32_t qy_pdf_page_text(const qy_pdf *pdf, int32_t page, char **text, double **boxes, int32_t *count) {
    *text = NULL; *boxes = NULL; *count = 0;
    PopplerPage *p = poppler_document_get_page(pdf->doc, page);
    if (!p) return -1;
    PopplerRectangle *rects = NULL;
    guint n = 0;
    gboolean ok = poppler_page_get_text_layout(p, &rects, &n);
    char *t = poppler_page_get_text(p);
    g_object_unref(p);
    if (!t) { g_free(rects); return -1; }
    size_t len = strlen(t);
    char *copy = malloc(len + 1);
    /* One box per scalar of the text (poppler gives one per character, newlines included). */
    glong scalars = g_utf8_strlen(t, (gssize)len);
    double *b = malloc(sizeof(double) * 4 * (size_t)(scalars > 0 ? scalars : 1));
    if (!copy || !b) { free(copy); free(b); g_free(t); g_free(rects); return -1; }
    memcpy(copy, t, len + 1);
    for (glong i = 0; i < scalars; i++) {
        if (ok && (guint)i < n) {
            b[4 * i] = rects[i].x1; b[4 * i + 1] = rects[i].y1;
            b[4 * i + 2] = rects[i].x2; b[4 * i + 3] = rects[i].y2;
        } else {
            b[4 * i] = b[4 * i + 1] = b[4 * i + 2] = b[4 * i + 3] = -1;
        }
    }
    g_free(t);
    g_free(rects);
    *text = copy; *boxes = b; *count = (int32_t)scalars;
    return 0;
}

uint8_t *qy_pdf_render_gray(const qy_pdf *pdf, int32_t page, double dpi, int64_t maxPixels,
                            int32_t *width, int32_t *height) {
    *width = 0; *height = 0;
    PopplerPage *p = poppler_document_get_page(pdf->doc, page);
    if (!p) return NULL;
    double w = 0, h = 0;
    poppler_page_get_size(p, &w, &h);
    double scale = dpi / 72.0;
    double pw = w * scale, ph = h * scale;
    if (!(pw >= 1 && ph >= 1) || pw > 1e6 || ph > 1e6) { g_object_unref(p); return NULL; }
    *width = (int32_t)(pw + 0.5); *height = (int32_t)(ph + 0.5);
    if ((int64_t)*width * (int64_t)*height > maxPixels) { g_object_unref(p); return NULL; }
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, *width, *height);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface); g_object_unref(p); return NULL;
    }
    cairo_t *cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    poppler_page_render_for_printing(p, cr);
    cairo_destroy(cr);
    g_object_unref(p);
    cairo_surface_flush(surface);
    int stride = cairo_image_surface_get_stride(surface);
    const unsigned char *src = cairo_image_surface_get_data(surface);
    uint8_t *gray = malloc((size_t)*width * (size_t)*height);
    if (!gray) { cairo_surface_destroy(surface); return NULL; }
    for (int32_t y = 0; y < *height; y++) {
        const uint32_t *row = (const uint32_t *)(src + (size_t)y * (size_t)stride);
        for (int32_t x = 0; x < *width; x++) {
            uint32_t px = row[x];
            unsigned r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, bl = px & 0xff;
            gray[(size_t)y * (size_t)*width + (size_t)x] = (uint8_t)((299 * r + 587 * g + 114 * bl) / 1000);
        }
    }
    cairo_surface_destroy(surface);
    return gray;
}

void qy_pdf_free(void *p) { free(p); }
