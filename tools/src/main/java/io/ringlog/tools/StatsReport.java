package io.ringlog.tools;

import io.ringlog.engine.config.Severities;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders {@link JournalStats} as a text table or one JSON object. Values that came from messages (hostnames,
 * app names) are escaped for the terminal in text and as JSON strings in JSON, like every other output.
 */
public final class StatsReport
{
    private static final int BAR = 40;

    private final JournalStats stats;
    private final int top;
    private final int bucketMinutes;
    private final TimeFormat time = new TimeFormat();

    /**
     * @param top           how many hostnames, apps and sources to list (the top talkers).
     * @param bucketMinutes 1 or 60; 0 chooses per-hour when the minutes would make more than 180 rows.
     */
    public StatsReport(final JournalStats stats, final int top, final int bucketMinutes)
    {
        this.stats = stats;
        this.top = top;
        this.bucketMinutes = bucketMinutes != 0 ? bucketMinutes : stats.timeline(1).size() > 180 ? 60 : 1;
    }

    public ByteBuilder text()
    {
        final ByteBuilder out = new ByteBuilder(4096);
        out.appendAscii("records ").append(stats.records);
        if (stats.records > 0)
        {
            out.appendAscii(", received from ");
            time.appendRfc3339Nanos(stats.firstReceivedAt, out);
            out.appendAscii(" to ");
            time.appendRfc3339Nanos(stats.lastReceivedAt, out);
        }
        if (stats.damaged > 0)
        {
            out.appendAscii(", ").append(stats.damaged).appendAscii(" damaged skipped");
        }
        out.append('\n');
        section(out, "severity");
        for (int s = 0; s < 9; s++)
        {
            row(out, s < 8 ? Severities.NAMES[s] : "none", stats.severity[s]);
        }
        section(out, "facility");
        for (int f = 0; f < 25; f++)
        {
            row(out, f < 24 ? SyslogNames.FACILITIES[f] : "none", stats.facility[f]);
        }
        talkers(out, "host", stats.hosts);
        talkers(out, "app", stats.apps);
        talkers(out, "source", stats.sources);
        boolean anyTag = false;
        for (int bit = 0; bit < 64; bit++)
        {
            if (stats.tags[bit] > 0)
            {
                if (!anyTag)
                {
                    section(out, "tag (bit)");
                    anyTag = true;
                }
                row(out, Integer.toString(bit), stats.tags[bit]);
            }
        }
        section(out, "timeline (per " + (bucketMinutes == 60 ? "hour" : "minute") + ", receipt time, UTC)");
        final TreeMap<Long, Long> timeline = stats.timeline(bucketMinutes);
        long max = 1;
        for (final long c : timeline.values())
        {
            max = Math.max(max, c);
        }
        for (final Map.Entry<Long, Long> e : timeline.entrySet())
        {
            final int start = out.length();
            appendMinute(e.getKey(), out);
            pad(out, start, 20);
            final String count = Long.toString(e.getValue());
            out.appendAscii(" ".repeat(Math.max(1, 12 - count.length()))).appendAscii(count).append(' ');
            out.appendAscii("#".repeat((int)Math.max(e.getValue() > 0 ? 1 : 0, e.getValue() * BAR / max)));
            out.append('\n');
        }
        return out;
    }

