import Foundation
import Testing
@testable import Qiyue

/// The command line's side of the error convention: coded messages, documented exit statuses,
/// no signal deaths on output failures, nothing skipped without a word. Runs the built binary.
@Suite(.serialized) struct CLIReliabilityTests {
    static let contract = "Corpus/documents/gen-a-01.txt"

    @Test func binaryIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: CLI.binary.path), "\(CLI.binary.path)")
    }

    @Test func usageErrorExitsWithTheDocumentedStatus() throws {
        let r = try CLI.shell("\"$Q\" extract --no-such-option x >\"$OUT\" 2>\"$ERR\"")
        #expect(r.status == 64)
        let help = try CLI.shell("\"$Q\" --help >\"$OUT\" 2>\"$ERR\"")
        #expect(help.status == 0)
        #expect(help.stdout.contains("64 usage error"))
        #expect(help.stdout.contains("74"))
    }

    @Test func fullDiskEndsWithQ500AndEXIOERR() throws {
        let r = try CLI.shell("\"$Q\" extract \(Self.contract) >/dev/full 2>\"$ERR\"")
        #expect(r.status == 74)
        #expect(r.stderr.contains("Q500"))
        #expect(r.stderr.contains("No space left on device"))
    }

    @Test func closedPipeEndsWithQ500NotASignal() throws {
        // `exec 1>&-` closes standard output outright; a reader that goes away gives EPIPE.
        let closed = try CLI.shell("(exec 1>&-; \"$Q\" extract \(Self.contract)) 2>\"$ERR\"")
        #expect(closed.status == 74)
        #expect(closed.stderr.contains("Q500"))
        // A reader that goes away after one byte: the next writes get EPIPE (SIGPIPE is ignored).
        let status = try CLI.shell("""
        bash -c '"$Q" extract Corpus/documents 2>"$ERR" | head -c 1 >/dev/null; echo ${PIPESTATUS[0]} >"$OUT"'
        """)
        #expect(status.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "74", "not 141 (SIGPIPE)")
        #expect(status.stderr.contains("Q500"))
    }

    @Test func fileNameThatIsNotUTF8IsProcessed() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.shell("""
        f="$(printf '\(dir.path)/合同\\377.txt')"; cp \(Self.contract) "$f"; "$Q" extract "$f" >"$OUT" 2>"$ERR"
        """)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\\\\xFF.txt"), "source.path shows the byte escaped")
        let missing = try CLI.shell("\"$Q\" extract \"$(printf '\(dir.path)/无\\377.txt')\" >\"$OUT\" 2>\"$ERR\"")
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("Q100"))
        #expect(missing.stderr.contains("\\xFF.txt: no such file"))
    }

    @Test func unreadableDirectoryIsReportedAndTheRestProcessed() throws {
        // CI runs as root, which reads everything: run the binary as nobody, from copies it can read.
        let dir = try TestSupport.temporaryDirectory()
        defer {
            _ = try? CLI.shell("chmod -R u+rwX '\(dir.path)'")
            try? FileManager.default.removeItem(at: dir)
        }
        let r = try CLI.shell("""
        set -e
        d='\(dir.path)'; mkdir -p "$d/in/locked" "$d/bin"
        cp "$Q" "$d/bin/qiyue"; cp -r Rules "$d/Rules"
        cp \(Self.contract) "$d/in/ok.txt"; cp \(Self.contract) "$d/in/locked/hidden.txt"
        chmod 000 "$d/in/locked"; chmod -R a+rX "$d/bin" "$d/Rules"; chmod a+rx "$d" "$d/in"; chmod a+r "$d/in/ok.txt"
        set +e
        setpriv --reuid=nobody --regid=nogroup --clear-groups "$d/bin/qiyue" extract --rules-dir "$d/Rules" "$d/in" >"$OUT" 2>"$ERR"
        """)
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("Q100"))
        #expect(r.stderr.contains("locked: directory cannot be read (permission denied)"))
        #expect(r.stdout.contains("ok.txt"), "the readable file is still processed")
    }

    @Test func fifoIsRefusedWithoutBlocking() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.shell("mkfifo '\(dir.path)/p.txt'; \"$Q\" extract '\(dir.path)/p.txt' \(Self.contract) >\"$OUT\" 2>\"$ERR\"")
        #expect(r.status == 1)
        #expect(r.stderr.contains("Q100"))
        #expect(r.stderr.contains("FIFO"))
        #expect(r.stdout.contains("gen-a-01.txt"))
    }

    @Test func warningsGoToStandardErrorToo() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.shell("\"$Q\" extract --max-characters 50 \(Self.contract) >\"$OUT\" 2>\"$ERR\"")
        #expect(r.status == 0)
        #expect(r.stderr.contains("warning Q600"))
        #expect(r.stdout.contains("\"code\":\"Q600\""))
    }
}

/// A scraped page is reported one document per line by default, with a notice; --no-split keeps one.
@Suite struct CLIPageSplitTests {
    @Test func pagesSplitByDefault() throws {
        let page = "Corpus/pages/000_d915155119d6f3bb.txt"
        let split = try CLI.shell("\"$Q\" extract \(page) >\"$OUT\" 2>\"$ERR\"")
        #expect(split.status == 0)
        let lines = split.stdout.split(separator: "\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.contains("\"span\":[") && $0.contains("\"source\"") })
        #expect(split.stderr.contains("notice") && split.stderr.contains("--no-split"))
        let one = try CLI.shell("\"$Q\" extract --no-split \(page) >\"$OUT\" 2>\"$ERR\"")
        #expect(one.stdout.split(separator: "\n").count == 1)
        #expect(!one.stderr.contains("notice"))
        let contract = try CLI.shell("\"$Q\" extract Corpus/documents/gen-a-09.txt >\"$OUT\" 2>\"$ERR\"")
        #expect(contract.stdout.split(separator: "\n").count == 1, "a single contract stays one report")
    }
}
