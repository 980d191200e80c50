/// Per-scalar normalization: NFKC (全角 → 半角), Traditional → Simplified, and punctuation variants
/// (【】〔〕 → [ ], ﹙﹚ → ( ), CR → LF, zero-width characters removed). Results for BMP scalars are
/// cached in a flat table, so the ICU calls happen once per distinct character.
///
/// Not thread-safe: one per worker.
final class CharacterNormalizer {
    private let transliterator: ICUTransliterator?
    /// BMP cache: 0 unknown, `deleteMark` delete, `multiMark` see `multi`, else scalar + 1.
    private var table: [UInt32]
    private var multi: [UInt32: [UInt32]] = [:]
    private static let deleteMark: UInt32 = 0xFFFF_FFFF
    private static let multiMark: UInt32 = 0xFFFF_FFFE

    init(options: NormalizationOptions) throws {
        transliterator = options.traditionalToSimplified ? try ICUTransliterator(id: "Traditional-Simplified") : nil
        table = [UInt32](repeating: 0, count: 0x10000)
    }

    /// Normalizes every scalar of `original` into `text` and, per output scalar, its source offset
    /// into `starts`. Returns whether the input held a CR. Two passes with the cache held open:
    /// the first fills the cache and counts the output, the second writes arrays of exactly that
    /// size (no per-character appends, no exclusivity check of the class property per character).
    static let fullWidthComma: UInt32 = 0xFF0C

    func normalizeAll(_ original: [UInt32], text: inout [UInt32], starts: inout [Int32]) -> Bool {
        var hasCR = false
        let multi = { (c: UInt32) -> [UInt32] in self.multi[c]! }
        table.withUnsafeMutableBufferPointer { tb in
            original.withUnsafeBufferPointer { ob in
                var total = 0
                for c in ob {
                    if c < 0x80 {
                        total += 1
                        if c == 0x0D { hasCR = true }
                    } else if c < 0x10000 {
                        var v = tb[Int(c)]
                        if v == 0 {
                            v = compute(c)
                            tb[Int(c)] = v
                        }
                        total += v == Self.deleteMark ? 0 : v == Self.multiMark ? multi(c).count : 1
                    } else {
                        total += slow(c).count
                    }
                }
                var offsets: [Int32] = []
                text = [UInt32](unsafeUninitializedCapacity: total) { out, written in
                    offsets = [Int32](unsafeUninitializedCapacity: total) { from, count in
                        var w = 0
                        for i in 0..<ob.count {
                            let c = ob[i]
                            if c < 0x80 {
                                out[w] = c == 0x0D ? 0x0A : c
                                from[w] = Int32(i)
                                w += 1
                                continue
                            }
                            let v: UInt32 = c < 0x10000 ? tb[Int(c)] : Self.multiMark
                            switch v {
                            case Self.deleteMark:
                                continue
                            case Self.multiMark:
                                for x in c < 0x10000 ? multi(c) : slow(c) {
                                    out[w] = x
                                    from[w] = Int32(i)
                                    w += 1
                                }
                            default:
                                // "$50，600美元": a full-width comma between half-width digits lists two
                                // figures; it stays full-width so the number scanner does not join them.
                                if c == Self.fullWidthComma, i > 0, i + 1 < ob.count, ob[i - 1] >= 0x30, ob[i - 1] <= 0x39,
                                   ob[i + 1] >= 0x30, ob[i + 1] <= 0x39 {
                                    out[w] = c
                                    from[w] = Int32(i)
                                    w += 1
                                    continue
                                }
                                out[w] = v - 1
                                from[w] = Int32(i)
                                w += 1
                            }
                        }
                        count = w
                    }
                    written = offsets.count
                }
                starts = offsets
            }
        }
        return hasCR
    }

    private func compute(_ c: UInt32) -> UInt32 {
        let r = slow(c)
        if r.isEmpty { return Self.deleteMark }
        if r.count == 1 { return r[0] + 1 }
        multi[c] = r
        return Self.multiMark
    }

    /// Characters of the Simplified standard (GB 2312) that ICU's Traditional-Simplified rewrites as
    /// if they were Traditional: 著 → 着 (著作权), 俱 → 具 (俱乐部), 藉 → 借, 阪 → 坂, 姊 → 姐, 跤 → 交,
    /// 吒 → 咤, 苎 → 苧, 箝 → 钳, 摺 → 折. Simplified text uses them in their own right, and the Rules'
    /// words are written with them, so they stay. (於, 後, 徵, 夥, 麽, 乾 and 菸 are written mostly in
    /// Traditional text and are still simplified.)
    static let simplifiedInTheirOwnRight: Set<UInt32> = Set("著俱藉阪姊跤吒苎箝摺".unicodeScalars.map(\.value))

    private func slow(_ c: UInt32) -> [UInt32] {
        switch c {
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD: return []         // zero-width, soft hyphen
        case 0x2028, 0x2029, 0x0085: return [0x0A]                              // line/paragraph separators
        case 0x3010, 0x3014, 0x3016, 0xFF3B: return [0x5B]                      // 【〔〖［ → [
        case 0x3011, 0x3015, 0x3017, 0xFF3D: return [0x5D]                      // 】〕〗］ → ]
        case 0x2460...0x24FF, 0x3251...0x32BF, 0x2776...0x2793: return [c]     // circled numbers stay (list markers)
        case 0x3000, 0x00A0, 0x2002...0x200A, 0x202F, 0x205F: return [0x20]    // spaces
        default: break
        }
        var r: [UInt32]
        if CharClass.isHan(c) && c < 0xF900 || ICUNFKC.isInert(c) {
            r = [c]
        } else {
            r = ICUNFKC.normalize(c)
        }
        if let t = transliterator {
            r = r.flatMap { x -> [UInt32] in
                guard CharClass.isHan(x), !Self.simplifiedInTheirOwnRight.contains(x) else { return [x] }
                let y = t.transliterate(scalar: x)
                return y.count == 1 ? y : [x]
            }
        }
        // ﹙﹚ and friends become ASCII through NFKC; map the remaining CJK bracket forms.
        return r.map { x in
            switch x {
            case 0x3010, 0x3014: return 0x5B
            case 0x3011, 0x3015: return 0x5D
            default: return x
            }
        }
    }
}
