import Crypto
import Foundation
import Testing

@testable import HavenVault

@Suite("Keys sealed under keys")
struct SealedKeyTests {
    @Test("a key sealed under another opens only with that key and binding, and only as a 256-bit key")
    func roundTrip() throws {
        let inner = SymmetricKey(size: .bits256)
        let outer = SymmetricKey(size: .bits256)
        let binding = FieldBinding(table: "report_links", recordID: "A", field: "key")
        let sealed = try FieldCipher.sealKey(inner, with: outer, binding: binding)
        #expect(try FieldCipher.openKey(sealed, with: outer, binding: binding) == inner)
        #expect(throws: (any Error).self) { try FieldCipher.openKey(sealed, with: SymmetricKey(size: .bits256), binding: binding) }
        #expect(throws: (any Error).self) {
            try FieldCipher.openKey(sealed, with: outer, binding: FieldBinding(table: "report_links", recordID: "B", field: "key"))
        }
        let notAKey = try FieldCipher.seal("not a key", with: outer, binding: binding)
        #expect(throws: VaultError.malformed("sealed key")) { try FieldCipher.openKey(notAKey, with: outer, binding: binding) }
    }
}
