#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only file descriptor that closes itself. Reads retry on EINTR.
final class POSIXFile {
    let path: String
    private let descriptor: Int32

    init(path: String) throws(CSVError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw .cannotOpen(path: path, reason: POSIXFile.message(errno))
        }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw .cannotOpen(path: path, reason: POSIXFile.message(EISDIR))
        }
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Reads up to `count` bytes into `destination`; returns 0 only at end of file.
    func read(into destination: UnsafeMutableRawPointer, count: Int) throws(CSVError) -> Int {
        while true {
            let result = systemRead(descriptor, destination, count)
            if result >= 0 { return result }
            if errno == EINTR { continue }
            throw .readFailed(path: path, reason: POSIXFile.message(errno))
        }
    }

    /// The file's size in bytes, when the system reports one.
    func size() -> Int? {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    /// Reads up to `count` bytes at `offset` without moving the read position (`pread`).
    func read(at offset: Int, into destination: UnsafeMutableRawPointer, count: Int) throws(CSVError) -> Int {
        while true {
            let result = pread(descriptor, destination, count, off_t(offset))
            if result >= 0 { return result }
            if errno == EINTR { continue }
            throw .readFailed(path: path, reason: POSIXFile.message(errno))
        }
    }

    private static func message(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "errno \(code)" }
        return String(cString: text)
    }
}

/// The C `read`, out of reach of the method of the same name.
private func systemRead(_ descriptor: Int32, _ destination: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, destination, count)
}
