import CICUBridge

/// An ICU transliterator such as `Traditional-Simplified`. Not thread-safe: one per worker.
final class ICUTransliterator {
    private let handle: OpaquePointer

    init(id: String) throws {
        var status: Int32 = 0
        guard let h = qy_translit_open(id, &status) else {
            throw QiyueError(.icu, "cannot open the ICU transliterator '\(id)' (ICU status \(status))")
        }
        handle = h
    }

    deinit { qy_translit_close(handle) }

    /// Transliterates UTF-16 text.
    func transliterate(_ text: [UInt16]) -> [UInt16] {
        var capacity = text.count * 2 + 8
        while true {
            var buffer = text + [UInt16](repeating: 0, count: capacity - text.count)
            var status: Int32 = 0
            let n = buffer.withUnsafeMutableBufferPointer { b in
                qy_translit_run(handle, b.baseAddress, Int32(text.count), Int32(capacity), &status)
            }
            if n >= 0 && status <= 0 {
                buffer.removeSubrange(Int(n)...)
                return buffer
            }
            if capacity > text.count * 16 + 64 { return text }
            capacity *= 2
        }
    }

    /// Transliterates one scalar; returns the scalars it becomes.
    func transliterate(scalar: UInt32) -> [UInt32] {
        guard let s = Unicode.Scalar(scalar) else { return [scalar] }
        let out = transliterate(Array(String(Character(s)).utf16))
        return String(decoding: out, as: UTF16.self).unicodeScalars.map(\.value)
    }
}
