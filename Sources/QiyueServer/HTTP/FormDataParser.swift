import Foundation

/// The parts of a multipart body: MultipartKit 4.7.1's `MultipartParser` state machine (MIT,
/// Copyright (c) 2018 Qutheory, LLC), ported so that no byte of a request can trap it. MultipartKit
/// indexed a 128-entry table with each byte of a part's header name, and a byte of 0x80 or more
/// there took the whole server down (found twice by the http fuzz target, the second time behind a
/// check that tried to find header names from outside the parser: a bare LF belongs to a header
/// value, not to a line end). Here such a byte is a syntax error like any other disallowed one;
/// every other input is parsed exactly as MultipartKit did.
struct FormDataParser {
    struct SyntaxError: Error, CustomStringConvertible {
        /// Where, in the body.
        let offset: Int
        /// Whether it is a byte of 0x80 or more in a part's header name (where MultipartKit trapped).
        var nonASCIIHeaderName = false
        var description: String {
            nonASCIIHeaderName ? "a part's header name holds a non-ASCII byte at byte \(offset)" : "syntax error at byte \(offset)"
        }
    }

    /// One part: its headers in order (names as sent) and its body.
    struct Part {
        var headers: [(name: String, value: String)] = []
        var body: [UInt8] = []
    }

    private enum CRLF { case cr, lf }

    private enum HeaderState {
        case preHeaders(CRLF)
        case headerName([UInt8])
        case headerValue([UInt8], name: [UInt8])
        case postHeaderValue([UInt8], name: [UInt8])
        case postHeaders
    }

    private enum State {
        case preamble(Int)
        case headers(HeaderState)
        case body
        case boundary(Int)
        case epilogue
    }

    private let delimiter: [UInt8]
    private var state: State = .preamble(0)
    private var bytes: [UInt8] = []
    private var index = 0
    /// The parts completed so far (a part is complete at the delimiter after its body).
    private(set) var parts: [Part] = []
    private var current = Part()

    /// - Parameter boundary: the boundary parameter of the content type; not empty.
    init(boundary: String) {
        precondition(!boundary.isEmpty)
        delimiter = Array("\r\n--\(boundary)".utf8)
    }

    /// Parses a whole body; the parts are in `parts`.
    mutating func execute(_ body: [UInt8]) throws(SyntaxError) {
        bytes = body
        index = 0
        defer { bytes = [] }
        while index < bytes.count {
            switch state {
            case .preamble(let match): state = parsePreamble(match)
            case .headers(let headerState): state = try parseHeaders(headerState)
            case .body: state = parseBody()
            case .boundary(let match): state = try parseBoundary(match)
            case .epilogue: return  // anything after the closing delimiter is ignored
            }
        }
    }

    private mutating func readByte() -> UInt8? {
        guard index < bytes.count else { return nil }
        defer { index += 1 }
        return bytes[index]
    }

    private var syntaxError: SyntaxError { SyntaxError(offset: max(0, index - 1)) }

    private mutating func parsePreamble(_ match: Int) -> State {
        var match = match
        while match < delimiter.count, let byte = readByte() {
            if match == 0, byte == delimiter[2] {
                match = 3  // the first delimiter may come without its leading CRLF
            } else if byte == delimiter[match] {
                match += 1
            } else if match > 0, byte == delimiter[0] {
                match = 1
            } else {
                match = 0
            }
        }
        return match >= delimiter.count ? .headers(.preHeaders(.cr)) : .preamble(match)
    }

    private mutating func parseCRLF(_ crlf: CRLF) throws(SyntaxError) -> CRLF? {
        var crlf = crlf
        while let byte = readByte() {
            switch (crlf, byte) {
            case (.cr, Self.cr): crlf = .lf
            case (.lf, Self.lf): return nil
            default: throw syntaxError
            }
        }
        return crlf
    }

    private mutating func parseHeaders(_ headerState: HeaderState) throws(SyntaxError) -> State {
        var headerState = headerState
        while index < bytes.count {
            switch headerState {
            case .preHeaders(let crlf):
                headerState = try parseCRLF(crlf).map(HeaderState.preHeaders) ?? .headerName([])
            case .headerName(let name):
                headerState = try parseHeaderName(name)
            case .headerValue(let value, let name):
                headerState = parseHeaderValue(value, name: name)
            case .postHeaderValue(let value, let name):
                guard readByte() == Self.lf else { throw syntaxError }
                current.headers.append((String(bytes: name, encoding: .utf8) ?? "", String(bytes: value, encoding: .utf8) ?? ""))
                headerState = .headerName([])
            case .postHeaders:
                guard readByte() == Self.lf else { throw syntaxError }
                return .body
            }
        }
        return .headers(headerState)
    }

    private mutating func parseHeaderName(_ name: [UInt8]) throws(SyntaxError) -> HeaderState {
        var name = name
        while let byte = readByte() {
            if byte == Self.colon && !name.isEmpty { return .headerValue([], name: name) }
            if byte == Self.cr && name.isEmpty { return .postHeaders }
            // MultipartKit's table lookup, bounds-checked: a byte of 0x80 or more is not allowed.
            guard byte < 0x80 else { throw SyntaxError(offset: index - 1, nonASCIIHeaderName: true) }
            guard Self.allowedInHeaderName[Int(byte)] else { throw syntaxError }
            name.append(byte)
        }
        return .headerName(name)
    }

    private mutating func parseHeaderValue(_ value: [UInt8], name: [UInt8]) -> HeaderState {
        var value = value
        while let byte = readByte() {
            if byte == Self.cr { return .postHeaderValue(value, name: name) }
            if (byte == Self.space || byte == Self.tab) && value.isEmpty { continue }
            value.append(byte)
        }
        return .headerValue(value, name: name)
    }

    private mutating func parseBody() -> State {
        var end = index
        while end < bytes.count && bytes[end] != delimiter[0] { end += 1 }
        if end > index {
            current.body += bytes[index..<end]
            index = end
        }
        return index < bytes.count ? .boundary(0) : .body
    }

    private mutating func parseBoundary(_ match: Int) throws(SyntaxError) -> State {
        var match = match
        while true {
            guard let byte = readByte() else { return .boundary(match) }
            guard match < delimiter.count else {
                parts.append(current)
                current = Part()
                switch byte {
                case Self.cr: return .headers(.preHeaders(.lf))
                case Self.hyphen: return .epilogue
                default: throw syntaxError
                }
            }
            guard byte == delimiter[match] else {
                // Not the delimiter after all: what matched so far is body.
                current.body += delimiter[0..<match]
                if byte == delimiter[0] { return .boundary(1) }
                current.body.append(byte)
                return .body
            }
            match += 1
        }
    }

    private static let colon: UInt8 = 58, lf: UInt8 = 10, cr: UInt8 = 13, hyphen: UInt8 = 45, space: UInt8 = 32, tab: UInt8 = 9

    /// RFC 822 field-name characters: any US-ASCII character except controls, space and tspecials
    /// (MultipartKit's table, 0–127).
    private static let allowedInHeaderName: [Bool] = (0..<128).map { (c: Int) -> Bool in
        guard c > 32 && c < 127 else { return false }
        return !"()<>@,;:\\\"/[]?={} ".utf8.contains(UInt8(c))
    }
}
