import CLibPQ

/// Asks the server to cancel whatever a connection is running (`PQcancel`), from any thread —
/// also from a signal handler: libpq documents `PQcancel` as safe there, and the error buffer
/// is allocated in advance, so `cancel()` allocates nothing.
///
/// Made by `Connection.cancelHandle()`; stays valid after the connection closes (cancelling
/// then does nothing useful). A cancelled statement fails with SQLSTATE 57014.
public final class CancelHandle: @unchecked Sendable {
    private let pointer: OpaquePointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private static let errorBufferSize: Int32 = 256

    fileprivate init(_ pointer: OpaquePointer) {
        self.pointer = pointer
        errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(Self.errorBufferSize))
        errorBuffer.initialize(repeating: 0, count: Int(Self.errorBufferSize))
    }

    deinit {
        PQfreeCancel(pointer)
        errorBuffer.deallocate()
    }

    /// Sends the cancel request; `true` when it was sent (the server may still have finished first).
    @discardableResult
    public func cancel() -> Bool {
        PQcancel(pointer, errorBuffer, Self.errorBufferSize) == 1
    }
}

extension Connection {
    /// A handle that cancels this connection's running statement from another thread or a
    /// signal handler; nil when the connection is closed.
    public func cancelHandle() -> CancelHandle? {
        guard let handle = rawHandleForCancel, let cancel = PQgetCancel(handle) else { return nil }
        return CancelHandle(cancel)
    }
}
