import Foundation

/// The `--progress` line of a load: rows read, rate and the time left (from bytes read against
/// the file's size), redrawn in place on stderr at most four times a second.
///
/// It draws only when stderr is a terminal; in cron logs and pipes it stays silent.
/// Checking the clock costs little, but it is still done only every 1 024 rows.
struct LoadProgress {
    private let fileName: String
    private let totalBytes: Int
    private let enabled: Bool
    /// Whether it draws at all: `--progress` given and stderr a terminal.
    var isEnabled: Bool { enabled }
    private let started: Date
    private var lastDraw: Date
    private var drewSomething = false
    private var countdown = 1024

    /// The redraw interval: at most this often.
    static let interval: TimeInterval = 0.25

    init(fileName: String, totalBytes: Int, requested: Bool, isTerminal: Bool = isatty(2) == 1) {
        self.fileName = fileName
        self.totalBytes = totalBytes
        self.enabled = requested && isTerminal
        started = Date()
        lastDraw = started
    }

    /// Called once per row; draws when the interval has passed.
    @inline(__always)
    mutating func tick(rows: Int, bytesRead: Int) {
        guard enabled else { return }
        countdown -= 1
        guard countdown <= 0 else { return }
        countdown = 1024
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= Self.interval else { return }
        lastDraw = now
        draw(Self.line(fileName: fileName, rows: rows, bytesRead: bytesRead, totalBytes: totalBytes,
                       elapsed: now.timeIntervalSince(started)))
    }

    /// Says what the load does after reading (the merge can take a while), then ends the line.
    mutating func finishReading(rows: Int) {
        guard enabled, drewSomething else { return }
        let elapsed = Date().timeIntervalSince(started)
        draw(Self.line(fileName: fileName, rows: rows, bytesRead: totalBytes, totalBytes: totalBytes, elapsed: elapsed)
             + " — merging / слияние…")
        FileHandle.standardError.write(Data("\n".utf8))
        drewSomething = false
    }

    private mutating func draw(_ text: String) {
        drewSomething = true
        // \r back to the start of the line, \u{1B}[K clears what a longer line left.
        FileHandle.standardError.write(Data("\r\(text)\u{1B}[K".utf8))
    }

    /// The text of one progress line, e.g.
    /// `enrolments.csv: 412 000 rows, 98 000 rows/s, 41%, ETA 6 s / осталось 6 с`.
    static func line(fileName: String, rows: Int, bytesRead: Int, totalBytes: Int, elapsed: TimeInterval) -> String {
        let rate = elapsed > 0 ? Double(rows) / elapsed : 0
        let share = totalBytes > 0 ? min(1, Double(bytesRead) / Double(totalBytes)) : 1
        var text = "\(fileName): \(grouped(rows)) rows, \(grouped(Int(rate))) rows/s, \(Int(share * 100))%"
        if share > 0, share < 1, elapsed > 0 {
            let left = Int((elapsed / share - elapsed).rounded())
            text += ", ETA \(left) s / осталось \(left) с"
        }
        return text
    }

    /// 1234567 → "1 234 567".
    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(" ") }
            out.append(character)
        }
        return out
    }
}
