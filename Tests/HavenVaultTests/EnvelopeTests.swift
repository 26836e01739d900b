import Crypto
import Foundation
import HavenVault
import Testing

@Suite("Key envelopes and sealed fields")
struct EnvelopeTests {
    let alice = Curve25519.KeyAgreement.PrivateKey()
    let mallory = Curve25519.KeyAgreement.PrivateKey()
    let dataKey = SymmetricKey(size: .bits256)

    @Test("a sealed data key opens with the recipient's key and context only")
    func sealOpen() throws {
        let envelope = try KeyEnvelope.seal(dataKey, to: alice.publicKey, context: "record-key/incidents/1/alice")
        let opened = try KeyEnvelope.openKey(envelope, with: alice, context: "record-key/incidents/1/alice")
        #expect(opened == dataKey)
        #expect(throws: VaultError.wrongKey) { try KeyEnvelope.openKey(envelope, with: mallory, context: "record-key/incidents/1/alice") }
        #expect(throws: VaultError.wrongKey) { try KeyEnvelope.openKey(envelope, with: alice, context: "record-key/incidents/2/alice") }
    }

    @Test("every flipped byte of an envelope is detected")
    func tamper() throws {
        let envelope = try KeyEnvelope.seal(dataKey, to: alice.publicKey, context: "c")
        for index in envelope.indices {
            var altered = envelope
            altered[index] ^= 0x01
            #expect(throws: VaultError.self) { try KeyEnvelope.openKey(altered, with: alice, context: "c") }
        }
        #expect(throws: VaultError.self) { try KeyEnvelope.open(Data([1, 2, 3]), with: alice, context: "c") }
    }

    @Test("a sealed field opens only in its own table, record and field")
    func fieldBinding() throws {
        let binding = FieldBinding(table: "persons", recordID: "P-7KQ2M9", field: "name")
        let sealed = try FieldCipher.seal("Bekzat Mukashev", with: dataKey, binding: binding)
        #expect(try FieldCipher.open(sealed, with: dataKey, binding: binding) == "Bekzat Mukashev")
        #expect(!sealed.contains(Data("Bekzat".utf8)))
        let swapped = [
            FieldBinding(table: "persons", recordID: "P-7KQ2M9", field: "contact"),
            FieldBinding(table: "persons", recordID: "P-000000", field: "name"),
            FieldBinding(table: "cases", recordID: "P-7KQ2M9", field: "name"),
        ]
        for other in swapped {
            #expect(throws: VaultError.wrongKey) { try FieldCipher.open(sealed, with: dataKey, binding: other) }
        }
        #expect(throws: VaultError.wrongKey) { try FieldCipher.open(sealed, with: SymmetricKey(size: .bits256), binding: binding) }
        var altered = sealed
        altered[altered.count / 2] ^= 0x80
        #expect(throws: VaultError.wrongKey) { try FieldCipher.open(altered, with: dataKey, binding: binding) }
    }

    @Test("sealing the same text twice gives different ciphertexts")
    func freshNonces() throws {
        let binding = FieldBinding(table: "t", recordID: "1", field: "f")
        #expect(try FieldCipher.seal("same", with: dataKey, binding: binding) != FieldCipher.seal("same", with: dataKey, binding: binding))
    }
}
