package io.ringlog.bench.latency;

import io.ringlog.bench.load.MessageLayout;
import io.ringlog.engine.journal.JournalReader;
import io.ringlog.engine.journal.JournalRecord;

import java.nio.file.Path;

/**
 * Follows a ringlog journal with a Chronicle tailer in this process: a record is visible once the engine's
 * writer has appended it. The stamps are read from the record's raw bytes at the layout's offsets.
 */
final class JournalFollower implements StoreFollower
{
    private static final int MAX_PER_POLL = 4096;

    private final JournalReader reader;
    private final MessageLayout layout;

    /** The journal must exist (the rig waits until the engine has journaled its start marker). */
    JournalFollower(final Path journal, final MessageLayout layout)
    {
        this.reader = new JournalReader(journal).toStart();
        this.layout = layout;
    }

    @Override
    public int poll(final LatencyRecorder recorder)
    {
        int n = 0;
        while (n < MAX_PER_POLL)
        {
            final JournalRecord r = reader.next();
            if (r == null)
            {
                break;
            }
            final long now = System.nanoTime();
            if (r.rawLength() == layout.messageBytes())
            {
                recorder.record(layout.sequence(r.buffer(), r.rawOffset()), layout.scheduled(r.buffer(),
                    r.rawOffset()), now);
            }
            else
            {
                recorder.foreign();
            }
            n++;
        }
        return n;
    }

    @Override
    public void close()
    {
        reader.close();
    }
}
