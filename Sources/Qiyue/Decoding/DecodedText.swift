/// The kind of markup an input was in before its text was taken out.
public enum SourceFormat: String, Sendable, Codable, CaseIterable {
    /// Plain text.
    case text
    /// HTML: the visible text is extracted with libxml2's HTML parser.
    case html
    /// XML: the character data is extracted with libxml2.
    case xml
}

/// Decoded input text and how it was decoded.
///
/// For HTML and XML inputs, ``text`` is the extracted text: all spans index it.
public struct DecodedText: Sendable {
    /// The decoded (and, for markup, extracted) text.
    public let text: String
    /// The encoding the bytes were read in, e.g. `UTF-8`, `UTF-16LE`, `GB18030`, `Big5`.
    public let encoding: String
    /// The input format.
    public let format: SourceFormat
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
