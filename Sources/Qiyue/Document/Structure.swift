/// A sentence: a range of the normalized text ending at 。；！？ or a line break.
public struct Sentence: Sendable, Hashable {
    /// Normalized range.
    public let range: Range<Int>
    /// Index of the innermost clause containing the sentence, if any.
    public let clause: Int?
}

/// A numbered clause (第五条 违约责任, 一、价款, (1) …) and its extent, nested by numbering style.
public struct Clause: Sendable, Hashable {
    /// The numbering as written, normalized (e.g. `第五条`, `一、`, `(1)`).
    public let number: String
    /// The numbering style.
    let style: HeadingScanner.Style
    /// The short title after the number, if the heading has one (`违约责任`).
    public let title: String?
    /// Normalized range from the heading to the end of the clause.
    public let range: Range<Int>
    /// Depth in the clause tree (0 = top).
    public let depth: Int
    /// Index of the enclosing clause.
    public let parent: Int?
}
