import Foundation

/// Turns a document into PDF with a converter the user already has (`--format pdf`):
///
/// 1. `PDMON_PDF_CONVERTER`, when set: the path of a Chromium/Chrome or LibreOffice
///    (`soffice`) executable;
/// 2. else the first of `chromium`, `chromium-browser`, `google-chrome`, `google-chrome-stable`
///    on `PATH`: the HTML is printed headless (`--headless --print-to-pdf`), A4 by the page's
///    `@page` rule — the HTML's print styles (page breaks, charts kept whole) apply;
/// 3. else `soffice` or `libreoffice`: the DOCX (when the document has one) or the HTML is
///    converted headless (`--convert-to pdf`) in a private profile folder.
///
/// None installed: `DocumentError.noPDFConverter` (exit 2), naming what was searched.
/// Chromium is preferred because it prints the HTML exactly as the browser shows it;
/// LibreOffice is the one most Russian schools' offices already have.
public enum PDFConverter {
    public enum Tool: Sendable, Equatable {
        case chromium(String)
        case libreOffice(String)

        public var path: String {
            switch self {
            case .chromium(let path), .libreOffice(let path): path
            }
        }
    }

    static let chromiumNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
    static let libreOfficeNames = ["soffice", "libreoffice"]

    /// The converter to use, or nil when none is installed.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> Tool? {
        if let configured = environment["PDMON_PDF_CONVERTER"], !configured.isEmpty,
           FileManager.default.isExecutableFile(atPath: configured) {
            let name = URL(fileURLWithPath: configured).lastPathComponent.lowercased()
            return name.contains("office") ? .libreOffice(configured) : .chromium(configured)
        }
        let path = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        func which(_ names: [String]) -> String? {
            for name in names {
                for folder in path where FileManager.default.isExecutableFile(atPath: folder + "/" + name) { return folder + "/" + name }
            }
            return nil
        }
        if let chromium = which(chromiumNames) { return .chromium(chromium) }
        if let office = which(libreOfficeNames) { return .libreOffice(office) }
        return nil
    }

    /// What `find` looks for, for the error message.
    public static var searched: [String] { ["PDMON_PDF_CONVERTER"] + chromiumNames + libreOfficeNames }

    /// The PDF of `document` (its HTML for Chromium, its DOCX for LibreOffice).
    public static func pdf(_ document: HTMLDocument, tool: Tool? = find()) throws -> [UInt8] {
        guard let tool else { throw DocumentError.noPDFConverter(searched: searched) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pdmon-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("document.pdf")
        switch tool {
        case .chromium(let path):
            let input = folder.appendingPathComponent("document.html")
            try Data(document.render().utf8).write(to: input)
            try run(path, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf-no-header",
                           "--user-data-dir=" + folder.appendingPathComponent("profile").path,
                           "--print-to-pdf=" + output.path, input.absoluteString], tool: "Chromium")
        case .libreOffice(let path):
            let input = folder.appendingPathComponent("document.docx")
            try DOCXRenderer.write(document, to: input.path)
            try convertWithLibreOffice(path, input: input, folder: folder)
        }
        guard let data = FileManager.default.contents(atPath: output.path), data.starts(with: Array("%PDF".utf8)) else {
            throw DocumentError.conversionFailed(tool: tool.path, status: 0, output: "no PDF was written / PDF не создан")
        }
        return Array(data)
    }

    /// Converts a DOCX (or HTML) file to PDF beside it with LibreOffice, headless, in a
    /// private profile (so a running LibreOffice of the user's does not interfere).
    public static func convertWithLibreOffice(_ soffice: String, input: URL, folder: URL) throws {
        let profile = folder.appendingPathComponent("lo-profile")
        try run(soffice, ["-env:UserInstallation=" + profile.absoluteString, "--headless", "--norestore",
                          "--convert-to", "pdf", "--outdir", folder.path, input.path], tool: "LibreOffice")
    }

    static func run(_ executable: String, _ arguments: [String], tool: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: data, as: UTF8.self)
            throw DocumentError.conversionFailed(tool: tool, status: process.terminationStatus, output: String(text.suffix(600)))
        }
    }
}
