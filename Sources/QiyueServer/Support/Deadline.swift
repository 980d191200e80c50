import Foundation

/// Runs async work with a time limit: past it the caller gets 503 `Q721` at once, while the work
/// (which cannot be interrupted) finishes on its own and frees its worker.
enum Deadline {
    static func run<T: Sendable>(seconds: Double, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        let box = OnceContinuation<T>()
        let start = ContinuousClock.now
        let limit = Duration.nanoseconds(Int64(seconds * 1_000_000_000))
        let timeout = APIError(.serviceUnavailable, .timeout, "the request took longer than the server's timeout of \(seconds) s", retryAfter: 1)
        return try await withCheckedThrowingContinuation { c in
            box.set(c)
            let timer = Task {
                try? await Task.sleep(for: limit)
                if !Task.isCancelled { box.resume(.failure(timeout)) }
            }
            Task {
                let result: Result<T, any Error>
                do { result = .success(try await operation()) } catch { result = .failure(error) }
                timer.cancel()
                // Finished, but late (the timer's thread was busy): still a timeout, as promised.
                box.resume(ContinuousClock.now - start > limit ? .failure(timeout) : result)
            }
        }
    }
}
