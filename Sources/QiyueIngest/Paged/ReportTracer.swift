import Qiyue

/// Traces facts to pages and recognized words: each fact's page, the word boxes under its span, the
/// lowest confidence among them, and `needsReview` under the threshold.
struct ReportTracer {
    let pages: [PageInfo]
    let words: [RecognizedWord]
    /// Confidence (0–100) under which a fact needs review.
    let threshold: Double
    /// A fact over more words than this gets one box per line instead of one per word.
    static let maxWordBoxes = 24

    func trace(_ span: TextSpan) -> FactTrace? {
        guard let page = page(at: span.start) else { return nil }
        let covered = wordsOverlapping(span)
        guard !covered.isEmpty else { return FactTrace(page: page) }
        let confidences = covered.compactMap(\.confidence)
        let low = confidences.min()
        let boxes: [WordBox]
        if covered.count <= Self.maxWordBoxes {
            boxes = covered.map { WordBox(text: $0.text, page: $0.page, box: $0.box, confidence: $0.confidence) }
        } else {
            boxes = Self.lineBoxes(covered)
        }
        return FactTrace(page: page, boxes: boxes, minConfidence: low, needsReview: low.map { $0 < threshold } ?? false)
    }

    /// The page holding the scalar at `offset` (the last page at or before it).
    func page(at offset: Int) -> Int? {
        var lo = 0, hi = pages.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if pages[mid].span.start <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo > 0 ? pages[lo - 1].number : pages.first?.number
    }

    func wordsOverlapping(_ span: TextSpan) -> ArraySlice<RecognizedWord> {
        var lo = 0, hi = words.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if words[mid].span.end <= span.start { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < words.count && words[end].span.start < span.end { end += 1 }
        return words[lo..<end]
    }

    /// One box per line: the union of its words' boxes, their text, their lowest confidence.
    static func lineBoxes(_ words: ArraySlice<RecognizedWord>) -> [WordBox] {
        var out: [WordBox] = []
        var key: (Int, Int)?
        for w in words {
            if let k = key, k == (w.page, w.line), var last = out.popLast() {
                last.text += w.text
                last.box = [min(last.box[0], w.box[0]), min(last.box[1], w.box[1]), max(last.box[2], w.box[2]), max(last.box[3], w.box[3])]
                if let c = w.confidence { last.confidence = min(last.confidence ?? c, c) }
                out.append(last)
            } else {
                out.append(WordBox(text: w.text, page: w.page, box: w.box, confidence: w.confidence))
                key = (w.page, w.line)
            }
        }
        return out
    }
}
