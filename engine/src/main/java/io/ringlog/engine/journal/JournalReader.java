package io.ringlog.engine.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Read-only, sequential access to journal records for tools and tests: a thin shell over a Chronicle tailer that
 * hands out each record through one reused {@link JournalRecord} flyweight, after checking its version, lengths
 * and CRC32C, so a damaged record is never handed out as good. Single-threaded.
 *
 * <p>Chronicle ends the data at a zeroed document header (a zeroed page, a cut-off file), so {@link #next()}
 * returning null means "nothing more is reachable", not "nothing more is there". A reader of a journal at rest
 * calls {@link #checkEnd()} at that point to learn about, and read past, records it could not reach; a follower
 * of a live journal need not (it costs index look-ups, and the journal's end is moving anyway).
 */
public final class JournalReader implements AutoCloseable
{
    private final SingleChronicleQueue queue;
    private final JournalGapFinder gaps;
    private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
    private final JournalRecord record = new JournalRecord();
    private final CRC32C crc = new CRC32C();
    private ExcerptTailer tailer;
    private TailerDirection direction = TailerDirection.FORWARD;
    private byte[] scratch = new byte[4096];
    private long index = -1;
    private long damaged;

    public JournalReader(final Path dir)
    {
        this.queue = Journal.openReadOnly(dir);
        this.tailer = queue.createTailer();
        this.gaps = new JournalGapFinder(queue);
    }

    public JournalReader toStart()
    {
        direction = TailerDirection.FORWARD;
        tailer.direction(direction).toStart();
        gaps.fromStart();
        return this;
    }

    public JournalReader toEnd()
    {
        tailer.toEnd();
        gaps.forget();
        return this;
    }

    public JournalReader direction(final TailerDirection direction)
    {
        this.direction = direction;
        tailer.direction(direction);
        if (direction != TailerDirection.FORWARD)
        {
            gaps.forget();
        }
        return this;
    }

    /** Positions before {@code index}; false when the journal has no such record. */
    public boolean moveToIndex(final long index)
    {
        gaps.forget();
        return tailer.moveToIndex(index);
    }

    /**
     * Reads the next record.
     *
     * @return the record flyweight (valid until the next call), or null when there is none yet.
     * @throws JournalFormatException when the record is of an unknown version, inconsistent or fails its CRC32C;
     *         {@link #index()} then names it, {@link #damaged()} counts it, and the reader has moved past it.
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
            if (direction == TailerDirection.FORWARD)
            {
                gaps.read(index, bytes.readLimit());
            }
            length = (int)Math.min(bytes.readRemaining(), Integer.MAX_VALUE);
            if (length > scratch.length)
            {
                scratch = new byte[Math.max(length, scratch.length * 2)];
            }
            bytes.read(scratch, 0, length);
        }
        view.wrap(scratch, 0, length);
        try
        {
            record.wrap(view, 0, length);
        }
        catch (final JournalFormatException e)
        {
            damaged++;
            throw new JournalFormatException("record at index " + index + ": " + e.getMessage());
        }
        if (!record.crcMatchesAtStartOf(scratch, crc))
        {
            damaged++;
            throw new JournalFormatException(String.format(
                "record at index %d: CRC32C mismatch (stored 0x%08x): the record is damaged", index, record.crc32c()));
        }
        return record;
    }

    /**
     * After {@link #next()} returned null while reading forward from {@link #toStart()} or a record: finds records
     * Chronicle could not reach (see {@link JournalGapFinder}). When some record after them is reachable, the
     * reader is moved there, so {@link #next()} goes on with it.
     *
     * @return null when the journal really ends here (or this end was already checked), else the gap; when
     *         {@link JournalGap#damaged()}, its unreachable records are added to {@link #damaged()}.
     */
    public JournalGap checkEnd()
    {
        final JournalGap gap = gaps.check();
        if (gap == null)
        {
            return null;
        }
        if (gap.resumeIndex() >= 0)
        {
            tailer.close();
            tailer = queue.createTailer(); // a fresh tailer: the old one would scan linearly into the damage
            tailer.direction(TailerDirection.FORWARD);
            tailer.moveToIndex(gap.resumeIndex());
        }
        if (gap.damaged())
        {
            damaged += gap.count();
        }
        return gap;
    }

    /** Damaged records met so far: refused by {@link #next()} plus unreachable ones found by {@link #checkEnd()}. */
    public long damaged()
    {
        return damaged;
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
        tailer.close();
        queue.close();
    }
}
