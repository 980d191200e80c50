/// A counter of work done (characters visited by the fact extractors' scanning helpers), for the
/// tests that prove each stage is linear in its input by counting work rather than timing it.
/// Not used in normal runs (the extractors take an optional meter and skip counting without one).
final class WorkMeter: @unchecked Sendable {
    /// Units counted so far.
    private(set) var count = 0

    /// Counts `n` more units.
    @inline(__always) func add(_ n: Int) { count &+= max(0, n) }
}
