/// Where in a file the bad rows go and of which kind. Bad rows are placed after randomly
/// chosen data rows; the plan is sized from the expected number of rows so that bad rows
/// stay at most 2% of a file (a file expected to hold fewer than 50 rows gets none).
struct BadRowPlan {
    /// (after data row number, kind), sorted by row number.
    private(set) var entries: [(afterRow: Int, kind: BadRowKind)]
    private var next = 0

    static let maximumShare = 0.02
    /// Above 20 000 expected rows, each kind appears once more per 20 000 rows.
    static let rowsPerExtraBadRow = 20_000

    init(kinds: [BadRowKind], expectedRows: Int, random: inout SampleRandom) {
        let budget = Int(Double(expectedRows) * BadRowPlan.maximumShare)
        let perKind = max(1, expectedRows / BadRowPlan.rowsPerExtraBadRow)
        let total = min(budget, kinds.count * perKind)
        var entries: [(afterRow: Int, kind: BadRowKind)] = []
        for number in 0..<total {
            // Keep clear of the file's last tenth, so that the rows exist even when the file comes out shorter.
            let row = random.int(in: 0...max(0, expectedRows * 9 / 10 - 1))
            entries.append((row, kinds[number % kinds.count]))
        }
        entries.sort { $0.afterRow != $1.afterRow ? $0.afterRow < $1.afterRow : $0.kind.order < $1.kind.order }
        self.entries = entries
    }

    /// Kinds of the bad rows due after data row `row` (0-based) has been written.
    mutating func due(afterRow row: Int) -> [BadRowKind] {
        var kinds: [BadRowKind] = []
        while next < entries.count && entries[next].afterRow <= row {
            kinds.append(entries[next].kind)
            next += 1
        }
        return kinds
    }

    /// Kinds not yet written (for a file that came out shorter than expected).
    mutating func remaining() -> [BadRowKind] {
        due(afterRow: Int.max)
    }

    /// The planned counts by kind, in `BadRowKind` order.
    var counts: [BadRowCount] {
        BadRowKind.allCases.compactMap { kind in
            let count = entries.filter { $0.kind == kind }.count
            return count > 0 ? BadRowCount(kind: kind, count: count) : nil
        }
    }
}

extension BadRowKind {
    /// Position in `allCases`, for stable ordering.
    var order: Int { BadRowKind.allCases.firstIndex(of: self) ?? 0 }
}
