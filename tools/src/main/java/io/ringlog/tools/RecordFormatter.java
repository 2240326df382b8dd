package io.ringlog.tools;

import io.ringlog.engine.journal.JournalRecord;

/**
 * Turns one journal record into one output line. Implementations keep their scratch state between calls and
 * allocate nothing per record on the common path, so a dump runs at the speed of the journal. Single-threaded.
 */
public interface RecordFormatter
{
    /**
     * Appends the record, newline included, to {@code out}.
     *
     * @param index     the record's Chronicle index.
     * @param record    the record, already wrapped and CRC-checked.
     * @param bytes     an array holding the record's raw message bytes ...
     * @param rawOffset ... starting here; a field's bytes are at {@code rawOffset + record.fieldOffset(field)}.
     * @param out       where the line goes.
     */
    void format(long index, JournalRecord record, byte[] bytes, int rawOffset, ByteBuilder out);
}
