import Dispatch

/// Runs independent loading steps on all cores and waits for them: the rules data of
/// ``KnowledgeBase`` (entities, facts, classifier) are parsed from separate files with no shared
/// state, so a command that starts once per file pays the longest step, not their sum.
enum Concurrently {
    /// Runs `a`, `b` and `c` at the same time; returns their results, or rethrows the first error
    /// in argument order (so that the error a user sees does not depend on scheduling).
    static func run<A: Sendable, B: Sendable, C: Sendable, E: Error>(
        _ a: @Sendable () throws(E) -> A, _ b: @Sendable () throws(E) -> B, _ c: @Sendable () throws(E) -> C
    ) throws(E) -> (A, B, C) {
        let ra = LockedBox<Result<A, E>?>(nil), rb = LockedBox<Result<B, E>?>(nil), rc = LockedBox<Result<C, E>?>(nil)
        DispatchQueue.concurrentPerform(iterations: 3) { i in
            switch i {
            case 0: let r = Result { () throws(E) -> A in try a() }; ra.withLock { $0 = r }
            case 1: let r = Result { () throws(E) -> B in try b() }; rb.withLock { $0 = r }
            default: let r = Result { () throws(E) -> C in try c() }; rc.withLock { $0 = r }
            }
        }
        // concurrentPerform returns after every iteration has run, so each box holds a result.
        let x = try ra.withLock { $0! }.get()
        let y = try rb.withLock { $0! }.get()
        let z = try rc.withLock { $0! }.get()
        return (x, y, z)
    }
}
