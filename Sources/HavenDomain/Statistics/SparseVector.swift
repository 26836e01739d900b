/// A vector over the inner cells of a release, keeping only its non-zero entries, sorted by index.
struct SparseVector: Sendable, Equatable {
    /// Never holds a zero value.
    private(set) var entries: [(index: Int, value: Fraction)]

    init(ones indices: [Int]) {
        entries = Array(Set(indices)).sorted().map { ($0, Fraction.one) }
    }

    init(entries: [(index: Int, value: Fraction)]) {
        self.entries = entries
    }

    var isZero: Bool { entries.isEmpty }
    /// The smallest index with a non-zero entry (the pivot it would take in an echelon basis).
    var leading: Int? { entries.first?.index }

    /// The entry at an index (zero when absent).
    func value(at index: Int) -> Fraction {
        let position = position(from: index)
        return position < entries.count && entries[position].index == index ? entries[position].value : .zero
    }

    /// The position of the first entry whose index is `index` or more.
    func position(from index: Int) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].index < index { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// `self - factor × other`, merging the two sorted lists.
    func subtracting(_ other: SparseVector, times factor: Fraction) -> SparseVector {
        guard !factor.isZero else { return self }
        var merged: [(index: Int, value: Fraction)] = []
        merged.reserveCapacity(entries.count + other.entries.count)
        var i = 0
        var j = 0
        while i < entries.count || j < other.entries.count {
            if j == other.entries.count || (i < entries.count && entries[i].index < other.entries[j].index) {
                merged.append(entries[i])
                i += 1
            } else if i == entries.count || other.entries[j].index < entries[i].index {
                merged.append((other.entries[j].index, Fraction.zero - factor * other.entries[j].value))
                j += 1
            } else {
                let value = entries[i].value - factor * other.entries[j].value
                if !value.isZero { merged.append((entries[i].index, value)) }
                i += 1
                j += 1
            }
        }
        return SparseVector(entries: merged)
    }

    /// The vector divided so that its leading entry is one.
    var normalised: SparseVector {
        guard let first = entries.first?.value, first != .one else { return self }
        return SparseVector(entries: entries.map { ($0.index, $0.value / first) })
    }

    static func == (left: SparseVector, right: SparseVector) -> Bool {
        left.entries.count == right.entries.count
            && zip(left.entries, right.entries).allSatisfy { $0.index == $1.index && $0.value == $1.value }
    }
}
