import Foundation
import Qiyue
import QiyueReport
import Testing

/// The review page's HTML: self-contained, the embedded reports safe inside their script element.
@Suite struct ReviewPageTests {
    @Test func theLivePageLoadsNothingFromOutside() {
        let html = ReviewPage.html()
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.contains(#"data-mode="live""#))
        for external in ["src=\"http", "href=\"http", "@import", "url(http", "//cdn"] { #expect(!html.contains(external), "\(external)") }
        #expect(html.contains("@media print"))
    }

    @Test func embeddedReportsCannotCloseTheScriptElement() throws {
        var source = SourceInfo(path: "x.txt")
        source.text = "甲方：</script><script>alert(1)</script>"
        let (report, _) = try Pipeline().report(text: source.text!, path: "x.txt")
        var r = report
        r.source = source
        let html = try ReviewPage.html(reports: [r])
        #expect(html.contains(#"data-mode="static""#))
        let data = try #require(html.range(of: #"<script id="qiyue-data" type="application/json">"#))
        let rest = html[data.upperBound...]
        let end = try #require(rest.range(of: "</script>"))
        let json = String(rest[..<end.lowerBound]).replacingOccurrences(of: "\\u003c", with: "<")
        let decoded = try JSONDecoder().decode([ContractReport].self, from: Data(json.utf8))
        #expect(decoded.first?.source.text == source.text)
    }
}
