import Foundation
import Qiyue

/// Reads an input of any supported format into the text every span indexes, choosing the adapter
/// by content (not only by the file name): a zip archive with word/document.xml is a DOCX, an OLE2
/// compound file or RTF goes through LibreOffice, anything else is text or HTML/XML for
/// ``TextDecoder``.
///
/// ```swift
/// let input = try Ingestor().read(contentsOf: "合同.docx")
/// let report = try Pipeline().report(input.decoded, source: input.source)
/// ```
public struct Ingestor: Sendable {
    /// What the content of an input looks like.
    public enum Kind: String, Sendable {
        /// A zip archive (a DOCX when it holds word/document.xml).
        case zip
        /// An OLE2 compound file (.doc, .wps) or RTF: converted with LibreOffice.
        case legacy
        /// Text, HTML or XML.
        case text
    }

    /// Options and limits.
    public var options: IngestOptions

    /// Creates an ingestor.
    public init(options: IngestOptions = IngestOptions()) { self.options = options }

    /// The decoded text and the source description for one input.
    public struct Input: Sendable {
        /// The text (what spans index) with its encoding and format.
        public var decoded: DecodedText
        /// Path, encoding, format, and for DOCX the tracked-change flag, headers and footers.
        public var source: SourceInfo
    }

    /// Sniffs the content.
    public static func kind(of bytes: [UInt8]) -> Kind {
        if ZipParts.looksLikeZip(bytes) { return .zip }
        if LegacyConverter.looksLegacy(bytes) || bytes.starts(with: Array("{\\rtf".utf8)) { return .legacy }
        return .text
    }

    /// Reads a file.
    public func read(contentsOf path: String) throws(QiyueError) -> Input {
        try read(contentsOfRawPath: Array(path.utf8))
    }

    /// Reads a file named by the raw bytes of its path (which need not be UTF-8); FIFOs, devices
    /// and directories are refused at once (``FileReader``).
    public func read(contentsOfRawPath raw: [UInt8]) throws(QiyueError) -> Input {
        try read(FileReader.read(path: raw, maxBytes: options.decoding.maxBytes), name: FileReader.displayName(raw))
    }

    /// Reads bytes (a file's or standard input's); `name` labels the source and, for text, hints
    /// at HTML/XML by its extension.
    /// `source.sha256` and `source.id` are the SHA-256 of the bytes (`sha256`, when the caller has
    /// computed it already).
    public func read(_ bytes: [UInt8], name: String, sha256: String? = nil) throws(QiyueError) -> Input {
        var input = try decode(bytes, name: name)
        let hash = sha256 ?? SHA256.hex(bytes)
        input.source.sha256 = hash
        input.source.id = hash
        return input
    }

    private func decode(_ bytes: [UInt8], name: String) throws(QiyueError) -> Input {
        guard bytes.count <= options.decoding.maxBytes else {
            throw QiyueError(.tooLarge, path: name, "input is \(bytes.count) bytes, over the limit of \(options.decoding.maxBytes) bytes (see --max-bytes)")
        }
        if bytes.isEmpty { throw QiyueError(.empty, path: name, "file is empty") }
        let kind = Self.kind(of: bytes)
        switch options.format {
        case .docx:
            switch kind {
            case .zip: return try docx(bytes, name: name)
            case .legacy: return try legacy(bytes, name: name)
            case .text: throw QiyueError(.notDocx, path: name, "--input-format docx, but the input is not a zip archive")
            }
        case .some(let format):
            var decoding = options.decoding
            decoding.format = format
            return try text(bytes, name: name, decoding: decoding)
        case nil:
            switch kind {
            case .zip: return try docx(bytes, name: name)
            case .legacy: return try legacy(bytes, name: name)
            case .text: return try text(bytes, name: name, decoding: options.decoding)
            }
        }
    }

    private func text(_ bytes: [UInt8], name: String, decoding: DecodingOptions) throws(QiyueError) -> Input {
        let decoded = try TextDecoder(options: decoding).decode(bytes, name: name)
        return Input(decoded: decoded, source: SourceInfo(path: name, encoding: decoded.encoding, format: decoded.format))
    }

    private func docx(_ bytes: [UInt8], name: String) throws(QiyueError) -> Input {
        let r = try DocxReader(options: options).read(bytes, path: name)
        if r.text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            throw QiyueError(.empty, path: name, "the document body holds no text")
        }
        var source = SourceInfo(path: name, encoding: "UTF-8", format: .docx)
        source.unacceptedChanges = r.unacceptedChanges ? true : nil
        source.headers = r.headers.isEmpty ? nil : r.headers
        source.footers = r.footers.isEmpty ? nil : r.footers
        source.tables = r.tables.isEmpty ? nil : r.tables
        return Input(decoded: DecodedText(text: r.text, encoding: "UTF-8", format: .docx), source: source)
    }

    private func legacy(_ bytes: [UInt8], name: String) throws(QiyueError) -> Input {
        let converted = try LegacyConverter(options: options).convert(bytes, path: name)
        return try docx(converted, name: name)
    }
}
