// swift-tools-version:6.1
// Fuzz targets (libFuzzer), a package of their own so that the main build never needs the fuzzer
// runtime: `bash scripts/fuzz/run.sh TARGET SECONDS` builds them with -sanitize=fuzzer,address.
import Foundation
import PackageDescription

// The main package, by path; its identity is its folder's name, whatever the checkout is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let qiyue = root.lastPathComponent.lowercased()

func target(_ name: String, _ folder: String, _ extra: [Target.Dependency] = []) -> Target {
    .executableTarget(
        name: name,
        dependencies: [.product(name: "Qiyue", package: qiyue), .product(name: "QiyueIngest", package: qiyue)] + extra,
        path: "Sources/\(folder)",
        // libFuzzer provides main().
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    )
}

let package = Package(
    name: "QiyueFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: root.path),
        // Already in the main package's graph (QiyueServer); named here for the in-process requests.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        target("fuzz-pipeline", "Pipeline"),
        target("fuzz-rules", "Rules"),
        target("fuzz-docx", "Docx"),
        target("fuzz-xml", "XML"),
        target("fuzz-pdf", "PDF", [.product(name: "QiyueScan", package: qiyue)]),
        target("fuzz-hocr", "HOCR"),
        target("fuzz-http", "HTTP", [
            .product(name: "QiyueServer", package: qiyue),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "NIOEmbedded", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
    ]
)
