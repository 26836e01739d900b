import Crypto
import Foundation

/// Hash-chains audit entries: each entry's hash covers its fields and the previous entry's hash.
public enum AuditChain {
    /// The previous hash of the first entry.
    public static let genesis = String(repeating: "0", count: 64)

    /// SHA-256 over the length-prefixed fields and the previous hash, hex.
    public static func hash(of record: AuditRecord) -> String {
        var hasher = SHA256()
        for field in [
            record.previousHash, String(record.sequence), String(record.occurredAt),
            record.actor, record.action, record.targetTable, record.targetID,
        ] {
            let bytes = Array(field.utf8)
            var length = UInt32(bytes.count).bigEndian
            withUnsafeBytes(of: &length) { hasher.update(bufferPointer: $0) }
            hasher.update(data: bytes)
        }
        return hasher.finalize().hexString
    }

    /// Why a chain does not verify.
    public enum Break: Equatable, Sendable, CustomStringConvertible {
        case alteredEntry(sequence: Int64)
        case brokenLink(sequence: Int64)
        case gap(afterSequence: Int64)

        public var description: String {
            switch self {
            case .alteredEntry(let sequence): return "entry \(sequence) was altered (its hash does not match its fields)"
            case .brokenLink(let sequence): return "entry \(sequence) does not follow the entry before it (previous hash differs)"
            case .gap(let sequence): return "an entry after \(sequence) is missing (sequence numbers skip)"
            }
        }
    }

    /// Checks entries in sequence order; returns the first break, or nil when the chain is whole.
    /// `anchor` is the already verified entry just before `records` (nil when they start the log).
    public static func verify(_ records: some Sequence<AuditRecord>, after anchor: AuditRecord? = nil) -> Break? {
        var previousHash = anchor?.hash ?? genesis
        var previousSequence = anchor?.sequence ?? 0
        for record in records {
            if record.sequence != previousSequence + 1 { return .gap(afterSequence: previousSequence) }
            if record.previousHash != previousHash { return .brokenLink(sequence: record.sequence) }
            if hash(of: record) != record.hash { return .alteredEntry(sequence: record.sequence) }
            previousHash = record.hash
            previousSequence = record.sequence
        }
        return nil
    }
}
