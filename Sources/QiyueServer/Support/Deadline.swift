import Foundation

/// Runs async work with a time limit: past it the caller gets 503 `Q721` at once, while the work
/// (which cannot be interrupted) finishes on its own and frees its worker.
enum Deadline {
    static func run<T: Sendable>(seconds: Double, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
        let box = OnceContinuation<T>()
        return try await withCheckedThrowingContinuation { c in
            box.set(c)
            let timer = Task {
                try? await Task.sleep(nanoseconds: UInt64(seconds * 1_000_000_000))
                if !Task.isCancelled {
                    box.resume(.failure(APIError(.serviceUnavailable, .timeout,
                                                 "the request took longer than the server's timeout of \(seconds) s", retryAfter: 1)))
                }
            }
            Task {
                let result: Result<T, any Error>
                do { result = .success(try await operation()) } catch { result = .failure(error) }
                timer.cancel()
                box.resume(result)
            }
        }
    }
}
