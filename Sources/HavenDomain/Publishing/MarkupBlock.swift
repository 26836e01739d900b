import Foundation

/// A block of a publication body: `heading` (with `level`), `paragraph`, `quote`, `list` or `orderedList`; a list has
/// one item per entry, the others one item.
public struct MarkupBlock: Sendable, Equatable, Encodable {
    public let kind: String
    public var level = 0
    public let items: [[MarkupRun]]
}
