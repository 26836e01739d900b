extension QRCode {
    /// A symbol being drawn: its modules and which of them are function patterns (never masked, never data).
    struct Symbol: Sendable {
        let version: Int
        let size: Int
        var modules: [[Bool]]
        var isFunction: [[Bool]]

        init(version: Int) {
            self.version = version
            size = 17 + 4 * version
            modules = Array(repeating: Array(repeating: false, count: size), count: size)
            isFunction = modules
        }

        mutating func set(_ x: Int, _ y: Int, _ dark: Bool) {
            modules[y][x] = dark
            isFunction[y][x] = true
        }

        // MARK: Function patterns

        mutating func drawFunctionPatterns() {
            for index in 0..<size {
                set(6, index, index % 2 == 0)
                set(index, 6, index % 2 == 0)
            }
            drawFinder(3, 3)
            drawFinder(size - 4, 3)
            drawFinder(3, size - 4)
            let centres = QRCode.alignment[version - 1]
            for (i, x) in centres.enumerated() {
                for (j, y) in centres.enumerated() {
                    let last = centres.count - 1
                    if (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0) { continue }
                    drawAlignment(x, y)
                }
            }
            drawFormat(mask: 0)
            drawVersion()
        }

        /// A finder pattern with its separator, centred on (x, y).
        private mutating func drawFinder(_ x: Int, _ y: Int) {
            for dy in -4...4 {
                for dx in -4...4 {
                    let distance = max(abs(dx), abs(dy))
                    let column = x + dx
                    let row = y + dy
                    guard (0..<size).contains(column), (0..<size).contains(row) else { continue }
                    set(column, row, distance != 2 && distance != 4)
                }
            }
        }

        private mutating func drawAlignment(_ x: Int, _ y: Int) {
            for dy in -2...2 {
                for dx in -2...2 { set(x + dx, y + dy, max(abs(dx), abs(dy)) != 1) }
            }
        }

        /// The 15 format bits (level M, the mask, BCH-protected and XORed with 0x5412), in both copies, and the dark
        /// module.
        mutating func drawFormat(mask: Int) {
            let data = (0b00 << 3) | mask
            var remainder = data
            for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
            let bits = ((data << 10) | remainder) ^ 0x5412
            func bit(_ index: Int) -> Bool { (bits >> index) & 1 == 1 }
            for index in 0...5 { set(8, index, bit(index)) }
            set(8, 7, bit(6))
            set(8, 8, bit(7))
            set(7, 8, bit(8))
            for index in 9..<15 { set(14 - index, 8, bit(index)) }
            for index in 0..<8 { set(size - 1 - index, 8, bit(index)) }
            for index in 8..<15 { set(8, size - 15 + index, bit(index)) }
            set(8, size - 8, true)
        }

        /// The 18 version bits (versions 7 and up), in both copies.
        private mutating func drawVersion() {
            guard version >= 7 else { return }
            var remainder = version
            for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
            let bits = (version << 12) | remainder
            for index in 0..<18 {
                let dark = (bits >> index) & 1 == 1
                let a = size - 11 + index % 3
                let b = index / 3
                set(a, b, dark)
                set(b, a, dark)
            }
        }

        // MARK: Data

        /// Places the codewords in the two-column zigzag from the bottom right, skipping the vertical timing pattern.
        mutating func drawCodewords(_ codewords: [UInt8]) {
            var bitIndex = 0
            var right = size - 1
            while right >= 1 {
                if right == 6 { right = 5 }
                for vertical in 0..<size {
                    for offset in 0..<2 {
                        let x = right - offset
                        let upward = (right + 1) & 2 == 0
                        let y = upward ? size - 1 - vertical : vertical
                        guard !isFunction[y][x], bitIndex < codewords.count * 8 else { continue }
                        modules[y][x] = (codewords[bitIndex >> 3] >> (7 - UInt8(bitIndex & 7))) & 1 == 1
                        bitIndex += 1
                    }
                }
                right -= 2
            }
        }

        /// XORs the data modules with one of the eight mask patterns.
        mutating func apply(mask: Int) {
            for y in 0..<size {
                for x in 0..<size where !isFunction[y][x] {
                    let flip: Bool
                    switch mask {
                    case 0: flip = (x + y) % 2 == 0
                    case 1: flip = y % 2 == 0
                    case 2: flip = x % 3 == 0
                    case 3: flip = (x + y) % 3 == 0
                    case 4: flip = (x / 3 + y / 2) % 2 == 0
                    case 5: flip = x * y % 2 + x * y % 3 == 0
                    case 6: flip = (x * y % 2 + x * y % 3) % 2 == 0
                    default: flip = ((x + y) % 2 + x * y % 3) % 2 == 0
                    }
                    if flip { modules[y][x].toggle() }
                }
            }
        }

        // MARK: Penalty

        /// The specification's penalty score: runs of five or more, 2×2 blocks, finder-like patterns, dark balance.
        var penalty: Int {
            var score = 0
            let columns = (0..<size).map { x in modules.map { $0[x] } }
            for line in modules + columns {
                score += Self.runPenalty(line) + Self.finderLikePenalty(line)
            }
            for y in 0..<(size - 1) {
                for x in 0..<(size - 1) {
                    let colour = modules[y][x]
                    if modules[y][x + 1] == colour, modules[y + 1][x] == colour, modules[y + 1][x + 1] == colour { score += 3 }
                }
            }
            let dark = modules.reduce(0) { $0 + $1.filter { $0 }.count }
            let total = size * size
            let deviation = abs(dark * 20 - total * 10)
            score += (deviation / total) * 10
            return score
        }

        static func runPenalty(_ line: [Bool]) -> Int {
            var score = 0
            var run = 1
            for index in 1..<line.count {
                if line[index] == line[index - 1] {
                    run += 1
                } else {
                    if run >= 5 { score += run - 2 }
                    run = 1
                }
            }
            if run >= 5 { score += run - 2 }
            return score
        }

        static let finderLike: [Bool] = [true, false, true, true, true, false, true]

        /// 40 for each 1:1:3:1:1 dark pattern with four light modules (or the edge) on one side.
        static func finderLikePenalty(_ line: [Bool]) -> Int {
            var score = 0
            guard line.count >= 7 else { return 0 }
            for start in 0...(line.count - 7) where Array(line[start..<start + 7]) == finderLike {
                let before = (max(0, start - 4)..<start).allSatisfy { !line[$0] }
                let after = (start + 7..<min(line.count, start + 11)).allSatisfy { !line[$0] }
                if before || after { score += 40 }
            }
            return score
        }
    }
}
