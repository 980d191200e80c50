/// Turns decoded text into the normalized text every later stage reads, with an ``OffsetMap`` back
/// to the original. Not thread-safe: one per worker (it owns ICU handles and caches).
final class Normalizer {
    let options: NormalizationOptions
    private let characters: CharacterNormalizer

    init(options: NormalizationOptions = NormalizationOptions()) throws {
        self.options = options
        characters = try CharacterNormalizer(options: options)
    }

    /// Normalizes original scalars into normalized scalars and their map. `recognized` are the
    /// spans (in `original`) of text that OCR produced (``PageInfo/ocr``), where spacing follows
    /// the recognizer rather than the writer.
    func normalize(_ original: [UInt32], recognized: [Range<Int>] = []) -> (text: [UInt32], map: OffsetMap) {
        // Pass 1: per character (may expand or delete).
        var text: [UInt32] = []
        var starts: [Int32] = []
        let hasCR = characters.normalizeAll(original, text: &text, starts: &starts)
        // CRLF became LF LF: drop the second.
        if hasCR {
            var keep = [Bool](repeating: true, count: text.count)
            var i = 1
            while i < text.count {
                if text[i] == 0x0A && text[i - 1] == 0x0A && starts[i] == starts[i - 1] + 1
                    && original[Int(starts[i - 1])] == 0x0D {
                    keep[i] = false
                }
                i += 1
            }
            Self.compact(&text, &starts, keep)
        }

        // Pass 2: lines.
        var ocr: [Bool]?
        if !recognized.isEmpty {
            // One sweep: `starts` never decreases, and the spans are sorted.
            let spans = recognized.sorted { $0.lowerBound < $1.lowerBound }
            var mask = [Bool](repeating: false, count: starts.count)
            var k = 0
            for (i, s) in starts.enumerated() {
                let o = Int(s)
                while k < spans.count && spans[k].upperBound <= o { k += 1 }
                if k < spans.count && spans[k].contains(o) { mask[i] = true }
            }
            ocr = mask
        }
        let lineKeep = LineNormalizer(options: options).apply(&text, recognized: ocr)
        Self.compact(&text, &starts, lineKeep)

        guard hasCR else { return (text, OffsetMap(starts: starts, ends: nil, originalLength: original.count)) }
        var ends = [Int32](repeating: 0, count: starts.count)
        for k in 0..<starts.count {
            let s = Int(starts[k])
            // CRLF collapsed into one LF covers both original scalars.
            if text[k] == 0x0A && original[s] == 0x0D && s + 1 < original.count && original[s + 1] == 0x0A {
                ends[k] = Int32(s + 2)
            } else {
                ends[k] = Int32(s + 1)
            }
        }
        return (text, OffsetMap(starts: starts, ends: ends, originalLength: original.count))
    }

    /// Keeps the positions marked in `keep`, in place, in both arrays.
    private static func compact(_ text: inout [UInt32], _ starts: inout [Int32], _ keep: [Bool]) {
        guard let first = keep.firstIndex(of: false) else { return }
        var w = first
        for i in first..<keep.count where keep[i] {
            text[w] = text[i]
            starts[w] = starts[i]
            w += 1
        }
        text.removeSubrange(w...)
        starts.removeSubrange(w...)
    }
}
