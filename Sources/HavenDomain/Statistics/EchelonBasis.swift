/// The span of the published cells so far, as vectors in row echelon form: each kept vector starts with a one at its
/// own pivot (its smallest index), and no two share a pivot.
struct EchelonBasis: Sendable {
    private var rows: [Int: SparseVector] = [:]

    var rank: Int { rows.count }

    /// What is left of `vector` once every kept vector has been taken out of it: zero at every pivot, and zero in all
    /// when `vector` lies in the span.
    func reduce(_ vector: SparseVector) -> SparseVector {
        var rest = vector
        var position = 0
        while position < rest.entries.count {
            let entry = rest.entries[position]
            guard let row = rows[entry.index] else {
                position += 1
                continue
            }
            // The row starts at this index, so entries before it stay where they are.
            rest = rest.subtracting(row, times: entry.value)
            position = rest.position(from: entry.index + 1)
        }
        return rest
    }

    /// Keeps a reduced, non-zero vector (from `reduce`) as the row of its pivot.
    mutating func add(reduced vector: SparseVector) {
        guard let pivot = vector.leading else { return }
        rows[pivot] = vector.normalised
    }
}
