/// Parsers of single values that are not coded: integers and list splitting.
public enum ValueParsers {
    /// The outcome of reading an integer cell.
    public enum IntegerValue: Equatable, Sendable {
        /// Nothing but whitespace.
        case empty
        case value(Int)
        /// Digits too many to be any count we accept (more than 9): reported as out of range.
        case tooLarge
        /// Not a whole number.
        case invalid
    }

    /// Reads a whole number; spaces, NBSP and thin spaces may separate thousands (`1 200`),
    /// a leading `+` or `-` is allowed. Decimals, letters and lone signs are invalid.
    public static func integer(_ text: String) -> IntegerValue {
        var value = 0
        var digits = 0
        var negative = false
        var signSeen = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39:
                if digits >= 9 {
                    digits += 1
                    continue
                }
                value = value * 10 + Int(scalar.value - 0x30)
                digits += 1
            case 0x2D, 0x2B, 0x2212:
                guard digits == 0, !signSeen else { return .invalid }
                signSeen = true
                negative = scalar.value != 0x2B
            default:
                guard TextFold.isSpace(scalar) else { return .invalid }
                if signSeen && digits == 0 { return .invalid }
            }
        }
        if digits == 0 { return signSeen ? .invalid : .empty }
        if digits > 9 { return .tooLarge }
        return .value(negative ? -value : value)
    }

    /// The characters that separate the items of a list cell.
    public static let listSeparators: Set<Character> = [",", ";", "|"]

    /// Splits a list cell on `,`, `;` and `|`, folding each item and dropping empty items.
    public static func listItems(_ text: String) -> [String] {
        var items: [String] = []
        var current = ""
        for character in text {
            if character == "," || character == ";" || character == "|" {
                let folded = TextFold.fold(current)
                if !folded.isEmpty { items.append(folded) }
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(character)
            }
        }
        let folded = TextFold.fold(current)
        if !folded.isEmpty { items.append(folded) }
        return items
    }

    /// Splits a list cell whose options may themselves contain a separator, as form services
    /// write multi-select answers (`Психолого-педагогические (работа с детьми с ОВЗ, инклюзия),
    /// Цифровые (ИКТ)`): at each item, the declared spellings in `whole` (folded, longest first)
    /// are tried first and taken whole when one fills the text up to a separator or the end;
    /// otherwise the item runs to the next separator. Items come back folded.
    public static func listItems(_ text: String, keepingWhole whole: [String]) -> [String] {
        guard !whole.isEmpty else { return listItems(text) }
        let folded = Array(TextFold.fold(text).utf8)
        let spellings = whole.map { Array($0.utf8) }
        func isSeparator(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "|")
        }
        var items: [String] = []
        var index = 0
        let end = folded.count
        while index < end {
            while index < end, isSeparator(folded[index]) || folded[index] == 0x20 { index += 1 }
            guard index < end else { break }
            var matched: [UInt8]?
            for spelling in spellings where index + spelling.count <= end
                && folded[index..<(index + spelling.count)].elementsEqual(spelling) {
                var after = index + spelling.count
                while after < end, folded[after] == 0x20 { after += 1 }
                if after == end || isSeparator(folded[after]) {
                    matched = spelling
                    break
                }
            }
            if let matched {
                items.append(String(decoding: matched, as: UTF8.self))
                index += matched.count
                continue
            }
            var stop = index
            while stop < end, !isSeparator(folded[stop]) { stop += 1 }
            var last = stop
            while last > index, folded[last - 1] == 0x20 { last -= 1 }
            if last > index { items.append(String(decoding: folded[index..<last], as: UTF8.self)) }
            index = stop
        }
        return items
    }
}

