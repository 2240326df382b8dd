package io.ringlog.engine.counters;

/**
 * Every count the engine keeps, with a stable id (its slot in the counters file) and label. Append new counters at
 * the end; never renumber or reuse one: {@code ringlog stat} and tests find counters by id.
 *
 * <p>The accounting invariant over these: {@code RECEIVED_TCP + RECEIVED_UDP = JOURNALED + FILTERED + dropped},
 * where dropped is the sum of the {@code DROPPED_*} counters.
 */
public enum Counter
{
    RECEIVED_TCP(0, "received.tcp", "messages received over TCP"),
    RECEIVED_UDP(1, "received.udp", "messages received over UDP"),
    JOURNALED(2, "journaled", "messages appended to the journal"),
    FILTERED(3, "filtered", "messages dropped by the logic rules (min severity)"),
    DROPPED_RING_FULL(4, "dropped.ring_full", "UDP datagrams dropped because the ring was full"),
    DROPPED_OVERFLOW_BUDGET(5, "dropped.overflow_budget", "UDP datagrams dropped: large-message memory budget spent"),
    PARSED_RFC5424(6, "parsed.rfc5424", "messages parsed as RFC 5424"),
    PARSED_RFC3164(7, "parsed.rfc3164", "messages parsed as RFC 3164"),
    UNPARSED(8, "unparsed", "messages journaled with a parse error"),
    BYTES_RECEIVED(9, "bytes.received", "payload bytes read from sockets"),
    TCP_ACCEPTED(10, "tcp.accepted", "TCP connections accepted"),
    TCP_CLOSED(11, "tcp.closed", "TCP connections closed"),
    TCP_FRAMING_ERRORS(12, "tcp.framing_errors", "TCP connections closed for an invalid frame"),
    TRUNCATED(13, "truncated", "messages cut at the maximum message size"),
    TCP_BACKPRESSURE(14, "tcp.backpressure", "times TCP reading paused because the ring was full"),
    HANDLER_ERRORS(15, "handler.errors", "unexpected exceptions in a ring stage (logged once each)"),
    OVERSIZE_SLOTS(16, "slots.overflow", "messages larger than a ring slot (copied to their own array)"),
    TCP_INCOMPLETE_FRAMES(17, "tcp.incomplete_frames", "connections that closed inside a frame (bytes counted, not journaled)"),
    TCP_ACCEPT_PAUSED(18, "tcp.accept_paused", "times accepting paused (connection limit reached, or accept failed: EMFILE)"),
    DROPPED_JOURNAL_ERROR(19, "dropped.journal_error", "messages the journal failed to append (logged once per error)"),
    JOURNAL_SYNCS(20, "journal.syncs", "times the writer forced the journal to disk (durability sync: once per batch)"),
    TCP_IDLE_CLOSED(21, "tcp.idle_closed", "TCP connections closed after listen.idleTimeoutMs without a byte"),
    RETENTION_DELETED_FILES(22, "retention.deleted_files", "journal cycle files deleted by retention (age or size)"),
    RETENTION_DELETED_BYTES(23, "retention.deleted_bytes", "bytes of journal data in the cycle files retention deleted"),
    UDP_KERNEL_DROPS(24, "udp.kernel_drops",
        "UDP datagrams the kernel dropped for ringlogd's socket since start (receive buffer full; /proc/net/udp)"),
    DROPPED_DISK_FULL(25, "dropped.disk_full",
        "UDP datagrams dropped because the journal's free space was below journal.reserveBytes"),
    JOURNAL_DISK_LOW(26, "journal.disk_low",
        "times the listener stopped taking messages: journal free space below journal.reserveBytes"),
    JOURNAL_FREE_BYTES(27, "journal.free_bytes",
        "usable bytes on the journal's file system at the last check (a gauge, read every 100 ms)");

    private final int id;
    private final String label;
    private final String description;

    Counter(final int id, final String label, final String description)
    {
        this.id = id;
        this.label = label;
        this.description = description;
    }

    public int id()
    {
        return id;
    }

    public String label()
    {
        return label;
    }

    public String description()
    {
        return description;
    }

    /** Sum of every {@code DROPPED_*} counter, read through {@code values[id]}. */
    public static long dropped(final long[] values)
    {
        return values[DROPPED_RING_FULL.id] + values[DROPPED_OVERFLOW_BUDGET.id] + values[DROPPED_JOURNAL_ERROR.id] +
            values[DROPPED_DISK_FULL.id];
    }

    /** Sum of the {@code RECEIVED_*} counters. */
    public static long received(final long[] values)
    {
        return values[RECEIVED_TCP.id] + values[RECEIVED_UDP.id];
    }
}
