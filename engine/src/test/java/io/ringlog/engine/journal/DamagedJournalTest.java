package io.ringlog.engine.journal;

import io.ringlog.engine.counters.CountersFile;
import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.event.MessageFormat;
import io.ringlog.engine.event.Transport;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The engine's reader on a damaged copy of a journal: a flipped byte in a record's raw bytes, a zeroed page, a
 * cycle file truncated mid-record. The reader must never throw out of {@code next()} for these, and the damaged
 * record must be reported (CRC mismatch, by index), never passed as good. What it cannot do is printed: Chronicle
 * reads a zeroed record header as the end of the written data, so records after a zeroed page are not reached.
 */
@Tag("reliability")
class DamagedJournalTest
{
    private static final int RECORDS = 3000;

    @TempDir
    Path dir;

    private Path write() throws Exception
    {
        final Path j = dir.resolve("orig");
        final LogEvent e = new LogEvent(512);
        try (SingleChronicleQueue q = Journal.openForWrite(j, Journal.rollCycle("FAST_HOURLY"), 1 << 20);
            CountersFile counters = CountersFile.create(j, 1, 0))
        {
            final JournalWriter w = new JournalWriter(q, new AtomicLong(), counters).startOnCurrentThread();
            for (int i = 0; i < RECORDS; i++)
            {
                e.resetParse();
                final byte[] b = String.format("<13>1 - h app - - - record %06d padding padding padding padding", i)
                    .getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(b, 0, e.raw, 0, b.length);
                e.rawLength = b.length;
                e.transport = Transport.TCP;
                e.format = MessageFormat.UNPARSED;
                w.append(e);
            }
        }
        return j;
    }

    private static Path cycleFile(final Path j) throws Exception
    {
        try (Stream<Path> s = Files.list(j))
        {
            return s.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
    }

    private static long offsetOf(final Path f, final String marker) throws Exception
    {
        final byte[] all = Files.readAllBytes(f);
        final byte[] m = marker.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i < all.length - m.length; i++)
        {
            for (int k = 0; k < m.length; k++)
            {
                if (all[i + k] != m[k])
                {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError(marker);
    }

    private static Path copy(final Path from, final Path to) throws Exception
    {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from))
        {
            for (final Path p : (Iterable<Path>)s::iterator)
            {
                Files.copy(p, to.resolve(p.getFileName()));
            }
        }
        return to;
    }

    /** @return {good, bad CRC, format errors, sequence of the first bad record}; fails if the reader throws. */
    private static long[] read(final String what, final Path j)
    {
        long firstBad = -1;
        int good = 0;
        int badCrc = 0;
        int format = 0;
        String error = null;
        final CRC32C crc = new CRC32C();
        final byte[] scratch = new byte[4096];
        try (JournalReader r = new JournalReader(j))
        {
            r.toStart();
            for (int k = 0; k < RECORDS * 2; k++)
            {
                try
                {
                    final JournalRecord rec = r.next();
                    if (rec == null)
                    {
                        break;
                    }
                    if (rec.crcMatches(crc, scratch))
                    {
                        good++;
                    }
                    else
                    {
                        badCrc++;
                        firstBad = firstBad < 0 ? r.index() & 0xFFFFFFFFL : firstBad;
                        System.out.println(what + ": bad crc at index " + Long.toHexString(r.index()));
                    }
                }
                catch (final JournalFormatException e)
                {
                    format++;
                    System.out.println(what + ": format error at " + Long.toHexString(r.index()) + ": " + e.getMessage());
                }
            }
        }
        catch (final Throwable t)
        {
            error = t.toString();
        }
        System.out.println(what + ": good " + good + ", bad crc " + badCrc + ", format " + format + ", thrown " + error);
        assertNull(error, what + ": the reader must not throw");
        return new long[] {good, badCrc, format, firstBad};
    }

    @Test
    void damagedRecordsAreReportedByIndexAndNeverCrashTheReader() throws Exception
    {
        final Path orig = write();
        assertArrayEquals(new long[] {RECORDS, 0, 0, -1}, read("original", orig));

        final Path flip = copy(orig, dir.resolve("flip"));
        final Path ff = cycleFile(flip);
        final long at = offsetOf(ff, "record 001000");
        try (RandomAccessFile raf = new RandomAccessFile(ff.toFile(), "rw"))
        {
            raf.seek(at + 3);
            final int b = raf.read();
            raf.seek(at + 3);
            raf.write(b ^ 0x01);
        }
        assertArrayEquals(new long[] {RECORDS - 1, 1, 0, 1000}, read("flip", flip));

        final Path zero = copy(orig, dir.resolve("zero"));
        final Path zf = cycleFile(zero);
        final long page = offsetOf(zf, "record 001500") & ~4095L;
        try (RandomAccessFile raf = new RandomAccessFile(zf.toFile(), "rw"))
        {
            raf.seek(page);
            raf.write(new byte[4096]);
        }
        final long[] zeroed = read("zero", zero);
        assertEquals(1, zeroed[1], "the record cut by the zeroed page is reported");
        assertEquals(zeroed[0], zeroed[3], "every record before it is good");
        System.out.println("zero: records after the zeroed page not reached: " + (RECORDS - zeroed[0] - 1));

        final Path trunc = copy(orig, dir.resolve("trunc"));
        final Path tf = cycleFile(trunc);
        final long cut = offsetOf(tf, "record 002000") + 5;
        try (RandomAccessFile raf = new RandomAccessFile(tf.toFile(), "rw"))
        {
            raf.setLength(cut);
        }
        assertArrayEquals(new long[] {2000, 1, 0, 2000}, read("truncate", trunc));
    }
}