    public ByteBuilder json()
    {
        final ByteBuilder out = new ByteBuilder(4096);
        out.appendAscii("{\"records\":").append(stats.records).appendAscii(",\"damaged\":").append(stats.damaged);
        out.appendAscii(",\"first\":");
        jsonTime(stats.records > 0 ? stats.firstReceivedAt : Long.MIN_VALUE, out);
        out.appendAscii(",\"last\":");
        jsonTime(stats.records > 0 ? stats.lastReceivedAt : Long.MIN_VALUE, out);
        out.appendAscii(",\"severity\":{");
        for (int s = 0; s < 9; s++)
        {
            out.appendAscii(s > 0 ? ",\"" : "\"").appendAscii(s < 8 ? Severities.NAMES[s] : "none")
                .appendAscii("\":").append(stats.severity[s]);
        }
        out.appendAscii("},\"facility\":{");
        for (int f = 0; f < 25; f++)
        {
            out.appendAscii(f > 0 ? ",\"" : "\"").appendAscii(f < 24 ? SyslogNames.FACILITIES[f] : "none")
                .appendAscii("\":").append(stats.facility[f]);
        }
        out.append('}');
        jsonTalkers(out, "host", stats.hosts);
        jsonTalkers(out, "app", stats.apps);
        jsonTalkers(out, "source", stats.sources);
        out.appendAscii(",\"tags\":{");
        boolean first = true;
        for (int bit = 0; bit < 64; bit++)
        {
            if (stats.tags[bit] > 0)
            {
                out.appendAscii(first ? "\"" : ",\"").append(bit).appendAscii("\":").append(stats.tags[bit]);
                first = false;
            }
        }
        out.appendAscii("},\"timeline\":{\"bucket\":\"").appendAscii(bucketMinutes == 60 ? "hour" : "minute")
            .appendAscii("\",\"counts\":[");
        first = true;
        for (final Map.Entry<Long, Long> e : stats.timeline(bucketMinutes).entrySet())
        {
            out.appendAscii(first ? "[\"" : ",[\"");
            appendMinute(e.getKey(), out);
            out.appendAscii("\",").append(e.getValue()).append(']');
            first = false;
        }
        out.appendAscii("]}}\n");
        return out;
    }

    private void jsonTalkers(final ByteBuilder out, final String name, final ByteCounter counter)
    {
        out.appendAscii(",\"").appendAscii(name).appendAscii("s\":{\"distinct\":").append(counter.distinct())
            .appendAscii(",\"top\":[");
        boolean first = true;
        for (final ByteCounter.Entry e : counter.top(top))
        {
            out.appendAscii(first ? "[" : ",[");
            Json.appendString(e.value(), 0, e.value().length, out);
            out.append(',').append(e.count()).append(']');
            first = false;
        }
        out.appendAscii("]}");
    }

    private void jsonTime(final long nanos, final ByteBuilder out)
    {
        if (nanos == Long.MIN_VALUE)
        {
            out.append(Json.NULL);
            return;
        }
        out.append('"');
        time.appendRfc3339Nanos(nanos, out);
        out.append('"');
    }

    private void talkers(final ByteBuilder out, final String name, final ByteCounter counter)
    {
        section(out, name + " (top " + top + " of " + counter.distinct() + ")");
        final List<ByteCounter.Entry> entries = counter.top(top);
        for (final ByteCounter.Entry e : entries)
        {
            final int start = out.length();
            out.append(' ').append(' ');
            TerminalText.append(e.value(), 0, e.value().length, out);
            count(out, start, e.count());
        }
    }

    private void row(final ByteBuilder out, final String label, final long count)
    {
        if (count == 0)
        {
            return;
        }
        final int start = out.length();
        out.appendAscii("  ").appendAscii(label);
        count(out, start, count);
    }

    private void count(final ByteBuilder out, final int lineStart, final long count)
    {
        pad(out, lineStart, 32);
        final String c = Long.toString(count);
        out.appendAscii(" ".repeat(Math.max(1, 12 - c.length()))).appendAscii(c);
        final double percent = stats.records == 0 ? 0 : count * 100.0 / stats.records;
        out.appendAscii(String.format(java.util.Locale.ROOT, " %6.2f%%", percent)).append('\n');
    }

    private static void pad(final ByteBuilder out, final int lineStart, final int width)
    {
        final int used = out.length() - lineStart;
        if (used < width)
        {
            out.appendAscii(" ".repeat(width - used));
        }
    }

    private static void section(final ByteBuilder out, final String title)
    {
        out.append('\n').appendAscii(title).append('\n');
    }

    /** {@code 2026-11-25T04:36Z}: an epoch minute as RFC 3339 without seconds. */
    private void appendMinute(final long epochMinute, final ByteBuilder out)
    {
        final int start = out.length();
        time.appendRfc3339(epochMinute * JournalStats.NANOS_PER_MINUTE, 0, out);
        out.length(out.length() - 4);
        out.append('Z');
        assert out.length() - start == 17;
    }
}
