import Crypto
import Foundation
import HavenVault
import Testing

@Suite("Sealed files and receipts")
struct FileAndReceiptTests {
    let key = SymmetricKey(size: .bits256)
    let binding = FieldBinding(table: "report_attachments", recordID: "A1", field: "file")

    @Test(
        "files of every size round-trip, chunk by chunk",
        arguments: [
            0, 1, FileCipher.chunkSize - 1, FileCipher.chunkSize,
            FileCipher.chunkSize + 1, 3 * FileCipher.chunkSize + 17,
        ])
    func roundTrip(size: Int) throws {
        let plaintext = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        let sealed = try FileCipher.seal(plaintext, with: key, binding: binding)
        #expect(try FileCipher.open(sealed, with: key, binding: binding) == plaintext)
        var chunks = 0
        try FileCipher.forEachChunk(of: sealed, with: key, binding: binding) { _ in chunks += 1 }
        #expect(chunks == max(1, (size + FileCipher.chunkSize - 1) / FileCipher.chunkSize))
    }

    @Test("a wrong key, another file's binding, a flipped byte, a dropped, swapped or cut chunk are all refused")
    func tampering() throws {
        let plaintext = Data(repeating: 0x41, count: 3 * FileCipher.chunkSize)
        let sealed = try FileCipher.seal(plaintext, with: key, binding: binding)
        #expect(throws: VaultError.wrongKey) { try FileCipher.open(sealed, with: SymmetricKey(size: .bits256), binding: binding) }
        #expect(throws: VaultError.wrongKey) {
            try FileCipher.open(sealed, with: key, binding: FieldBinding(table: "report_attachments", recordID: "A2", field: "file"))
        }
        var flipped = sealed
        flipped[flipped.count / 2] ^= 1
        #expect(throws: VaultError.wrongKey) { try FileCipher.open(flipped, with: key, binding: binding) }

        let chunkLength = 4 + 12 + FileCipher.chunkSize + 16
        let header = sealed.prefix(4)
        let chunks = (0..<3).map { sealed.dropFirst(4 + $0 * chunkLength).prefix(chunkLength) }
        #expect(throws: VaultError.wrongKey) { try FileCipher.open(header + chunks[0] + chunks[1], with: key, binding: binding) }
        #expect(throws: VaultError.wrongKey) {
            try FileCipher.open(header + chunks[1] + chunks[0] + chunks[2], with: key, binding: binding)
        }
        #expect(throws: VaultError.wrongKey) { try FileCipher.open(header + chunks[0] + chunks[2], with: key, binding: binding) }
        #expect(throws: VaultError.wrongKey) { try FileCipher.open(sealed.dropLast(1), with: key, binding: binding) }
        #expect(throws: VaultError.self) { try FileCipher.open(Data("not sealed".utf8), with: key, binding: binding) }
        #expect(!sealed.contains(Data(repeating: 0x41, count: 32)))
    }

    @Test("a receipt code opens its own report's key only; its lookup depends on the receipt key")
    func receipts() throws {
        let code = HumanCode.random()
        let reportKey = SymmetricKey(size: .bits256)
        let sealed = try Receipt.sealReportKey(reportKey, code: code, reportID: "R1")
        #expect(try Receipt.openReportKey(sealed, code: HumanCode(typed: code.description.lowercased()), reportID: "R1") == reportKey)
        #expect(throws: VaultError.wrongKey) { try Receipt.openReportKey(sealed, code: HumanCode.random(), reportID: "R1") }
        #expect(throws: VaultError.wrongKey) { try Receipt.openReportKey(sealed, code: code, reportID: "R2") }
        let lookupKey = SymmetricKey(size: .bits256)
        #expect(Receipt.lookup(code, key: lookupKey) == Receipt.lookup(HumanCode(typed: code.description), key: lookupKey))
        #expect(Receipt.lookup(code, key: lookupKey) != Receipt.lookup(code, key: SymmetricKey(size: .bits256)))
        #expect(!Receipt.lookup(code, key: lookupKey).contains(code.normalized))
    }
}

@Suite struct SealedFileReaderTests {
    private func write(_ data: Data) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("haven-reader-\(UUID().uuidString)")
        try data.write(to: url)
        return url
    }

    @Test func readsAFileChunkByChunk() throws {
        let key = SymmetricKey(size: .bits256)
        let binding = FieldBinding(table: "evidence", recordID: "1", field: "file")
        let plaintext = Data((0..<(FileCipher.chunkSize * 2 + 17)).map { UInt8(truncatingIfNeeded: $0 * 7) })
        let url = try write(try FileCipher.seal(plaintext, with: key, binding: binding))
        defer { try? FileManager.default.removeItem(at: url) }
        var reader = try SealedFileReader(url: url, key: key, binding: binding)
        var chunks: [Data] = []
        while let chunk = try reader.next() { chunks.append(chunk) }
        #expect(chunks.count == 3)
        #expect(chunks.reduce(Data(), +) == plaintext)
    }

    @Test func refusesWrongKeyOtherBindingAndACutFile() throws {
        let key = SymmetricKey(size: .bits256)
        let binding = FieldBinding(table: "evidence", recordID: "1", field: "file")
        let sealed = try FileCipher.seal(Data(repeating: 1, count: FileCipher.chunkSize + 5), with: key, binding: binding)
        let url = try write(sealed)
        let cut = try write(sealed.prefix(sealed.count - (5 + 28 + 4)))
        defer { for file in [url, cut] { try? FileManager.default.removeItem(at: file) } }
        var wrongKey = try SealedFileReader(url: url, key: SymmetricKey(size: .bits256), binding: binding)
        #expect(throws: VaultError.wrongKey) { _ = try wrongKey.next() }
        var otherRecord = try SealedFileReader(url: url, key: key, binding: FieldBinding(table: "evidence", recordID: "2", field: "file"))
        #expect(throws: VaultError.wrongKey) { _ = try otherRecord.next() }
        var truncated = try SealedFileReader(url: cut, key: key, binding: binding)
        #expect(throws: VaultError.wrongKey) { while try truncated.next() != nil {} }
    }
}
