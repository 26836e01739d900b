/// Complementary cell suppression by Gaussian elimination, after Langsrud's method (Statistics Norway's
/// GaussSuppression): cells below the threshold are hidden (primary); then every other cell is taken in order of how
/// much it is worth publishing, and published only if the published cells then still leave every primary cell outside
/// their linear span — otherwise it is hidden too (secondary). No hidden cell can then be recomputed from the
/// published ones by sums and differences, whatever totals or other tables the release contains.
///
///     let statuses = GaussSuppression.suppress(model, threshold: 5)
///     DisclosureVerifier.recoverable(model, statuses)   // [] — nothing hidden can be worked out
public enum GaussSuppression {
    /// The status of every cell of the model. A count from 1 to `threshold - 1` is primary; zero is primary only with
    /// `protectZeros` (a zero says that nobody is in a group, which discloses when the group is people).
    public static func suppress(_ model: DisclosureModel, threshold: Int, protectZeros: Bool = false) -> [CellStatus] {
        var statuses = model.cells.map { cell in
            isPrimary(cell.value, threshold: threshold, protectZeros: protectZeros) ? CellStatus.primary : .published
        }
        // A cell of no inner cell is known to be empty whatever is published: nothing can protect it.
        var hidden = statuses.indices.filter { statuses[$0] == .primary }.map { model.vector($0) }.filter { !$0.isZero }
        guard !hidden.isEmpty else { return statuses }
        var basis = EchelonBasis()
        for index in candidateOrder(model, statuses) {
            let rest = basis.reduce(model.vector(index))
            guard let pivot = rest.leading else { continue }  // already follows from what is published
            let leadingValue = rest.value(at: pivot)
            let factors = hidden.map { $0.value(at: pivot) / leadingValue }
            // A hidden cell would follow from the published ones if what is left of it were a multiple of `rest`.
            let discloses = hidden.indices.contains { cell in
                !factors[cell].isZero && hidden[cell].entries.count == rest.entries.count
                    && hidden[cell].subtracting(rest, times: factors[cell]).isZero
            }
            if discloses {
                statuses[index] = .secondary
            } else {
                basis.add(reduced: rest)
                hidden = hidden.indices.map { hidden[$0].subtracting(rest, times: factors[$0]) }
            }
        }
        return statuses
    }

    static func isPrimary(_ value: Int, threshold: Int, protectZeros: Bool) -> Bool {
        value == 0 ? protectZeros : value < threshold
    }

    /// The cells that may be published, most worth publishing first: totals before the cells inside them (the more
    /// inner cells, the earlier), zeros before other counts (hiding a zero protects nothing: a reader may guess it), then
    /// larger counts before smaller ones (so what is hidden is little).
    static func candidateOrder(_ model: DisclosureModel, _ statuses: [CellStatus]) -> [Int] {
        statuses.indices.filter { statuses[$0] == .published }.sorted { a, b in
            let (left, right) = (model.cells[a], model.cells[b])
            if left.inner.count != right.inner.count { return left.inner.count > right.inner.count }
            if (left.value == 0) != (right.value == 0) { return left.value == 0 }
            if left.value != right.value { return left.value > right.value }
            return a < b
        }
    }
}
