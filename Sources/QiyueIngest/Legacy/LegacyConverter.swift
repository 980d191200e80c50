import Foundation
import Qiyue

/// Legacy Word (.doc) and WPS (.wps) files, converted to DOCX with LibreOffice
/// (`soffice --headless --convert-to docx`) in a private temporary folder, then read as DOCX.
///
/// Without LibreOffice the error (Q112) says what to install.
struct LegacyConverter {
    let options: IngestOptions

    /// OLE2 compound files (.doc, .wps, .xls …) start with these eight bytes.
    static let compoundFileMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    static func looksLegacy(_ bytes: [UInt8]) -> Bool { bytes.starts(with: compoundFileMagic) }

    /// The LibreOffice executable: the option, $QIYUE_SOFFICE, or soffice/libreoffice on PATH.
    func locateSoffice() -> String? {
        if let s = options.soffice { return s }
        if let s = ProcessInfo.processInfo.environment["QIYUE_SOFFICE"], !s.isEmpty { return s }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            for name in ["soffice", "libreoffice"] {
                let candidate = "\(dir)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// The DOCX bytes LibreOffice makes of `bytes`.
    func convert(_ bytes: [UInt8], path: String) throws(QiyueError) -> [UInt8] {
        guard let soffice = locateSoffice() else {
            throw QiyueError(.needsLibreOffice, path: path,
                             "legacy Word/WPS file (.doc/.wps): install LibreOffice to read it (apt-get install libreoffice-writer), or save it as .docx")
        }
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("qiyue-convert-\(UUID().uuidString)")
        do { try fm.createDirectory(at: dir, withIntermediateDirectories: false) } catch {
            throw QiyueError(.conversionFailed, path: path, "cannot create a temporary folder for LibreOffice (\(error))")
        }
        defer { try? fm.removeItem(at: dir) }
        // The input gets a fixed name of our own: the user's file name is never passed to a shell.
        let input = dir.appendingPathComponent("input.doc")
        do { try Data(bytes).write(to: input) } catch {
            throw QiyueError(.conversionFailed, path: path, "cannot write the temporary copy for LibreOffice (\(error))")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        // A private profile, so a running LibreOffice of the user neither blocks nor sees the job.
        process.arguments = ["-env:UserInstallation=file://" + dir.appendingPathComponent("profile").path,
                             "--headless", "--norestore", "--convert-to", "docx", "--outdir", dir.path, input.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            throw QiyueError(.conversionFailed, path: path, "cannot run \(soffice) (\(error))")
        }
        let deadline = Date().addingTimeInterval(options.conversionTimeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw QiyueError(.conversionFailed, path: path, "LibreOffice took longer than \(Int(options.conversionTimeout)) s")
        }
        let output = dir.appendingPathComponent("input.docx")
        guard process.terminationStatus == 0, let data = fm.contents(atPath: output.path) else {
            throw QiyueError(.conversionFailed, path: path, "LibreOffice could not convert the file (exit status \(process.terminationStatus))")
        }
        return [UInt8](data)
    }
}
