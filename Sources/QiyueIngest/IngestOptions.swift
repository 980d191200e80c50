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
