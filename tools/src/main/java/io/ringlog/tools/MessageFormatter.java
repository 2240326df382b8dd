package io.ringlog.tools;

import io.ringlog.engine.event.Field;
import io.ringlog.engine.journal.JournalRecord;

/** {@code -o cat}: only the message text (the raw message when no MESSAGE was found), escaped for a terminal. */
public final class MessageFormatter implements RecordFormatter
{
    @Override
    public void format(
        final long index, final JournalRecord record, final byte[] bytes, final int rawOffset, final ByteBuilder out)
    {
        if (record.hasField(Field.MESSAGE))
        {
            TerminalText.append(
                bytes, rawOffset + record.fieldOffset(Field.MESSAGE), record.fieldLength(Field.MESSAGE), out);
        }
        else
        {
            TerminalText.append(bytes, rawOffset, record.rawLength(), out);
        }
        out.append('\n');
    }
}
