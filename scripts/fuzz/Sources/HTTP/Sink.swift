/// The bytes of a response body.
final class Sink: @unchecked Sendable {
    var bytes: [UInt8] = []
}
