import Foundation
import Logging
import PDCSV
import PDContract
import PDPostgres
@testable import PDWarehouse

/// A migrated test database, a scratch folder for export files and a loader with a test key.
final class LoadFixture {
    static let key = "test-pseudonym-key-0123456789"
    let db: TestDatabase
    let folder: URL
    private(set) var connection: Connection

    /// `admin`: the superuser URL of another server than scripts/test's (`OwnServer`).
    init(admin: String? = nil) throws {
        db = try admin.map { try TestDatabase(admin: $0) } ?? TestDatabase()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("pdmon-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        connection = try db.connect()
    }

    deinit {
        connection.close()
        try? FileManager.default.removeItem(at: folder)
    }

    /// A new connection in place of one the server dropped (a test that stopped the server).
    func reconnect() throws {
        connection.close()
        connection = try db.connect()
    }

    func loader() -> Loader {
        Loader(conninfo: db.url, sql: TestDatabase.sqlDirectory,
               pseudonymizer: try! Pseudonymizer(key: Self.key), logger: Logger(label: "test"))
    }

    /// Writes a file; `cp1251` encodes it as Windows-1251, else UTF-8.
    @discardableResult
    func write(_ name: String, _ text: String, cp1251: Bool = false) throws -> String {
        let url = folder.appendingPathComponent(name)
        let bytes = cp1251 ? CP1251.encode(text) : Array(text.utf8)
        try Data(bytes).write(to: url)
        return url.path
    }

    func load(_ path: String, kind: ExportKind? = nil, ratio: Double = 0.05, force: Bool = false, dryRun: Bool = false,
              year: AcademicYear? = nil) throws -> LoadOutcome {
        let loader = loader()
        defer { loader.close() }
        return try loader.load(LoadRequest(path: path, kind: kind, explicitYear: year, maxRejectRatio: ratio,
                                           dryRun: dryRun, force: force))
    }

    func count(_ sql: SQL, _ parameters: [String?] = []) throws -> Int {
        try connection.execute(sql, parameters).scalarInt ?? -1
    }

    func rows(_ sql: SQL, _ parameters: [String?] = []) throws -> [[String?]] {
        try connection.execute(sql, parameters).rows
    }

    /// The directory every other file refers to.
    func loadSchools() throws {
        let path = try write("schools.csv", """
            school_code,name,school_type,is_base_school,municipality
            S01,Средняя школа № 1,general,да,Город
            S02,Гимназия № 2,general,нет,Город
            S03,Детский сад № 3,preschool,нет,Город
            """)
        let outcome = try load(path, kind: .schools)
        precondition(outcome.status == .loaded, outcome.summaryLine)
    }

    /// The enrolments of the test city as (natural values), independent of surrogate keys.
    func enrolmentFacts() throws -> [[String?]] {
        try rows("""
            select y.label, s.school_code, encode(t.teacher_pseudonym, 'hex'), c.course_title, c.program_kind, c.hours, c.delivery,
                   fa.code, c.provider, c.funding, f.start_date_key, f.end_date_key, f.staff_category, f.position,
                   f.subject, f.status, f.is_requested_by_school, f.has_certificate
            from dw.fact_course_enrolment f
            inner join dw.dim_academic_year y on y.academic_year_key = f.academic_year_key
            inner join dw.dim_school s on s.school_key = f.school_key
            inner join dw.dim_teacher t on t.teacher_key = f.teacher_key
            inner join dw.dim_course c on c.course_key = f.course_key
            left join dw.dim_deficit_area fa on fa.deficit_area_key = c.focus_area_key
            order by 1, 2, 3, 4, 11
            """)
    }

    func censusFacts() throws -> [[String?]] {
        try rows("""
            select y.label, s.school_code, encode(t.teacher_pseudonym, 'hex'), f.position, f.staff_category, f.subject,
                   f.experience_years, f.qualification_category, f.has_deficit_diagnostic, f.has_individual_route,
                   f.mentoring_role, f.is_methodological_asset, f.network_communities, f.is_subject_club_member,
                   f.has_interregional, f.conferences, f.seminars, f.webinars, f.internships, f.publications,
                   (select string_agg(a.code, ',' order by a.code) from dw.bridge_teacher_year_deficit b
                    inner join dw.dim_deficit_area a on a.deficit_area_key = b.deficit_area_key
                    where b.teacher_key = f.teacher_key and b.academic_year_key = f.academic_year_key),
                   (select string_agg(r.code, ',' order by r.code) from dw.bridge_teacher_year_expert_role b
                    inner join dw.dim_expert_role r on r.expert_role_key = b.expert_role_key
                    where b.teacher_key = f.teacher_key and b.academic_year_key = f.academic_year_key)
            from dw.fact_teacher_year f
            inner join dw.dim_academic_year y on y.academic_year_key = f.academic_year_key
            inner join dw.dim_school s on s.school_key = f.school_key
            inner join dw.dim_teacher t on t.teacher_key = f.teacher_key
            order by 1, 2, 3
            """)
    }
}

/// Small, readable export files for the loader tests: the same data in the two shapes real
/// exports come in (Russian headers, ';', dd.mm.yyyy, Windows-1251 vs canonical UTF-8 ',').
enum ExportText {
    /// 3 000 Cyrillic letters in no repeating order: more than a btree index row can hold even
    /// compressed, so PostgreSQL refuses it as a course title (SQLSTATE 54000).
    static let unindexableTitle: String = {
        let letters = Array("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
        var state: UInt64 = 42
        return String((0..<3000).map { _ -> Character in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return letters[Int(state >> 33) % letters.count]
        })
    }()

    static let enrolmentsCanonical = #"""
        academic_year,school_code,teacher_id,full_name,position,staff_category,subject,course_title,program_kind,hours,delivery,focus_area,provider,funding,requested_by_school,start_date,end_date,status,certificate_no
        2023-2024,S01,123-456-789 01,Иванова Мария Петровна,учитель,teaching,математика,Формирование функциональной грамотности,advanced_training,36,distance,methodological,ЦНППМ,state_assignment,yes,2023-10-02,2023-10-20,completed,УД-0001
        2023-2024,S01,123-456-789 01,Иванова Мария Петровна,учитель,teaching,математика,"Цифровая образовательная среда: ""ЦОС""",advanced_training,72,blended,digital,ИРО,paid,no,2024-01-15,2024-02-15,in_progress,
        2023-2024,S02,987-654-321 00,Петров Пётр Петрович,директор,,,Управление школой,retraining,520,in_person,,Университет,state_assignment,,2023-09-11,2024-05-30,completed,ПП-77
        """#

    static let enrolmentsRussian = #"""
        Учебный год;Код ОО;СНИЛС;ФИО;Должность;Категория работника;Предмет;Наименование программы;Вид программы;Объём, часов;Форма обучения;Направленность;Образовательная организация;Источник финансирования;По заявке ОО;Дата начала;Дата окончания;Статус;Номер удостоверения
        2023/24;S01;12345678901;Иванова Мария Петровна;учитель;педагогический;математика;Формирование функциональной грамотности;КПК;36;ДОТ;Методические;ЦНППМ;бюджет;да;02.10.2023;20.10.2023;Завершено;УД-0001
        2023/24;S01;123 456 789 01;Иванова Мария Петровна;учитель;Педагогический;математика;"Цифровая образовательная среда: ""ЦОС""";ПК;72;очно-заочная;цифровые;ИРО;платно;нет;15.01.2024;15.02.2024;обучается;
        2023/24;S02;987-654-321-00;Петров Пётр Петрович;директор;;;Управление школой;Профессиональная переподготовка;520;очно;;Университет;госзадание;;11.09.2023;30.05.2024;окончил;ПП-77
        """#

    static let surveyCanonical = #"""
        academic_year,school_code,teacher_id,full_name,position,staff_category,subject,experience_years,qualification_category,deficit_diagnostic,deficits,individual_route,mentoring_role,expert_roles,methodological_asset,network_communities,subject_club,interregional,conferences,seminars,webinars,internships,publications
        2023-2024,S01,123-456-789 01,Иванова Мария Петровна,учитель,teaching,математика,2,first,yes,methodological|digital,yes,mentee,,no,1,yes,no,1,0,2,0,0
        2023-2024,S02,987-654-321 00,Петров Пётр Петрович,директор,leadership,,25,highest,yes,,no,mentor,attestation|exam_commission,yes,0,no,yes,0,1,0,1,3
        """#

    static let surveyRussian = #"""
        Учебный год;Код ОО;Идентификатор педагога;ФИО;Должность;Категория работника;Предмет;Педагогический стаж;Квалификационная категория;Диагностика профессиональных дефицитов;Выявленные дефициты;ИОМ;Наставничество;Экспертная деятельность;Методический актив;Сетевые сообщества;Предметный клуб;Межрегиональное взаимодействие;Конференции;Семинары;Вебинары;Стажировки;Публикации
        2023-2024;S01;12345678901;Иванова Мария Петровна;учитель;;математика;2;Первая;да;цифровые, методические;+;наставляемый;;нет;1;да;;1;;2;;
        2023-2024;S02;98765432100;Петров Пётр Петрович;директор;руководящий;;25;высшая;да;;нет;наставник;"Аттестация; ЕГЭ";есть;0;нет;да;0;1;0;1;3
        """#
}
