import Foundation
import NIOCore
import Qiyue
import QiyueServer
import Testing

/// `POST /v1/extract` on a live loopback server: good input in every form, and bad input as 4xx
/// JSON errors with stable codes.
@Suite struct ExtractEndpointTests {
    typealias F = ServerFixture

    @Test func extractsRawTextAsTheCLIDoes() async throws {
        let doc = F.corpus("documents/gen-a-09.txt")
        try await F.live { client in
            let r = try await client.execute(uri: "/v1/extract", method: .post, headers: F.headers("text/plain; charset=utf-8"), body: ByteBuffer(bytes: doc))
            #expect(r.status == .ok)
            #expect(r.headers[.contentType]?.hasPrefix("application/json") == true)
            let reports = try #require(F.json(r) as? [[String: Any]])
            #expect(reports.count == 1)
            #expect(reports[0]["schema"] as? String == "qiyue.document/1")
            #expect(!((reports[0]["parties"] as? [Any]) ?? []).isEmpty)
            #expect((reports[0]["source"] as? [String: Any])?["text"] == nil)
        }
    }

    @Test func splitsPagesUnlessToldNot() async throws {
        let page = F.corpus("pages/000_d915155119d6f3bb.txt")
        try await F.live { client in
            let split = try await client.execute(uri: "/v1/extract", method: .post, body: ByteBuffer(bytes: page))
            let whole = try await client.execute(uri: "/v1/extract?split=false", method: .post, body: ByteBuffer(bytes: page))
            let n = (F.json(split) as? [Any])?.count ?? 0
            #expect(n > 1)
            #expect((F.json(whole) as? [Any])?.count == 1)
        }
    }

    @Test func honoursCategoryOnlyRulesTextAndRedaction() async throws {
        let doc = F.corpus("documents/gen-a-09.txt")
        try await F.live { client in
            let all = try await client.execute(uri: "/v1/extract", method: .post, body: ByteBuffer(bytes: doc))
            let risks = ((F.json(all) as? [[String: Any]])?[0]["risks"] as? [[String: Any]]) ?? []
            try #require(!risks.isEmpty)
            let rule = risks[0]["rule"] as! String
            let only = try await client.execute(uri: "/v1/extract?only_rules=\(rule)&include_text=true&category=lease&redact=names,contacts",
                                                method: .post, body: ByteBuffer(bytes: doc))
            #expect(only.status == .ok)
            let report = try #require((F.json(only) as? [[String: Any]])?.first)
            let onlyRisks = (report["risks"] as? [[String: Any]]) ?? []
            #expect(!onlyRisks.isEmpty && onlyRisks.allSatisfy { $0["rule"] as? String == rule })
            #expect(((report["source"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            #expect((report["classification"] as? [String: Any])?["category"] as? String == "lease")
            let parties = (report["parties"] as? [[String: Any]]) ?? []
            // Persons' names masked with the same length (organisations' names are not personal data).
            let persons = parties.filter { $0["kind"] as? String == "person" }
            #expect(persons.allSatisfy { ($0["name"] as? String).map { $0.contains("*") } ?? true })
        }
    }

    @Test func readsTheCharsetFromContentTypeOrDetectsIt() async throws {
        // "房屋租赁合同 出租方（甲方）：张三 …" in GB18030.
        let gbk: [UInt8] = [0xB7, 0xBF, 0xCE, 0xDD, 0xD7, 0xE2, 0xC1, 0xDE, 0xBA, 0xCF, 0xCD, 0xAC, 0x0A, 0xB3, 0xF6, 0xD7, 0xE2, 0xB7, 0xBD, 0xA3, 0xA8, 0xBC, 0xD7, 0xB7, 0xBD, 0xA3, 0xA9, 0xA3, 0xBA, 0xD5, 0xC5, 0xC8, 0xFD, 0x0A, 0xB3, 0xD0, 0xD7, 0xE2, 0xB7, 0xBD, 0xA3, 0xA8, 0xD2, 0xD2, 0xB7, 0xBD, 0xA3, 0xA9, 0xA3, 0xBA, 0xC0, 0xEE, 0xCB, 0xC4, 0x0A, 0xD4, 0xC2, 0xD7, 0xE2, 0xBD, 0xF0, 0xC8, 0xCB, 0xC3, 0xF1, 0xB1, 0xD2, 0x33, 0x30, 0x30, 0x30, 0xD4, 0xAA, 0xA3, 0xAC, 0xD2, 0xD2, 0xB7, 0xBD, 0xD3, 0xA6, 0xD3, 0xDA, 0xC3, 0xBF, 0xD4, 0xC2, 0x35, 0xC8, 0xD5, 0xC7, 0xB0, 0xD6, 0xA7, 0xB8, 0xB6, 0xA1, 0xA3, 0x0A]
        try await F.live { client in
            for contentType in ["text/plain; charset=GB18030", "text/plain"] {
                let r = try await client.execute(uri: "/v1/extract?include_text=true", method: .post, headers: F.headers(contentType), body: ByteBuffer(bytes: gbk))
                #expect(r.status == .ok, "\(contentType)")
                let source = (F.json(r) as? [[String: Any]])?.first?["source"] as? [String: Any]
                #expect((source?["text"] as? String)?.contains("出租方") == true, "\(contentType)")
            }
        }
    }

