import Crypto
import Foundation
import HavenVault
import Testing

@Suite("Sealed files written as they arrive")
struct SealedFileWriterTests {
    let key = SymmetricKey(size: .bits256)
    let binding = FieldBinding(table: "evidence", recordID: "E1", field: "file")

    func temporaryURL() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("haven-writer-\(UUID().uuidString)")
    }

    @Test(
        "any size, appended in pieces of any size, opens to the same bytes with the same hash, whole or chunk by chunk",
        arguments: [0, 1, FileCipher.chunkSize - 1, FileCipher.chunkSize, FileCipher.chunkSize + 1, 3 * FileCipher.chunkSize + 17])
    func roundTrip(size: Int) throws {
        let plaintext = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 13) })
        for piece in [1, 1_000, FileCipher.chunkSize, 200_000] {
            let url = temporaryURL()
            defer { try? FileManager.default.removeItem(at: url) }
            var writer = try SealedFileWriter(url: url, key: key, binding: binding)
            var offset = 0
            while offset < plaintext.count {
                try writer.append(plaintext[offset..<min(offset + piece, plaintext.count)])
                offset += piece
            }
            let (written, sha256) = try writer.finish()
            #expect(written == size)
            #expect(sha256 == SHA256.hash(data: plaintext).map { String(format: "%02x", $0) }.joined())
            let sealed = try Data(contentsOf: url)
            #expect(try FileCipher.open(sealed, with: key, binding: binding) == plaintext)
            var reader = try SealedFileReader(url: url, key: key, binding: binding)
            var read = Data()
            while let chunk = try reader.next() { read.append(chunk) }
            #expect(read == plaintext)
            #expect(!sealed.contains(plaintext.prefix(64)) || size < 64, "no plaintext on disk")
        }
    }

    @Test("a written file refuses a wrong key, another binding, a flipped byte and a cut")
    func tampering() throws {
        let url = temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }
        var writer = try SealedFileWriter(url: url, key: key, binding: binding)
        try writer.append(Data(repeating: 0x42, count: 2 * FileCipher.chunkSize + 5))
        _ = try writer.finish()
        let sealed = try Data(contentsOf: url)
        #expect(throws: VaultError.wrongKey) { try FileCipher.open(sealed, with: SymmetricKey(size: .bits256), binding: binding) }
        #expect(throws: VaultError.wrongKey) {
            try FileCipher.open(sealed, with: key, binding: FieldBinding(table: "evidence", recordID: "E2", field: "file"))
        }
        var flipped = sealed
        flipped[flipped.count - 20] ^= 0x01
        #expect(throws: VaultError.wrongKey) { try FileCipher.open(flipped, with: key, binding: binding) }
        #expect(throws: VaultError.wrongKey) {
            try FileCipher.open(sealed.prefix(4 + 4 + 12 + FileCipher.chunkSize + 16), with: key, binding: binding)
        }
    }

    @Test("an existing file is never overwritten")
    func noOverwrite() throws {
        let url = temporaryURL()
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("x".utf8).write(to: url)
        #expect(throws: (any Error).self) { _ = try SealedFileWriter(url: url, key: key, binding: binding) }
    }
}
