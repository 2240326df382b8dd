package io.ringlog.tools;

import io.ringlog.engine.journal.JournalRecord;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Formats selected records through a {@link RecordFormatter} onto an output stream: the {@link RecordSink} of
 * {@code ringlog cat} and {@code tail}, usable without the CLI ({@link #dump(Path)} prints a whole journal).
 *
 * <p>Output is built in one reused {@link ByteBuilder} and handed to the stream in chunks of about 64 KiB, and at
 * every {@link #idle()} (a follower that caught up), so neither a per-record write nor a per-field String stands
 * between the journal and stdout, and a follower still shows each record as soon as it is read.
 *
 * <p>A damaged record (CRC32C mismatch, unknown format version, inconsistent lengths) is reported as one line
 * naming its index, skipped, and counted; the dump goes on, because one bad record must not hide the ones after
 * it. When the output stream fails (stdout closed by {@code | head}), the dump stops quietly. Single-threaded.
 */
public final class JournalDump implements RecordSink
{
    /** What a dump did: records written and skipped, and whether it stopped because the output was closed. */
    public record Result(long written, long skipped, boolean outputClosed)
    {
        /** 0 when every record was read, 1 when any was skipped (a closed output is not an error). */
        public int exitCode()
        {
            return skipped == 0 ? 0 : 1;
        }
    }

    static final int FLUSH_AT = 64 * 1024;

    private final RecordFormatter formatter;
    private final OutputStream out;
    private final PrintStream err;
    private final ByteBuilder buffer = new ByteBuilder(FLUSH_AT * 2);
    private long written;
    private long skipped;
    private boolean outputClosed;

    /**
     * @param formatter renders each record.
     * @param out       receives the output; a {@link PrintStream} is checked with {@link PrintStream#checkError()}
     *                  after each chunk, any other stream by its IOException.
     * @param err       receives one line per skipped record, prefixed {@code ringlog: }.
     */
    public JournalDump(final RecordFormatter formatter, final OutputStream out, final PrintStream err)
    {
        this.formatter = formatter;
        this.out = out;
        this.err = err;
    }

    /**
     * Dumps the whole journal in {@code journalDir}, oldest first.
     *
     * @throws IllegalArgumentException with a one-line reason when the directory is not a journal.
     */
    public Result dump(final Path journalDir)
    {
        try (JournalCursor cursor = new JournalCursor(journalDir))
        {
            new JournalQuery(Selection.all()).run(cursor, this);
        }
        return result();
    }

    public Result result()
    {
        return new Result(written, skipped, outputClosed);
    }

    @Override
    public boolean accept(final long index, final JournalRecord record, final byte[] bytes, final int rawOffset)
    {
        final int mark = buffer.length();
        try
        {
            formatter.format(index, record, bytes, rawOffset, buffer);
        }
        catch (final RuntimeException e)
        {
            buffer.length(mark);
            damaged(index, "cannot format: " + e);
            return !outputClosed;
        }
        written++;
        if (buffer.length() >= FLUSH_AT)
        {
            flush();
        }
        return !outputClosed;
    }

    @Override
    public void damaged(final long index, final String reason)
    {
        skipped++;
        flush();
        err.println("ringlog: skipped record at index " + index + ": " + reason);
        err.flush();
    }

    @Override
    public void damaged(final long index, final long count, final String reason)
    {
        if (count == 1)
        {
            damaged(index, reason);
            return;
        }
        skipped += count;
        flush();
        err.println("ringlog: skipped " + count + " unreachable records from index " + index + ": " + reason);
        err.flush();
    }

    @Override
    public boolean idle()
    {
        flush();
        return !outputClosed;
    }

    private void flush()
    {
        if (outputClosed)
        {
            buffer.length(0);
            return;
        }
        try
        {
            out.write(buffer.array(), 0, buffer.length());
            out.flush();
            if (out instanceof PrintStream && ((PrintStream)out).checkError())
            {
                outputClosed = true;
            }
        }
        catch (final IOException e)
        {
            outputClosed = true;
        }
        buffer.length(0);
    }
}
