/// The cells of one statistical release, each as the inner cells it adds up. An inner cell is one combination of every
/// classification in the release (the finest grouping of the records); a published cell — a table cell, a row or
/// column total, the grand total, a cell of another table in the same release — is the sum of some inner cells. A
/// hidden cell is disclosed when its inner cells' sum follows from the published cells by addition and subtraction,
/// that is when its vector lies in their linear span.
public struct DisclosureModel: Sendable {
    /// One cell that could be published.
    public struct Cell: Sendable, Equatable {
        /// The inner cells it sums, by index.
        public let inner: [Int]
        /// Its count (the sum of its inner cells' counts).
        public let value: Int

        public init(inner: [Int], value: Int) {
            self.inner = inner
            self.value = value
        }
    }

    /// How many inner cells there are.
    public let innerCount: Int
    public let cells: [Cell]

    public init(innerCount: Int, cells: [Cell]) {
        self.innerCount = innerCount
        self.cells = cells
    }

    /// Several tables of one release over the same inner cells, protected together: their cells one after another.
    public static func combining(_ models: [DisclosureModel]) -> DisclosureModel {
        precondition(Set(models.map(\.innerCount)).count <= 1, "tables of one release share their inner cells")
        return DisclosureModel(innerCount: models.first?.innerCount ?? 0, cells: models.flatMap(\.cells))
    }

    func vector(_ index: Int) -> SparseVector { SparseVector(ones: cells[index].inner) }
}
