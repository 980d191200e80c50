import Foundation
import Qiyue

/// A fixed set of pipelines (a ``Pipeline`` is not thread-safe: one per worker) and the requests
/// waiting for one. When every pipeline is busy and the queue is full, ``acquire()`` refuses at
/// once with 503 `Q720` and `Retry-After`, so a burst never piles up unbounded work.
final class PipelinePool: @unchecked Sendable {
    /// A pipeline handed out to one request at a time.
    struct Lease: @unchecked Sendable { let pipeline: Pipeline }

    private let lock = NSLock()
    private var free: [Pipeline]
    private var waiters: [CheckedContinuation<Lease, Never>] = []
    private let queueLength: Int
    private var busy = 0

    init(pipelines: [Pipeline], queueLength: Int) {
        free = pipelines
        self.queueLength = queueLength
    }

    /// Pipelines now analyzing a document.
    var inUse: Int { lock.withLock { busy } }

    /// A free pipeline, waiting for one if the queue has room (always, with `wait`: jobs queue
    /// behind requests instead of being refused).
    func acquire(wait: Bool = false) async throws -> Lease {
        enum Outcome { case leased(Lease), wait, full }
        let outcome: Outcome = lock.withLock {
            if let p = free.popLast() { busy += 1; return .leased(Lease(pipeline: p)) }
            return wait || waiters.count < queueLength ? .wait : .full
        }
        switch outcome {
        case .leased(let lease): return lease
        case .full: throw APIError(.serviceUnavailable, .busy, "the server is at its concurrency limit; retry later", retryAfter: 1)
        case .wait:
            return await withCheckedContinuation { c in
                let lease: Lease? = lock.withLock {
                    if let p = free.popLast() { busy += 1; return Lease(pipeline: p) }
                    waiters.append(c)
                    return nil
                }
                if let lease { c.resume(returning: lease) }
            }
        }
    }

    /// Gives a pipeline back (to the longest-waiting request, if any).
    func release(_ lease: Lease) {
        let next: CheckedContinuation<Lease, Never>? = lock.withLock {
            if waiters.isEmpty { free.append(lease.pipeline); busy -= 1; return nil }
            return waiters.removeFirst()
        }
        next?.resume(returning: lease)
    }

    /// Runs `body` with a pipeline on a thread of its own (analysis is synchronous CPU work and
    /// must not block the server's event loops); the pipeline is released when `body` ends.
    func run<T: Sendable>(wait: Bool = false, _ body: @escaping @Sendable (Pipeline) throws -> T) async throws -> T {
        let lease = try await acquire(wait: wait)
        return try await withCheckedThrowingContinuation { c in
            DispatchQueue.global().async {
                defer { self.release(lease) }
                c.resume(with: Result { try body(lease.pipeline) })
            }
        }
    }
}
