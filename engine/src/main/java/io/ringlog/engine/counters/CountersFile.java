package io.ringlog.engine.counters;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

import java.io.File;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The engine's counters in a memory-mapped file beside the journal, so {@code ringlog stat} can read them from a
 * running or a stopped engine (the way AeronStat reads Aeron's CnC file).
 *
 * <pre>
 *  File layout (little-endian):
 *  +---------------------------------------------------------------+
 *  | magic 'RLGC' (int32)        | version (int32, written last)   |  0
 *  +---------------------------------------------------------------+
 *  | pid (int64)                                                   |  8
 *  | start time, epoch ms (int64)                                  | 16
 *  | heartbeat, epoch ms (int64; updated ~1/s while running,       | 24
 *  |   0 after a clean stop)                                       |
 *  | metadata length (int32)     | values length (int32)           | 32
 *  | ... reserved to 128 ...                                       |
 *  +---------------------------------------------------------------+
 *  | Agrona CountersManager metadata (512 B per counter)           | 128
 *  +---------------------------------------------------------------+
 *  | Agrona CountersManager values (128 B per counter)             |
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * Counter ids are {@link Counter#id()}: counters are allocated in that order. Each counter has one writing thread
 * (listener, logic or writer) and is updated with release semantics.
 */
public final class CountersFile implements AutoCloseable
{
    public static final String FILE_NAME = "ringlogd.counters";
    public static final int MAGIC = 0x43474C52; // "RLGC" little-endian
    public static final int VERSION = 1;
    public static final int HEADER_LENGTH = 128;
    public static final int MAX_COUNTERS = 64;

    static final int MAGIC_OFFSET = 0;
    static final int VERSION_OFFSET = 4;
    static final int PID_OFFSET = 8;
    static final int START_OFFSET = 16;
    static final int HEARTBEAT_OFFSET = 24;
    static final int METADATA_LENGTH_OFFSET = 32;
    static final int VALUES_LENGTH_OFFSET = 36;

    private final MappedByteBuffer mapped;
    private final UnsafeBuffer header;
    private final AtomicCounter[] counters;

    private CountersFile(final MappedByteBuffer mapped, final UnsafeBuffer header, final AtomicCounter[] counters)
    {
        this.mapped = mapped;
        this.header = header;
        this.counters = counters;
    }

    /** Path of the counters file for a journal directory. */
    public static Path pathFor(final Path journalDir)
    {
        return journalDir.resolve(FILE_NAME);
    }

    /**
     * Creates (replacing any previous one) and maps the counters file, allocates every {@link Counter} at zero and
     * publishes the version last, so a reader never sees a half-made file as valid.
     */
    public static CountersFile create(final Path journalDir, final long pid, final long nowMs)
    {
        final int metaLength = MAX_COUNTERS * CountersReader.METADATA_LENGTH;
        final int valuesLength = MAX_COUNTERS * CountersReader.COUNTER_LENGTH;
        final File file = pathFor(journalDir).toFile();
        try
        {
            Files.deleteIfExists(file.toPath());
        }
        catch (final java.io.IOException e)
        {
            throw new IllegalStateException("cannot replace counters file " + file + ": " + e.getMessage(), e);
        }
        final MappedByteBuffer mapped = IoUtil.mapNewFile(file, HEADER_LENGTH + metaLength + valuesLength);
        final UnsafeBuffer header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
        header.putInt(MAGIC_OFFSET, MAGIC);
        header.putLong(PID_OFFSET, pid);
        header.putLong(START_OFFSET, nowMs);
        header.putLong(HEARTBEAT_OFFSET, nowMs);
        header.putInt(METADATA_LENGTH_OFFSET, metaLength);
        header.putInt(VALUES_LENGTH_OFFSET, valuesLength);

        final CountersManager manager = new CountersManager(
            new UnsafeBuffer(mapped, HEADER_LENGTH, metaLength),
            new UnsafeBuffer(mapped, HEADER_LENGTH + metaLength, valuesLength));
        final Counter[] all = Counter.values();
        final AtomicCounter[] counters = new AtomicCounter[all.length];
        for (final Counter c : all)
        {
            final AtomicCounter counter = manager.newCounter(c.label(), c.id());
            if (counter.id() != c.id())
            {
                throw new IllegalStateException("counter " + c + " got id " + counter.id());
            }
            counters[c.id()] = counter;
        }
        header.putIntRelease(VERSION_OFFSET, VERSION);
        return new CountersFile(mapped, header, counters);
    }

    public AtomicCounter get(final Counter counter)
    {
        return counters[counter.id()];
    }

    /** Stamps liveness; called about once a second by the engine. */
    public void heartbeat(final long nowMs)
    {
        header.putLongRelease(HEARTBEAT_OFFSET, nowMs);
    }

    /** Marks a clean stop: heartbeat 0. The values stay readable. */
    public void markStopped()
    {
        header.putLongRelease(HEARTBEAT_OFFSET, 0);
    }

    /** Reads every counter value into an array indexed by {@link Counter#id()}. */
    public long[] snapshot()
    {
        final long[] values = new long[Counter.values().length];
        for (final Counter c : Counter.values())
        {
            values[c.id()] = counters[c.id()].get();
        }
        return values;
    }

    @Override
    public void close()
    {
        mapped.force();
        IoUtil.unmap(mapped);
    }

    // ------------------------------------------------------------------ reading from another process

    /** What a reader finds in a counters file. */
    public static final class Snapshot
    {
        public final long pid;
        public final long startMs;
        /** 0 after a clean stop. */
        public final long heartbeatMs;
        public final long[] values;
        public final String[] labels;

        Snapshot(final long pid, final long startMs, final long heartbeatMs, final long[] values, final String[] labels)
        {
            this.pid = pid;
            this.startMs = startMs;
            this.heartbeatMs = heartbeatMs;
            this.values = values;
            this.labels = labels;
        }

        public long get(final Counter counter)
        {
            return counter.id() < values.length ? values[counter.id()] : 0;
        }
    }

    /**
     * Maps the counters file of {@code journalDir} read-only and copies out every counter.
     *
     * @throws IllegalStateException with a one-line reason when the file is missing, not a counters file or of an
     *         unknown version.
     */
    public static Snapshot read(final Path journalDir)
    {
        final File file = pathFor(journalDir).toFile();
        if (!file.isFile())
        {
            throw new IllegalStateException("no counters file at " + file + " (has ringlogd run with this journal?)");
        }
        if (file.length() < HEADER_LENGTH)
        {
            throw new IllegalStateException(file + ": too short for a counters file (" + file.length() + " bytes)");
        }
        final MappedByteBuffer mapped = IoUtil.mapExistingFile(file, FileChannel.MapMode.READ_ONLY, "counters");
        try
        {
            final UnsafeBuffer header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
            if (header.getInt(MAGIC_OFFSET) != MAGIC)
            {
                throw new IllegalStateException(file + ": not a ringlog counters file (bad magic at byte 0)");
            }
            final int version = header.getIntVolatile(VERSION_OFFSET);
            if (version != VERSION)
            {
                throw new IllegalStateException(file + ": counters file version " + version + " at byte " +
                    VERSION_OFFSET + ", this ringlog reads version " + VERSION);
            }
            final int metaLength = header.getInt(METADATA_LENGTH_OFFSET);
            final int valuesLength = header.getInt(VALUES_LENGTH_OFFSET);
            if (metaLength <= 0 || valuesLength <= 0 || HEADER_LENGTH + (long)metaLength + valuesLength > file.length())
            {
                throw new IllegalStateException(file + ": counters lengths at byte " + METADATA_LENGTH_OFFSET +
                    " do not fit the file");
            }
            final CountersReader reader = new CountersReader(
                new UnsafeBuffer(mapped, HEADER_LENGTH, metaLength),
                new UnsafeBuffer(mapped, HEADER_LENGTH + metaLength, valuesLength));
            final int n = Counter.values().length;
            final long[] values = new long[n];
            final String[] labels = new String[n];
            reader.forEach((value, id, label) ->
            {
                if (id < n)
                {
                    values[id] = value;
                    labels[id] = label;
                }
            });
            return new Snapshot(header.getLong(PID_OFFSET), header.getLong(START_OFFSET),
                header.getLongVolatile(HEARTBEAT_OFFSET), values, labels);
        }
        finally
        {
            IoUtil.unmap(mapped);
        }
    }
}
