import Testing
@testable import Qiyue

/// The parallel loading helper: results in argument order, and the first error by argument order
/// whatever finished first.
struct ConcurrentlyTests {
    @Test func resultsComeBackInArgumentOrder() throws {
        let (a, b, c) = try Concurrently.run(
            { () throws(QiyueError) in (1...1000).reduce(0, +) },
            { () throws(QiyueError) in "b" },
            { () throws(QiyueError) in [3] })
        #expect(a == 500_500 && b == "b" && c == [3])
    }

    @Test func theFirstErrorInArgumentOrderIsThrown() {
        do {
            _ = try Concurrently.run(
                { () throws(QiyueError) -> Int in 1 },
                { () throws(QiyueError) -> Int in throw QiyueError(.badRuleData, path: "second", "b") },
                { () throws(QiyueError) -> Int in throw QiyueError(.badRule, path: "third", "c") })
            Issue.record("no error")
        } catch {
            #expect(error.path == "second" && error.code == .badRuleData)
        }
    }
}
