/// ICU's word break iterator alone (locale zh, dictionary-based for Han), with none of Qiyue's
/// normalization, lexicon or number handling: the reference point `qiyue bench --stage icu`
/// measures, so the cost of the rest of segmentation can be read against it.
///
/// Not thread-safe: one per thread.
public final class ICUWordBreakReference {
    private let breaker: ICUWordBreaker

    /// Opens the zh word break iterator.
    public init() throws { breaker = try ICUWordBreaker(locale: "zh") }

    /// Converts `text` to UTF-16 and walks every word boundary; returns the number of boundaries.
    public func countBoundaries(_ text: String) -> Int {
        breaker.offsets(Array(text.utf16)).count
    }
}
