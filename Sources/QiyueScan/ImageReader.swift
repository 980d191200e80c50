import CTesseractBridge
import Qiyue

/// Image headers, read without decoding the pixels (Leptonica).
enum ImageReader {
    /// The image's size in pixels; Q123 when it is not an image Leptonica reads.
    static func size(_ bytes: [UInt8], name: String) throws(QiyueError) -> (width: Int, height: Int) {
        var w: Int32 = 0, h: Int32 = 0
        let rc = bytes.withUnsafeBufferPointer { qy_image_header($0.baseAddress, $0.count, &w, &h) }
        guard rc == 0, w > 0, h > 0 else {
            throw QiyueError(.badImage, path: name, "the image cannot be read (damaged, or not PNG, JPEG, TIFF, GIF, BMP or WebP)")
        }
        return (Int(w), Int(h))
    }
}
