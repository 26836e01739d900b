/// What a release does with one cell.
public enum CellStatus: String, Sendable, Equatable, Codable {
    /// Shown.
    case published
    /// Hidden because it is below the threshold (shown as "<threshold").
    case primary
    /// Hidden so that a primary cell cannot be worked out from the others.
    case secondary

    public var isHidden: Bool { self != .published }
}
