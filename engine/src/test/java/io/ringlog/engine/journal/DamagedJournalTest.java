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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's reader on a damaged copy of a journal: a flipped byte in a record's raw bytes, a zeroed page, a
 * cycle file truncated mid-record. The reader must never throw out of {@code next()} for these, and the damaged
 * record must be reported (CRC mismatch, by index), never passed as good. Chronicle reads a zeroed document header
 * as the end of the written data; {@link JournalReader#checkEnd()} must report the records it could not reach and
 * resume after them.
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

    /**
     * Reads the whole journal as a tool does: next() until null, then checkEnd() for records Chronicle could not
     * reach, resuming after them when it can.
     *
     * @return {good, damaged (refused by next()), unreachable, sequence of the first damaged record}; fails if the
     *         reader throws anything but its documented JournalFormatException, or hands out a bad record.
     */
    private static long[] read(final String what, final Path j)
    {
        long firstBad = -1;
        int good = 0;
        int bad = 0;
        long unreachable = 0;
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
                        final JournalGap gap = r.checkEnd();
                        if (gap == null)
                        {
                            break;
                        }
                        System.out.println(what + ": " + gap.describe());
                        unreachable += gap.count();
                        if (gap.resumeIndex() < 0)
                        {
                            break;
                        }
                        continue;
                    }
                    assertTrue(rec.crcMatches(crc, scratch), what + ": next() handed out a bad record");
                    good++;
                }
                catch (final JournalFormatException e)
                {
                    bad++;
                    firstBad = firstBad < 0 ? r.index() & 0xFFFFFFFFL : firstBad;
                    System.out.println(what + ": " + e.getMessage());
                }
            }
            assertEquals(bad + unreachable, r.damaged(), what + ": damaged()");
        }
        catch (final RuntimeException t)
        {
            error = t.toString();
        }
        System.out.println(what + ": good " + good + ", damaged " + bad + ", unreachable " + unreachable +
            ", thrown " + error);
        assertNull(error, what + ": the reader must not throw");
        return new long[] {good, bad, unreachable, firstBad};
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
        assertTrue(zeroed[2] > 0, "the records in the zeroed page are reported unreachable");
        assertEquals(RECORDS, zeroed[0] + zeroed[1] + zeroed[2], "every record is read or reported");
        assertTrue(zeroed[0] > zeroed[3], "reading resumed after the zeroed page");

        final Path trunc = copy(orig, dir.resolve("trunc"));
        final Path tf = cycleFile(trunc);
        final long cut = offsetOf(tf, "record 002000") + 5;
        try (RandomAccessFile raf = new RandomAccessFile(tf.toFile(), "rw"))
        {
            raf.setLength(cut);
        }
        final long[] cutOff = read("truncate", trunc);
        assertEquals(2000, cutOff[0], "every record before the cut is good");
        assertEquals(1, cutOff[1], "the record cut in half is reported");
        assertEquals(1, cutOff[2], "the records after the cut are reported, their number unknowable");
    }

    /**
     * kill -9 in the middle of an append leaves the record's bytes after the last record with its header still
     * zero (seen in CrashLoopIT): an append that never finished, which the next append overwrites, not damage. The
     * same bytes behind the zeroed header of the last complete record are a lost record.
     */
    @Test
    void anUnfinishedAppendIsNotDamageButAZeroedLastHeaderIs() throws Exception
    {
        final Path orig = write();
        final byte[] body = Files.readAllBytes(cycleFile(orig));
        final long last = offsetOf(cycleFile(orig), String.format("record %06d", RECORDS - 1));
        final long lastHeader = last - JournalRecord.HEADER_LENGTH - ("<13>1 - h app - - - ").length() - 4;
        final long lastEnd = last + ("record 000000 padding padding padding padding").length();

        final Path torn = copy(orig, dir.resolve("torn"));
        try (RandomAccessFile raf = new RandomAccessFile(cycleFile(torn).toFile(), "rw"))
        {
            raf.seek(((lastEnd + 3) & ~3L) + 4); // header left zero, the record's bytes written
            raf.write(body, (int)lastHeader + 4, (int)(lastEnd - lastHeader - 4));
        }
        assertArrayEquals(new long[] {RECORDS, 0, 0, -1}, read("torn", torn));
        try (JournalReader r = new JournalReader(torn))
        {
            r.toStart();
            for (int k = 0; k < RECORDS && r.next() != null; k++)
            {
                // to the end
            }
            assertNull(r.next());
            assertNull(r.checkEnd(), "an unfinished append is no gap");
        }

        final Path lost = copy(orig, dir.resolve("lost"));
        try (RandomAccessFile raf = new RandomAccessFile(cycleFile(lost).toFile(), "rw"))
        {
            raf.seek(lastHeader);
            raf.write(new byte[4]);
        }
        final long[] zeroedHeader = read("lost", lost);
        assertEquals(RECORDS - 1, zeroedHeader[0], "every record before the zeroed header is read");
        assertEquals(1, zeroedHeader[2], "the record behind the zeroed header is reported");
    }
}
