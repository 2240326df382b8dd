package io.ringlog.tools;

import io.ringlog.engine.counters.Counter;
import io.ringlog.engine.counters.CountersFile;

/**
 * Renders a {@link CountersFile.Snapshot} for {@code ringlog stat}, as aligned text or as one JSON object. The
 * clock is a parameter so that "running" can be tested: an engine is running when its heartbeat is set and at most
 * {@link #HEARTBEAT_TIMEOUT_MS} old.
 */
public final class CountersReport
{
    /** The engine stamps its heartbeat about once a second; five missed beats mean it is gone. */
    public static final long HEARTBEAT_TIMEOUT_MS = 5_000;

    private final CountersFile.Snapshot snapshot;
    private final long nowMs;

    public CountersReport(final CountersFile.Snapshot snapshot, final long nowMs)
    {
        this.snapshot = snapshot;
        this.nowMs = nowMs;
    }

    public boolean isRunning()
    {
        return snapshot.heartbeatMs != 0 && nowMs - snapshot.heartbeatMs <= HEARTBEAT_TIMEOUT_MS;
    }

    /**
     * Two aligned columns, label and value: pid, startedAt, running, then every counter by id, and last the
     * accounting line {@code received N = journaled N + filtered N + dropped N}. While events are in the ring the
     * two sides can differ; the line then says {@code !=} and how many are not accounted for yet.
     */
    public String text()
    {
        int width = "startedAt".length();
        for (final Counter c : Counter.values())
        {
            width = Math.max(width, label(c).length());
        }
        final StringBuilder sb = new StringBuilder(1024);
        row(sb, width, "pid", Long.toString(snapshot.pid));
        row(sb, width, "startedAt", startedAt());
        row(sb, width, "running", Boolean.toString(isRunning()));
        for (final Counter c : Counter.values())
        {
            row(sb, width, label(c), Long.toString(snapshot.get(c)));
        }

        final long received = Counter.received(snapshot.values);
        final long journaled = snapshot.get(Counter.JOURNALED);
        final long filtered = snapshot.get(Counter.FILTERED);
        final long dropped = Counter.dropped(snapshot.values);
        final long accounted = journaled + filtered + dropped;
        sb.append("received ").append(received).append(received == accounted ? " = " : " != ")
            .append("journaled ").append(journaled)
            .append(" + filtered ").append(filtered)
            .append(" + dropped ").append(dropped);
        if (received != accounted)
        {
            sb.append(" (").append(received - accounted).append(" not accounted for yet)");
        }
        return sb.append('\n').toString();
    }

    /** {@code {"pid":..,"startedAt":"..","running":..,"counters":{"received.tcp":N,...}}} and a newline. */
    public String json()
    {
        final ByteBuilder out = new ByteBuilder(2048);
        out.appendAscii("{\"pid\":").append(snapshot.pid).appendAscii(",\"startedAt\":");
        Json.appendString(startedAt(), out);
        out.appendAscii(",\"running\":").appendAscii(Boolean.toString(isRunning())).appendAscii(",\"counters\":{");
        boolean first = true;
        for (final Counter c : Counter.values())
        {
            if (!first)
            {
                out.append(',');
            }
            first = false;
            Json.appendString(label(c), out);
            out.append(':').append(snapshot.get(c));
        }
        out.append('}').append('}').append('\n');
        return out.toString();
    }

    private String startedAt()
    {
        final ByteBuilder out = new ByteBuilder(32);
        new TimeFormat().appendRfc3339Millis(snapshot.startMs, out);
        return out.toString();
    }

    /** The label the file carries for the counter, or this version's label when the file has none. */
    private String label(final Counter c)
    {
        final String fromFile = c.id() < snapshot.labels.length ? snapshot.labels[c.id()] : null;
        return fromFile != null ? fromFile : c.label();
    }

    private static void row(final StringBuilder sb, final int width, final String label, final String value)
    {
        sb.append(label);
        for (int i = label.length(); i < width + 2; i++)
        {
            sb.append(' ');
        }
        sb.append(value).append('\n');
    }
}
