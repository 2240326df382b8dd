package io.ringlog.tools;

import io.ringlog.engine.event.Field;
import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.event.MessageFormat;
import io.ringlog.engine.event.Transport;
import io.ringlog.engine.journal.Journal;
import io.ringlog.engine.journal.JournalRecord;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * Writes journals for tests the way the engine's writer does: 128-byte header from {@link JournalRecord} then the
 * raw bytes, one Chronicle document per record. Hand-built events stand in for the parser.
 */
final class JournalFixture implements AutoCloseable
{
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final byte[] header = new byte[JournalRecord.HEADER_LENGTH];
    private final UnsafeBuffer headerBuffer = new UnsafeBuffer(header);
    private final CRC32C crc = new CRC32C();

    JournalFixture(final Path dir)
    {
        queue = Journal.openForWrite(dir, Journal.rollCycle("FAST_HOURLY"), 16 << 20);
        appender = queue.createAppender();
    }

    /** A journal whose cycle files follow {@code time} (advance it to skip hours: cycle files are sparse). */
    JournalFixture(final Path dir, final net.openhft.chronicle.core.time.TimeProvider time)
    {
        queue = net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder.binary(dir.toFile())
            .rollCycle(net.openhft.chronicle.queue.RollCycles.FAST_HOURLY).timeProvider(time).build();
        appender = queue.createAppender();
    }

    /** An event with raw bytes, TCP from 127.0.0.1:51234, received at {@code receivedAtNanos}, unparsed. */
    static LogEvent event(final byte[] raw, final long receivedAtNanos)
    {
        final LogEvent e = new LogEvent(1024);
        e.ensureCapacity(raw.length);
        System.arraycopy(raw, 0, e.raw, 0, raw.length);
        e.rawLength = raw.length;
        e.receivedAtNanos = receivedAtNanos;
        e.transport = Transport.TCP;
        e.sourceAddressLength = 4;
        e.sourceAddress[0] = 127;
        e.sourceAddress[3] = 1;
        e.sourcePort = 51234;
        e.format = MessageFormat.UNPARSED;
        return e;
    }

    static LogEvent event(final String raw, final long receivedAtNanos)
    {
        return event(raw.getBytes(StandardCharsets.UTF_8), receivedAtNanos);
    }

    /** Sets {@code field} to where {@code token} first occurs in the event's raw bytes (ASCII search). */
    static void field(final LogEvent e, final int field, final String token)
    {
        final String raw = new String(e.raw, 0, e.rawLength, StandardCharsets.ISO_8859_1);
        final byte[] t = token.getBytes(StandardCharsets.UTF_8);
        final int at = raw.indexOf(new String(t, StandardCharsets.ISO_8859_1));
        if (at < 0)
        {
            throw new IllegalArgumentException(token + " not in " + raw);
        }
        e.field(field, at, t.length);
    }

    /** Sets the MESSAGE field to everything from {@code token} to the end. */
    static void messageFrom(final LogEvent e, final String token)
    {
        field(e, Field.MESSAGE, token);
        e.fieldLength[Field.MESSAGE] = e.rawLength - e.fieldOffset[Field.MESSAGE];
    }

    JournalFixture append(final LogEvent event)
    {
        return append(event, h -> { });
    }

    /** Encodes the event, lets {@code damage} change the header or the raw bytes after the CRC, appends. */
    JournalFixture append(final LogEvent event, final Consumer<byte[]> damage)
    {
        JournalRecord.encodeHeader(event, headerBuffer, crc);
        final byte[] raw = java.util.Arrays.copyOf(event.raw, event.rawLength);
        final byte[] record = new byte[JournalRecord.HEADER_LENGTH + raw.length];
        System.arraycopy(header, 0, record, 0, header.length);
        System.arraycopy(raw, 0, record, header.length, raw.length);
        damage.accept(record);
        return appendDocument(record);
    }

    /** Appends arbitrary bytes as one document (a record of another version, garbage). */
    JournalFixture appendDocument(final byte[] bytes)
    {
        try (DocumentContext dc = appender.writingDocument())
        {
            dc.wire().bytes().write(bytes, 0, bytes.length);
        }
        return this;
    }

    /** The index of the last document appended. */
    long lastIndex()
    {
        return appender.lastIndexAppended();
    }

    @Override
    public void close()
    {
        appender.close();
        queue.close();
    }
}
