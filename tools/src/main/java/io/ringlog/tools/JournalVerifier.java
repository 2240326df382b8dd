package io.ringlog.tools;

import io.ringlog.engine.journal.JournalRecord;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Walks every record of a journal and checks what {@link JournalCursor} checks on each read: a known format
 * version, a header and raw length that fit in the document (a truncated record fails here), and the CRC32C;
 * and, at the end, that Chronicle reached every record its index holds (a zeroed page ends Chronicle's data
 * silently; see {@code JournalGapFinder}). Prints one line per damaged record, naming its index, one per run of
 * unreachable records, naming the cycle file and byte offsets, and a summary. The engine of {@code ringlog verify}.
 */
public final class JournalVerifier implements RecordSink
{
    /** Records checked and found damaged. */
    public record Result(long records, long damaged)
    {
        public int exitCode()
        {
            return damaged == 0 ? Ringlog.EXIT_OK : Ringlog.EXIT_ERROR;
        }
    }

    private final PrintStream out;
    private long sound;
    private long damaged;

    public JournalVerifier(final PrintStream out)
    {
        this.out = out;
    }

    /** @throws IllegalArgumentException with a one-line reason when the directory is not a journal. */
    public Result verify(final Path journal, final Progress progress)
    {
        try (JournalCursor cursor = new JournalCursor(journal))
        {
            new JournalQuery(Selection.all()).progress(progress).run(cursor, this);
        }
        final Result result = new Result(sound + damaged, damaged);
        out.println(journal + ": " + result.records() + " records, " + (result.records() - damaged) + " sound, " +
            damaged + " damaged");
        out.flush();
        return result;
    }

    @Override
    public boolean accept(final long index, final JournalRecord record, final byte[] bytes, final int rawOffset)
    {
        sound++;
        return true;
    }

    @Override
    public void damaged(final long index, final String reason)
    {
        damaged++;
        out.println("damaged record at index " + index + ": " + reason);
    }

    @Override
    public void damaged(final long index, final long count, final String reason)
    {
        if (count == 1)
        {
            damaged(index, reason);
            return;
        }
        damaged += count;
        out.println("unreachable records from index " + index + ": " + reason);
    }

    @Override
    public boolean idle()
    {
        return true;
    }
}
