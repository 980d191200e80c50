import Qiyue

/// Limits and hints for reading input files of every format.
///
/// The limits bound what a hostile file can make Qiyue do: a zip bomb stops with ``QiyueError/Code/decompressionLimit``
/// (Q111) once any of them is passed, counted while inflating, never trusted from the archive's headers.
/// ```swift
/// var options = IngestOptions()
/// options.maxUncompressedBytes = 16 << 20
/// let input = try Ingestor(options: options).read(contentsOf: "合同.docx")
/// ```
public struct IngestOptions: Sendable {
    /// How text and markup are decoded (encoding, format hint, input size limit).
    public var decoding: DecodingOptions
    /// Treat the input as this format instead of sniffing its content (`--input-format`).
    public var format: SourceFormat?
    /// Most bytes inflated from one archive, over all the parts read (default 64 MiB).
    public var maxUncompressedBytes: Int
    /// Highest inflated/compressed size ratio of a zip entry, checked once an entry passes
    /// ``ratioCheckFloor`` bytes (default 100; Word's XML compresses 5–20×, a zip bomb 1000×).
    public var maxCompressionRatio: Int
    /// Entries below this many inflated bytes are not ratio-checked (default 1 MiB).
    public var ratioCheckFloor: Int
    /// Most entries an archive may list (default 10 000; a DOCX has 10–50).
    public var maxEntries: Int
    /// The LibreOffice executable for legacy .doc/.wps files (default: `soffice` or `libreoffice`
    /// on PATH, or $QIYUE_SOFFICE).
    public var soffice: String?
    /// Seconds LibreOffice may take to convert one file (default 120).
    public var conversionTimeout: Double
    /// PDF: when pages go through OCR (default: pages without a usable text layer).
    public var ocr: OCRMode = .auto
    /// PDF: most pages read (default 500); a longer PDF is refused (Q122).
    public var maxPages: Int = 500
    /// Images and rendered pages: most pixels (default 40 million, an A4 page at 600 dpi is 35
    /// million); a larger image is refused before it is decoded (Q124).
    public var maxPixels: Int = 40_000_000
    /// Seconds Tesseract may spend on one page (default 60); past it the page keeps the words read
    /// so far (warning Q126).
    public var ocrTimeout: Double = 60
    /// Resolution scanned PDF pages are rendered at for OCR (default 300 dpi).
    public var ocrDPI: Double = 300
    /// Tesseract languages (default ``defaultLanguages``, `chi_sim+chi_tra`).
    public var ocrLanguages: String = IngestOptions.defaultLanguages
    /// Tesseract's data directory (default: its own, or $TESSDATA_PREFIX).
    public var tessdata: String? = nil
    /// Facts whose lowest word confidence is under this (0–100) get `needsReview` (default 70).
    public var reviewThreshold: Double = 70
    /// Whether recognized text is repaired (O→0 in figures, f→¥ …) before analysis (default true).
    public var repair: Bool = true
    /// Whether plain-text inputs are OCR output of another engine (default false): then each is
    /// read as one recognized page, repaired and joined as Tesseract's text is.
    public var recognizedText: Bool = false

    /// Simplified Chinese first, then Traditional.
    public static let defaultLanguages = "chi_sim+chi_tra"

    /// Creates options with the safe defaults.
    public init(decoding: DecodingOptions = DecodingOptions(), format: SourceFormat? = nil,
                maxUncompressedBytes: Int = 64 << 20, maxCompressionRatio: Int = 100,
                ratioCheckFloor: Int = 1 << 20, maxEntries: Int = 10_000, soffice: String? = nil,
                conversionTimeout: Double = 120) {
        self.decoding = decoding
        self.format = format
        self.maxUncompressedBytes = maxUncompressedBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioCheckFloor = ratioCheckFloor
        self.maxEntries = maxEntries
        self.soffice = soffice
        self.conversionTimeout = conversionTimeout
    }
}
