/// Turns decoded text into the normalized text every later stage reads, with an ``OffsetMap`` back
/// to the original. Not thread-safe: one per worker (it owns ICU handles and caches).
final class Normalizer {
    let options: NormalizationOptions
    private let characters: CharacterNormalizer

    init(options: NormalizationOptions = NormalizationOptions()) throws {
        self.options = options
        characters = try CharacterNormalizer(options: options)
    }

    /// Normalizes original scalars into normalized scalars and their map.
    func normalize(_ original: [UInt32]) -> (text: [UInt32], map: OffsetMap) {
        // Pass 1: per character (may expand or delete).
        var text: [UInt32] = []
        var starts: [Int32] = []
        text.reserveCapacity(original.count)
        starts.reserveCapacity(original.count)
        for i in 0..<original.count {
            let n = characters.normalize(original[i], into: &text)
            for _ in 0..<n { starts.append(Int32(i)) }
        }
        // CRLF became LF LF: drop the second.
        if original.contains(0x0D) {
        var keep = [Bool](repeating: true, count: text.count)
        var i = 1
        while i < text.count {
            if text[i] == 0x0A && text[i - 1] == 0x0A && starts[i] == starts[i - 1] + 1
                && original[Int(starts[i - 1])] == 0x0D {
                keep[i] = false
            }
            i += 1
        }
        text = compact(text, keep)
        starts = compact(starts, keep)
        }

        // Pass 2: lines.
        let lineKeep = LineNormalizer(options: options).apply(&text)
        text = compact(text, lineKeep)
        starts = compact(starts, lineKeep)

        var ends = [Int32](repeating: 0, count: starts.count)
        let hasCR = original.contains(0x0D)
        for k in 0..<starts.count {
            if !hasCR { ends[k] = starts[k] + 1; continue }
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

    private func compact<T>(_ a: [T], _ keep: [Bool]) -> [T] {
        var out: [T] = []
        out.reserveCapacity(a.count)
        for i in 0..<a.count where keep[i] { out.append(a[i]) }
        return out
    }
}
