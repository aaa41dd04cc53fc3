import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Settings of the pdmon process itself, made once at its start.
public enum ProcessTuning {
    /// Asks glibc's malloc for one arena (`mallopt(M_ARENA_MAX, 1)`, looked up at run time:
    /// Swift's Glibc module does not import `malloc.h`). A workbook's XML is parsed on a helper
    /// thread, and the arena glibc gives that thread kept freed memory that grew with the sheet:
    /// peak RSS 46 MB at 10 000 rows and 55 MB at 100 000 with the default arenas, 44 and 51 MB
    /// with one, at the same load time (bench/NOTES.md). pdmon has no allocation-heavy parallel
    /// work that more arenas would speed up. A no-op where malloc is not glibc's.
    public static func useOneMallocArena() {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let arenaMax: Int32 = -8  // M_ARENA_MAX in glibc's malloc.h
        guard let process = dlopen(nil, RTLD_NOW), let symbol = dlsym(process, "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(arenaMax, 1)
        #endif
    }
}
