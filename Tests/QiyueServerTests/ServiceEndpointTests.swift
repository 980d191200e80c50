import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import NIOCore
import Qiyue
import QiyueServer
import Testing

/// The read-only endpoints, routing errors, the API key, limits and metrics.
@Suite struct ServiceEndpointTests {
    typealias F = ServerFixture

    @Test func healthRulesAndSchema() async throws {
        try await F.live { client in
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            #expect((F.json(health) as? [String: Any])?["status"] as? String == "ok")
            let rules = try await client.execute(uri: "/v1/rules", method: .get)
            let list = try #require((F.json(rules) as? [String: Any])?["rules"] as? [[String: Any]])
            #expect(list.count == F.server.service.rules.count && !list.isEmpty)
            #expect(list.allSatisfy { $0["id"] is String && $0["basis"] is [Any] && $0["params"] is [String: Any] && $0["severity"] is String })
            let schema = try await client.execute(uri: "/v1/schema", method: .get)
            #expect(schema.status == .ok)
            #expect(((F.json(schema) as? [String: Any])?["$id"] as? String)?.contains("qiyue.document") == true
                    || (F.json(schema) as? [String: Any])?["properties"] != nil)
        }
    }

    @Test func theReviewPageIsServedSelfContained() async throws {
        try await F.live { client in
            let r = try await client.execute(uri: "/", method: .get)
            #expect(r.status == .ok)
            #expect(r.headers[.contentType]?.hasPrefix("text/html") == true)
            let html = String(buffer: r.body)
            #expect(html.contains("<script"))
            #expect(!html.contains("src=\"http") && !html.contains("href=\"http"))
        }
    }

    @Test func unknownPathsAndMethodsAreJSONErrors() async throws {
        try await F.live { client in
            let missing = try await client.execute(uri: "/v2/nothing", method: .get)
            #expect(missing.status == .notFound)
            #expect(F.errorCode(missing) == "Q700")
            let method = try await client.execute(uri: "/v1/rules", method: .delete)
            #expect(method.status == .methodNotAllowed)
            #expect(F.errorCode(method) == "Q701")
            let job = try await client.execute(uri: "/v1/jobs/not-a-job", method: .get)
            #expect(job.status == .notFound)
            #expect(F.errorCode(job) == "Q708")
        }
    }

    @Test func metricsCountRequestsDocumentsRisksAndErrors() async throws {
        let doc = F.corpus("documents/gen-a-09.txt")
        var c = F.configuration()
        c.workers = 1
        let server = try F.make(c)
        try await F.live(server) { client in
            _ = try await client.execute(uri: "/v1/extract", method: .post, body: ByteBuffer(bytes: doc))
            _ = try await client.execute(uri: "/v1/extract", method: .post, headers: F.headers("application/json"), body: ByteBuffer(string: "{}"))
            let r = try await client.execute(uri: "/metrics", method: .get)
            let text = String(buffer: r.body)
            #expect(r.headers[.contentType]?.hasPrefix("text/plain") == true)
            #expect(text.contains(#"qiyue_http_requests_total{method="POST",route="/v1/extract",status="200"} 1"#))
            #expect(text.contains("qiyue_http_request_duration_seconds_bucket"))
            #expect(text.contains("qiyue_documents_total 1"))
            #expect(text.contains("qiyue_risks_total{rule="))
            #expect(text.contains(#"qiyue_errors_total{code="Q702"} 1"#))
        }
    }

    @Test func anAPIKeyIsRequiredBeyondLoopbackAndCheckedWhenSet() async throws {
        var open = F.configuration()
        open.host = "0.0.0.0"
        #expect(throws: QiyueError.self) { try open.validate() }
        var keyed = F.configuration()
        keyed.apiKey = "k-123"
        let server = try F.make(keyed)
        try await F.live(server) { client in
            let none = try await client.execute(uri: "/v1/rules", method: .get)
            #expect(none.status == .unauthorized)
            #expect(F.errorCode(none) == "Q710")
            let wrong = try await client.execute(uri: "/v1/rules", method: .get, headers: [.init("X-API-Key")!: "k-124"])
            #expect(wrong.status == .unauthorized)
            let right = try await client.execute(uri: "/v1/rules", method: .get, headers: [.init("X-API-Key")!: "k-123"])
            #expect(right.status == .ok)
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
        }
    }

    @Test func aFullServerAnswers503WithRetryAfter() async throws {
        var c = F.configuration()
        c.workers = 1
        c.queueLength = 0
        let server = try F.make(c)
        // A large contract keeps the only worker busy while the other requests arrive.
        let doc = Array(String(String(repeating: String(decoding: F.corpus("documents/gen-a-09.txt"), as: UTF8.self), count: 20).prefix(80_000)).utf8)
        try await F.live(server) { client in
            // Separate connections (the test client's one connection would serialize them).
            let url = URL(string: "http://127.0.0.1:\(client.port)/v1/extract?split=false")!
            let statuses = try await withThrowingTaskGroup(of: (Int, String?, String?).self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        var request = URLRequest(url: url)
                        request.httpMethod = "POST"
                        request.httpBody = Data(doc)
                        request.setValue("text/plain", forHTTPHeaderField: "Content-Type")
                        // The one 200 may take long on a machine busy with the rest of the suite:
                        // URLSession's 60 s default timed it out once (2026-12-02).
                        request.timeoutInterval = 600
                        let (data, response) = try await URLSession.shared.data(for: request)
                        let http = response as! HTTPURLResponse
                        let code = ((try? JSONSerialization.jsonObject(with: data)) as? [String: [String: String]])?["error"]?["code"]
                        return (http.statusCode, code, http.value(forHTTPHeaderField: "Retry-After"))
                    }
                }
                var out: [(Int, String?, String?)] = []
                for try await s in group { out.append(s) }
                return out
            }
            #expect(statuses.contains { $0.0 == 200 })
            let busy = statuses.filter { $0.0 == 503 }
            #expect(!busy.isEmpty)
            #expect(busy.allSatisfy { $0.1 == "Q720" && $0.2 == "1" })
        }
    }

    @Test func aSlowRequestTimesOut() async throws {
        var c = F.configuration()
        c.requestTimeout = 0.02
        let server = try F.make(c)
        let doc = Array(String(String(repeating: String(decoding: F.corpus("documents/gen-a-09.txt"), as: UTF8.self), count: 20).prefix(80_000)).utf8)
        try await F.live(server) { client in
            let r = try await client.execute(uri: "/v1/extract?split=false", method: .post, body: ByteBuffer(bytes: doc))
            #expect(r.status == .serviceUnavailable)
            #expect(F.errorCode(r) == "Q721")
        }
    }

    @Test func aSlowBodyTimesOutAndTheServerKeepsServing() async throws {
        // A body that never arrives in time: 503 Q721 once the timeout passes. The server then
        // drains the rest of the body; a read of it left running behind the answer once made that
        // two readers of the connection's stream, a trap that took every other client down too.
        try await F.liveRaw({ $0.requestTimeout = 1 }) { client, conn in
            #expect(conn.send(Array("POST /v1/extract HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n甲方".utf8)))
            // Nothing more is sent until the answer (unread bytes would make the close a reset).
            var answer: [UInt8] = []
            let start = ContinuousClock.now
            // The answer comes about 1 s after the head; the bound is generous because under
            // AddressSanitizer, with the whole suite's CPU-bound tests holding both of a 2-core
            // machine's cooperative threads, this test's tasks once waited over 30 s to run.
            while ContinuousClock.now - start < .seconds(180) && !String(decoding: answer, as: UTF8.self).contains("Q721") {
                guard let got = conn.receive() else { break }
                answer += got
            }
            let text = String(decoding: answer, as: UTF8.self)
            #expect(text.hasPrefix("HTTP/1.1 503") && text.contains("Q721") && text.lowercased().contains("retry-after: 1"), "\(text)")
            conn.send(Array("乙".utf8))
            // The server still answers everyone else.
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            // An extract is answered too: 200, or (the first one builds the pipeline, which can take
            // more than this server's 1 s on a loaded machine) the coded timeout.
            let r = try await client.execute(uri: "/v1/extract", method: .post, body: ByteBuffer(bytes: Array("借款合同\n甲方：张三\n乙方：李四\n".utf8)))
            #expect(r.status == .ok || (r.status == .serviceUnavailable && F.errorCode(r) == "Q721"), "\(r.status)")
        }
    }

    @Test func aSlowHeaderClientIsCutOffWhileOthersAreServed() async throws {
        // Slowloris: a request head sent one byte every 0.25 s, more often than the header timeout
        // but never complete within it. Bytes alone do not keep the connection open: the server
        // closes it once the header timeout has passed, and serves a normal client meanwhile.
        try await F.liveRaw({ $0.headerTimeout = 1 }) { client, conn in
            let head = Array("POST /v1/extract HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 10\r\nX-Padding: \(String(repeating: "a", count: 200))\r\n\r\n".utf8)
            let start = ContinuousClock.now
            var sent = 0, closed = false, answered: [UInt8] = []
            // A normal request while the slow head is still open (its first bytes are sent).
            #expect(conn.send([head[0]]))
            sent = 1
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            // (That request may take long on a loaded machine, ASan: the bound below counts from its end.)
            let served = ContinuousClock.now
            while ContinuousClock.now - served < .seconds(30) && sent < head.count - 4 {
                if !conn.send([head[sent]]) { closed = true; break }
                sent += 1
                // receive() waits up to 0.2 s; nil once the server has closed the connection.
                guard let got = conn.receive() else { closed = true; break }
                answered += got
                try await Task.sleep(nanoseconds: 50_000_000)
            }
            let took = ContinuousClock.now - start
            #expect(closed, "the slow head was never cut off (\(sent) of \(head.count) bytes sent in \(took))")
            #expect(answered.isEmpty, "\(String(decoding: answered, as: UTF8.self))")
            #expect(took >= .milliseconds(900), "cut off after \(took)")
            #expect(ContinuousClock.now - served < .seconds(10), "cut off \(ContinuousClock.now - served) after the normal request")
            #expect(sent < head.count - 4)
            // The server still answers everyone else, on new connections.
            let r = try await client.execute(uri: "/v1/extract", method: .post, body: ByteBuffer(bytes: Array("借款合同\n甲方：张三\n乙方：李四\n".utf8)))
            #expect(r.status == .ok, "\(r.status)")
        }
    }

    @Test func hmacMatchesRFC4231() {
        // RFC 4231 test case 2.
        #expect(HMACSHA256.hex(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(HMACSHA256.sha256([]).map { String(format: "%02x", $0) }.joined()
                == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}
