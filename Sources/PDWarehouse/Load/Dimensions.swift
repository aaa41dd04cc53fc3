import Foundation
import PDContract
import PDPostgres

/// Hands out surrogate keys from a dimension's identity sequence, a block at a time.
///
/// Keys come through a second connection because the loader's own connection is busy streaming
/// COPY; sequences are not transactional, so a rolled-back load only leaves gaps.
final class KeyAllocator {
    private let connection: Connection
    private let sequence: String
    private let nextKeys: SQL
    private var available: [Int] = []
    private let blockSize: Int

    init(connection: Connection, sql: SQLDirectory, table: String, column: String, blockSize: Int = 1000) throws {
        self.connection = connection
        self.blockSize = blockSize
        let result = try connection.execute(try sql.statement("load/dimensions/identity_sequence.sql"), [table, column])
        guard let sequence = result.value(0, 0) else {
            throw PostgresError(kind: .query, message: "\(table).\(column) has no identity sequence")
        }
        self.sequence = sequence
        nextKeys = try sql.statement("load/dimensions/next_keys.sql")
    }

    func next() throws -> Int {
        if available.isEmpty {
            let result = try connection.execute(nextKeys, [sequence, String(blockSize)])
            available = result.rows.compactMap { $0[0].flatMap { Int($0) } }.reversed()
        }
        return available.removeLast()
    }
}

/// The members of a course dimension row, as the loader keys it.
///
/// Equal and hashed by the UTF-8 bytes of its texts, as PostgreSQL's unique constraint compares
/// them: Swift's own String hashing normalises non-ASCII text (NFC) first, which made this
/// per-row lookup of Cyrillic titles one of the loader's largest costs.
struct CourseMember: Hashable {
    var title: String
    var programKind: String?
    var hours: Int?
    var delivery: String?
    var focusAreaKey: Int?
    var provider: String?
    var funding: String?

    static func == (left: CourseMember, right: CourseMember) -> Bool {
        left.hours == right.hours && left.focusAreaKey == right.focusAreaKey
            && sameBytes(left.title, right.title) && sameBytes(left.programKind, right.programKind)
            && sameBytes(left.delivery, right.delivery) && sameBytes(left.provider, right.provider)
            && sameBytes(left.funding, right.funding)
    }

    func hash(into hasher: inout Hasher) {
        Self.combineBytes(title, into: &hasher)
        Self.combineBytes(programKind, into: &hasher)
        hasher.combine(hours)
        Self.combineBytes(delivery, into: &hasher)
        hasher.combine(focusAreaKey)
        Self.combineBytes(provider, into: &hasher)
        Self.combineBytes(funding, into: &hasher)
    }

    private static func sameBytes(_ left: String?, _ right: String?) -> Bool {
        switch (left, right) {
        case (nil, nil): return true
        case (var left?, var right?):
            return left.withUTF8 { a in
                right.withUTF8 { b in a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0) }
            }
        default: return false
        }
    }

    private static func combineBytes(_ text: String?, into hasher: inout Hasher) {
        guard var text else { return hasher.combine(0 as UInt8) }
        hasher.combine(1 as UInt8)
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(text.utf8.count)
    }
}

/// A teacher's pseudonym as its 32 bytes: the HMAC-SHA256 that the validators write as 64
/// lower-case hex characters and `dw.dim_teacher.teacher_pseudonym` stores as `bytea`
/// (migration 0130). The loader's teacher map is keyed by their first 16 bytes (`Prefix`), not
/// by the 64-character strings (~100 bytes with their heap object): the map grows with the
/// teachers of a region's warehouse and file, so this is most of a large load's memory.
struct PseudonymBytes: Hashable {
    let word0: UInt64, word1: UInt64, word2: UInt64, word3: UInt64

    /// nil unless `hex` is exactly 64 hex digits.
    init?(hex: String) {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var count = 0
        for byte in hex.utf8 {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            guard count < 64 else { return nil }
            switch count / 16 {
            case 0: words.0 = words.0 << 4 | UInt64(digit)
            case 1: words.1 = words.1 << 4 | UInt64(digit)
            case 2: words.2 = words.2 << 4 | UInt64(digit)
            default: words.3 = words.3 << 4 | UInt64(digit)
            }
            count += 1
        }
        guard count == 64 else { return nil }
        (word0, word1, word2, word3) = words
    }

