package io.ringlog.engine.it;

import io.ringlog.engine.journal.Journal;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;

/**
 * A process that dies holding Chronicle's write lock: it opens a record on the journal (which takes the lock),
 * says so, and waits to be killed. Used to recreate, deterministically, a writer killed mid-append.
 */
public final class HoldChronicleWriteLock
{
    private HoldChronicleWriteLock()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final SingleChronicleQueue queue = Journal.openForWrite(Path.of(args[0]),
            Journal.rollCycle("FAST_HOURLY"), 16 << 20);
        final ExcerptAppender appender = queue.createAppender();
        final DocumentContext dc = appender.writingDocument(); // holds the write lock until closed: never
        dc.wire().bytes().writeLong(42);
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(600_000);
    }
}
