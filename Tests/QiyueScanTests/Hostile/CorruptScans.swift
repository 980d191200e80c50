import Foundation

/// Corrupt PDFs and images for the hostile-input tests (scripts/hostile/make-corrupt-scans.py makes
/// the same files for scripts/hostile/run.sh).
enum CorruptScans {
    /// A PDF of the given objects (object 1 the catalog) with a correct cross-reference table.
    static func pdf(_ objects: [String]) -> [UInt8] {
        var data = Array("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (n, o) in objects.enumerated() {
            offsets.append(data.count)
            data += Array("\(n + 1) 0 obj\n\(o)\nendobj\n".utf8)
        }
        let xref = data.count
        data += Array("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8)
        for o in offsets { data += Array((String(repeating: "0", count: 10 - String(o).count) + "\(o) 00000 n \n").utf8) }
        data += Array("trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return data
    }

    /// One page of the given media box and no content.
    static func page(_ box: String) -> [UInt8] {
        pdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
             "<< /Type /Page /Parent 2 0 R /MediaBox [\(box)] >>"])
    }

    /// A page tree whose Pages node lists itself as its kid.
    static let pageTreeCycle = pdf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R] /Count 1 >>"])

    /// The PDF with the entries of its (last) cross-reference table rewritten — every digit
    /// `digit(k)` (0–9) for the k-th digit — and startxref past the end of the file.
    static func garbageXref(_ pdf: [UInt8], digit: (Int) -> UInt8) -> [UInt8] {
        guard let x = last(Array("xref\n0 ".utf8), in: pdf), let t = last(Array("trailer".utf8), in: pdf),
              let sx = last(Array("startxref".utf8), in: pdf), let firstEntry = pdf[x...].firstIndex(of: 0x0A), firstEntry < t
        else { return pdf }
        var out = Array(pdf[..<firstEntry])
        var k = 0
        for c in pdf[firstEntry..<t] {
            if (0x30...0x39).contains(c) { out.append(0x30 + digit(k) % 10); k += 1 } else { out.append(c) }
        }
        return out + Array(pdf[t..<sx]) + Array("startxref\n99999999\n%%EOF\n".utf8)
    }

    /// Where `needle` last occurs in `hay` (bytes: a PDF's streams are not text).
    private static func last(_ needle: [UInt8], in hay: [UInt8]) -> Int? {
        var i = hay.count - needle.count
        while i >= 0 {
            if hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i -= 1
        }
        return nil
    }

    private static func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xff), UInt8(v >> 8 & 0xff)] }
    private static func le32(_ v: Int) -> [UInt8] { le16(v & 0xffff) + le16(v >> 16 & 0xffff) }

    /// A GIF whose screen and image are 65,535 × 65,535, with a few bytes of (broken) LZW data.
    static let hugeGIF: [UInt8] = Array("GIF89a".utf8) + le16(65535) + le16(65535) + [0x80, 0, 0, 0, 0, 0, 255, 255, 255]
        + [0x2C] + le16(0) + le16(0) + le16(65535) + le16(65535) + [0, 2, 2, 0x44, 1, 0, 0x3B]

    /// A BMP header of 10,000 × 5,000 pixels at 24 bits, without the pixels.
    static let hugeBMP: [UInt8] = Array("BM".utf8) + le32(54) + le32(0) + le32(54) + le32(40) + le32(10000) + le32(5000)
        + le16(1) + le16(24) + le32(0) + le32(0) + le32(2835) + le32(2835) + le32(0) + le32(0)

    /// A baseline JPEG of 65,000 × 65,000: every header a decoder reads before the pixels, then the end.
    static let hugeJPEG: [UInt8] = {
        var b: [UInt8] = [0xFF, 0xD8, 0xFF, 0xDB, 0, 67, 0] + [UInt8](repeating: 1, count: 64)
        b += [0xFF, 0xC0, 0, 11, 8, 0xFD, 0xE8, 0xFD, 0xE8, 1, 1, 0x11, 0]
        for tc: UInt8 in [0x00, 0x10] { b += [0xFF, 0xC4, 0, 20, tc, 1] + [UInt8](repeating: 0, count: 15) + [0] }
        b += [0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0] + [UInt8](repeating: 0, count: 16) + [0xFF, 0xD9]
        return b
    }()

    /// A little-endian TIFF of 100,000 × 100,000 8-bit gray pixels whose strip is not there.
    static let hugeTIFF: [UInt8] = {
        let entries: [(Int, Int, Int)] = [(256, 4, 100000), (257, 4, 100000), (258, 3, 8), (259, 3, 1), (262, 3, 1), (273, 4, 8),
                                          (277, 3, 1), (278, 4, 100000), (279, 4, 1_410_065_408)]
        var b: [UInt8] = Array("II*\0".utf8) + le32(8) + le16(entries.count)
        for (tag, type, value) in entries { b += le16(tag) + le16(type) + le32(1) + le32(value) }
        return b + le32(0)
    }()
}
