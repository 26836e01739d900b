import Foundation
import HavenVault
import Testing

@Suite("Human codes, base32 and the audit chain")
struct CodesAndAuditTests {
    @Test("codes carry at least 128 bits, are grouped by four and read back however they are typed")
    func humanCodes() {
        let code = HumanCode.random()
        #expect(code.normalized.count == 26)
        #expect(code.description.split(separator: "-").allSatisfy { $0.count <= 4 })
        #expect(HumanCode(typed: " " + code.description.lowercased() + " ") == code)
        #expect(HumanCode(typed: "O0-Il") == HumanCode(typed: "0011"))
        #expect(HumanCode.random() != HumanCode.random())
        #expect(code.digest.count == 64 && !code.digest.contains(code.normalized))
    }

    @Test("base32 matches RFC 4648 and Crockford round-trips")
    func base32() {
        #expect(Base32.encodeRFC4648(Array("foobar".utf8)) == "MZXW6YTBOI")
        let bytes: [UInt8] = (0..<32).map { UInt8($0 * 7 & 0xff) }
        #expect(Base32.decodeCrockford(Base32.encodeCrockford(bytes)) == bytes)
        #expect(Base32.decodeCrockford("U") == nil)
    }

    func chain(_ count: Int) -> [AuditRecord] {
        var records: [AuditRecord] = []
        for sequence in 1...Int64(count) {
            var record = AuditRecord(
                sequence: sequence, occurredAt: 1_700_000_000 + sequence, actor: "u\(sequence % 3)",
                action: "login.success", targetTable: "users", targetID: "id\(sequence)",
                previousHash: records.last?.hash ?? AuditChain.genesis)
            record.hash = AuditChain.hash(of: record)
            records.append(record)
        }
        return records
    }

    @Test("a whole chain verifies, also page by page")
    func whole() {
        let records = chain(10)
        #expect(AuditChain.verify(records) == nil)
        #expect(AuditChain.verify(records[5...], after: records[4]) == nil)
    }

    @Test("an altered field, a removed entry and a re-hashed entry are each named")
    func broken() {
        var altered = chain(10)
        altered[3].action = "login.failure"
        #expect(AuditChain.verify(altered) == .alteredEntry(sequence: 4))

        var removed = chain(10)
        removed.remove(at: 6)
        #expect(AuditChain.verify(removed) == .gap(afterSequence: 6))

        var rehashed = chain(10)
        rehashed[2].actor = "someone-else"
        rehashed[2].hash = AuditChain.hash(of: rehashed[2])
        #expect(AuditChain.verify(rehashed) == .brokenLink(sequence: 4))
    }
}
