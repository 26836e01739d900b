import Crypto
import Foundation
import FuzzSupport
import HavenVault

/// The vault's decoders on bytes an attacker controls (a tampered database or disk): sealed fields, key envelopes,
/// receipts, sealed files whole and from disk must throw, never trap, and never open.
private let key = SymmetricKey(size: .bits256)
private let privateKey = Curve25519.KeyAgreement.PrivateKey()
private let binding = FieldBinding(table: "fuzz", recordID: "1", field: "f")
private let file = FileManager.default.temporaryDirectory.appendingPathComponent("haven-fuzz-\(getpid()).sealed")

@_cdecl("FuzzVault_main")
public func fuzzVaultMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv) { data, count in
        let bytes = Data(FuzzDriver.bytes(data, count))
        precondition((try? FieldCipher.open(bytes, with: key, binding: binding)) == nil, "random bytes opened as a field")
        precondition((try? KeyEnvelope.open(bytes, with: privateKey, context: "fuzz")) == nil, "random bytes opened as an envelope")
        precondition((try? KeyEnvelope.openKey(bytes, with: privateKey, context: "fuzz")) == nil)
        precondition((try? FileCipher.open(bytes, with: key, binding: binding)) == nil, "random bytes opened as a file")
        precondition((try? Receipt.openReportKey(bytes, code: HumanCode(typed: "FUZZ"), reportID: "1")) == nil)
        _ = HumanCode(typed: String(decoding: bytes, as: UTF8.self)).normalized
        _ = Base32.decodeCrockford(String(decoding: bytes, as: UTF8.self))
        _ = KDFParameters(encoded: String(decoding: bytes, as: UTF8.self))
        if (try? bytes.write(to: file)) != nil, var reader = try? SealedFileReader(url: file, key: key, binding: binding) {
            do {
                while try reader.next() != nil { preconditionFailure("random bytes opened as a sealed file") }
                preconditionFailure("random bytes ended as a sealed file")
            } catch {}
        }
        return 0
    }
}
