import Foundation
import Qiyue
@testable import QiyueServer
import Testing
import Yams

/// docs/openapi.yaml is the contract: it names exactly the routes the server has, the categories
/// the pipeline knows, and every server error code is in the README's table.
@Suite struct OpenAPIContractTests {
    typealias F = ServerFixture

    static func spec() throws -> [String: Any] {
        let text = try String(contentsOf: F.root.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
        return try #require(try Yams.load(yaml: text) as? [String: Any])
    }

    @Test func theSpecIsOpenAPI31WithExactlyTheServersRoutes() throws {
        let spec = try Self.spec()
        #expect(spec["openapi"] as? String == "3.1.0")
        let paths = try #require(spec["paths"] as? [String: Any])
        #expect(Set(paths.keys) == Set(Routes.paths))
        let methods = paths.mapValues { (($0 as? [String: Any]) ?? [:]).keys.sorted() }
        #expect(methods["/v1/extract"] == ["post"])
        #expect(methods["/v1/jobs"] == ["post"])
        #expect(methods["/v1/jobs/{id}"] == ["get"])
        for p in ["/", "/healthz", "/metrics", "/v1/rules", "/v1/schema"] { #expect(methods[p] == ["get"], "\(p)") }
    }

    @Test func theSpecsCategoriesAreThePipelines() throws {
        let spec = try Self.spec()
        let category = ((spec["components"] as? [String: Any])?["parameters"] as? [String: Any])?["category"] as? [String: Any]
        let values = (category?["schema"] as? [String: Any])?["enum"] as? [String]
        #expect(values == DocumentClassifier.categories)
    }

    @Test func everyServerCodeIsInTheREADMEsErrorTable() throws {
        let readme = try String(contentsOf: F.root.appendingPathComponent("README.md"), encoding: .utf8)
        let codes: [QiyueError.Code] = [.notFound, .methodNotAllowed, .unsupportedMediaType, .badParameter, .unknownRule, .badMultipart,
                                        .badJob, .callbackNotAllowed, .jobNotFound, .unauthorized, .busy, .timeout,
                                        .badConfiguration, .internalError]
        for c in codes {
            #expect(readme.contains("| \(c.rawValue) |"), "\(c.rawValue)")
            #expect((700..<750).contains(Int(c.rawValue.dropFirst()) ?? 0))
        }
    }
}
