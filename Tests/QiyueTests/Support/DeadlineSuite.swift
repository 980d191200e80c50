@testable import Qiyue

/// A suite of deadline tests: one pipeline, and each text's deadlines as comparable keys
/// (`anchor|amount|unit|bound|obligor`, or `date:…|bound|obligor`).
protocol DeadlineSuite {
    var pipeline: Pipeline { get }
}

extension DeadlineSuite {
    func deadlines(_ text: String, category: String = "service") -> [String] {
        TestSupport.deadlineKeys(pipeline, text, category: category)
    }
}
