import Qiyue

/// The files of a zip archive of documents (a batch, not a DOCX), read into memory under the same
/// limits as a DOCX (``IngestOptions``: total inflated bytes, ratio, entry count).
public enum ZipFiles {
    /// One file of the archive.
    public struct File: Sendable {
        /// Its path inside the archive.
        public var name: String
        /// Its inflated bytes.
        public var bytes: [UInt8]
    }

    /// Whether bytes start like a zip archive.
    public static func looksLikeZip(_ bytes: [UInt8]) -> Bool { ZipParts.looksLikeZip(bytes) }

    /// Every regular file in archive order (directories and `__MACOSX/`, dot-files skipped).
    /// - Throws: `Q110` for an unreadable archive, `Q111` past a decompression limit.
    public static func files(_ bytes: [UInt8], name: String, options: IngestOptions = IngestOptions()) throws(QiyueError) -> [File] {
        var parts = try ZipParts(bytes: bytes, path: name, options: options)
        var out: [File] = []
        for entry in parts.names where !entry.hasSuffix("/") && !entry.hasPrefix("__MACOSX/") && !(entry.split(separator: "/").last ?? "").hasPrefix(".") {
            if let data = try parts.read(entry) { out.append(File(name: entry, bytes: data)) }
        }
        return out
    }
}
