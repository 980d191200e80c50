/// A fact whose place on the page can be given: its page, the recognized words under its span,
/// their lowest confidence, and whether a person should check it (``ContractReport/trace(_:)``).
public protocol TraceableFact {
    /// The fact's span.
    var span: TextSpan { get }
    /// The page it is on, for paged inputs.
    var page: Int? { get set }
    /// For OCR inputs: the words under its span.
    var boxes: [WordBox]? { get set }
    /// For OCR inputs: the lowest confidence of those words (0–100).
    var minConfidence: Double? { get set }
    /// For OCR inputs: true when ``minConfidence`` is under the review threshold.
    var needsReview: Bool? { get set }
}

/// Where a fact lies on the page (what ``ContractReport/trace(_:)`` writes into it).
public struct FactTrace: Sendable, Hashable {
    /// The page, from 1.
    public var page: Int?
    /// The words under the fact's span.
    public var boxes: [WordBox]?
    /// Their lowest confidence.
    public var minConfidence: Double?
    /// Whether that is under the review threshold.
    public var needsReview: Bool?

    /// Creates a trace.
    public init(page: Int?, boxes: [WordBox]? = nil, minConfidence: Double? = nil, needsReview: Bool? = nil) {
        self.page = page
        self.boxes = boxes
        self.minConfidence = minConfidence
        self.needsReview = needsReview
    }
}

extension Party: TraceableFact {}
extension Amount: TraceableFact {}
extension DateMention: TraceableFact {}
extension Deadline: TraceableFact {}
extension Period: TraceableFact {}
extension Penalty: TraceableFact {}
extension Rate: TraceableFact {}
extension ClauseEntry: TraceableFact {}
extension Risk: TraceableFact {}

extension ContractReport {
    /// Writes into every fact (parties, amounts, dates, deadlines, periods, penalties, rates,
    /// clauses, risks) the trace `locate` gives for its span (nil: leaves it untraced).
    public mutating func trace(_ locate: (TextSpan) -> FactTrace?) {
        func apply<F: TraceableFact>(_ facts: inout [F]) {
            for i in facts.indices {
                guard let t = locate(facts[i].span) else { continue }
                facts[i].page = t.page
                facts[i].boxes = t.boxes
                facts[i].minConfidence = t.minConfidence
                facts[i].needsReview = t.needsReview
            }
        }
        apply(&parties)
        apply(&amounts)
        apply(&dates)
        apply(&deadlines)
        apply(&periods)
        apply(&penalties)
        apply(&rates)
        apply(&clauses)
        apply(&risks)
    }
}
