/// When PDF pages are recognized by OCR (`--ocr`).
public enum OCRMode: String, Sendable, CaseIterable {
    /// Pages without a usable text layer (the default).
    case auto
    /// Every page, even one with a text layer.
    case always
    /// No page: a page without a text layer is left unread (warning Q128). Images still need OCR.
    case never
}
