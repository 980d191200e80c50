import Foundation

/// Why the server task of `qiyue serve` ended, handed back to the waiting command thread.
final class ServeFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var value: String?

    func set(_ message: String) { lock.withLock { value = message } }
    var message: String? { lock.withLock { value } }
}
