/// What can stop a document from being written (`--format xlsx|docx|pdf`, `--per-school`).
/// Every case is a usage or configuration problem (exit 2): the fix is an option, a folder
/// or a program to install.
public enum DocumentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `--format pdf` and neither headless Chromium nor LibreOffice is installed.
    case noPDFConverter(searched: [String])
    /// The converter ran and failed (its exit status and the end of what it printed).
    case conversionFailed(tool: String, status: Int32, output: String)
    /// A binary format (xlsx, docx, pdf) asked for without `--out` while stdout is a terminal.
    case binaryToTerminal(format: String)
    /// `--per-school` needs `--out DIR`.
    case perSchoolNeedsFolder
    /// The document or folder cannot be written.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .noPDFConverter(let searched):
            return "Для --format pdf нужен Chromium (headless) или LibreOffice, но ни один не найден (искали: "
                + searched.joined(separator: ", ") + "). Установите, например: apt-get install chromium или "
                + "apt-get install libreoffice-writer-nogui, либо укажите программу в PDMON_PDF_CONVERTER; "
                + "или выберите --format docx / html. / --format pdf needs headless Chromium or LibreOffice and neither "
                + "was found (searched: " + searched.joined(separator: ", ") + "). Install one (apt-get install chromium, or "
                + "apt-get install libreoffice-writer-nogui), or name the program in PDMON_PDF_CONVERTER; or use --format docx / html."
        case .conversionFailed(let tool, let status, let output):
            return "Преобразование в PDF (\(tool)) не удалось, код \(status): \(output) / PDF conversion with \(tool) failed "
                + "with status \(status): \(output)"
        case .binaryToTerminal(let format):
            return "--format \(format) — файл, а не текст: укажите --out ФАЙЛ или перенаправьте вывод в файл. / "
                + "--format \(format) writes a file, not text: give --out FILE or redirect the output."
        case .perSchoolNeedsFolder:
            return "--per-school пишет по файлу на ОО: укажите папку, --out ПАПКА. / --per-school writes one file per "
                + "school: give a folder with --out DIR."
        case .cannotWrite(let path, let reason):
            return "Не удалось записать \(path): \(reason) / Cannot write \(path): \(reason)"
        }
    }
}
