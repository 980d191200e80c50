import ArgumentParser
import Foundation
import Qiyue

/// `--output FILE` / `-o FILE`, for every command that writes results.
struct OutputOptions: ParsableArguments {
    @Option(name: [.short, .long], help: "Write the results to this file instead of standard output (- for standard output); written to a temporary file beside it and renamed when complete; never one of the inputs.")
    var output: String?

    /// Opens the destination; `inputs` are refused as output paths.
    func open(inputs: [String]) throws -> ResultOutput {
        try ResultOutput(path: output, inputs: inputs)
    }
}

/// Where a command writes its results: standard output, or a file that appears (by an atomic
/// rename of a temporary file in the same directory) only once it is complete.
final class ResultOutput {
    private let path: String?
    private let temporary: String?
    private let handle: FileHandle

    init(path: String?, inputs: [String]) throws {
        let path = path == "-" ? nil : path
        self.path = path
        guard let path else {
            temporary = nil
            handle = FileHandle.standardOutput
            return
        }
        for input in inputs where input != "-" && Self.sameFile(path, input) {
            throw QiyueError(.outputIsInput, path: path, "the output file is an input (\(input)); refusing to overwrite it")
        }
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            throw QiyueError(.unwritableOutput, path: path, "is a directory")
        }
        let tmp = dir + "/." + url.lastPathComponent + ".qiyue-" + UUID().uuidString.prefix(8) + ".tmp"
        guard FileManager.default.createFile(atPath: tmp, contents: nil), let h = FileHandle(forWritingAtPath: tmp) else {
            throw QiyueError(.unwritableOutput, path: path, "cannot create a file in \(dir)")
        }
        temporary = tmp
        handle = h
    }

    /// Writes one line of results.
    func line(_ s: String) throws { try write(s + "\n") }

    /// Writes results as they are. A write that fails (closed pipe, full disk) ends the run with
    /// Q500 and exit status 74, as every output of the tool does (``Output``); a partial output
    /// file is removed, never left in place of a complete one.
    func write(_ s: String) throws {
        guard path != nil else { Output.write(s); return }
        do { try handle.write(contentsOf: Data(s.utf8)) } catch {
            discard()
            Output.error(QiyueError(.outputFailed, path: path, "cannot write the results (\(error)); nothing was written in its place").description)
            exit(Output.outputFailureStatus)
        }
    }

    /// Makes the output file appear complete (no-op for standard output).
    func commit() throws {
        guard let path, let temporary else { return }
        do { try handle.close() } catch {}
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw QiyueError(.unwritableOutput, path: path, "cannot rename the finished output into place (\(reason))")
        }
    }

    /// Drops a partly written output file.
    func discard() {
        guard let temporary else { return }
        try? handle.close()
        unlink(temporary)
    }

    deinit {
        if let temporary, FileManager.default.fileExists(atPath: temporary) { unlink(temporary) }
    }

    /// Whether two paths name the same file (same device and inode, or the same resolved path).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        var sa = stat(), sb = stat()
        if stat(a, &sa) == 0 && stat(b, &sb) == 0 { return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino }
        let ra = URL(fileURLWithPath: a).resolvingSymlinksInPath().standardizedFileURL.path
        let rb = URL(fileURLWithPath: b).resolvingSymlinksInPath().standardizedFileURL.path
        return ra == rb
    }

    /// Runs `body` writing to the destination; commits on success, discards on a thrown error.
    static func with(_ options: OutputOptions, inputs: [String], _ body: (ResultOutput) throws -> Void) throws {
        let out: ResultOutput
        do { out = try options.open(inputs: inputs) } catch let e as QiyueError {
            Output.error(e.description)
            throw ExitCode(1)
        }
        do {
            try body(out)
        } catch let exit as ExitCode {
            // Some inputs failed but the others were written: keep what was written.
            do { try out.commit() } catch let e as QiyueError { Output.error(e.description) }
            throw exit
        } catch let e as QiyueError {
            out.discard()
            Output.error(e.description)
            throw ExitCode(1)
        } catch {
            out.discard()
            throw error
        }
        do { try out.commit() } catch let e as QiyueError {
            Output.error(e.description)
            throw ExitCode(1)
        }
    }
}
