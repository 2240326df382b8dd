package io.ringlog.engine.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;

/**
 * Read-only, sequential access to journal records for tools and tests: a thin shell over a Chronicle tailer that
 * hands out each record through one reused {@link JournalRecord} flyweight. Single-threaded.
 */
public final class JournalReader implements AutoCloseable
{
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
    private final JournalRecord record = new JournalRecord();
    private byte[] scratch = new byte[4096];
    private long index = -1;

    public JournalReader(final Path dir)
    {
        this.queue = Journal.openReadOnly(dir);
        this.tailer = queue.createTailer();
    }

    public JournalReader toStart()
    {
        tailer.direction(TailerDirection.FORWARD).toStart();
        return this;
    }

    public JournalReader toEnd()
    {
        tailer.toEnd();
        return this;
    }

    public JournalReader direction(final TailerDirection direction)
    {
        tailer.direction(direction);
        return this;
    }

    /** Positions before {@code index}; false when the journal has no such record. */
    public boolean moveToIndex(final long index)
    {
        return tailer.moveToIndex(index);
    }

    /**
     * Reads the next record.
     *
     * @return the record flyweight (valid until the next call), or null when there is none yet.
     * @throws JournalFormatException when the record is of an unknown version or inconsistent; {@link #index()}
     *         then names it and the reader has moved past it.
     */
    public JournalRecord next()
    {
        final int length;
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return null;
            }
            index = dc.index();
            final Bytes<?> bytes = dc.wire().bytes();
            length = (int)bytes.readRemaining();
            if (length > scratch.length)
            {
                scratch = new byte[Math.max(length, scratch.length * 2)];
            }
            bytes.read(scratch, 0, length);
        }
        view.wrap(scratch, 0, length);
        return record.wrap(view, 0, length);
    }

    /** Index (Chronicle's: cycle and sequence) of the record last returned by {@link #next()}. */
    public long index()
    {
        return index;
    }

    public SingleChronicleQueue queue()
    {
        return queue;
    }

    @Override
    public void close()
    {
        queue.close();
    }
}
