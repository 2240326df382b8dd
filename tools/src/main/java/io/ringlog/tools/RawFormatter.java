package io.ringlog.tools;

import io.ringlog.engine.journal.JournalRecord;

/** {@code -o raw}: the message bytes exactly as received, each followed by LF; nothing escaped. */
public final class RawFormatter implements RecordFormatter
{
    @Override
    public void format(
        final long index, final JournalRecord record, final byte[] bytes, final int rawOffset, final ByteBuilder out)
    {
        out.append(bytes, rawOffset, record.rawLength()).append('\n');
    }
}
