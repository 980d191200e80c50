import Foundation

/// Writing to standard output and standard error.
enum Output {
    static func line(_ s: String) {
        FileHandle.standardOutput.write(Data((s + "\n").utf8))
    }

    static func error(_ s: String) {
        FileHandle.standardError.write(Data(("qiyue: " + s + "\n").utf8))
    }
}
