import Qiyue

/// Reads PDF and image input into paged text: implemented by the QiyueScan module (poppler,
/// Tesseract), which the tool is built with under the Scan trait. Without one, an ``Ingestor``
/// refuses PDF and image input with ``QiyueError/Code/scanUnavailable`` (Q125).
public protocol PageScanner: Sendable {
    /// Reads a PDF: text-layer pages as text, pages without one through OCR (as `options.ocr` says).
    func readPDF(_ bytes: [UInt8], name: String, options: IngestOptions) throws(QiyueError) -> PagedText
    /// Recognizes an image (PNG, JPEG, TIFF …).
    func readImage(_ bytes: [UInt8], name: String, options: IngestOptions) throws(QiyueError) -> PagedText
}
