// swift-tools-version:6.0
// Fuzz targets (libFuzzer), a package of their own so that the main build never needs the fuzzer
// runtime: `bash scripts/fuzz/run.sh TARGET SECONDS` builds them with -sanitize=fuzzer,address.
import Foundation
import PackageDescription

// The main package, by path; its identity is its folder's name, whatever the checkout is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let qiyue = root.lastPathComponent.lowercased()

func target(_ name: String, _ folder: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: [.product(name: "Qiyue", package: qiyue), .product(name: "QiyueIngest", package: qiyue)],
        path: "Sources/\(folder)",
        // libFuzzer provides main().
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    )
}

let package = Package(
    name: "QiyueFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: root.path)],
    targets: [
        target("fuzz-pipeline", "Pipeline"),
        target("fuzz-rules", "Rules"),
        target("fuzz-docx", "Docx"),
    ]
)
