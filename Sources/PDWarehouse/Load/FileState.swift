import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a file looked like at one moment: its size, modification time (to the nanosecond) and
/// inode. A file whose state changes between the inbox listing, the scan and the end of reading
/// is still being written (or replaced): it is not loaded, and left for the next run.
public struct FileState: Equatable, Sendable {
    public let size: Int64
    public let modifiedSeconds: Int
    public let modifiedNanoseconds: Int
    public let inode: UInt64

    /// The state of `path` now (following no symbolic link), or nil when it cannot be read.
    public static func of(_ path: String) -> FileState? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return FileState(size: Int64(info.st_size), modifiedSeconds: Int(modified.tv_sec),
                         modifiedNanoseconds: Int(modified.tv_nsec), inode: UInt64(info.st_ino))
    }
}

/// The file changed while it was being read (its size, modification time or inode differ
/// from when the run listed or scanned it): it is probably still being written. Nothing of it
/// was loaded and nothing is recorded; `etl run` leaves it in the inbox for the next night.
/// Exit 1, like a refused file.
public struct FileChangedWhileRead: Error, FileRefusalCode, CustomStringConvertible {
    public let fileName: String
    public let before: FileState?
    public let after: FileState?

    public var description: String {
        let sizes: String
        if let before, let after, before.size != after.size {
            sizes = " (\(before.size) → \(after.size) bytes / байт)"
        } else if after == nil {
            sizes = " (it is gone / файл исчез)"
        } else {
            sizes = ""
        }
        return "\(fileName) changed while it was read\(sizes): it is probably still being written; nothing of it was"
            + " loaded, it is left for the next run / файл изменился во время чтения\(sizes): вероятно, его ещё"
            + " записывают; ничего не загружено, файл оставлен до следующего запуска"
    }
}
