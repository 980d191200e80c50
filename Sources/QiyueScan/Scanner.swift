import Foundation
import Qiyue
import QiyueIngest

/// Reads PDF and image input for an ``Ingestor``: PDF pages with a text layer through poppler (in
/// reading order, two-column pages column by column), pages without one and images through
/// Tesseract, keeping each recognized word's box and confidence.
///
/// ```swift
/// let ingestor = Ingestor(options: IngestOptions(), scanner: Scanner())
/// let input = try ingestor.read(contentsOf: "scan.pdf")
/// input.source.pages      // [PageInfo(number: 1, span: [0, 151], unit: "px", ocr: true, …)]
/// input.words.first?.box  // [47, 110, 127, 135]
/// ```
public struct Scanner: PageScanner {
    /// The Tesseract instances, started on first use and kept for the next inputs.
    private let engines: OCREngine.Pool

    /// Creates a scanner.
    public init() { engines = OCREngine.Pool() }

    public func readPDF(_ bytes: [UInt8], name: String, options: IngestOptions) throws(QiyueError) -> PagedText {
        try PDFReader(options: options, engines: engines).read(bytes, name: name)
    }

    public func readImage(_ bytes: [UInt8], name: String, options: IngestOptions) throws(QiyueError) -> PagedText {
        // GIF and BMP: the size their header declares, checked before Leptonica decodes them to tell it.
        if let declared = ImageHeader.declaredSize(bytes), declared.width * declared.height > options.maxPixels {
            throw QiyueError(.imageTooLarge, path: name, "the image is \(declared.width)×\(declared.height) pixels, over the limit of \(options.maxPixels) (see --max-pixels)")
        }
        // Every page of a multi-page TIFF (a scanner's usual output for a whole contract); one
        // page for the other formats. Each page is checked against the pixel limit before decoding.
        let pages = try ImageReader.pages(bytes, maxPages: options.maxPages, name: name)
        for (i, size) in pages.enumerated() where size.width * size.height > options.maxPixels {
            let which = pages.count > 1 ? "page \(i + 1) of the image" : "the image"
            throw QiyueError(.imageTooLarge, path: name, "\(which) is \(size.width)×\(size.height) pixels, over the limit of \(options.maxPixels) (see --max-pixels)")
        }
        let engine = try engines.engine(options: options, name: name)
        var out = PagedText()
        for (i, size) in pages.enumerated() {
            out.beginPage()
            let result = try engine.recognize(image: bytes, page: i, timeout: options.ocrTimeout, name: name)
            result.add(to: &out, page: i + 1, timeout: options.ocrTimeout)
            out.endPage(width: Double(size.width), height: Double(size.height), unit: "px", ocr: true)
        }
        return out
    }
}
