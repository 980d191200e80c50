import Foundation
import Hummingbird
import NIOCore
import Qiyue
import QiyueServer
import Testing

/// `POST /v1/jobs` and `GET /v1/jobs/{id}`: JSON Lines and zip input, a signed callback to a
/// receiver on loopback (which fails once, to exercise the retry), the allow-list, retention.
@Suite struct JobEndpointTests {
    typealias F = ServerFixture

    /// What the loopback receiver got.
    actor Received {
        var bodies: [(body: [UInt8], signature: String?)] = []
        var attempts = 0
        func attempt() -> Int { attempts += 1; return attempts }
        func add(_ body: [UInt8], _ signature: String?) { bodies.append((body, signature)) }
    }

    static func jsonLines() -> [UInt8] {
        let a = String(decoding: F.corpus("documents/gen-a-09.txt"), as: UTF8.self)
        let lines = [["name": "a.txt", "text": a], ["name": "empty.txt", "text": "   "]].map {
            String(decoding: try! JSONSerialization.data(withJSONObject: $0), as: UTF8.self)
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    static func waitDone(_ client: TestClient, _ id: String) async throws -> [String: Any] {
        let start = Date()
        var last = ""
        while Date().timeIntervalSince(start) < 60 {
            let r = try await client.execute(uri: "/v1/jobs/\(id)", method: .get)
            last = String(buffer: r.body).prefix(300).description
            if let j = F.json(r) as? [String: Any], j["expiresAt"] is String { return j }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        Issue.record("job \(id) not done: \(last)")
        throw CancellationError()
    }

    @Test func aJobRunsItsDocumentsAndCallsBackSigned() async throws {
        let received = Received()
        let router = Router()
        router.post("/hook") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 16 << 20)
            // The first delivery fails: the sender must retry.
            if await received.attempt() == 1 { return Response(status: .internalServerError) }
            await received.add(Array(body.readableBytesView), request.headers[.init("X-Qiyue-Signature")!])
            return Response(status: .ok)
        }
        try await LiveServer.run({ port in
            Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                        onServerRunning: { port.set($0.localAddress?.port ?? 0) })
        }) { hook in
            let port = hook.port
            try await F.live { client in
                let r = try await client.execute(uri: "/v1/jobs?callback=http://127.0.0.1:\(port)/hook", method: .post,
                                                 headers: F.headers("application/x-ndjson"), body: ByteBuffer(bytes: Self.jsonLines()))
                #expect(r.status == .accepted)
                let id = try #require((F.json(r) as? [String: Any])?["id"] as? String)
                #expect(r.headers[.location] == "/v1/jobs/\(id)")
                let job = try await Self.waitDone(client, id)
                #expect(job["total"] as? Int == 2)
                #expect(job["failed"] as? Int == 1)
                #expect(job["callback"] as? String == "delivered")
                let results = try #require(job["results"] as? [[String: Any]])
                #expect((results[0]["reports"] as? [Any])?.count == 1)
                #expect((results[1]["error"] as? [String: String])?["code"] == "Q102")
                #expect(job["expiresAt"] is String)
            }
            let got = await received.bodies
            #expect(await received.attempts == 2)
            let first = try #require(got.first)
            #expect(first.signature == "sha256=" + HMACSHA256.hex(key: Array("test-secret".utf8), message: first.body))
        }
    }

    @Test func aZipJobReportsEachFile() async throws {
        // A stored (uncompressed) zip of two text files, built by hand.
        let zip = Self.storedZip([("one.txt", F.corpus("documents/gen-a-09.txt")), ("two.txt", F.corpus("documents/gen-a-01.txt"))])
        try await F.live { client in
            let r = try await client.execute(uri: "/v1/jobs", method: .post, headers: F.headers("application/zip"), body: ByteBuffer(bytes: zip))
            #expect(r.status == .accepted, "\(String(buffer: r.body))")
            let id = try #require((F.json(r) as? [String: Any])?["id"] as? String)
            let job = try await Self.waitDone(client, id)
            #expect((job["results"] as? [[String: Any]])?.map { $0["name"] as? String } == ["one.txt", "two.txt"])
            #expect(job["failed"] as? Int == 0)
        }
    }

