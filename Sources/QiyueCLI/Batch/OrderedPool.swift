import Foundation

/// A fixed set of worker threads that process jobs in parallel and hand the results back in
/// submission order, holding at most `window` jobs and results at a time: memory stays flat
/// however many inputs stream through, and output order (hence `--resume`) is deterministic.
///
/// Each worker owns its state (a ``Qiyue/Pipeline`` is not thread-safe), made on its own thread
/// by `makeWorker`. `submit` and `finish` are called from one thread, which is also the one
/// `deliver` runs on (the writer).
final class OrderedPool<Job: Sendable, Output: Sendable>: @unchecked Sendable {
    private let lock = NSCondition()
    private var queue: [(Int, Job)] = []
    private var queueHead = 0
    private var results: [Int: Output] = [:]
    private var closed = false
    private var submitted = 0
    private var delivered = 0
    private var threads: [Thread] = []
    private var running = 0
    private let window: Int
    private let deliver: (Output) throws -> Void

    /// Starts `workers` threads; `makeWorker(k)` runs on worker k's thread and returns its job function.
    init(workers: Int, window: Int, makeWorker: @escaping @Sendable (Int) -> (Job) -> Output,
         deliver: @escaping (Output) throws -> Void) {
        self.window = max(window, workers)
        self.deliver = deliver
        running = workers
        for k in 0..<workers {
            let t = Thread { [unowned self] in
                let work = makeWorker(k)
                self.loop(work)
            }
            t.stackSize = 8 << 20
            t.name = "qiyue-worker-\(k)"
            threads.append(t)
            t.start()
        }
    }

    private func loop(_ work: (Job) -> Output) {
        while true {
            lock.lock()
            while queueHead == queue.count && !closed { lock.wait() }
            if queueHead == queue.count && closed {
                running -= 1
                lock.broadcast()
                lock.unlock()
                return
            }
            let (index, job) = queue[queueHead]
            queueHead += 1
            if queueHead > 1024 && queueHead * 2 > queue.count { queue.removeFirst(queueHead); queueHead = 0 }
            lock.unlock()
            let out = work(job)
            lock.lock()
            results[index] = out
            lock.broadcast()
            lock.unlock()
        }
    }

    /// Queues a job; first writes out every result that is ready in order, and waits while the
    /// window is full.
    func submit(_ job: Job) throws {
        try drain(untilBelow: window)
        lock.lock()
        queue.append((submitted, job))
        submitted += 1
        lock.signal()
        lock.unlock()
        try drain(untilBelow: Int.max)
    }

    /// Delivers ready results in order; blocks until fewer than `limit` jobs are outstanding.
    private func drain(untilBelow limit: Int) throws {
        while true {
            lock.lock()
            while results[delivered] == nil && submitted - delivered >= limit { lock.wait() }
            guard let out = results.removeValue(forKey: delivered) else { lock.unlock(); return }
            delivered += 1
            lock.unlock()
            try deliver(out)
        }
    }

    /// Waits for every job and delivers the rest of the results; stops the workers.
    func finish() throws {
        lock.lock()
        closed = true
        lock.broadcast()
        lock.unlock()
        try drain(untilBelow: 1)
        lock.lock()
        while running > 0 { lock.wait() }
        lock.unlock()
    }
}
