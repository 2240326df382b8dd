package io.ringlog.tools;

import io.ringlog.engine.event.Field;
import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.journal.JournalRecord;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which records a command reads: journalctl's selectors as one predicate over the record header and fields.
 * Different selectors AND together; a selector given several times ORs its values ({@code -H a -H b}: host a or
 * host b). Fields are compared as bytes, so a record that no selector mentions costs a few header reads and no
 * allocation; only {@code --grep} decodes the message to text.
 *
 * <p>The receipt-time bounds are also used by {@link JournalQuery} to seek (the journal is in receipt order);
 * they are checked here too, so they hold exactly whatever the search found. With {@link #byMessageTime} they
 * apply to the sender's timestamp instead, which has no order, so the whole journal is scanned.
 */
public final class Selection
{
    /** Inclusive receipt (or message) time bounds, epoch nanos. */
    long sinceNanos = Long.MIN_VALUE;
    long untilNanos = Long.MAX_VALUE;
    boolean byMessageTime;
    /** Bit s set: severity s selected; -1 (all bits) = no severity selector. */
    int severityMask = -1;
    int facilityMask = -1;
    /** Any bit in common with the record's tags; 0 = no tag selector. */
    long tagMask;
    final List<byte[]> hosts = new ArrayList<>();
    final List<byte[]> apps = new ArrayList<>();
    final List<byte[]> msgIds = new ArrayList<>();
    final List<SourceSpec> sources = new ArrayList<>();
    private Matcher grep;

    /** Selects every record. */
    public static Selection all()
    {
        return new Selection();
    }

    public Selection since(final long nanos)
    {
        sinceNanos = nanos;
        return this;
    }

    public Selection until(final long nanos)
    {
        untilNanos = nanos;
        return this;
    }

    public Selection byMessageTime(final boolean value)
    {
        byMessageTime = value;
        return this;
    }

    /** ORs in a {@code -p} value ({@link SyslogNames#priorityMask(String)}). */
    public Selection priority(final int mask)
    {
        severityMask = severityMask == -1 ? mask : severityMask | mask;
        return this;
    }

    public Selection facility(final int mask)
    {
        facilityMask = facilityMask == -1 ? mask : facilityMask | mask;
        return this;
    }

    public Selection tagBit(final int bit)
    {
        tagMask |= 1L << bit;
        return this;
    }

    public Selection host(final String host)
    {
        hosts.add(host.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public Selection app(final String app)
    {
        apps.add(app.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public Selection msgId(final String msgId)
    {
        msgIds.add(msgId.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public Selection source(final SourceSpec source)
    {
        sources.add(source);
        return this;
    }

    /** Several patterns OR together, as one alternation. */
    public Selection grep(final Pattern pattern)
    {
        grep = grep == null ? pattern.matcher("") :
            Pattern.compile("(?:" + grep.pattern().pattern() + ")|(?:" + pattern.pattern() + ")",
                grep.pattern().flags() & pattern.flags()).matcher("");
        return this;
    }

    /**
     * journalctl's smart case: a pattern with no upper-case letter matches case-insensitively.
     *
     * @throws IllegalArgumentException with the regex error on one line.
     */
    public static Pattern compileGrep(final String regex)
    {
        final boolean insensitive = regex.chars().noneMatch(Character::isUpperCase);
        try
        {
            return Pattern.compile(regex, insensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        }
        catch (final java.util.regex.PatternSyntaxException e)
        {
            throw new IllegalArgumentException("bad regular expression '" + regex + "': " + e.getDescription() +
                (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
        }
    }

    /** True when the receipt-time bounds can be found by binary search. */
    boolean seeksByReceiptTime()
    {
        return !byMessageTime && (sinceNanos != Long.MIN_VALUE || untilNanos != Long.MAX_VALUE);
    }

    /** True when {@code record} (its raw bytes at {@code bytes[rawOffset...]}) is selected. */
    public boolean matches(final JournalRecord record, final byte[] bytes, final int rawOffset)
    {
        if (sinceNanos != Long.MIN_VALUE || untilNanos != Long.MAX_VALUE)
        {
            final long t = byMessageTime ? record.timestampEpochNanos() : record.receivedAtNanos();
            if (t == LogEvent.NO_TIMESTAMP || t < sinceNanos || t > untilNanos)
            {
                return false;
            }
        }
        if (severityMask != -1)
        {
            final int s = record.severity();
            if (s < 0 || (severityMask & 1 << s) == 0)
            {
                return false;
            }
        }
        if (facilityMask != -1)
        {
            final int f = record.facility();
            if (f < 0 || (facilityMask & 1 << f) == 0)
            {
                return false;
            }
        }
        if (tagMask != 0 && (record.tags() & tagMask) == 0)
        {
            return false;
        }
        if (!fieldIsOneOf(record, Field.HOSTNAME, hosts, bytes, rawOffset) ||
            !fieldIsOneOf(record, Field.APP_NAME, apps, bytes, rawOffset) ||
            !fieldIsOneOf(record, Field.MSG_ID, msgIds, bytes, rawOffset))
        {
            return false;
        }
        if (!sources.isEmpty() && !sourceMatches(record))
        {
            return false;
        }
        return grep == null || grepMatches(record, bytes, rawOffset);
    }

    private boolean sourceMatches(final JournalRecord record)
    {
        for (int i = 0; i < sources.size(); i++)
        {
            if (sources.get(i).matches(record))
            {
                return true;
            }
        }
        return false;
    }

    private boolean grepMatches(final JournalRecord record, final byte[] bytes, final int rawOffset)
    {
        final String text = record.hasField(Field.MESSAGE) ?
            new String(bytes, rawOffset + record.fieldOffset(Field.MESSAGE), record.fieldLength(Field.MESSAGE),
                StandardCharsets.UTF_8) :
            new String(bytes, rawOffset, record.rawLength(), StandardCharsets.UTF_8);
        return grep.reset(text).find();
    }

    private static boolean fieldIsOneOf(
        final JournalRecord record, final int field, final List<byte[]> values, final byte[] bytes, final int rawOffset)
    {
        if (values.isEmpty())
        {
            return true;
        }
        if (!record.hasField(field))
        {
            return false;
        }
        final int offset = rawOffset + record.fieldOffset(field);
        final int length = record.fieldLength(field);
        for (int v = 0; v < values.size(); v++)
        {
            final byte[] value = values.get(v);
            if (value.length == length && java.util.Arrays.equals(bytes, offset, offset + length, value, 0, length))
            {
                return true;
            }
        }
        return false;
    }
}
