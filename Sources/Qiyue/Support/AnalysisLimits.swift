/// Per-document work budgets. Every stage is linear in its input, and these bound the input a
/// stage may take on, so that no document can hang a run; reaching one is a coded warning in the
/// document's report (`warnings`), never an error and never a silent cut.
///
/// ```swift
/// var limits = AnalysisLimits()
/// limits.maxCharacters = 1_000_000
/// let pipeline = try Pipeline(limits: limits)
/// ```
public struct AnalysisLimits: Sendable, Hashable {
    /// Characters (Unicode scalars of the normalized text) analyzed per document; the rest is
    /// reported as not analyzed (`Q600`, with its span). Tokens and sentences are at most one per
    /// character, so this bounds them too. Default 16 million (a 32 MiB Chinese text is about 11 million).
    public var maxCharacters: Int
    /// ICU's time limit for one match of a rule's regular expression (ICU work units, on the
    /// order of milliseconds); a match over it skips the rule for the document (`Q202`).
    public var regexTimeLimit: Int32
    /// ICU work units that all rule regular expressions together may spend on one document; once
    /// spent, the remaining text rules are skipped for it (`Q203`). Default 2,000 (about 2 s).
    public var regexBudget: Int

    /// Creates limits; every default is safe for untrusted input.
    public init(maxCharacters: Int = 16_000_000, regexTimeLimit: Int32 = RiskEngine.defaultRegexTimeLimit, regexBudget: Int = 2_000) {
        self.maxCharacters = maxCharacters
        self.regexTimeLimit = regexTimeLimit
        self.regexBudget = regexBudget
    }
}
