#ifndef QIYUE_CPOPPLERBRIDGE_H
#define QIYUE_CPOPPLERBRIDGE_H
/* Plain-C face over poppler-glib and cairo: open a PDF from memory, read each page's text layer
 * with the box of every character, and render a page to 8-bit gray pixels for OCR. */
#include <stddef.h>
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

typedef struct qy_pdf qy_pdf;

/* Result of qy_pdf_open. */
enum {
    QY_PDF_OK = 0,
    QY_PDF_MALFORMED = 1, /* not a PDF, damaged beyond repair; message in err */
    QY_PDF_ENCRYPTED = 2  /* needs a password */
};

/* Opens `length` bytes of PDF (copied). On failure returns NULL and sets *status; `err` (may be
 * NULL) receives a message of up to errlen-1 bytes. */
qy_pdf *qy_pdf_open(const uint8_t *data, size_t length, int32_t *status, char *err, int32_t errlen);
void qy_pdf_close(qy_pdf *pdf);
int32_t qy_pdf_page_count(const qy_pdf *pdf);
/* The page's size in points (1/72 inch). */
void qy_pdf_page_size(const qy_pdf *pdf, int32_t page, double *width, double *height);

/* The page's text layer: malloc'd UTF-8 text (free with qy_pdf_free) and, in *boxes (malloc'd),
 * four doubles (x1, y1, x2, y2 in points, origin top left) per Unicode scalar of the text;
 * *count is the number of scalars. Returns 0, or -1 when the page has no text layer. */
int32_t qy_pdf_page_text(const qy_pdf *pdf, int32_t page, char **text, double **boxes, int32_t *count);

/* Renders the page at `dpi` to 8-bit gray, one byte per pixel, rows `*width` bytes apart, white
 * paper. Returns NULL when the page would have more than maxPixels pixels (then *width and *height
 * hold the size it would have) or cannot be rendered. Free with qy_pdf_free. */
uint8_t *qy_pdf_render_gray(const qy_pdf *pdf, int32_t page, double dpi, int64_t maxPixels,
                            int32_t *width, int32_t *height);

void qy_pdf_free(void *p);

#ifdef __cplusplus
}
#endif
#endif
