// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Qiyue",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Qiyue", targets: ["Qiyue"]),
        .library(name: "QiyueIngest", targets: ["QiyueIngest"]),
        // PDF and image input (poppler, Tesseract); a product so that scripts/fuzz can reach it.
        .library(name: "QiyueScan", targets: ["QiyueScan"]),
        .library(name: "QiyueReport", targets: ["QiyueReport"]),
        .library(name: "QiyueServer", targets: ["QiyueServer"]),
        .executable(name: "qiyue", targets: ["QiyueCLI"]),
    ],
    // The Scan trait (on by default) builds PDF and OCR input (poppler, Tesseract) into the tool;
    // `swift build --disable-default-traits` builds a text-only tool without those libraries.
    traits: [
        .trait(name: "Scan", description: "PDF (poppler) and OCR (Tesseract) input: the QiyueScan module."),
        .default(enabledTraits: ["Scan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        // HTTP service only (QiyueServer): the core library and QiyueReport never see these.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        // MARK: Bridges — C targets whose public headers expose only plain C types.
        // System ICU cannot be imported into Swift directly on Linux (it clashes with Foundation's
        // bundled _FoundationICU), so every ICU call goes through this small C target.
        .target(
            name: "CICUBridge",
            linkerSettings: [
                .linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata"),
            ]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "CXMLBridge", dependencies: ["CLibXML2"]),
        .target(name: "CZipBridge", linkerSettings: [.linkedLibrary("z")]),
        // SHA-256's compression function (content ids of every input, the rules digest), with the
        // CPU's SHA extensions where it has them.
        .target(name: "CSHA256"),
        // PDF (poppler-glib, cairo) and OCR (Tesseract, Leptonica): only the QiyueScan module uses them.
        .systemLibrary(
            name: "CPoppler",
            pkgConfig: "poppler-glib",
            providers: [.apt(["libpoppler-glib-dev"])]
        ),
        .target(name: "CPopplerBridge", dependencies: ["CPoppler"]),
        .systemLibrary(
            name: "CTesseract",
            pkgConfig: "tesseract",
            providers: [.apt(["libtesseract-dev"])]
        ),
        .target(name: "CTesseractBridge", dependencies: ["CTesseract"], linkerSettings: [.linkedLibrary("lept")]),

        // MARK: Core library — the pipeline, one folder per stage.
        .target(
            name: "Qiyue",
            dependencies: [
                "CICUBridge", "CXMLBridge", "CSHA256",
                .product(name: "Yams", package: "Yams"),
            ],
            resources: []
        ),

        // MARK: Ingestion — adapters from file formats to text (DOCX, legacy Word/WPS through
        // LibreOffice). The zip dependency stops here: the core library never sees it.
        .target(
            name: "QiyueIngest",
            dependencies: [
                "Qiyue", "CXMLBridge", "CZipBridge",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),

        // MARK: Scanned input — PDF through poppler, images and scanned pages through Tesseract.
        // Built only with the Scan trait; neither Qiyue nor QiyueIngest depends on it.
        .target(
            name: "QiyueScan",
            dependencies: ["Qiyue", "QiyueIngest", "CPopplerBridge", "CTesseractBridge"]
        ),

        // MARK: Review page — the HTML view of reports (the server's GET / and `qiyue report --html`).
        // No HTTP dependency: the page is a Swift string, the reports are embedded as JSON.
        .target(name: "QiyueReport", dependencies: ["Qiyue"]),

        // MARK: HTTP service — `qiyue serve`. The only module that sees Hummingbird.
        .target(
            name: "QiyueServer",
            dependencies: [
                "Qiyue", "QiyueIngest", "QiyueReport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),

        // MARK: Command-line tool.
        .executableTarget(
            name: "QiyueCLI",
            dependencies: [
                "Qiyue", "QiyueIngest", "QiyueReport", "QiyueServer",
                .target(name: "QiyueScan", condition: .when(traits: ["Scan"])),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),

        // MARK: Tests.
        .testTarget(name: "QiyueTests", dependencies: ["Qiyue", .product(name: "Yams", package: "Yams")]),
        .testTarget(
            name: "QiyueIngestTests",
            dependencies: ["QiyueIngest", "Qiyue", "IngestFixtures"]
        ),
        // Runs the built `qiyue` binary as a subprocess (standard input, --output, qiyue text).
        .testTarget(name: "QiyueCLITests", dependencies: ["QiyueCLI", "QiyueIngest", "Qiyue", "IngestFixtures"]),
        // PDF, image, hOCR and ALTO fixtures (Tests/QiyueScanTests/Fixtures, made by scripts/fixtures/render.sh).
        .testTarget(
            name: "QiyueScanTests",
            dependencies: [
                "QiyueIngest", "Qiyue",
                .target(name: "QiyueScan", condition: .when(traits: ["Scan"])),
            ],
            exclude: ["Fixtures"]
        ),
        // Starts the server on a loopback port and talks HTTP to it.
        .testTarget(
            name: "QiyueServerTests",
            dependencies: [
                // Not HummingbirdTesting: it brings AsyncHTTPClient, NIOSSL (BoringSSL) and HTTP/2 into
                // every CI build; the tests talk HTTP with URLSession instead.
                "QiyueServer", "QiyueReport", "Qiyue",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
                // Only to check that FormDataParser parses as MultipartKit did (FormDataParserTests).
                .product(name: "MultipartKit", package: "multipart-kit"),
            ]
        ),
        // Test support, not shipped: DOCX fixtures (and zip bombs) built in the tests.
        .target(
            name: "IngestFixtures",
            dependencies: ["QiyueIngest", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            path: "Tests/IngestFixtures"
        ),
    ]
)
