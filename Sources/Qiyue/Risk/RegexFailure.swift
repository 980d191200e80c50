/// A rule's regular expression could not finish on a document: over its time limit, over the
/// document's regex budget, or failed in ICU. The rule is skipped for that document with a warning.
struct RegexFailure: Error {
    /// The pattern.
    let pattern: String
    /// Why.
    let reason: ICURegex.MatchError
}
