import Crypto
import Foundation
import Testing

@testable import HavenVault

@Suite("Backup archives")
struct BackupArchiveTests {
    static func archive(to recipients: [Curve25519.KeyAgreement.PublicKey]) throws -> Data {
        var output = Data()
        var writer = try BackupArchiveWriter(recipients: recipients) { output.append($0) }
        try writer.addPart("keys/lookup.key", data: Data(repeating: 1, count: 32))
        try writer.beginPart("files/big", size: 300_000)
        for _ in 0..<3 { try writer.write(Data(repeating: 2, count: 100_000)) }
        try writer.endPart()
        try writer.addPart("tables/users/0001.jsonl", data: Data("{\"id\":\"A\"}\n".utf8))
        try writer.finish { parts in
            BackupManifest(
                createdAt: "2026-12-02T00:00:00Z", engine: "sqlite", organisation: nil, migrations: ["M1"],
                tables: [.init(name: "users", rows: 1, parts: ["tables/users/0001.jsonl"])], parts: parts)
        }
        return output
    }

    static func verify(_ data: Data, with identity: Curve25519.KeyAgreement.PrivateKey) throws -> BackupManifest {
        var offset = 0
        var reader = try BackupArchiveReader(identity: identity) { maximum in
            let end = min(data.count, offset + maximum)
            defer { offset = end }
            return data[offset..<end]
        }
        return try reader.verifyAll()
    }

    @Test("a written archive verifies, lists every part with its digest, and opens for each recipient")
    func roundTrip() throws {
        let recovery = Curve25519.KeyAgreement.PrivateKey()
        let board = Curve25519.KeyAgreement.PrivateKey()
        let data = try Self.archive(to: [recovery.publicKey, board.publicKey])
        let manifest = try Self.verify(data, with: recovery)
        #expect(manifest.parts.map(\.path) == ["keys/lookup.key", "files/big", "tables/users/0001.jsonl"])
        #expect(manifest.parts[1].bytes == 300_000)
        #expect(manifest.parts[0].sha256 == SHA256.hash(data: Data(repeating: 1, count: 32)).hexString)
        #expect(try Self.verify(data, with: board) == manifest)
        #expect(throws: BackupError.unreadable(AgeError.noMatchingRecipient.description)) {
            try Self.verify(data, with: Curve25519.KeyAgreement.PrivateKey())
        }
    }

    @Test("bytes after the archive's end, and a part that comes twice, are refused")
    func afterTheEndAndTwice() throws {
        let recovery = Curve25519.KeyAgreement.PrivateKey()
        func encrypted(_ tar: Data) throws -> Data {
            var output = Data()
            var age = try AgeEncryptor(recipients: [recovery.publicKey]) { output.append($0) }
            try age.write(tar)
            try age.finish()
            return output
        }
        func tar(_ entries: [(String, Data)], after: Data = Data()) throws -> Data {
            var bytes = Data()
            var writer = TarWriter { bytes.append($0) }
            for (name, data) in entries { try writer.add(name: name, data: data, modified: Date()) }
            try writer.finish()
            return bytes + after
        }
        let part = Data("x".utf8)
        let manifest = try JSONEncoder().encode(
            BackupManifest(
                createdAt: "", engine: "sqlite", organisation: nil, migrations: [], tables: [],
                parts: [.init(path: "keys/a", bytes: 1, sha256: SHA256.hash(data: part).hexString)]))
        #expect(try Self.verify(try encrypted(try tar([("keys/a", part), ("manifest.json", manifest)])), with: recovery).parts.count == 1)
        #expect(throws: BackupError.self) {
            try Self.verify(
                try encrypted(try tar([("keys/a", part), ("manifest.json", manifest)], after: Data("hidden".utf8))), with: recovery)
        }
        #expect(throws: BackupError.self) {
            try Self.verify(try encrypted(try tar([("keys/a", part), ("keys/a", part), ("manifest.json", manifest)])), with: recovery)
        }
    }

    @Test("a flipped byte is refused naming the part it falls in; a cut archive is refused")
    func damage() throws {
        let recovery = Curve25519.KeyAgreement.PrivateKey()
        let data = try Self.archive(to: [recovery.publicKey])
        // Chunk 2 of the payload (bytes 131,072… of the tar stream) lies inside files/big.
        let header = data.range(of: Data("\n--- ".utf8))!.upperBound + 44 + 16
        var changed = data
        changed[header + 2 * (65_536 + 16) + 100] ^= 0x20
        #expect {
            try Self.verify(changed, with: recovery)
        } throws: { error in
            guard case BackupError.damaged(let part, _) = error else { return false }
            return part == "files/big"
        }
        var lastChunk = data
        lastChunk[data.count - 20] ^= 0x01
        #expect(throws: BackupError.self) { try Self.verify(lastChunk, with: recovery) }
        #expect(throws: BackupError.self) { try Self.verify(data.prefix(data.count - 100), with: recovery) }
        var headerChanged = data
        headerChanged[30] ^= 0x01
        #expect(throws: BackupError.self) { try Self.verify(headerChanged, with: recovery) }
    }
}
