import Foundation

/// A bounded, blocking hand-over between one producer thread and one consumer: the producer
/// waits while `capacity` elements are in flight, so memory stays flat whatever the input's size.
///
/// The producer ends with `finish(_:)` (an error is delivered after the elements sent before it);
/// the consumer may `cancel()` at any time, after which `send` returns false and the producer stops.
final class Channel<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    /// A ring of `capacity` slots: `count` elements from `head` on. A received element's slot is
    /// cleared at once, so nothing already handed over is kept.
    private var ring: [Element?]
    private var head = 0
    private var count = 0
    private let capacity: Int
    private var finished = false
    private var failure: XLSXError?
    private var cancelled = false

    init(capacity: Int) {
        precondition(capacity > 0, "capacity must be positive")
        self.capacity = capacity
        ring = Array(repeating: nil, count: capacity)
    }

    /// Hands `element` over, waiting while the channel is full. Returns false when the consumer
    /// has cancelled: the producer should stop.
    func send(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while count == capacity && !cancelled {
            condition.wait()
        }
        if cancelled { return false }
        ring[(head + count) % capacity] = element
        count += 1
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
        while count == 0 && !finished && !cancelled {
            condition.wait()
        }
        if count > 0, let element = ring[head] {
            ring[head] = nil
            head = (head + 1) % capacity
            count -= 1
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
        ring = Array(repeating: nil, count: capacity)
        head = 0
        count = 0
        condition.broadcast()
    }

    var isCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return cancelled
    }
}
