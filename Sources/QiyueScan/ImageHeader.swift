/// Image sizes read from the bytes themselves, for the formats whose header Leptonica only reports
/// after decoding every pixel (GIF: a 100 KB LZW stream can stand for 144 million pixels, decoded
/// in seconds and hundreds of megabytes before the size could be checked; BMP).
enum ImageHeader {
    /// The largest size a GIF or BMP header declares (a GIF's logical screen and its first image),
    /// or nil for another format or a header too short to tell.
    static func declaredSize(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        if bytes.starts(with: Array("GIF8".utf8)) { return gif(bytes) }
        if bytes.starts(with: Array("BM".utf8)) { return bmp(bytes) }
        return nil
    }

    private static func u16(_ b: [UInt8], _ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 }

    private static func gif(_ b: [UInt8]) -> (width: Int, height: Int)? {
        guard b.count >= 13 else { return nil }
        var width = u16(b, 6), height = u16(b, 8)
        var i = 13
        if b[10] & 0x80 != 0 { i += 3 << (Int(b[10] & 7) + 1) }
        // Extensions (label, then sub-blocks up to an empty one) until the first image descriptor.
        while i < b.count {
            switch b[i] {
            case 0x2C:
                guard i + 9 <= b.count else { return (width, height) }
                width = max(width, u16(b, i + 5)); height = max(height, u16(b, i + 7))
                return (width, height)
            case 0x21:
                i += 2
                while i < b.count && b[i] != 0 { i += Int(b[i]) + 1 }
                i += 1
            default:
                return (width, height)
            }
        }
        return (width, height)
    }

    private static func bmp(_ b: [UInt8]) -> (width: Int, height: Int)? {
        guard b.count >= 26 else { return nil }
        let headerSize = u16(b, 14) | u16(b, 16) << 16
        if headerSize == 12 { return (u16(b, 18), u16(b, 20)) }
        func i32(_ i: Int) -> Int { Int(Int32(bitPattern: UInt32(u16(b, i)) | UInt32(u16(b, i + 2)) << 16)) }
        return (abs(i32(18)), abs(i32(22)))
    }
}
