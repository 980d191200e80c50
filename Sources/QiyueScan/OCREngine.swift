import CTesseractBridge
import Foundation
import Qiyue
import QiyueIngest

/// One Tesseract instance (not thread-safe: the pool hands each out to one caller at a time).
final class OCREngine: @unchecked Sendable {
    private let handle: OpaquePointer
    let languages: String

    init(languages: String, tessdata: String?, name: String) throws(QiyueError) {
        var err = [CChar](repeating: 0, count: 256)
        guard let h = qy_ocr_create(tessdata, languages, &err, Int32(err.count)) else {
            let message = String(decoding: err.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw QiyueError(.scanUnavailable, path: name, "\(message) (languages \(languages))")
        }
        handle = h
        self.languages = languages
    }

    deinit { qy_ocr_destroy(handle) }

    /// What recognizing one page gave.
    struct Result {
        var words: [Word]
        var timedOut: Bool

        struct Word {
            var text: String
            var box: [Double]
            var confidence: Double
            var lineStart: Bool
        }

        /// Adds the words to the page begun last in `out` (and a warning when the time ran out).
        func add(to out: inout PagedText, page: Int, timeout: Double) {
            out.addRecognizedPage(words.map { PagedText.PendingWord(text: $0.text, box: $0.box, confidence: $0.confidence, lineStart: $0.lineStart) })
            if timedOut {
                out.warnings.append(ReportWarning(.ocrTimeout, "OCR of page \(page) passed \(timeout) seconds (--ocr-timeout); the words read so far are kept"))
            }
        }
    }

    /// Recognizes 8-bit gray pixels.
    func recognize(gray: [UInt8], width: Int, height: Int, dpi: Int, timeout: Double, name: String) throws(QiyueError) -> Result {
        var words: UnsafeMutablePointer<qy_ocr_word>?
        var count: Int32 = 0
        var err = [CChar](repeating: 0, count: 256)
        let rc = gray.withUnsafeBufferPointer {
            qy_ocr_gray(handle, $0.baseAddress, Int32(width), Int32(height), Int32(dpi), Self.milliseconds(timeout), &words, &count, &err, Int32(err.count))
        }
        return try result(rc, words, count, err, name: name)
    }

    /// Decodes and recognizes page `page` (from 0) of an encoded image.
    func recognize(image: [UInt8], page: Int = 0, timeout: Double, name: String) throws(QiyueError) -> Result {
        var words: UnsafeMutablePointer<qy_ocr_word>?
        var count: Int32 = 0, dpi: Int32 = 0
        var err = [CChar](repeating: 0, count: 256)
        let rc = image.withUnsafeBufferPointer {
            qy_ocr_image(handle, $0.baseAddress, $0.count, Int32(page), Self.milliseconds(timeout), &words, &count, &dpi, &err, Int32(err.count))
        }
        return try result(rc, words, count, err, name: name)
    }

    static func milliseconds(_ seconds: Double) -> Int32 { Int32(max(1, min(seconds * 1000, Double(Int32.max)))) }

    private func result(_ rc: Int32, _ words: UnsafeMutablePointer<qy_ocr_word>?, _ count: Int32, _ err: [CChar],
                        name: String) throws(QiyueError) -> Result {
        defer { qy_ocr_free_words(words, count) }
        let message = String(decoding: err.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        switch Int(rc) {
        case QY_OCR_BAD_IMAGE: throw QiyueError(.badImage, path: name, message)
        case QY_OCR_FAILED: throw QiyueError(.ocrFailed, path: name, "Tesseract failed: \(message)")
        default: break
        }
        var out: [Result.Word] = []
        if let words {
            for i in 0..<Int(count) {
                let w = words[i]
                guard let t = w.text else { continue }
                out.append(Result.Word(text: String(cString: t), box: [Double(w.x1), Double(w.y1), Double(w.x2), Double(w.y2)],
                                       confidence: (Double(w.confidence) * 10).rounded() / 10, lineStart: w.lineStart != 0))
            }
        }
        return Result(words: out, timedOut: Int(rc) == QY_OCR_TIMEOUT)
    }

    /// Tesseract instances by language and data directory, reused across inputs; each is used by
    /// one caller at a time.
    final class Pool: @unchecked Sendable {
        private let lock = NSLock()
        private var idle: [String: [OCREngine]] = [:]

        /// An engine for these options (started when none is idle). Hand it back with ``release(_:)``.
        func engine(options: IngestOptions, name: String) throws(QiyueError) -> Lease {
            let key = options.ocrLanguages + "\u{0}" + (options.tessdata ?? "")
            lock.lock()
            let reused = idle[key]?.popLast()
            lock.unlock()
            let engine: OCREngine
            if let reused { engine = reused } else {
                engine = try OCREngine(languages: options.ocrLanguages, tessdata: options.tessdata, name: name)
            }
            return Lease(engine: engine, key: key, pool: self)
        }

        fileprivate func release(_ engine: OCREngine, key: String) {
            lock.lock()
            idle[key, default: []].append(engine)
            lock.unlock()
        }
    }

    /// An engine on loan from the pool, handed back when the lease ends.
    final class Lease {
        let engine: OCREngine
        private let key: String
        private let pool: Pool

        fileprivate init(engine: OCREngine, key: String, pool: Pool) {
            self.engine = engine
            self.key = key
            self.pool = pool
        }

        deinit { pool.release(engine, key: key) }

        func recognize(image: [UInt8], page: Int = 0, timeout: Double, name: String) throws(QiyueError) -> Result {
            try engine.recognize(image: image, page: page, timeout: timeout, name: name)
        }

        func recognize(gray: [UInt8], width: Int, height: Int, dpi: Int, timeout: Double, name: String) throws(QiyueError) -> Result {
            try engine.recognize(gray: gray, width: width, height: height, dpi: dpi, timeout: timeout, name: name)
        }
    }
}