    /// The 64 lower-case hex digits.
    var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes = [UInt8]()
        bytes.reserveCapacity(64)
        for word in [word0, word1, word2, word3] {
            for shift in stride(from: 60, through: 0, by: -4) { bytes.append(digits[Int((word >> UInt64(shift)) & 0xF)]) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension PseudonymBytes {
    /// The teacher map's key: the pseudonym's first 16 bytes. Two teachers whose HMAC-SHA256
    /// pseudonyms share 128 bits do not occur (a chance of about n² / 2¹²⁹: 10⁻²⁷ for a million
    /// teachers; the duplicate check relies on 128-bit fingerprints the same way), and 16 bytes a
    /// key keep the map at 24 bytes an entry.
    struct Prefix: Hashable {
        let word0: UInt64, word1: UInt64
    }

    var prefix: Prefix { Prefix(word0: word0, word1: word1) }
}

/// Dimension keys resolved in the client: dimensions are small, so the loader reads them once,
/// gives new members keys from their sequences, and inserts the new members before the merge.
final class DimensionKeys {
    private(set) var schools: [String: Int] = [:]
    /// Teachers by pseudonym (`PseudonymBytes.Prefix`); a pseudonym that is not 64 hex digits
    /// (none is: they are HMACs) would go to `otherTeachers`.
    private var teachers: [PseudonymBytes.Prefix: Int] = [:]
    private var otherTeachers: [String: Int] = [:]
    private(set) var courses: [CourseMember: Int] = [:]
    private(set) var deficitAreas: [String: Int] = [:]
    /// The indicators and recommendation rules a measure may answer (`load/dimensions/measure_aims.sql`).
    private(set) var measureAims = MeasureAims(indicators: [], rules: [:])
    /// The catalogued indicators: id → whether its unit is percent (a targets row names one).
    private(set) var indicators: [String: Bool] = [:]
    private(set) var newTeachers: [(key: Int, pseudonym: String)] = []
    private var newTeacherBytes: [(key: Int, pseudonym: PseudonymBytes)] = []
    private(set) var newCourses: [(key: Int, member: CourseMember)] = []
    private var teacherKeys: KeyAllocator?
    private var courseKeys: KeyAllocator?

    /// Reads the current school versions (code → key); enough for validation and dry runs.
    init(connection: Connection, sql: SQLDirectory) throws {
        for row in try connection.execute(try sql.statement("load/dimensions/current_schools.sql")).rows {
            if let code = row[0], let key = row[1].flatMap({ Int($0) }) { schools[code] = key }
        }
        for row in try connection.execute(try sql.statement("load/dimensions/deficit_areas.sql")).rows {
            if let code = row[0], let key = row[1].flatMap({ Int($0) }) { deficitAreas[code] = key }
        }
        var indicators: Set<String> = []
        var rules: [String: String?] = [:]
        for row in try connection.execute(try sql.statement("load/dimensions/measure_aims.sql")).rows {
            guard let code = row[1] else { continue }
            if row[0] == "rule" { rules[code] = .some(row[2]) } else { indicators.insert(code) }
        }
        measureAims = MeasureAims(indicators: indicators, rules: rules)
        for row in try connection.execute(try sql.statement("load/dimensions/indicators.sql")).rows {
            if let id = row[0] { self.indicators[id] = row[1] == "percent" }
        }
    }

    /// Reads teachers and courses too, and opens key allocation for new members.
    func prepareForWriting(connection: Connection, allocatorConnection: Connection, sql: SQLDirectory) throws {
        for row in try connection.execute(try sql.statement("load/dimensions/teachers.sql")).rows {
            guard let pseudonym = row[0], let key = row[1].flatMap({ Int($0) }) else { continue }
            if let bytes = PseudonymBytes(hex: pseudonym) { teachers[bytes.prefix] = key } else { otherTeachers[pseudonym] = key }
        }
        let courseRows = try connection.execute(try sql.statement("load/dimensions/courses.sql"))
        for row in courseRows.rows {
            guard let key = row[0].flatMap({ Int($0) }), let title = row[1] else { continue }
            let member = CourseMember(
                title: title, programKind: row[2], hours: row[3].flatMap { Int($0) }, delivery: row[4],
                focusAreaKey: row[5].flatMap { Int($0) }, provider: row[6], funding: row[7])
            courses[member] = key
        }
        teacherKeys = try KeyAllocator(
            connection: allocatorConnection, sql: sql, table: "dw.dim_teacher", column: "teacher_key")
        courseKeys = try KeyAllocator(
            connection: allocatorConnection, sql: sql, table: "dw.dim_course", column: "course_key")
    }

    func teacherKey(_ pseudonym: String) throws -> Int {
        let bytes = PseudonymBytes(hex: pseudonym)
        if let bytes, let key = teachers[bytes.prefix] { return key }
        if bytes == nil, let key = otherTeachers[pseudonym] { return key }
        guard let allocator = teacherKeys else { preconditionFailure("prepareForWriting first") }
        let key = try allocator.next()
        if let bytes {
            teachers[bytes.prefix] = key
            newTeacherBytes.append((key, bytes))
        } else {
            otherTeachers[pseudonym] = key
            newTeachers.append((key, pseudonym))
        }
        return key
    }

    /// Whether this batch met teachers not yet in `dw.dim_teacher`.
    var hasNewTeachers: Bool { !newTeachers.isEmpty || !newTeacherBytes.isEmpty }

    func courseKey(_ member: CourseMember) throws -> Int {
        if let key = courses[member] { return key }
        guard let allocator = courseKeys else { preconditionFailure("prepareForWriting first") }
        let key = try allocator.next()
        courses[member] = key
        newCourses.append((key, member))
        return key
    }

    /// Inserts the members met for the first time in this batch (inside the batch's transaction).
    /// The new teachers' batch reference is checked once for the COPY
    /// (`load/dimensions/check_new_teachers.sql`; migration 0130 dropped the row-by-row foreign
    /// key): a missing batch throws `PostgresError` (exit 3) and the batch is rolled back.
    func insertNewMembers(connection: Connection, sql: SQLDirectory, batchKey: Int) throws {
        if hasNewTeachers {
            try connection.copyIn(try sql.statement("load/dimensions/copy_new_teachers.sql")) { writer in
                var row = CopyRow()
                func write(_ key: Int, _ pseudonymHex: String) throws {
                    row.reset()
                    row.int(key)
                    row.byteaHex(pseudonymHex)
                    row.int(batchKey)
                    row.end()
                    try writer.write(row.bytes)
                }
                for teacher in newTeacherBytes { try write(teacher.key, teacher.pseudonym.hex) }
                for teacher in newTeachers { try write(teacher.key, teacher.pseudonym) }
            }
            let missing = try connection.execute(
                try sql.statement("load/dimensions/check_new_teachers.sql"), [String(batchKey)]).scalarInt ?? 0
            guard missing == 0 else {
                throw PostgresError(kind: .query, message: "the new teachers name batch \(batchKey), which dw.etl_batch does not"
                    + " hold; the batch was rolled back / пакет \(batchKey) новых педагогов не найден в dw.etl_batch, пакет отменён")
            }
        }
        if !newCourses.isEmpty {
            try connection.copyIn(try sql.statement("load/dimensions/copy_new_courses.sql")) { writer in
                var row = CopyRow()
                for course in newCourses {
                    row.reset()
                    row.int(course.key)
                    row.text(course.member.title)
                    row.text(course.member.programKind)
                    row.int(course.member.hours)
                    row.text(course.member.delivery)
                    row.int(course.member.focusAreaKey)
                    row.text(course.member.provider)
                    row.text(course.member.funding)
                    row.end()
                    try writer.write(row.bytes)
                }
            }
        }
    }
}
