import Foundation

/// A small thread-safe dictionary that forgets its oldest entries past a capacity.
final class LockedCache<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Value] = [:]
    private var order: [Key] = []
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    subscript(key: Key) -> Value? {
        get { lock.withLock { values[key] } }
        set {
            lock.withLock {
                if values.updateValue(newValue!, forKey: key) == nil { order.append(key) }
                while order.count > capacity { values[order.removeFirst()] = nil }
            }
        }
    }
}
