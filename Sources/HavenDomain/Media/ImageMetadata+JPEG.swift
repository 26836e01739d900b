/// JPEG: segments are kept or dropped by marker, the compressed scans copied as they are, and everything after the
/// end-of-image marker (a second "multi-picture" image with its own EXIF) dropped.
extension ImageMetadata {
    static func strippedJPEG(_ bytes: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = [0xFF, 0xD8]
        var insertAt = 2
        var orientation: Int?
        var index = 2
        var sawScan = false
        while index < bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            var markerIndex = index + 1
            while markerIndex < bytes.count, bytes[markerIndex] == 0xFF { markerIndex += 1 }
            guard markerIndex < bytes.count else { break }
            let marker = bytes[markerIndex]
            index = markerIndex + 1
            if marker == 0xD9 {
                output += [0xFF, 0xD9]
                return withOrientation(output, orientation, at: insertAt)
            }
            if (0xD0...0xD7).contains(marker) || marker == 0x01 {
                output += [0xFF, marker]
                continue
            }
            guard let length = bytes.bigEndian(index, 2), length >= 2, index + length <= bytes.count else { return nil }
            let segment = Array(bytes[index..<(index + length)])
            let body = segment.dropFirst(2)
            switch marker {
            case 0xE0 where body.starts(with: Array("JFIF\0".utf8)) && body.count >= 14:
                // JFIF without its thumbnail (which may show the uncropped picture).
                let isFirst = output.count == 2
                output += [0xFF, 0xE0, 0x00, 0x10] + body.prefix(12) + [0, 0]
                if isFirst { insertAt = output.count }
            case 0xE1:
                if body.starts(with: Array("Exif\0\0".utf8)) { orientation = orientation ?? exifOrientation(Array(body.dropFirst(6))) }
            case 0xE2 where body.starts(with: Array("ICC_PROFILE\0".utf8)), 0xEE where body.starts(with: Array("Adobe".utf8)):
                output += [0xFF, marker] + segment
            case 0xE0...0xEF, 0xFE:
                break
            default:
                output += [0xFF, marker] + segment
            }
            index += length
            if marker == 0xDA {
                sawScan = true
                var end = index
                while end < bytes.count {
                    if bytes[end] == 0xFF, end + 1 < bytes.count, bytes[end + 1] != 0x00, !(0xD0...0xD7).contains(bytes[end + 1]) { break }
                    end += 1
                }
                output += bytes[index..<end]
                index = end
            }
        }
        // A file cut short after its scans still shows; one cut inside its headers is not an image.
        return sawScan ? withOrientation(output + [0xFF, 0xD9], orientation, at: insertAt) : nil
    }

    /// The orientation tag (0x0112) of EXIF's first directory, when it says anything but "upright" (1).
    static func exifOrientation(_ tiff: [UInt8]) -> Int? {
        guard tiff.count >= 8 else { return nil }
        let little = tiff[0] == 0x49 && tiff[1] == 0x49
        guard little || (tiff[0] == 0x4D && tiff[1] == 0x4D) else { return nil }
        func read(_ offset: Int, _ count: Int) -> Int? {
            guard let value = tiff.bigEndian(offset, count) else { return nil }
            guard little else { return value }
            var swapped = 0
            for shift in 0..<count { swapped = swapped << 8 | (value >> (8 * shift) & 0xFF) }
            return swapped
        }
        guard let directory = read(4, 4), let entries = read(directory, 2), entries < 1000 else { return nil }
        for entry in 0..<entries {
            let at = directory + 2 + entry * 12
            guard let tag = read(at, 2) else { return nil }
            if tag == 0x0112, read(at + 2, 2) == 3, let value = read(at + 8, 2), (2...8).contains(value) { return value }
        }
        return nil
    }

    /// The file with a minimal EXIF segment that holds only the orientation, when there is one to keep.
    static func withOrientation(_ jpeg: [UInt8], _ orientation: Int?, at index: Int) -> [UInt8] {
        guard let orientation else { return jpeg }
        let tiff: [UInt8] =
            Array("MM".utf8) + [0x00, 0x2A, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, UInt8(orientation), 0, 0, 0, 0, 0, 0]
        let body = Array("Exif\0\0".utf8) + tiff
        let segment: [UInt8] = [0xFF, 0xE1, UInt8((body.count + 2) >> 8), UInt8((body.count + 2) & 0xFF)] + body
        return Array(jpeg[..<index]) + segment + jpeg[index...]
    }
}
