import CLibPQ

/// The rows of a finished statement, copied out of libpq (values die with `PQclear`).
/// Every value is PostgreSQL's text form; nil is NULL.
public struct QueryResult: Sendable {
    public struct Column: Sendable, Equatable {
        public var name: String
        /// The PostgreSQL type OID (23 int4, 20 int8, 1700 numeric, 25 text, 1082 date, 16 bool, …).
        public var typeOID: UInt32
    }

    public var columns: [Column]
    public var rows: [[String?]]
    /// Rows affected by INSERT/UPDATE/DELETE/COPY (from `PQcmdTuples`), 0 otherwise.
    public var affectedRows: Int

    public init(columns: [Column], rows: [[String?]], affectedRows: Int = 0) {
        self.columns = columns
        self.rows = rows
        self.affectedRows = affectedRows
    }

    init(copying result: OpaquePointer) {
        let columnCount = Int(PQnfields(result))
        let rowCount = Int(PQntuples(result))
        columns = (0..<columnCount).map { index in
            Column(name: String(cString: PQfname(result, Int32(index))), typeOID: PQftype(result, Int32(index)))
        }
        var rows: [[String?]] = []
        rows.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            var values: [String?] = []
            values.reserveCapacity(columnCount)
            for column in 0..<columnCount {
                if PQgetisnull(result, Int32(row), Int32(column)) == 1 {
                    values.append(nil)
                } else {
                    values.append(String(cString: PQgetvalue(result, Int32(row), Int32(column))))
                }
            }
            rows.append(values)
        }
        self.rows = rows
        affectedRows = Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    /// The value at a row and column, nil for NULL or out of range.
    public func value(_ row: Int, _ column: Int) -> String? {
        guard row < rows.count, column < columns.count else { return nil }
        return rows[row][column]
    }

    /// The first value of the first row as an integer (for `select count(*)` and the like).
    public var scalarInt: Int? { value(0, 0).flatMap { Int($0) } }
}
