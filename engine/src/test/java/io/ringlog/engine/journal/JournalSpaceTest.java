package io.ringlog.engine.journal;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reserve's hysteresis, and the writer's fault latch that keeps the listener paused until restart. */
class JournalSpaceTest
{
    private static AtomicCounter gauge()
    {
        final CountersManager cm = new CountersManager(new UnsafeBuffer(ByteBuffer.allocateDirect(64 * 1024)),
            new UnsafeBuffer(ByteBuffer.allocateDirect(16 * 1024)));
        return cm.newCounter("free");
    }

    @Test
    void lowBelowTheReserveBackOnlyAboveReservePlusOneBlock(@TempDir final Path dir)
    {
        final long free = dir.toFile().getUsableSpace();
        assertTrue(new JournalSpace(dir.toFile(), free + (1L << 30), 1 << 20, gauge()).poll(),
            "a reserve above the free space is low");
        final JournalSpace ok = new JournalSpace(dir.toFile(), 1 << 20, 1 << 20, gauge());
        assertFalse(ok.poll(), "a small reserve is not low on " + free + " free bytes");
        assertFalse(ok.writerFaulted());
    }

    @Test
    void aWriterFaultKeepsItLowWhateverTheFreeSpace(@TempDir final Path dir)
    {
        final JournalSpace space = new JournalSpace(dir.toFile(), 1 << 20, 1 << 20, gauge());
        assertFalse(space.poll());
        space.markWriterFaulted();
        assertTrue(space.poll(), "low from the next check on");
        assertTrue(space.poll(), "and it stays low: nothing resumes a faulted writer but a restart");
        assertTrue(space.writerFaulted() && space.isLow());
    }
}
