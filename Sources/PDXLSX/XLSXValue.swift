/// A cell to write.
public enum XLSXValue: Sendable, Equatable {
    /// Nothing: the cell is left out of the row.
    case empty
    /// A string, kept as text whatever it looks like (codes and ids with leading zeros stay so).
    case text(String)
    /// A whole number, written as a number.
    case integer(Int)
    /// A number, with how it is shown.
    case number(Double, XLSXNumberFormat = .general)
    /// TRUE or FALSE.
    case boolean(Bool)
    /// A date (shown `dd.mm.yyyy`) or a date and time (`dd.mm.yyyy hh:mm:ss`), stored as
    /// Excel's date serial in the 1900 system.
    case date(XLSXDate)
}

/// How a number cell is shown.
public enum XLSXNumberFormat: Hashable, Sendable {
    /// Excel's General.
    case general
    /// `0`, `0.0`, `0.00`… with this many decimals.
    case decimal(Int)
    /// `0%`, `0.0%`… with this many decimals: the cell holds the fraction (0.25 shows 25%).
    case percent(Int)
    /// Any format code, e.g. `# ##0" ч."`.
    case custom(String)

    /// The format code and, for Excel's built-in formats, its id.
    var code: (builtInID: Int?, code: String) {
        switch self {
        case .general: return (0, "General")
        case .decimal(let places):
            if places <= 0 { return (1, "0") }
            if places == 2 { return (2, "0.00") }
            return (nil, "0." + String(repeating: "0", count: places))
        case .percent(let places):
            if places <= 0 { return (9, "0%") }
            if places == 2 { return (10, "0.00%") }
            return (nil, "0." + String(repeating: "0", count: places) + "%")
        case .custom(let code):
            return (nil, code)
        }
    }
}

/// A calendar date with an optional time of day, as a spreadsheet cell holds it.
public struct XLSXDate: Hashable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int
    public let hour: Int
    public let minute: Int
    public let second: Int

    /// Nil when no such day or time exists, or the year is outside 1900…9999 (Excel's dates).
    public init?(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        guard (1900...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= XLSXDate.daysIn(month: month, year: year),
              (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Whether the time of day is not midnight.
    public var hasTime: Bool { hour != 0 || minute != 0 || second != 0 }

    /// Excel's serial in the 1900 date system (days since 30.12.1899, with its fictitious 29.02.1900).
    public var serial: Double {
        CellText.serial(year: year, month: month, day: day, seconds: hour * 3600 + minute * 60 + second)
    }

    /// `dd.mm.yyyy`, with ` HH:MM:SS` when there is a time: the text the reader gives back.
    public var description: String {
        CellText.date(serial: serial, kind: .date, uses1904: false) ?? ""
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
