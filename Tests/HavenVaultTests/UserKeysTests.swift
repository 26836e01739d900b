import Crypto
import Foundation
import HavenVault
import Testing

@Suite("User keys, passwords and recovery")
struct UserKeysTests {
    let cheap = KDFParameters(logN: 10, r: 8, p: 1)
    let recovery = Curve25519.KeyAgreement.PrivateKey()

    @Test("the password opens the private key; a wrong password derives another verifier and cannot open it")
    func unlock() throws {
        let (stored, privateKey) = try UserKeys.create(
            userID: "u1", password: "correct horse battery", parameters: cheap, recoveryKey: recovery.publicKey)
        let secrets = try PasswordKDF.derive(password: "correct horse battery", salt: stored.salt, parameters: cheap)
        #expect(secrets.verifierHash == stored.verifierHash)
        #expect(try UserKeys.unlock(stored, userID: "u1", secrets: secrets).rawRepresentation == privateKey.rawRepresentation)
        let wrong = try PasswordKDF.derive(password: "correct horse battery!", salt: stored.salt, parameters: cheap)
        #expect(wrong.verifierHash != stored.verifierHash)
        #expect(throws: VaultError.wrongKey) { try UserKeys.unlock(stored, userID: "u1", secrets: wrong) }
        #expect(throws: VaultError.wrongKey) { try UserKeys.unlock(stored, userID: "u2", secrets: secrets) }
    }

    @Test("the recovery key opens every user's private key; another key does not")
    func recover() throws {
        let (stored, privateKey) = try UserKeys.create(
            userID: "u1", password: "correct horse battery", parameters: cheap, recoveryKey: recovery.publicKey)
        let recovered = try UserKeys.recover(stored.recoverySealedPrivateKey, userID: "u1", recoveryPrivateKey: recovery)
        #expect(recovered.rawRepresentation == privateKey.rawRepresentation)
        #expect(throws: VaultError.wrongKey) {
            try UserKeys.recover(stored.recoverySealedPrivateKey, userID: "u1", recoveryPrivateKey: Curve25519.KeyAgreement.PrivateKey())
        }
        #expect(throws: VaultError.wrongKey) {
            try UserKeys.recover(stored.recoverySealedPrivateKey, userID: "u2", recoveryPrivateKey: recovery)
        }
    }

    @Test("re-sealing under a new password keeps the same key pair")
    func reseal() throws {
        let (stored, privateKey) = try UserKeys.create(
            userID: "u1", password: "first password here", parameters: cheap, recoveryKey: recovery.publicKey)
        let resealed = try UserKeys.seal(
            privateKey, userID: "u1", password: "second password here", parameters: cheap, recoveryKey: recovery.publicKey)
        #expect(resealed.publicKey == stored.publicKey)
        #expect(resealed.salt != stored.salt)
        let old = try PasswordKDF.derive(password: "first password here", salt: resealed.salt, parameters: cheap)
        #expect(old.verifierHash != resealed.verifierHash)
    }

    @Test("a one-time code opens the key sealed under it; another code does not")
    func codes() throws {
        let privateKey = Curve25519.KeyAgreement.PrivateKey()
        let code = HumanCode.random()
        let sealed = try UserKeys.sealForCode(privateKey, code: code, userID: "u1")
        let typed = HumanCode(typed: code.description.lowercased().replacingOccurrences(of: "-", with: " "))
        #expect(try UserKeys.openWithCode(sealed, code: typed, userID: "u1").rawRepresentation == privateKey.rawRepresentation)
        #expect(throws: VaultError.wrongKey) { try UserKeys.openWithCode(sealed, code: HumanCode.random(), userID: "u1") }
    }

    @Test("over-long and empty passwords are refused before any key derivation")
    func limits() {
        let long = String(repeating: "ж", count: 300)
        #expect(throws: VaultError.passwordTooLong) {
            try PasswordKDF.derive(password: long, salt: Data(count: 16), parameters: .production)
        }
        #expect(throws: VaultError.self) { try PasswordKDF.derive(password: "", salt: Data(count: 16), parameters: cheap) }
    }

    @Test("production parameters are scrypt N=2^17, r=8, p=1, and they run")
    func production() throws {
        #expect(KDFParameters.production == KDFParameters(logN: 17, r: 8, p: 1))
        #expect(KDFParameters.production.encoded == "scrypt:17:8:1")
        #expect(KDFParameters(encoded: "scrypt:17:8:1") == .production)
        #expect(KDFParameters(encoded: "scrypt:40:8:1") == nil)
        #expect(KDFParameters(encoded: "bcrypt:12") == nil)
        let salt = Data(repeating: 7, count: 16)
        let first = try PasswordKDF.derive(password: "correct horse battery", salt: salt, parameters: .production)
        let second = try PasswordKDF.derive(password: "correct horse battery", salt: salt, parameters: .production)
        #expect(first.verifierHash == second.verifierHash)
        #expect(
            first.verifierHash != (try PasswordKDF.derive(password: "correct horse battery", salt: salt, parameters: cheap)).verifierHash)
    }

    @Test("the recovery key's written form round-trips and a typo is caught by the check characters")
    func recoveryKeyText() throws {
        let text = RecoveryKey.text(for: recovery)
        #expect(text.split(separator: "-").count == 14)
        #expect(try RecoveryKey.parse(text.lowercased()).rawRepresentation == recovery.rawRepresentation)
        var characters = Array(text)
        characters[5] = characters[5] == "A" ? "B" : "A"
        #expect(throws: VaultError.self) { try RecoveryKey.parse(String(characters)) }
        #expect(throws: VaultError.self) { try RecoveryKey.parse(String(text.dropLast(5))) }
    }
}