    @Test func acceptsAMultipartUpload() async throws {
        let doc = F.corpus("documents/gen-a-09.txt")
        let boundary = "qiyue-test-boundary"
        var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"gen-a-09.txt\"\r\nContent-Type: text/plain\r\n\r\n".utf8)
        body += doc + Array("\r\n--\(boundary)--\r\n".utf8)
        let upload = body
        try await F.live { client in
            let r = try await client.execute(uri: "/v1/extract", method: .post, headers: F.headers("multipart/form-data; boundary=\(boundary)"), body: ByteBuffer(bytes: upload))
            #expect(r.status == .ok)
            let source = (F.json(r) as? [[String: Any]])?.first?["source"] as? [String: Any]
            #expect(source?["path"] as? String == "gen-a-09.txt")
        }
    }

    @Test(arguments: [
        ("empty body", "text/plain", [UInt8](), 400, "Q102"),
        ("binary", "application/octet-stream", [UInt8](repeating: 0, count: 64) + Array(0..<200), 400, "Q103"),
        ("wrong content type", "application/json", Array(#"{"a":1}"#.utf8), 415, "Q702"),
        ("image", "image/png", [0x89, 0x50, 0x4E, 0x47], 415, "Q702"),
        ("malformed multipart", "multipart/form-data; boundary=xyz", Array("--xyz\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc".utf8), 400, "Q705"),
        ("multipart without boundary", "multipart/form-data", Array("abc".utf8), 400, "Q705"),
        ("oversized", "text/plain", [UInt8](repeating: 0x41, count: 300 << 10), 413, "Q104"),
        ("bad docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Array("PK\u{3}\u{4}garbage".utf8), 400, "Q110"),
    ] as [(String, String, [UInt8], Int, String)])
    func badBodiesAreJSONErrors(_ name: String, _ contentType: String, _ body: [UInt8], _ status: Int, _ code: String) async throws {
        try await F.live { client in
            let r = try await client.execute(uri: "/v1/extract", method: .post, headers: F.headers(contentType), body: ByteBuffer(bytes: body))
            #expect(r.status.code == status, "\(name)")
            #expect(F.errorCode(r) == code, "\(name): \(String(buffer: r.body))")
        }
    }

    @Test(arguments: [
        ("only_rules=no-such-rule", "Q704"), ("category=spaceship", "Q703"), ("split=maybe", "Q703"), ("redact=everything", "Q703"),
    ])
    func badParametersAreJSONErrors(_ query: String, _ code: String) async throws {
        let doc = F.corpus("documents/gen-a-09.txt")
        try await F.live { client in
            let r = try await client.execute(uri: "/v1/extract?\(query)", method: .post, body: ByteBuffer(bytes: doc))
            #expect(r.status == .badRequest, "\(query)")
            #expect(F.errorCode(r) == code, "\(query)")
        }
    }
}

extension ExtractEndpointTests {
    @Test func nonASCIIPartHeaderNameIsABadMultipartNotACrash() async throws {
        // A byte of 0x80 or more in a part's header name trapped in MultipartKit and took the whole
        // server down (found by the http fuzz target). Now 400 Q705, and the server keeps serving.
        let body = Array("--qiyueBoundary\r\nContent-Dispositi".utf8) + [0x8C, 0xE8] + Array("on: form-data; name=\"file\"\r\n\r\n甲方\r\n--qiyueBoundary--\r\n".utf8)
        try await ServerFixture.live { client in
            let r = try await client.execute(uri: "/v1/extract", method: .post, headers: ServerFixture.headers("multipart/form-data; boundary=qiyueBoundary"),
                                             body: ByteBuffer(bytes: body))
            #expect(r.status == .badRequest && ServerFixture.errorCode(r) == "Q705")
            // The second body the http fuzz target found: the header name after a bare-LF blank line.
            let second = try #require(Data(base64Encoded: [
                "LS1xaXl1ZUJvdW5kYXJ5DQpDb250ZW50LURpc3Bvc2l0aW9uOiBmb3JtLWRhdGE7IG5hbWU9ImZpbGUiOyBmaWxlbmFtZT0iYzcu",
                "dHh0Ig0KQ29udGVudC1UeXBlOiB0ZXh0L3BsZm9ybS1kYXRhOyBib3VuZGFyeT1xaXl1ZUJvdW5kYXJ5CgotLXFpeW51b3VCZWRh",
                "cnkNCkNvbnRlbnQtuArnu5/kuIDnpL7kvJrkv///////////////////////////////////////////////////////////////",
                "////////////////////////////////////////////////////////////////////////////////////////////////oeeU",
                "qOS7o+egge+8mjkxNDEwMTA1TUEzWDZHS0Y4TgrotYTotKjnrYnnuqfvvJrlu7rnrZHlt6XnqIvmlr3lt6XmgLvmib/ljIXotLDn",
                "uqcK5Zyw5Z2A77ya5rKz5Y2X55yB6YOR5bee5biC6YeR5rC05Yy65Yac5Lia6LevIDcyIOWPtwrpobnnm67nu4/nkIbvvJrojIPl",
                "javkuJzjgICD5pW077yIwqUzMiw4MDAsMDAwLjAw77yJ44CC5YW25Lit77ya6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo",
                "6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo",
                "6Ojo6Ojo6Ojo6Ojo6Ojo6Ojo6OWuieWFqOaWh+aYjuaWveW3pei0uSDCpTk2MCwwMDAuMDDvvJvmmoLliJfph5Hpop0gwqUxLDUw",
                "MCwwMDAuMDDjgIIKNC46IOWQiOWQjOS7t+agvOW9ouW8j++8muWbuuWumue7MzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzMzO8",
                "5eW3peaXpeacn+iuoeeul+eahOW3peacn+WkqeaVsOS4jeS4gOiHtOeahO+8jOS7peW3peacn+aAu+aXpeWOhuWkqeaVsOS4uuWH",
                "huOAggoK5LiJ44CB6LSo6YeP5qCH5YeGCuW3peeoi+i0qOmHj+espuWQiOWbveWutueOsOihjOOAiuW7uuetkeW3peeoi+aWveW3",
                "pei0qOmHj+mqjOaUtue7n+S4gOagh+WHhuOAi+WQiOagvOagh+WHhu+8jOS6ieWIm+mDkeW3nuW4guKAnOe7k+aehOS4reW3nuad",
                "r+KAneOAggoK5Zub44CB562+57qm5ZCI5ZCM5IS35LiO5ZCI5ZCM5Lu35qC85b2i5byPCjQuMSDnrb7nuqblkIjlkIzku7fkuLrk",
                "urrmsJHluIHvvIjlpKflhpnvvInlj4Hku5/otLDkvbDmjYzmi77kuIflhYPmlbTvvIjCpTMyLDgwMCwwMDAuMDDvvInjgILlhbbk",
                "uK3vvJrlronlhajmlofmmI7mlr3lt6XotLkgwqU5NjAsMDAwLjAw77yb5pqC5YiX6YeR6aKdIMKlMSw1MDAsMDAwLjAw44CCCjQu",
                "MiDlkIjlkIzku7fmoLzlvaLlvI/vvJrlm7rlrprnu7zlkIjljZXku7flkIiPjOaWueazlQ0KLS1xaXl1ZUJvdW5kYXJ5LS0NCg==",
            ].joined()))
            let r2 = try await client.execute(uri: "/v1/extract?split=false", method: .post, headers: ServerFixture.headers("multipart/form-data; boundary=qiyueBoundary"),
                                              body: ByteBuffer(bytes: [UInt8](second)))
            #expect(r2.status == .badRequest && ServerFixture.errorCode(r2) == "Q705")
            // The third (2026-12-01, 67f55d0; minimized by libFuzzer to 129 bytes, this body and
            // its request line and content type): a header value ending in a bare LF, then CRLF, so
            // the document's next byte starts a header name for the parser, while the line-based
            // check took the CR-only line for the end of the headers. Multipart bodies are now
            // parsed by FormDataParser, which cannot trap.
            let third = Array("--qiyueBoundary\r\nCtent-n:ta; z\n\r\n".utf8) + [0x9A, 0x84, 0xEF, 0xBC, 0x8C] + Array("\r\n-".utf8)
            let r3 = try await client.execute(uri: "/v1/extract?categ=.0ase", method: .post, headers: ServerFixture.headers("multipart/form-data; boundary=qiyueBoundary"),
                                              body: ByteBuffer(bytes: third))
            #expect(r3.status == .badRequest && ServerFixture.errorCode(r3) == "Q705", "\(r3.status) \(String(buffer: r3.body))")
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
        }
    }
}
