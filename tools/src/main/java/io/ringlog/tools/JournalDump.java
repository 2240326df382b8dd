package io.ringlog.tools;

import io.ringlog.engine.journal.JournalFormatException;
import io.ringlog.engine.journal.JournalReader;
import io.ringlog.engine.journal.JournalRecord;
import org.agrona.DirectBuffer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Reads a journal read-only from its first record to its current end and writes every record through a
 * {@link RecordFormatter}: the engine of {@code ringlog cat}, usable without the CLI.
 *
 * <p>Output is built in one reused {@link ByteBuilder} and handed to the stream in chunks of about 64 KiB, so
 * neither a per-record write nor a per-field String stands between the journal and stdout.
 *
 * <p>A damaged record (CRC32C mismatch, unknown format version, inconsistent lengths) is reported as one line
 * naming its index, skipped, and counted; the dump goes on, because one bad record must not hide the ones after
 * it. When the output stream fails (stdout closed by {@code | head}), the dump stops quietly. Single-threaded.
 */
public final class JournalDump
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
    private final CRC32C crc = new CRC32C();
    private byte[] crcScratch = new byte[4096];
    private byte[] rawCopy = new byte[4096];
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
     * Dumps the journal in {@code journalDir}.
     *
     * @throws IllegalArgumentException with a one-line reason when the directory is not a journal.
     */
    public Result dump(final Path journalDir)
    {
        long written = 0;
        long skipped = 0;
        try (JournalReader reader = new JournalReader(journalDir))
        {
            reader.toStart();
            while (!outputClosed)
            {
                final JournalRecord record;
                try
                {
                    record = reader.next();
                }
                catch (final JournalFormatException e)
                {
                    skipped++;
                    reportSkipped(reader.index(), e.getMessage());
                    continue;
                }
                if (record == null)
                {
                    break;
                }
                if (!crcMatches(record))
                {
                    skipped++;
                    reportSkipped(reader.index(), String.format(
                        "CRC32C mismatch (stored 0x%08x): the record is damaged", record.crc32c()));
                    continue;
                }
                final int mark = buffer.length();
                try
                {
                    formatRecord(reader.index(), record);
                }
                catch (final RuntimeException e)
                {
                    buffer.length(mark);
                    skipped++;
                    reportSkipped(reader.index(), "cannot format: " + e);
                    continue;
                }
                written++;
                if (buffer.length() >= FLUSH_AT)
                {
                    flush();
                }
            }
        }
        flush();
        return new Result(written, skipped, outputClosed);
    }

    private boolean crcMatches(final JournalRecord record)
    {
        if (record.length() > crcScratch.length)
        {
            crcScratch = new byte[Math.max(record.length(), crcScratch.length * 2)];
        }
        return record.crcMatches(crc, crcScratch);
    }

    private void formatRecord(final long index, final JournalRecord record)
    {
        final DirectBuffer recordBuffer = record.buffer();
        final byte[] array = recordBuffer.byteArray();
        if (array != null)
        {
            formatter.format(index, record, array, recordBuffer.wrapAdjustment() + record.rawOffset(), buffer);
        }
        else
        {
            final int rawLength = record.rawLength();
            if (rawLength > rawCopy.length)
            {
                rawCopy = new byte[Math.max(rawLength, rawCopy.length * 2)];
            }
            record.getRaw(rawCopy);
            formatter.format(index, record, rawCopy, 0, buffer);
        }
    }

    private void reportSkipped(final long index, final String reason)
    {
        flush();
        err.println("ringlog: skipped record at index " + index + ": " + reason);
        err.flush();
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
