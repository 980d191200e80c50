/// One place a rule's condition holds: a fact, a stretch of text, or the document as a whole.
struct RuleMatch {
    /// What matched.
    enum Source {
        /// Fact number `index` of `kind`.
        case fact(FactKind, Int)
        /// A normalized range matched by a text pattern.
        case text(Range<Int>)
        /// The document (document predicates and absences).
        case document
    }

    let source: Source
    /// The original span to report.
    let span: TextSpan
}
