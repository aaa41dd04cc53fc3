import Foundation

/// A bounded, blocking hand-over between one producer thread and one consumer: the producer
/// waits while `capacity` elements are in flight, so memory stays flat whatever the input's size.
///
/// The producer ends with `finish(_:)` (an error is delivered after the elements sent before it);
/// the consumer may `cancel()` at any time, after which `send` returns false and the producer stops.
final class Channel<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var buffer: [Element] = []
    private var head = 0
    private let capacity: Int
    private var finished = false
    private var failure: XLSXError?
    private var cancelled = false

    init(capacity: Int) {
        precondition(capacity > 0, "capacity must be positive")
        self.capacity = capacity
    }

    /// Hands `element` over, waiting while the channel is full. Returns false when the consumer
    /// has cancelled: the producer should stop.
    func send(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while buffer.count - head >= capacity && !cancelled {
            condition.wait()
        }
        if cancelled { return false }
        buffer.append(element)
        condition.broadcast()
        return true
    }

    /// The producer is done: `error` nil for a normal end.
    func finish(_ error: XLSXError?) {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        if failure == nil { failure = error }
        condition.broadcast()
    }

    /// The next element, waiting for it; nil at the end; throws the producer's error once the
    /// elements sent before it have been received.
    func receive() throws(XLSXError) -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while head == buffer.count && !finished && !cancelled {
            condition.wait()
        }
        if head < buffer.count {
            let element = buffer[head]
            head += 1
            if head == buffer.count {
                buffer.removeAll(keepingCapacity: true)
                head = 0
            }
            condition.broadcast()
            return element
        }
        if let failure { throw failure }
        return nil
    }

    /// The consumer is gone: drops what is in flight and wakes a waiting producer.
    func cancel() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        buffer.removeAll()
        head = 0
        condition.broadcast()
    }

    var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }
}
