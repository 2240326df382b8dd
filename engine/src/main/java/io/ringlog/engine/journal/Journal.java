package io.ringlog.engine.journal;

import net.openhft.chronicle.bytes.SyncMode;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.TableStore;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.impl.single.TableStoreWriteLock;
import net.openhft.chronicle.queue.impl.table.Metadata;
import net.openhft.chronicle.queue.impl.table.SingleTableBuilder;
import net.openhft.chronicle.threads.BusyTimedPauser;
import net.openhft.chronicle.queue.rollcycles.LargeRollCycles;
import net.openhft.chronicle.queue.rollcycles.TestRollCycles;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Opens the Chronicle Queue that holds the journal, for the writer or read-only for tools. */
public final class Journal
{
    /** Chronicle's queue metadata file: its presence is what makes a directory a journal. */
    public static final String METADATA_FILE = "metadata.cq4t";

    private Journal()
    {
    }

    /**
     * A roll cycle by the name used in config: any {@link RollCycles} or {@link LargeRollCycles} constant, or a
     * {@link TestRollCycles} one (TEST_SECONDLY: a file a second, so that tests see real cycles roll and retire).
     *
     * @return null when the name is unknown.
     */
    public static RollCycle rollCycle(final String name)
    {
        for (final RollCycles c : RollCycles.values())
        {
            if (c.name().equalsIgnoreCase(name))
            {
                return c;
            }
        }
        for (final LargeRollCycles c : LargeRollCycles.values())
        {
            if (c.name().equalsIgnoreCase(name))
            {
                return c;
            }
        }
        for (final TestRollCycles c : TestRollCycles.values())
        {
            if (c.name().equalsIgnoreCase(name))
            {
                return c;
            }
        }
        return null;
    }

    /**
     * Clears Chronicle's write and append locks left by a writer that died (kill -9, power loss).
     *
     * <p>Chronicle recovers a dead holder's lock itself only when the holder's pid differs from ours; where the
     * JVM gets the same pid every run (PID 1 in a container) it waits 15 s for "itself" and then fails. The
     * caller must guarantee there is no other writer: ringlogd holds an OS lock on the journal directory
     * ({@code ringlogd.lock}) for its whole life, so once it has that lock, any Chronicle lock is stale.
     *
     * @return true when a metadata file existed and its locks were cleared.
     */
    public static boolean forceUnlockStaleWriter(final Path dir)
    {
        final File meta = dir.resolve(METADATA_FILE).toFile();
        if (!meta.isFile())
        {
            return false;
        }
        SingleChronicleQueueBuilder.addAliases(); // the metadata names its types by alias (SCQMeta)
        try (TableStore<Metadata.NoMeta> store =
            SingleTableBuilder.binary(meta, Metadata.NoMeta.INSTANCE).readOnly(false).build())
        {
            new TableStoreWriteLock(store, BusyTimedPauser::new, 0L).forceUnlock();
            new TableStoreWriteLock(store, BusyTimedPauser::new, 0L, TableStoreWriteLock.APPEND_LOCK_KEY).forceUnlock();
        }
        return true;
    }

    /**
     * The file Chronicle uses for {@code cycle}: the cycle's start, {@code epoch + cycle * length}, formatted in UTC
     * with the roll cycle's pattern, plus {@code .cq4}.
     */
    public static File cycleFile(final SingleChronicleQueue queue, final int cycle)
    {
        final RollCycle rollCycle = queue.rollCycle();
        final long startMs = queue.epoch() + (long)cycle * rollCycle.lengthInMillis();
        return new File(queue.file(), DateTimeFormatter.ofPattern(rollCycle.format()).withZone(ZoneOffset.UTC)
            .format(Instant.ofEpochMilli(startMs)) + ".cq4");
    }

    /** Opens (creating if needed) the journal for the one writer. */
    public static SingleChronicleQueue openForWrite(final Path dir, final RollCycle rollCycle, final long blockSize)
    {
        return openForWrite(dir, rollCycle, blockSize, false);
    }

    /**
     * @param sync msync with MS_SYNC when the writer calls {@code appender.sync()} (durability sync), rather than
     *             Chronicle's default MS_ASYNC.
     */
    public static SingleChronicleQueue openForWrite(
        final Path dir, final RollCycle rollCycle, final long blockSize, final boolean sync)
    {
        return SingleChronicleQueueBuilder.binary(dir.toFile())
            .rollCycle(rollCycle)
            .blockSize(blockSize)
            .syncMode(sync ? SyncMode.SYNC : SyncMode.ASYNC)
            .build();
    }

    /**
     * Opens an existing journal read-only; works on a live or a closed journal.
     *
     * @throws IllegalArgumentException with a one-line reason when {@code dir} is not a ringlog journal.
     */
    public static SingleChronicleQueue openReadOnly(final Path dir)
    {
        requireJournal(dir);
        return SingleChronicleQueueBuilder.binary(dir.toFile()).readOnly(true).build();
    }

    /** Checks that {@code dir} exists and holds a journal, naming the problem in one line when not. */
    public static void requireJournal(final Path dir)
    {
        final File f = dir.toFile();
        if (!f.exists())
        {
            throw new IllegalArgumentException("journal directory " + dir + " does not exist");
        }
        if (!f.isDirectory())
        {
            throw new IllegalArgumentException(dir + " is not a directory");
        }
        if (!Files.isRegularFile(dir.resolve(METADATA_FILE)))
        {
            throw new IllegalArgumentException(dir + " is not a ringlog journal (no " + METADATA_FILE + ")");
        }
    }
}
