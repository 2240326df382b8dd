package io.ringlog.tools;

import io.ringlog.engine.journal.JournalRecord;

/** Where {@link JournalQuery} delivers the selected records: an output, a statistics collector, a forwarder. */
public interface RecordSink
{
    /**
     * One selected record, valid only during the call.
     *
     * @return false to stop the query (the output was closed, a limit was reached).
     */
    boolean accept(long index, JournalRecord record, byte[] bytes, int rawOffset);

    /** A damaged record that was skipped: its index and a one-line reason. */
    void damaged(long index, String reason);

    /**
     * {@code count} damaged records from {@code index} on: 1 for a record that failed its checks, more for records
     * the journal's index holds but Chronicle cannot reach (a zeroed page); the reason names file and offsets.
     */
    default void damaged(long index, long count, String reason)
    {
        damaged(index, reason);
    }

    /**
     * The query has caught up with the journal's end (when following) or is about to return: the moment to flush.
     *
     * @return false to stop the query.
     */
    boolean idle();
}
