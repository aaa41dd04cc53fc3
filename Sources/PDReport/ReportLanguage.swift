/// The language of report titles, column captions and indicator names.
/// Russian is the default: it is the users' language.
public enum ReportLanguage: String, Sendable, Equatable, Hashable, CaseIterable {
    case ru
    case en

    /// The language used when none is asked for.
    public static let defaultLanguage: ReportLanguage = .ru

    /// Parses a `--lang` value (`ru`, `en`, case-insensitive, also `rus`/`russian`/`eng`/`english`).
    public init?(argument: String) {
        switch argument.lowercased() {
        case "ru", "rus", "russian", "русский": self = .ru
        case "en", "eng", "english": self = .en
        default: return nil
        }
    }
}

/// One piece of user-facing text in both languages.
public struct Caption: Sendable, Equatable, Hashable {
    public var ru: String
    public var en: String

    public init(ru: String, en: String) {
        self.ru = ru
        self.en = en
    }

    /// The text in `language`.
    public func text(in language: ReportLanguage) -> String {
        switch language {
        case .ru: ru
        case .en: en
        }
    }
}

/// The catalogue of translated report titles, column captions and small words,
/// kept as data: a dictionary from caption id to its Russian and English text.
/// Column captions are keyed by the column's SQL name, so `ResultTable.localized(_:)`
/// translates any column the catalogue knows. Titles use `title.*` ids.
public enum ReportCatalogue {
    /// Every caption, keyed by id.
    public static let captions: [String: Caption] = [
        // Columns.
        "academic_year": Caption(ru: "Учебный год", en: "Academic year"),
        "school_code": Caption(ru: "Код ОО", en: "School code"),
        "school_name": Caption(ru: "Наименование ОО", en: "School"),
        "school": Caption(ru: "ОО", en: "School"),
        "municipality": Caption(ru: "Муниципалитет", en: "Municipality"),
        "indicator": Caption(ru: "Показатель", en: "Indicator"),
        "indicator_id": Caption(ru: "Код показателя", en: "Indicator id"),
        "indicator_name": Caption(ru: "Показатель", en: "Indicator"),
        "name": Caption(ru: "Название", en: "Name"),
        "name_ru": Caption(ru: "Название (рус.)", en: "Name (Russian)"),
        "name_en": Caption(ru: "Название (англ.)", en: "Name (English)"),
        "description": Caption(ru: "Описание", en: "Description"),
        "unit": Caption(ru: "Единица", en: "Unit"),
        "direction": Caption(ru: "Лучше, когда", en: "Better when"),
        "numerator": Caption(ru: "Числитель", en: "Numerator"),
        "denominator": Caption(ru: "Знаменатель", en: "Denominator"),
        "value": Caption(ru: "Значение", en: "Value"),
        "base_value": Caption(ru: "Базовый год", en: "Base year value"),
        "target_value": Caption(ru: "Целевой год", en: "Target year value"),
        "base_year": Caption(ru: "Базовый год", en: "Base year"),
        "target_year": Caption(ru: "Целевой год", en: "Target year"),
        "change": Caption(ru: "Изменение", en: "Change"),
        "change_pp": Caption(ru: "Изменение, п. п.", en: "Change, pp"),
        "change_hours": Caption(ru: "Изменение, ч", en: "Change, h"),
        "change_unit": Caption(ru: "Ед. изменения", en: "Change unit"),
        "mark": Caption(ru: "Оценка", en: "Mark"),
        "rank_base": Caption(ru: "Место (база)", en: "Rank (base)"),
        "rank_target": Caption(ru: "Место (цель)", en: "Rank (target)"),
        "goal_value": Caption(ru: "Цель программы", en: "Programme target"),
        "goal_gap": Caption(ru: "Отставание от цели", en: "Gap to target"),
        "parameters": Caption(ru: "Параметры", en: "Parameters"),
        "report": Caption(ru: "Отчёт", en: "Report"),
        "subject": Caption(ru: "Предмет", en: "Subject"),
        "deficit_area": Caption(ru: "Область дефицита", en: "Deficit area"),
        "teachers": Caption(ru: "Педагогов", en: "Teachers"),
        "teachers_due": Caption(ru: "Нужен курс", en: "Due a course"),
        "leaders_due": Caption(ru: "Руководителей", en: "Leaders due"),
        "deficits_unaddressed": Caption(ru: "Дефициты не закрыты", en: "Deficits not addressed"),
        "priority": Caption(ru: "Приоритет", en: "Priority"),
        "rule": Caption(ru: "Правило", en: "Rule"),
        "recommendation": Caption(ru: "Рекомендация", en: "Recommendation"),
        "evidence": Caption(ru: "Обоснование", en: "Evidence"),
        "rank": Caption(ru: "Место", en: "Rank"),
        "in_top": Caption(ru: "Главная", en: "In the top"),
        "theme": Caption(ru: "Тема", en: "Theme"),
        "why": Caption(ru: "Почему", en: "Why"),
        // Titles.
        "title.report_list": Caption(ru: "Отчёты", en: "Reports"),
        "title.indicator_list": Caption(ru: "Показатели", en: "Indicators"),
        "title.indicators": Caption(ru: "Показатели мониторинга", en: "Monitoring indicators"),
        "title.trend": Caption(ru: "Динамика показателя", en: "Indicator trend"),
        "title.compare": Caption(ru: "Сравнение лет", en: "Year comparison"),
        "title.recommend": Caption(ru: "Адресные рекомендации", en: "Targeted recommendations"),
        "title.plan": Caption(ru: "План-заказ КПК", en: "Course plan-order"),
        // Words.
        "city": Caption(ru: "Город", en: "City"),
        "total": Caption(ru: "Итого", en: "Total"),
        "table.no_rows": Caption(ru: "Нет данных: ни одна строка не подходит под заданные условия.", en: "No data: no row matches the request."),
        "bool.true": Caption(ru: "да", en: "yes"),
        "bool.false": Caption(ru: "нет", en: "no"),
        "direction.higher": Caption(ru: "выше", en: "higher"),
        "direction.lower": Caption(ru: "ниже", en: "lower"),
        "unit.percent": Caption(ru: "%", en: "%"),
        "unit.hours": Caption(ru: "ч", en: "h"),
        "unit.pp": Caption(ru: "п. п.", en: "pp"),
        "caveat.small_denominator": Caption(
            ru: "* знаменатель меньше 10: процент неустойчив",
            en: "* denominator under 10: the percentage is unstable"
        ),
    ]

    /// The caption `id` in `language`, or `nil` when the catalogue has no such id.
    public static func lookup(_ id: String, in language: ReportLanguage) -> String? {
        captions[id]?.text(in: language)
    }

    /// The caption `id` in `language`, or `id` itself when the catalogue has no such id.
    public static func text(_ id: String, in language: ReportLanguage) -> String {
        lookup(id, in: language) ?? id
    }
}
