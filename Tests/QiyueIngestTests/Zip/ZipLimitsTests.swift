import Foundation
import Qiyue
import Testing
import IngestFixtures
@testable import QiyueIngest

@Suite struct ZipLimitsTests {
    /// The code of the error `body` throws (nil when it does not throw).
    static func code(_ body: () throws -> Void) -> QiyueError.Code? {
        do { try body(); return nil } catch { return (error as? QiyueError)?.code ?? QiyueError.Code(rawValue: "not a QiyueError: \(error)") }
    }

    @Test func zipBombFailsWithACode() throws {
        var bytes = try Fixtures.zipBomb(size: 128 << 20)   // 128 MiB in about 130 KB
        #expect(bytes.count < 1 << 20)
        // Honest headers: refused before inflating anything.
        #expect(Self.code { _ = try Ingestor().read(bytes, name: "bomb.docx") } == .decompressionLimit)
        // Headers that understate the size: stopped by the ratio once 1 MiB is inflated.
        Fixtures.patchSizes(&bytes, entry: "word/document.xml", claimed: 1000)
        do {
            _ = try Ingestor().read(bytes, name: "bomb.docx")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .decompressionLimit)
            #expect(error.message.contains("--max-compression-ratio"))
        }
    }

    @Test func totalSizeIsCountedWhileInflating() throws {
        var options = IngestOptions()
        options.maxCompressionRatio = .max
        options.maxUncompressedBytes = 4 << 20
        let bytes = try Fixtures.zipBomb(size: 8 << 20)
        #expect(Self.code { _ = try Ingestor(options: options).read(bytes, name: "big.docx") } == .decompressionLimit)

        // The same archive with headers that claim document.xml is 100 bytes: still stopped,
        // because the limit counts inflated bytes, not the header's word.
        var lying = bytes
        Fixtures.patchSizes(&lying, entry: "word/document.xml", claimed: 100)
        let code = Self.code { _ = try Ingestor(options: options).read(lying, name: "lying.docx") }
        #expect(code == .decompressionLimit)
    }

    @Test func damagedEntryIsRefused() throws {
        var bytes = try DocxWriter.docx(fromText: "借款合同\n")
        // Flip the CRC-32 recorded for word/document.xml in its local and central headers.
        let name = Array("word/document.xml".utf8)
        for i in 0..<(bytes.count - 46) where bytes[i] == 0x50 && bytes[i + 1] == 0x4B {
            if bytes[i + 2] == 0x03 && bytes[i + 3] == 0x04 && Array(bytes[(i + 30)..<(i + 30 + name.count)]) == name { bytes[i + 14] ^= 0xFF }
            if bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02 && Array(bytes[(i + 46)..<min(bytes.count, i + 46 + name.count)]) == name { bytes[i + 16] ^= 0xFF }
        }
        do { _ = try Ingestor().read(bytes, name: "crc.docx"); Issue.record("expected an error") }
        catch { #expect(error.code == .notDocx); #expect(error.message.contains("CRC")) }
    }

    /// A zip of an empty stored `[Content_Types].xml` and a deflated `word/document.xml` whose
    /// deflate data is `data` (its CRC 0, its size as given).
    static func oneEntryZip(data: [UInt8], uncompressed: UInt32) -> [UInt8] {
        func le(_ v: Int, _ n: Int) -> [UInt8] { (0..<n).map { UInt8((v >> (8 * $0)) & 0xFF) } }
        var locals: [UInt8] = [], centrals: [UInt8] = []
        for (name, method, bytes, size) in [("[Content_Types].xml", 0, [UInt8](), 0), ("word/document.xml", 8, data, Int(uncompressed))] {
            let n = Array(name.utf8)
            let fields = le(20, 2) + le(0, 2) + le(method, 2) + le(0, 4) + le(0, 4) + le(bytes.count, 4) + le(size, 4) + le(n.count, 2) + le(0, 2)
            centrals += [0x50, 0x4B, 0x01, 0x02] + le(20, 2) + fields + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(locals.count, 4) + n
            locals += [0x50, 0x4B, 0x03, 0x04] + fields + n + bytes
        }
        let end = [0x50, 0x4B, 0x05, 0x06] + le(0, 4) + le(2, 2) + le(2, 2) + le(centrals.count, 4) + le(locals.count, 4) + le(0, 2)
        return locals + centrals + end
    }

    @Test func deflateDataThatNeverEndsIsRefusedAtOnce() throws {
        // A non-final stored block claiming 65,535 bytes of which 6 are there: ZIPFoundation's
        // inflater asked for more input past the end of the archive forever (`qiyue extract` hung
        // on a 2.8 KB DOCX the docx fuzz target found). Now Q110, naming the entry.
        let stream: [UInt8] = [0x00, 0xFF, 0xFF, 0x00, 0x00] + Array("甲方".utf8)
        let bytes = Self.oneEntryZip(data: stream, uncompressed: 100)
        let start = ContinuousClock.now
        do { _ = try Ingestor().read(bytes, name: "endless.docx"); Issue.record("expected an error") }
        catch {
            #expect(error.code == .notDocx && error.path == "endless.docx" && error.message.contains("word/document.xml"), "\(error)")
        }
        #expect(ContinuousClock.now - start < .seconds(5))
        // Damaged deflate data (an invalid block type) and data cut short of its stated size.
        #expect(Self.code { _ = try Ingestor().read(Self.oneEntryZip(data: [0x07, 1, 2, 3], uncompressed: 10), name: "bad.docx") } == .notDocx)
        var cut = try DocxWriter.docx(fromText: "借款合同\n")
        cut.removeLast(cut.count / 3)
        #expect(Self.code { _ = try Ingestor().read(cut, name: "cut.docx") } == .notDocx)
    }

    @Test func directoryPointingPastTheEndIsRefused() throws {
        // The docx fuzz target's input (2,428 bytes): an entry whose compressed size runs past the
        // end of the archive, which trapped inside ZIPFoundation (a range past the end of its
        // in-memory file) and killed `qiyue extract`. Now Q110 before ZIPFoundation reads it.
        let base64 = [
            "UEsDBBQAAAAIAJiFgV2axphxygAAADoBAAATAAAAW0NvbnRlbnRfVHlwZXNdLnhtbH1QzU7DMAx+lShX1LrjgBBquwODI3AYD2Al",
            "bhfR2FGSjfH2uAztwIGj/f3a/fYcF3OiXILwYDdtZw2xEx94Huz7/rm5t9ux338lKkapXAZ7qDU9ABR3oIillUSsyCQ5YtUxz5DQ",
            "feBMcNt1d+CEK3Ft6uphx35HEx6Xap7Our7EqtyaxwtvjRosprQEh1VhWFEY+1dtmYMn84a5vmBUFnxK9uDFHaMq2/9tTuz/dG1k",
            "moKjq351S1kclaLnx6W9IhED3/z2gJ9njN9QSwMEFAAAAAgAmIWBXf6+XNm8cgIAAAAAAAAAAAB3b3JkL2RvY3VtZW50LnhtbMVZ",
            "bU/bWBb+KxGfl8bQ0tKqpZpZ7WhWOzvSaLrS7n7r0EynUnlRYKa73xwgL86bYRpCmoSmgQboEEIoIdhOSKT5KYPv9c0n/sI819d5",
            "6dvuyqDsB4xjO+ec+5zzPOdc5+79f8089fzk8y88mZu9NzJ2TRrx+Gan5x49mX18b+RvD74YnRy5P3X32Z1Hc9M/zvhmFz14fnbh",
            "zrN7Iz8sLs7f8XoXpn/wzTxcuDY375vFve/n/DMPF/HR/9j7bM7/aN4/N+1bWIC5mafecUm66Z15+GR2hJv8bu7Rv/n/eX7w84Nt",
            "/c7C/MNp372Reb9vwef/yTcyZbY3Peww4CGrEfzF73rx5BQ/+u3j/P9kxN234BIerWaaqKcXzezn/7xoRsal8YmLpmKVyx7pxpgH",
            "d4YakWzQzWXTMBCJlXpL0zpiQWxUT5P4Bi1lyes3nZ+36OYqq2k085zmlc6LVRIsE1Vz59FqFExNtl63zGbWbBet1J7Z2LZeBeD0",
            "9tiNcWlMkv762Y0vxr+8/bX0lTsX5plKFZmv4mCHHilEW6JHBfJWI3GD7W7TVIu83u0EnnvGbt265R5wFkhZxw0rdcION+FLGr81",
            "OjkOg2M3pevDTCHqGeUsUmjqL/optBffWdunx1X2MsFOVmgsiIeHkcLrSOFfvvnH9c8n/3SFKeQncYM0DFbppnDi5iTPIE1XTS1t",
            "rcdJ7gyFipskueP5s4cYu57rINXRkrsw6PE6qWSxOlbcsxHOknSDtE5pJnl1RTMxMeGRxsduD7NoOkrNNJKC8aaWFCjzcskck4pK",
            "ci2gDNIP1govr0bJ1GJWRbZ2q7/JeYgHiRaBy28yFqPAoGnEz+UwjqaRInqNBPdpPuKyAjSZbpSsgxarbJlGSIimqRmePz4Y/fu3",
            "o1w2R6VJacxjZVfO5WhXpA46KVnI7Lkc+zBkU2uIuyLki2bcMnaQYpdEsPEjq2s9JNhJFAGwl4Zl6AjpXA5YuQz/eKCICOERi7CK",
            "FTCxF0yniCTEekbMRoaWW6au4CNWR45KrBjnX7TZ7bKSV9p0RYXrnheELeKn6qrZyrH2S6LtsNq22WgISTmXl/AAnBI1jseshkoS",
            "KlkPITMsXEM8yIy1H6P5chdwlyxzXSCAl23ti2gBFMfT7mfuDPJq0aA5ykdt8qwJurT6iRtMPTAkRkpkGdpFzrZoZBUWWG0X2RRG",
            "ABrg6oTXXCYxL3f2M6aWYPUga4NnBq2uES3QeREyz6CAYRJcputITeTX0s0/SJLE/65JEtbkOjkcFSPO6d1dtGAML8x3C5bmCxAL",
            "4EQPId461m0pb0zjNe6S1SQJHpBEAJQmoaANA2ia5CTvPsnBtu24xUZ4T7B2YVCJuF+9ZmoKlAhHxCCUZdjVyuMJiLLimtFUXdqx",
            "NeA/ULbP70gVmND8L0I/3hMVrnyC/XkFhWnlajRZYjsBerTkuFDamBcuM5KIwIauCkoPZxZfJrnapZZgWyDxII2Ve0ogGAwvA9Qf",
            "kAQjRVOHQBsgd2ROCoE8a2+COOKLNFEglWN2kiKBNq6gRxE16jSTyksrWRWOyM9xZ2TDeeSNrSU6pi1QUoTkcgY5VFilCVMcqMZb",
            "th0Q56QVI1rEud7eJME95zra/1pUnFNlF7XEwzhQLqMqLncruVyfROD7hsvk9pR+0BSE61MSJxgkFIYcRWmjaOoxaAg7OeWSoteu",
            "XF1JJARhFH4FWwdDZeFf+vqZL/zXIFmlaFU2hq4g12kkxvQKBhDXojSLPW0ODuzscBiYlVWoZDfkb1DdJFISXZYKje4FaOYKqwfd",
            "DVIlRTo7vFmInnBWFY/m/IEBgV4ugN63Ojq6leToGlQY0jo2w8Cjj50C3czeAdZnryZCTelBh1m/3yASKqtUiJqhuVqv/MzGKSK3",
            "laHf00F2REUquliCjX+MBCNETZPWhojQQdXtCxUMpxfNHLoVxkxhEKZwkURfdcIJEbNDBHH3UBe3uMwu74EvaP2iZ/0fuw+GDQ6d",
            "HeFV1byzXrtgUMZo604qbcCt2hb6SLdUnELiQw7akF1LTvcfwIRnsBpCcrHtEK2KhY9h02XiMCrEw5AsVtuhkdMrUEKxXhW7kwKv",
            "Sb3Oe1AkhK0GPwmr7GSFnwSwmcvSSJrJQRKsm400qx/zTnp2RJ4n+BWx5OUzEs0hF5z7Z1sDBex2B39YEqa6ESZ7UA/SVuRoyOXX",
            "I7uD4XaVZpIXzazz8fQt38MF62ypaGp5s5nF8xzAtW3Q2f4Imh9zTbCpJ4ZMTDsCSY6bfZemw2ajDmuY7cUyXe6e11+QgwxY3w+v",
            "UKJLA60Q/Te4B3bT0iLKlQeg1znxuwrGJ6KTFf4KKlqHsLN2jpe6EbJiZVQLqRRpoWRvuBMojMuEyqdou18MbPT7fu2t4RHgImGD",
            "RjdY683Qh95lPpsJ6au5XGNXdfvdk6uNmubc6VrGMh21H+wj6g6fUuy5xUbbea9EN17R+tBHxOA+fytgD9tC7q5EflEANK70XnVY",
            "5TKkHmWJk96TkFMBQncGe194hfhgbnH6vr0P5VfiChTJZdbsNs1d83cVYd4H9RgfOXpvd4TC93cfH0/H4ndP7X/C1/R7vqc+SR5v",
            "9+kPv0MLn37L7HzNKzx6Hf/e7s843v5PRFO/A1BLAQIUAxQAAAAIAJiFgV2axphxygAAADoBAC8TAAAAAAAAAAAAAACAAQAAAABb",
            "Q29udGVudF9UeXBlc10ueG1sUEsBAhQD7P///AgAmIWBXf6+XNlE+P//quX/9gAAAAAAAAAAAAAAAIAB+wAAAHdvcmQvZG9jdW1l",
            "bnQueG1sUEsFBgAAAAD++gIAgAAAAOYIAAAAAA==",
        ].joined()
        let bytes = try #require(Data(base64Encoded: base64).map { [UInt8]($0) })
        #expect(bytes.count == 2428)
        do { _ = try Ingestor().read(bytes, name: "past-the-end.docx"); Issue.record("expected an error") }
        catch { #expect(error.code == .notDocx && error.path == "past-the-end.docx", "\(error)") }
    }

    @Test func dataDescriptorOfAStoredEntryIsNoCrash() throws {
        // The third docx fuzz run's input (2,535 bytes): the directory calls word/document.xml
        // stored with a data descriptor while its local header says deflated; ZIPFoundation's
        // in-memory file trapped on it even with every directory offset inside the archive. The
        // archive is now read without ZIPFoundation: Q110 (its CRC does not match).
        let base64 = [
            "UEsDBBQAAAAIAJiFgV2axphxygAAADoBAAATAAAAW0NvbnRlbnRfVHlwZXNdLnhtbH1QzU7DMAx+lShX1LrjgBBquwODI3AYD2Al",
            "bhfR2FGSjfH2uAztwIGj/f3a/fYcF3OiXILwYDdtZw2xEx94Huz7/rm5t9ux338lKkapXAZ7qDU9ABR3oIillUSsyCQ5YtUxz5DQ",
            "feBMcNt1d+CEK3Ft6uphx35HEx6Xap7Our7EqtyaxwtvjRosprQEh1VhWFEY+1dtmYMn84a5vmBUFnxK9uDFHaMq2/9tTuz/dG1k",
            "moKjq351S1kclaLnx6W9IhED3/z2gJ9njN9QSwMEFAAAAAgAmIWBXR1rS5UnCAAAWxoAABEAAAB3b3JkL2RvY3VtZW50LnhtbMVZ",
            "3VIbVxJ+lSmqcrdGMyOEwGWTu73YvU0ewMHaxFXmp4CNd+8kQH8gMSLICJCELEBAHCEkEGIY/VXlVTJ95swVr5A+0yNZOEnV1uBi",
            "b0ajwzl9uvvr/rpbvPj6P3NvpR9DS8tvFuZfjinj8pgUmp9deP1m/vuXY99+8/dnU2Nfz7x49/z1wuy/50LzKxLun19+/u7l2A8r",
            "K4vPfb7l2R9Cc6+WxxcWQ/P4t38tLM29WsGvS9/73i0svV5cWpgNLS+juLm3PlWWJ31zr97MjwmR3y28/q/4XBSPJfFwpD9fXnw1",
            "G3o5trgUWg4t/Rgam4FwiVV7kElAJvXCh9tmxHPJeS7+TxK8naIbrc4uaLf3nYN//POZKquBZ7JfCT6pGnEDPWAaxn0nYWWv2O7d",
            "fSeJ+rDDHOS77MOmN7Hc+MVsd/llhKzzB2RFVpXpKVVRVNkvBya9iTW7GhTDKNA61aBtWIWIeLk9BH3V7uywSgdShmlkIZ/nt5eS",
            "EpiW8H5vV1nZG35ZxKsU/7SM6qvq1NSTAuPEJQFj3u0PgbH3E3Y+amWaXw6YCWV6WsbACygBdfqLA2O2d6DRQGDs+LZ4OTmzIzvS",
            "pDIlsGE/70H+gjWvoK7hFikoYchJIkYei9rUZED2+4NBxaNFXu+/QrBASyFerFC1imG4u7Yukjz+ka33fwtH+OUB1A7NftnKnlsH",
            "67BVgsT+fSdltTVIa/A+ZuphHm/iCtQbhDtktikzByGxCbUC7/VYIgOnq6a+iQd5rYZHzHaF36xDtIHMYkduoJZATzyl+cq4REoi",
            "1vZR0dS30Ew7nPUqTZH+wgUGq2+DHuHNOtvsmXocomvsPXot8WsF68DfZFkel2UnYVKogWlskRz0Ms9U0O+skObHUTByvJ/nzTPY",
            "Pufd6m/hVa+Kqq6ipp6GXg7qMVKU7uY3KUgfIPh28ZBdv7fzMURJBEW/iF9Zsw0b5wLwzCnGAtnJCklWXGNaBpJplm1B/hCi5/ba",
            "OYn1rKi3U+oAVVYo2fsZr0KUB1JM3UDoEEBT/8gKGKgpzBFRAuGu6ccFVWY5jOZbHr/G1Ul3VZnGVXZx5NkDKkKFCWjvR11lchXM",
            "Gje46jERuuU7jAWIVghR3jxliVvzblPs1A2IxwRUI4ZYeR2MrF02oN16YmD8A2Ag8bO1FfcqRJGQqqgfGRiWIIlosPoVZhWkr9ml",
            "hsv4hOM7SjjcwiKXAsFuHb9itnk234+oCAZ0eJN40MlcB5XCOTUphA3LtZAiWbXMwmf2EZJdgiWP7f0TTBRTT1IwkWZDliCNhaLt",
            "kqMosoSiPiAJCgnEHeEePYchytIpPC2eI6enph4cd9mlXOO1k4ELq8iBZjvNUslRluK1slXLPXGcTIxLLNsTWqE7O5pXIYrkImJk",
            "kdWGMWNd9HjtiDIEE9aPHxCLOhXMpcHRfGKpONQOKKs8VyfohPE4L6dQgqlfYKeKTQev9eydFi5S60F9B8te4oq3W/AKyKS/QM/V",
            "PKVua1JVgpIsY+vjx+iRAooalCYmPPbCE8OiIwpEok7pAZkthAe6OwKFYdXE/Ine4jZWLD9x6AXGJd7fe2ToBTD0sDpY1Sp29pTi",
            "GGjDvHPj0SEop2wgFwxtxwAw23vCIX/gBb4aG8npiU8Z7dlHAVFdRvLfyro9HOr3eRVzCMslMuj+hF4ihR9xuX/QLmloc4W6B/K+",
            "8FU3ho6iRSUgqtndqV08ssMHVqkyGP1S5CIkrQdFEgtdrvl/oa5JpK7NqNkvej1Oxc3txhqm7iSMljF7ed7H8eSUN4/NdhsvwJlI",
            "eMl5IYNFuR8p9NDYYO3ykOcgekGh6NkjpIyY75xLnVnPHfGQziCW/6IjHs5DQVXFIc/jaOXtVFDkf9EyXD97FTIYBOywAINiGtt4",
            "BAxLv9U+s9oXlOh4E5YXimI42RVtZX9PMGK9QWfdLiKVHDY5/q8+IwvaSDJEG5JvYhNK/TfToxDpUww8pg0NDsnb1YpYijqqVpT3",
            "sfU6wXWycXQmgNox6GtuXDrJLLi/UBKWnkZYY3UwiAyoJdIXHiDtC1WU/wil/RLkP7h9MaEab5rdPulnx+Og7fLLJK91iO2RQ6yt",
            "OoQN1JssGRI2S/Yxr+mgGAUuTlz8cCbubYKe4M07Z1wW0ugdswTNoHe4rbFcFN/FGIXP7PkjrJqQBg7+6MRFibeucXod7TpHtScc",
            "+JnoOodN0BPTYnA8MOD64zrb28JJm0jEmzjkIAW5x5WIrUIB+T+F3sZCaRqb2EEhRnytCxt5EY4XPat79WlmuL1C3HHstaNpiLRw",
            "ha1ruG3Iu2IobhyKQfhs3Y70ceZFiAXQzl/vOx55DpVWPyk9TGGH21E60aDZLzshH6HRn76CtsGbR6ZxZm20IHYDxbiF+V47FIFV",
            "Szk/JKTgdBW9wPcPIBL/LAUfjOWPtsGPNoyW2UEJR3tKZldjybAT7xWzW4D0e7ObZoldHsla1203ybQ9lhca4zprJdE2O56GkzNK",
            "HZFDjqn86BdWqkA9IqQZOXvHgEjB1A8wgbBdENh2G7DjtgsEtfidZC0K3SOKfsGi2gbOX7C9MWwZ4KfUoIy5L043lhCxkEmwD7rj",
            "1ifNjalxyTTQ9hqmKMSuPfb+w+huVDD8kZCt800xahAujnzXLTS0onOcuZUuxYAY/JyHeGXcnYMYJVihUKdWVPwmtH8kfuu49N56",
            "ejs1PS5BtGW2d//0+Mp3b50PkjD7mcQZMuZPTvoGu/94hpUyEK2Cpv/1MR/d6HPv9w3+meP79I+imd8BUEsBAhQDFAAAAAgAmIWB",
            "XZrGmHHKAAAAOgEAABMAAAAAAAAAAAAAAIABAAAAAFtDb250ZW50X1R5cGVzXS54bWxQSwECFBQIAJgAAAADhYFdHWtLlScIAABb",
            "GgAAEQAAAAAAAAAAAAAAgAH7AAAAd29yZC9kb2N1bWVudC54bWxQSwUGAAAAAAIAAgCAAAAAUQkAAAAA",
        ].joined()
        let bytes = try #require(Data(base64Encoded: base64).map { [UInt8]($0) })
        #expect(bytes.count == 2535)
        do { _ = try Ingestor().read(bytes, name: "descriptor.docx"); Issue.record("expected an error") }
        catch { #expect(error.code == .notDocx && error.path == "descriptor.docx", "\(error)") }
    }

    @Test func entryCountIsLimited() throws {
        var options = IngestOptions()
        options.maxEntries = 20
        let extra = (0..<30).map { ("word/media/image\($0).png", [UInt8]([1, 2, 3])) }
        let bytes = try DocxWriter.package(body: Fixtures.p("借款合同"), extra: extra)
        #expect(Self.code { _ = try Ingestor(options: options).read(bytes, name: "many.docx") } == .decompressionLimit)
        #expect(Self.code { _ = try Ingestor().read(bytes, name: "many.docx") } == nil)
    }

    @Test func entryNamesAreNeverPaths() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qiyue-zip-\(UUID().uuidString)")
        let inner = dir.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let names = ["../../evil.txt", "../evil.txt", "/tmp/qiyue-evil-\(UUID().uuidString).txt", "word/../../evil.txt",
                     "..\\..\\evil.txt", "word/../word/document.xml"]
        let hostile = names.map { ($0, Array("<w:document xmlns:w=\"\(DocxWriter.w)\"><w:body><w:p><w:r><w:t>EVIL</w:t></w:r></w:p></w:body></w:document>".utf8)) }
        let bytes = try DocxWriter.package(body: Fixtures.p("借款合同"), extra: hostile)
        let file = inner.appendingPathComponent("t.docx")
        try Data(bytes).write(to: file)
        let input = try Ingestor().read(contentsOf: file.path)
        #expect(input.decoded.text == "借款合同\n")
        // Nothing was written anywhere the names point.
        let listing = try FileManager.default.subpathsOfDirectory(atPath: dir.path).sorted()
        #expect(listing == ["a", "a/b", "a/b/t.docx"])
        for n in names where n.hasPrefix("/") { #expect(!FileManager.default.fileExists(atPath: n)) }
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for d in [cwd, cwd.deletingLastPathComponent(), cwd.deletingLastPathComponent().deletingLastPathComponent()] {
            #expect(!FileManager.default.fileExists(atPath: d.appendingPathComponent("evil.txt").path))
        }

        // A body only under a traversal name is not a body.
        let only = try DocxWriter.zip([("[Content_Types].xml", Array(DocxWriter.contentTypes.utf8)), ("../word/document.xml", hostile[0].1)])
        #expect(Self.code { _ = try Ingestor().read(only, name: "t.docx") } == .notDocx)
    }
}
