import CTesseractBridge
import Qiyue

/// Image headers, read without decoding the pixels (Leptonica).
enum ImageReader {
    /// The size in pixels of page `page` (from 0); nil when the image has no such page. Q123 when
    /// the first page cannot be read (not an image Leptonica reads).
    static func size(_ bytes: [UInt8], page: Int = 0, name: String) throws(QiyueError) -> (width: Int, height: Int)? {
        var w: Int32 = 0, h: Int32 = 0
        let rc = bytes.withUnsafeBufferPointer { qy_image_header($0.baseAddress, $0.count, Int32(page), &w, &h) }
        guard rc == 0, w > 0, h > 0 else {
            if page > 0 { return nil }
            throw QiyueError(.badImage, path: name, "the image cannot be read (damaged, or not PNG, JPEG, TIFF, GIF, BMP or WebP)")
        }
        return (Int(w), Int(h))
    }

    /// Whether the image is a TIFF, the one format here that holds several pages.
    static func isTIFF(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { qy_image_is_tiff($0.baseAddress, $0.count) } != 0
    }

    /// The sizes of the image's pages in order: one for most formats, every page of a TIFF.
    /// Q124 (too many pages) past `maxPages`; Q123 when the first page cannot be read.
    static func pages(_ bytes: [UInt8], maxPages: Int, name: String) throws(QiyueError) -> [(width: Int, height: Int)] {
        guard let first = try size(bytes, name: name) else { return [] }
        var out = [first]
        guard isTIFF(bytes) else { return out }
        while let next = try size(bytes, page: out.count, name: name) {
            out.append(next)
            if out.count > maxPages {
                throw QiyueError(.tooManyPages, path: name, "the TIFF has more than \(maxPages) pages (see --max-pages)")
            }
        }
        return out
    }
}
