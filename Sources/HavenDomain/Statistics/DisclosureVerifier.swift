/// An independent check of a suppression pattern, written apart from `GaussSuppression` (dense rows, its own
/// elimination) so that each can catch the other's mistakes: a hidden cell is recoverable when its vector lies in the
/// span of the published cells' vectors, that is when adding it would not raise their rank.
public enum DisclosureVerifier {
    /// The hidden cells whose value follows from the published ones (empty for a safe release).
    public static func recoverable(_ model: DisclosureModel, _ statuses: [CellStatus]) -> [Int] {
        precondition(statuses.count == model.cells.count, "one status per cell")
        let published = Echelon(statuses.indices.filter { statuses[$0] == .published }.map { row(model, $0) })
        return statuses.indices.filter { statuses[$0].isHidden && published.spans(row(model, $0)) }
    }

    /// The rank of these cells' vectors.
    public static func rank(_ model: DisclosureModel, of indices: [Int]) -> Int {
        Echelon(indices.map { row(model, $0) }).rows.count
    }

    private static func row(_ model: DisclosureModel, _ index: Int) -> [Fraction] {
        var row = [Fraction](repeating: .zero, count: model.innerCount)
        for inner in model.cells[index].inner { row[inner] = .one }
        return row
    }

    /// Dense rows in row echelon form, each with the column of its leading entry.
    private struct Echelon {
        var rows: [(pivot: Int, values: [Fraction])] = []

        init(_ input: [[Fraction]]) {
            var pending = input
            guard let width = pending.first?.count else { return }
            for column in 0..<width {
                guard let found = pending.firstIndex(where: { !$0[column].isZero }) else { continue }
                let lead = pending.remove(at: found)
                for other in pending.indices where !pending[other][column].isZero {
                    let factor = pending[other][column] / lead[column]
                    for k in column..<width where !lead[k].isZero { pending[other][k] = pending[other][k] - factor * lead[k] }
                }
                rows.append((column, lead))
            }
        }

        /// Whether the vector is a combination of the rows (it reduces to zero).
        func spans(_ vector: [Fraction]) -> Bool {
            var rest = vector
            for row in rows where !rest[row.pivot].isZero {
                let factor = rest[row.pivot] / row.values[row.pivot]
                for k in row.pivot..<rest.count where !row.values[k].isZero { rest[k] = rest[k] - factor * row.values[k] }
            }
            return rest.allSatisfy(\.isZero)
        }
    }
}