    @Test func finishedJobsAreDeletedAfterTheirRetention() async throws {
        var c = F.configuration()
        c.jobRetention = 0.5
        let server = try F.make(c)
        try await F.live(server) { client in
            let r = try await client.execute(uri: "/v1/jobs", method: .post, headers: F.headers("application/x-ndjson"),
                                             body: ByteBuffer(string: #"{"name":"x","text":"甲方：张三"}"# + "\n"))
            #expect(r.status == .accepted)
            let id = try #require((F.json(r) as? [String: Any])?["id"] as? String)
            // It finishes, then disappears within its retention time (bounded wait).
            let start = Date()
            var gone = false
            while !gone && Date().timeIntervalSince(start) < 120 {
                try await Task.sleep(nanoseconds: 100_000_000)
                let g = try await client.execute(uri: "/v1/jobs/\(id)", method: .get)
                gone = g.status == .notFound && F.errorCode(g) == "Q708"
            }
            #expect(gone)
            #expect(server.jobs.count == 0)
        }
    }

    @Test(arguments: [
        ("/v1/jobs?callback=http://10.0.0.1/hook", "application/x-ndjson", #"{"text":"a"}"#, 403, "Q707"),
        ("/v1/jobs?callback=file:///etc/passwd", "application/x-ndjson", #"{"text":"a"}"#, 400, "Q706"),
        ("/v1/jobs", "application/x-ndjson", "not json", 400, "Q706"),
        ("/v1/jobs", "application/x-ndjson", "", 400, "Q706"),
        ("/v1/jobs", "application/zip", "PK\u{3}\u{4}nonsense", 400, "Q706"),
        ("/v1/jobs", "text/plain", "甲方", 415, "Q702"),
    ])
    func badJobsAreJSONErrors(_ uri: String, _ type: String, _ body: String, _ status: Int, _ code: String) async throws {
        try await F.live { client in
            let r = try await client.execute(uri: uri, method: .post, headers: F.headers(type), body: ByteBuffer(string: body))
            #expect(r.status.code == status, "\(uri) \(type)")
            #expect(F.errorCode(r) == code, "\(uri) \(type): \(String(buffer: r.body))")
        }
    }

    /// A zip archive with stored entries.
    static func storedZip(_ files: [(String, [UInt8])]) -> [UInt8] {
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> ($0 * 8)) } }
        func crc32(_ d: [UInt8]) -> UInt32 {
            var c: UInt32 = 0xFFFF_FFFF
            for b in d { c ^= UInt32(b); for _ in 0..<8 { c = c & 1 == 1 ? (c >> 1) ^ 0xEDB8_8320 : c >> 1 } }
            return ~c
        }
        var out: [UInt8] = [], central: [UInt8] = []
        for (name, data) in files {
            let n = Array(name.utf8), crc = crc32(data), offset = UInt32(out.count)
            out += [0x50, 0x4B, 3, 4] + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(crc)
                + le32(UInt32(data.count)) + le32(UInt32(data.count)) + le16(n.count) + le16(0) + n + data
            central += [0x50, 0x4B, 1, 2] + le16(20) + le16(20) + le16(0) + le16(0) + le16(0) + le16(0) + le32(crc)
                + le32(UInt32(data.count)) + le32(UInt32(data.count)) + le16(n.count) + le16(0) + le16(0) + le16(0) + le16(0)
                + le32(0) + le32(offset) + n
        }
        let cdOffset = UInt32(out.count)
        out += central
        out += [0x50, 0x4B, 5, 6] + le16(0) + le16(0) + le16(files.count) + le16(files.count) + le32(UInt32(central.count)) + le32(cdOffset) + le16(0)
        return out
    }
}
