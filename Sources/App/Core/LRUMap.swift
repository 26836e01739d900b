/// A dictionary with a fixed capacity that forgets its least recently used entry when a new one would not fit.
/// Lookups, insertions and evictions are O(1): entries live in one array linked in recency order.
struct LRUMap<Key: Hashable, Value> {
    private struct Node {
        var key: Key
        var value: Value
        var newer: Int
        var older: Int
    }

    private static var none: Int { -1 }

    let capacity: Int
    private var index: [Key: Int] = [:]
    private var nodes: [Node] = []
    private var newest = LRUMap.none
    private var oldest = LRUMap.none

    init(capacity: Int) {
        precondition(capacity > 0, "an LRU map holds at least one entry")
        self.capacity = capacity
        index.reserveCapacity(min(capacity, 1 << 16))
    }

    /// How many entries are held.
    var count: Int { index.count }

    /// The value for a key, without touching its recency.
    func peek(_ key: Key) -> Value? {
        index[key].map { nodes[$0].value }
    }

    /// Sets a key's value and makes it the most recent; evicts the least recent entry when full.
    mutating func set(_ key: Key, _ value: Value) {
        if let position = index[key] {
            nodes[position].value = value
            moveToNewest(position)
            return
        }
        let position: Int
        if nodes.count < capacity {
            position = nodes.count
            nodes.append(Node(key: key, value: value, newer: Self.none, older: Self.none))
        } else {
            position = oldest
            unlink(position)
            index[nodes[position].key] = nil
            nodes[position] = Node(key: key, value: value, newer: Self.none, older: Self.none)
        }
        index[key] = position
        linkAsNewest(position)
    }

    private mutating func moveToNewest(_ position: Int) {
        guard position != newest else { return }
        unlink(position)
        linkAsNewest(position)
    }

    private mutating func unlink(_ position: Int) {
        let node = nodes[position]
        if node.newer != Self.none { nodes[node.newer].older = node.older } else { newest = node.older }
        if node.older != Self.none { nodes[node.older].newer = node.newer } else { oldest = node.newer }
        nodes[position].newer = Self.none
        nodes[position].older = Self.none
    }

    private mutating func linkAsNewest(_ position: Int) {
        nodes[position].older = newest
        nodes[position].newer = Self.none
        if newest != Self.none { nodes[newest].newer = position }
        newest = position
        if oldest == Self.none { oldest = position }
    }
}
