/// Masks passwords in text that may quote a connection string (libpq's messages about a
/// malformed URL quote it whole), before the text reaches a terminal, a log or a table.
public enum Redaction {
    /// `text` with every password of `conninfo` replaced by `***`: the password of a URL
    /// (`postgresql://user:secret@host`, percent-encoded or not), a `password=` keyword, and
    /// the same shapes anywhere else in `text`.
    public static func maskingPasswords(in text: String, conninfo: String) -> String {
        var result = text
        for secret in passwords(in: conninfo) where secret.count >= 1 {
            result = result.replacingAll(secret, with: "***")
        }
        return maskingURLPasswords(in: maskingKeywordPasswords(in: result))
    }

    /// The passwords a connection string holds (as written and, for URLs, percent-decoded).
    static func passwords(in conninfo: String) -> [String] {
        var found: [String] = []
        if let userInfo = urlUserInfo(conninfo), let colon = userInfo.firstIndex(of: ":") {
            let raw = String(userInfo[userInfo.index(after: colon)...])
            found.append(raw)
            if let decoded = raw.removingPercentEncodingLeniently, decoded != raw { found.append(decoded) }
        }
        found += keywordValues(named: "password", in: conninfo)
        return found.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
    }

    /// The `user:password` part of a `postgres://` or `postgresql://` URL, up to its last `@`.
    private static func urlUserInfo(_ text: String) -> Substring? {
        guard let scheme = text.range(of: "://") else { return nil }
        let rest = text[scheme.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@") else { return nil }
        return authority[..<at]
    }

    private static func keywordValues(named name: String, in text: String) -> [String] {
        var values: [String] = []
        var search = text[...]
        while let range = search.range(of: name) {
            var index = range.upperBound
            while index < search.endIndex, search[index] == " " { index = search.index(after: index) }
            guard index < search.endIndex, search[index] == "=" else { search = search[range.upperBound...]; continue }
            index = search.index(after: index)
            while index < search.endIndex, search[index] == " " { index = search.index(after: index) }
            var value = ""
            if index < search.endIndex, search[index] == "'" {
                index = search.index(after: index)
                while index < search.endIndex, search[index] != "'" {
                    if search[index] == "\\", search.index(after: index) < search.endIndex { index = search.index(after: index) }
                    value.append(search[index])
                    index = search.index(after: index)
                }
            } else {
                while index < search.endIndex, !search[index].isWhitespace, search[index] != "&" {
                    value.append(search[index])
                    index = search.index(after: index)
                }
            }
            values.append(value)
            search = search[index...]
        }
        return values
    }

    /// `scheme://user:anything@` → `scheme://user:***@` wherever a URL appears in `text`.
    private static func maskingURLPasswords(in text: String) -> String {
        var result = ""
        var rest = text[...]
        while let scheme = rest.range(of: "://") {
            result += rest[..<scheme.upperBound]
            rest = rest[scheme.upperBound...]
            let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "\"" || $0.isWhitespace }) ?? rest.endIndex
            let authority = rest[..<end]
            if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
                result += authority[...colon] + "***" + authority[at...]
                rest = rest[end...]
            }
        }
        return result + rest
    }

    /// `password=anything` → `password=***`.
    private static func maskingKeywordPasswords(in text: String) -> String {
        var result = text
        for value in keywordValues(named: "password", in: text) where !value.isEmpty && value != "***" {
            result = result.replacingAll(value, with: "***")
        }
        return result
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    /// Percent-decoding that leaves a malformed escape as it is (libpq refuses those URLs,
    /// and its message quotes them).
    fileprivate var removingPercentEncodingLeniently: String? {
        var bytes: [UInt8] = []
        var iterator = Array(utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
               let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
