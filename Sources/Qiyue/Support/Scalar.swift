/// Named scalars the entity scanners test, so that a rule reads `Scalar.wan` instead of 0x4E07.
/// Language data (numerals, units, currency words) lives in Rules/entities; these are the
/// punctuation and the few structural characters the grammar itself is built on.
enum Scalar {
    static let space: UInt32 = 0x20
    static let lineFeed: UInt32 = 0x0A
    static let comma: UInt32 = 0x2C
    static let point: UInt32 = 0x2E
    static let slash: UInt32 = 0x2F
    static let colon: UInt32 = 0x3A
    static let hyphen: UInt32 = 0x2D
    static let openParen: UInt32 = 0x28
    static let closeParen: UInt32 = 0x29
    static let underscore: UInt32 = 0x5F
    static let nian: UInt32 = 0x5E74   // 年
    static let yue: UInt32 = 0x6708    // 月
    static let ri: UInt32 = 0x65E5     // 日
    static let hao: UInt32 = 0x53F7    // 号
    static let ge: UInt32 = 0x4E2A     // 个
    static let ban: UInt32 = 0x534A    // 半
    static let fu: UInt32 = 0x8D1F     // 负
    static let you: UInt32 = 0x53C8    // 又
    static let fen: UInt32 = 0x5206    // 分
    static let zhi: UInt32 = 0x4E4B    // 之
    static let cheng: UInt32 = 0x6210  // 成
    static let zhe: UInt32 = 0x6298    // 折
    static let wan: UInt32 = 0x4E07    // 万
    static let yi: UInt32 = 0x4EBF     // 亿
}
