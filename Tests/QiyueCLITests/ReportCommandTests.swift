import Foundation
import Testing

/// `qiyue report FILE --html OUT`: one standalone file with the reports embedded.
@Suite struct ReportCommandTests {
    @Test func writesAStandaloneReviewFile() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("qiyue-review-\(UUID().uuidString).html").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try CLI.run(["report", "Corpus/documents/gen-a-09.txt", "--html", out])
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains(#"data-mode="static""#))
        #expect(html.contains("lease-term-over-20y"))
        #expect(html.contains("@media print"))
        #expect(!html.contains("src=\"http"))
    }

    @Test func aMissingInputFailsWithItsCode() throws {
        let r = try CLI.run(["report", "no-such-file.txt", "--html", "-"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("Q100"))
    }
}
