import Foundation

/// The header block of every document (`recommend`, `brief` in HTML, DOCX, PDF, Markdown):
/// for whom and by whom, the period, how fresh the data are, and the document's date.
public struct DocumentHeader: Sendable, Hashable {
    /// Who issues the document: `PDMON_ORGANISATION` (e.g. «МКУ «Городской методический
    /// центр»»); a neutral default when not configured.
    public var organisation: String
    /// For whom: the city, or a school's code and name.
    public var addressee: String?
    /// The period the document covers: an academic year label (`2023-2024`).
    public var period: String
    /// The last batch the data come from (`etl history`): its number and when it was loaded
    /// (`YYYY-MM-DD HH:MM`); nil when nothing was loaded.
    public var dataAsOf: (batch: Int, loadedAt: String)?
    /// The document's date, `YYYY-MM-DD`.
    public var date: String

    public init(organisation: String, addressee: String? = nil, period: String, dataAsOf: (batch: Int, loadedAt: String)?, date: String) {
        self.organisation = organisation
        self.addressee = addressee
        self.period = period
        self.dataAsOf = dataAsOf
        self.date = date
    }

    /// A header for a document made now: `organisation` (else `PDMON_ORGANISATION`, else a
    /// neutral default), the date `PDMON_DOCUMENT_DATE` (`YYYY-MM-DD`, for reproducible
    /// documents and tests) or today's.
    public static func current(organisation: String?, addressee: String? = nil, period: String,
                               dataAsOf: (batch: Int, loadedAt: String)?, language: ReportLanguage,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> DocumentHeader {
        let configured = organisation ?? environment["PDMON_ORGANISATION"]
        let date: String
        if let fixed = environment["PDMON_DOCUMENT_DATE"], !fixed.isEmpty {
            date = fixed
        } else {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = "yyyy-MM-dd"
            date = formatter.string(from: Date())
        }
        return DocumentHeader(organisation: configured.flatMap { $0.isEmpty ? nil : $0 } ?? defaultOrganisation(language),
                              addressee: addressee, period: period, dataAsOf: dataAsOf, date: date)
    }

    /// A copy addressed to `addressee`.
    public func addressed(to addressee: String?) -> DocumentHeader {
        var copy = self
        copy.addressee = addressee
        return copy
    }

    /// The organisation when `PDMON_ORGANISATION` is not set.
    public static func defaultOrganisation(_ language: ReportLanguage) -> String {
        language == .ru ? "Методическая служба" : "Methodological service"
    }

    /// `2024-05-17` → `17.05.2024` in Russian; unchanged in English.
    public static func civilDate(_ iso: String, language: ReportLanguage) -> String {
        let parts = iso.prefix(10).split(separator: "-")
        guard language == .ru, parts.count == 3 else { return iso }
        return "\(parts[2]).\(parts[1]).\(parts[0])" + iso.dropFirst(10)
    }

    /// The block's lines as (label, value), in `language`.
    public func lines(_ language: ReportLanguage) -> [(label: String, value: String)] {
        let ru = language == .ru
        var lines: [(String, String)] = [(ru ? "Организация" : "Organisation", organisation)]
        if let addressee { lines.append((ru ? "Для кого" : "For", addressee)) }
        lines.append((ru ? "Период" : "Period", ru ? "\(period) учебный год" : "academic year \(period)"))
        let asOf: String
        if let dataAsOf {
            asOf = ru ? "\(Self.civilDate(dataAsOf.loadedAt, language: language)) (пакет загрузки № \(dataAsOf.batch))"
                : "\(dataAsOf.loadedAt) (load batch \(dataAsOf.batch))"
        } else {
            asOf = ru ? "данные не загружались" : "nothing loaded"
        }
        lines.append((ru ? "Данные на" : "Data as of", asOf))
        lines.append((ru ? "Дата документа" : "Document date", Self.civilDate(date, language: language)))
        return lines
    }

    public static func == (lhs: DocumentHeader, rhs: DocumentHeader) -> Bool {
        lhs.organisation == rhs.organisation && lhs.addressee == rhs.addressee && lhs.period == rhs.period
            && lhs.dataAsOf?.batch == rhs.dataAsOf?.batch && lhs.dataAsOf?.loadedAt == rhs.dataAsOf?.loadedAt && lhs.date == rhs.date
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(organisation)
        hasher.combine(addressee)
        hasher.combine(period)
        hasher.combine(dataAsOf?.batch)
        hasher.combine(date)
    }
}
