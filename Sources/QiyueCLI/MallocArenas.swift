import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The number of glibc malloc arenas of a long-running process (`qiyue serve --malloc-arenas`).
///
/// glibc gives threads that meet contention an arena of their own, up to eight per core, and each
/// keeps its free memory: a server's resident size then steps up whenever one more NIO or worker
/// thread gets an arena, and stays there (the soak of `scripts/service/soak.sh` saw 80 → 85 MiB in
/// its first minute, flat after it; 74 → 76 MiB with two arenas). A small fixed number keeps it
/// flat. `MALLOC_ARENA_MAX` in the environment, read by glibc itself, takes precedence.
enum MallocArenas {
    /// Sets glibc's arena limit to `count` (0 leaves glibc's default); false where that is not
    /// possible (not glibc, or `MALLOC_ARENA_MAX` is set).
    @discardableResult
    static func limit(to count: Int) -> Bool {
        guard count > 0, ProcessInfo.processInfo.environment["MALLOC_ARENA_MAX"] == nil else { return false }
        #if canImport(Glibc)
        // mallopt is declared in <malloc.h>, which the Glibc module does not import.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let arenaMax: Int32 = -8  // M_ARENA_MAX
        return mallopt(arenaMax, Int32(clamping: count)) == 1
        #else
        return false
        #endif
    }
}
