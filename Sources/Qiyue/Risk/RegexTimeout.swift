/// A rule's regular expression ran out of time on a document.
struct RegexTimeout: Error {
    /// The pattern.
    let pattern: String
}
