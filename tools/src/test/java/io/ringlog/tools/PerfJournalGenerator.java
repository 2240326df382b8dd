package io.ringlog.tools;

import io.ringlog.engine.counters.CountersFile;
import io.ringlog.engine.event.Field;
import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.event.MessageFormat;
import io.ringlog.engine.event.Transport;
import io.ringlog.engine.journal.Journal;
import io.ringlog.engine.journal.JournalWriter;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds a large journal for the README's "Tools performance" figures through the engine's own
 * {@link JournalWriter}: RFC 5424 messages of about 110 bytes from 50 hosts and 20 apps, all severities, one
 * record per millisecond of receipt time from 2026-11-25T00:00:00Z (so 10M records span 2 h 47 min).
 *
 * <pre>java -cp tools/target/test-classes:$(cat cp.txt) io.ringlog.tools.PerfJournalGenerator DIR 10000000</pre>
 */
public final class PerfJournalGenerator
{
    private PerfJournalGenerator()
    {
    }

    public static void main(final String[] args)
    {
        final Path dir = Path.of(args[0]);
        final long count = Long.parseLong(args[1]);
        final long start = 1_795_564_800_000_000_000L; // 2026-11-25T00:00:00Z
        final LogEvent e = new LogEvent(512);
        final long began = System.nanoTime();
        try (SingleChronicleQueue queue = Journal.openForWrite(dir, Journal.rollCycle("FAST_HOURLY"), 64L << 20);
            CountersFile counters = CountersFile.create(dir, 1, 0))
        {
            final JournalWriter writer = new JournalWriter(queue, new AtomicLong(), counters).startOnCurrentThread();
            for (long i = 0; i < count; i++)
            {
                e.resetParse();
                final int severity = (int)(i % 8);
                final int facility = (int)(i % 24);
                final String host = "host-" + (i % 50);
                final String app = "app" + (i % 20);
                final String head = "<" + (facility * 8 + severity) + ">1 2026-11-25T00:00:00.000Z ";
                final String text = "request " + i + " served in " + (i % 997) + " ms for user u" + (i % 12345);
                final String raw = head + host + " " + app + " " + (1000 + i % 300) + " - - " + text;
                final byte[] b = raw.getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(b, 0, e.raw, 0, b.length);
                e.rawLength = b.length;
                e.receivedAtNanos = start + i * 1_000_000L;
                e.transport = Transport.TCP;
                e.sourceAddressLength = 4;
                e.sourceAddress[0] = 10;
                e.sourceAddress[3] = (byte)(i % 50);
                e.sourcePort = 40_000 + (int)(i % 50);
                e.format = MessageFormat.RFC5424;
                e.facility = (byte)facility;
                e.severity = (byte)severity;
                e.timestampEpochNanos = start;
                e.field(Field.TIMESTAMP, head.length() - 25, 24);
                e.field(Field.HOSTNAME, head.length(), host.length());
                e.field(Field.APP_NAME, head.length() + host.length() + 1, app.length());
                e.field(Field.PROC_ID, head.length() + host.length() + app.length() + 2, 4);
                e.field(Field.MESSAGE, raw.length() - text.length(), text.length());
                writer.append(e);
            }
        }
        System.out.printf("%d records in %.1f s%n", count, (System.nanoTime() - began) / 1e9);
    }
}
