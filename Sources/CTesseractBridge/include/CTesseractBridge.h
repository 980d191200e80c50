#ifndef QIYUE_CTESSERACTBRIDGE_H
#define QIYUE_CTESSERACTBRIDGE_H
/* Plain-C face over Tesseract's C API and Leptonica: recognize gray pixels or an encoded image
 * (PNG, JPEG, TIFF …) into words with their boxes and confidences. */
#include <stddef.h>
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

typedef struct qy_ocr qy_ocr;

/* One recognized word: UTF-8 text, box in image pixels (origin top left), confidence 0–100, and
 * whether it starts a text line, a paragraph or a block. */
typedef struct {
    char *text;
    int32_t x1, y1, x2, y2;
    float confidence;
    int32_t lineStart, paraStart, blockStart;
} qy_ocr_word;

/* Result codes. */
enum {
    QY_OCR_OK = 0,
    QY_OCR_TIMEOUT = 1,  /* the time limit passed; the words so far are returned */
    QY_OCR_FAILED = 2,   /* message in err */
    QY_OCR_BAD_IMAGE = 3 /* the image cannot be decoded */
};

/* Starts Tesseract with `languages` ("chi_sim+chi_tra") from `datapath` (NULL: the default
 * tessdata). NULL on failure, with a message in err. */
qy_ocr *qy_ocr_create(const char *datapath, const char *languages, char *err, int32_t errlen);
void qy_ocr_destroy(qy_ocr *ocr);

/* Reads the header of page `page` (from 0) of an encoded image: 0 on success with its size in
 * pixels, -1 when it is not an image Leptonica knows or has no such page (only a TIFF has pages
 * after the first). Decodes nothing. */
int32_t qy_image_header(const uint8_t *data, size_t length, int32_t page, int32_t *width, int32_t *height);

/* 1 when the image is a TIFF (which may hold several pages), else 0. */
int32_t qy_image_is_tiff(const uint8_t *data, size_t length);

/* Recognizes 8-bit gray pixels (rows `width` bytes apart) scanned at `dpi`. */
int32_t qy_ocr_gray(qy_ocr *ocr, const uint8_t *pixels, int32_t width, int32_t height, int32_t dpi,
                    int32_t timeoutMs, qy_ocr_word **words, int32_t *count, char *err, int32_t errlen);

/* Decodes and recognizes page `page` (from 0; only a TIFF has more than one) of an encoded image;
 * *dpi receives its resolution (0 when unstated). */
int32_t qy_ocr_image(qy_ocr *ocr, const uint8_t *data, size_t length, int32_t page, int32_t timeoutMs,
                     qy_ocr_word **words, int32_t *count, int32_t *dpi, char *err, int32_t errlen);

void qy_ocr_free_words(qy_ocr_word *words, int32_t count);

#ifdef __cplusplus
}
#endif
#endif
