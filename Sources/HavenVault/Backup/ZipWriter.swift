import Foundation

/// A ZIP archive of stored (uncompressed) entries with UTF-8 names, built in memory: what an export needs, readable by
/// every unzip tool and spreadsheet-friendly operating system.
public struct ZipWriter {
    private var body = Data()
    private var directory = Data()
    private var count: UInt16 = 0

    /// An archive larger than plain ZIP holds (4 GiB, 65,535 entries): refused rather than written wrong.
    public struct TooLarge: Error {}

    public init() {}

    /// Adds a file.
    public mutating func add(_ name: String, data: Data, modified: Date = Date()) throws {
        let nameBytes = Data(name.utf8)
        guard count < UInt16.max, nameBytes.count < Int(UInt16.max),
            body.count + 30 + nameBytes.count + data.count < Int(UInt32.max),
            directory.count + 46 + nameBytes.count < Int(UInt32.max)
        else { throw TooLarge() }
        // The fields both headers share, from "version needed" to "extra field length".
        var common = Data()
        let (time, date) = Self.dosTime(modified)
        common.append(le16: 20)
        common.append(le16: 0x0800)
        common.append(le16: 0)
        common.append(le16: time)
        common.append(le16: date)
        common.append(le32: CRC32.checksum(data))
        common.append(le32: UInt32(data.count))
        common.append(le32: UInt32(data.count))
        common.append(le16: UInt16(nameBytes.count))
        common.append(le16: 0)
        let offset = UInt32(body.count)
        body.append(le32: 0x0403_4b50)
        body.append(common)
        body.append(nameBytes)
        body.append(data)
        directory.append(le32: 0x0201_4b50)
        directory.append(le16: 0x0314)
        directory.append(common)
        directory.append(le16: 0)
        directory.append(le16: 0)
        directory.append(le16: 0)
        directory.append(le32: 0o100600 << 16)
        directory.append(le32: offset)
        directory.append(nameBytes)
        count += 1
    }

    /// The archive's bytes.
    public var data: Data {
        var end = Data()
        end.append(le32: 0x0605_4b50)
        end.append(le16: 0)
        end.append(le16: 0)
        end.append(le16: count)
        end.append(le16: count)
        end.append(le32: UInt32(directory.count))
        end.append(le32: UInt32(body.count))
        end.append(le16: 0)
        return body + directory + end
    }

    private static func dosTime(_ date: Date) -> (time: UInt16, date: UInt16) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let year = min(2107, max(1980, parts.year ?? 1980))
        let time = UInt16((parts.hour ?? 0) << 11 | (parts.minute ?? 0) << 5 | (parts.second ?? 0) / 2)
        let day = UInt16((year - 1980) << 9 | (parts.month ?? 1) << 5 | (parts.day ?? 1))
        return (time, day)
    }
}
