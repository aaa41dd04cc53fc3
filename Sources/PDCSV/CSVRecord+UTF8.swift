extension CSVRecord {
    /// The index of the first field whose bytes are not valid UTF-8, or nil (always nil for a
    /// record that is not UTF-8). A loader asks only when the file's scan found such lines
    /// (`UTF8Validator.LineEvidence`), so a clean file never pays for it.
    public func firstFieldWithInvalidUTF8() -> Int? {
        guard encoding == .utf8, count > 0 else { return nil }
        let total = storage.ends[count - 1]
        guard total > 0 else { return nil }
        // One pass over the whole record; the fields are looked at only when it fails.
        var validator = UTF8Validator()
        validator.feed(UnsafeRawBufferPointer(start: storage.bytes, count: total))
        if validator.finish() { return nil }
        for index in 0..<count where !withBytes(at: index, { UTF8Validator.isValid($0) }) {
            return index
        }
        return nil
    }

    /// Field `index` shown for a report: valid UTF-8 as text, every byte that is not UTF-8 as
    /// `\xCA` (upper-case hex), so the value is printable and shows what the file holds.
    public func printableString(at index: Int) -> String {
        withBytes(at: index) { field in CSVRecord.printable(field) }
    }

    /// `bytes` as text with each byte that is not part of a valid UTF-8 sequence shown as `\xNN`.
    public static func printable(_ bytes: UnsafeRawBufferPointer) -> String {
        var text = ""
        var index = 0
        while index < bytes.count {
            let length = sequenceLength(bytes, at: index)
            if length > 0 {
                text += String(decoding: UnsafeRawBufferPointer(rebasing: bytes[index..<(index + length)]), as: UTF8.self)
                index += length
            } else {
                let hex = String(bytes[index], radix: 16, uppercase: true)
                text += "\\x" + (hex.count == 1 ? "0" + hex : hex)
                index += 1
            }
        }
        return text
    }

    /// The length of the valid UTF-8 sequence at `index` (1 for ASCII), or 0 when none starts there.
    private static func sequenceLength(_ bytes: UnsafeRawBufferPointer, at index: Int) -> Int {
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 0
        }
        guard index + length <= bytes.count,
              UTF8Validator.isValid(UnsafeRawBufferPointer(rebasing: bytes[index..<(index + length)])) else { return 0 }
        return length
    }
}
