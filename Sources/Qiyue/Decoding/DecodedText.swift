/// The kind of markup an input was in before its text was taken out.
public enum SourceFormat: String, Sendable, Codable, CaseIterable {
    /// Plain text.
    case text
    /// HTML: the visible text is extracted with libxml2's HTML parser.
    case html
    /// XML: the character data is extracted with libxml2.
    case xml
    /// A Word document (Office Open XML): read by the QiyueIngest module, not by ``TextDecoder``.
    case docx
    /// A PDF: its text layer (poppler) or, for pages without one, OCR (QiyueScan module).
    case pdf
    /// An image (PNG, JPEG, TIFF …) read by OCR (QiyueScan module).
    case image
    /// hOCR, the HTML Tesseract and other engines write: the words, their boxes and confidences.
    case hocr
    /// ALTO XML from an OCR engine: the words, their boxes and confidences.
    case alto
}

/// Decoded input text and how it was decoded.
///
/// For HTML and XML inputs, ``text`` is the extracted text: all spans index it.
public struct DecodedText: Sendable {
    /// The decoded (and, for markup, extracted) text.
    public var text: String { storedText ?? ScalarDecoding.string(storedScalars, 0, storedScalars.count) }
    /// The encoding the bytes were read in, e.g. `UTF-8`, `UTF-16LE`, `GB18030`, `Big5`.
    public let encoding: String
    /// The input format.
    public let format: SourceFormat
    /// Problems met while decoding that did not stop it (e.g. markup read by the fallback stripper).
    public internal(set) var warnings: [ReportWarning] = []
    /// UTF-8 input is decoded straight to scalar values (what the analyzer reads); other input
    /// arrives as a String from ICU or libxml2.
    private let storedText: String?
    private let storedScalars: [UInt32]

    /// Creates decoded text, e.g. from an ingestion adapter that produced it from a file format.
    public init(text: String, encoding: String, format: SourceFormat) {
        storedText = text
        storedScalars = []
        self.encoding = encoding
        self.format = format
    }

    init(scalars: [UInt32], encoding: String, format: SourceFormat) {
        storedText = nil
        storedScalars = scalars
        self.encoding = encoding
        self.format = format
    }

    /// The scalar values of ``text``.
    var scalars: [UInt32] { storedText.map(ScalarDecoding.scalars(of:)) ?? storedScalars }
}

/// How input bytes are decoded.
public struct DecodingOptions: Sendable {
    /// Force this encoding (any ICU converter name, e.g. `GBK`, `Big5-HKSCS`) instead of detecting one.
    public var encoding: String?
    /// Force a format instead of guessing it from the file name and content.
    public var format: SourceFormat?
    /// Inputs larger than this many bytes are refused.
    public var maxBytes: Int

    /// Creates options; the default size limit is 32 MiB.
    public init(encoding: String? = nil, format: SourceFormat? = nil, maxBytes: Int = 32 << 20) {
        self.encoding = encoding
        self.format = format
        self.maxBytes = maxBytes
    }
}
