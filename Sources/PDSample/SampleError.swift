/// What can go wrong when generating sample exports. Every description says what happened
/// and what to do, in Russian and English.
public enum SampleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An academic year that could not be read (`value`), with the reason (in Russian / English).
    case invalidAcademicYear(value: String, reason: String)
    /// An option outside its allowed range, with the reason (in Russian / English).
    case invalidOption(name: String, value: String, reason: String)
    /// The output folder or a file in it could not be created or written.
    case outputFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidAcademicYear(value, reason):
            return "Учебный год «\(value)» не распознан / academic year '\(value)' is not valid: \(reason). "
                + "Укажите год как 2021-2022 или диапазон 2019-2020..2023-2024 / write it as 2021-2022 or a range 2019-2020..2023-2024."
        case let .invalidOption(name, value, reason):
            return "Недопустимое значение / invalid value \(name)=\(value): \(reason)."
        case let .outputFailed(path, reason):
            return "Не удалось записать \(path): \(reason). Проверьте, что папка доступна для записи и на диске есть место. "
                + "/ Could not write \(path): \(reason). Check that the folder is writable and the disk has space."
        }
    }
}
