package io.ringlog.bench.ingest;

import io.ringlog.engine.counters.Counter;
import io.ringlog.engine.counters.CountersFile;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A running engine's counters file mapped read-only once and polled cheaply (one acquire load per value), for the
 * rig's 1 ms "is everything journaled?" loop.
 *
 * <p>Why not {@link CountersFile#read}: it maps, copies every counter and unmaps on each call, and it goes through
 * Agrona's {@code UnsafeBuffer}, which needs {@code --add-exports java.base/jdk.internal.misc} that a plain
 * {@code java -cp benchmarks.jar} launch does not have. This view reads the same layout (see the diagram in
 * {@link CountersFile}: a 128-byte header, then Agrona metadata, then one 128-byte value record per counter id,
 * the value in its first 8 bytes) with a {@link VarHandle}; the bench test checks it against
 * {@link CountersFile#read}.
 */
public final class CountersView implements AutoCloseable
{
    /** Header offsets, as in {@link CountersFile} (package-private there). */
    private static final int VERSION_OFFSET = 4;
    private static final int METADATA_LENGTH_OFFSET = 32;
    private static final int VALUES_LENGTH_OFFSET = 36;
    /** Agrona {@code CountersReader.COUNTER_LENGTH}. */
    private static final int COUNTER_LENGTH = 128;
    private static final VarHandle LONGS =
        MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS =
        MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final MappedByteBuffer mapped;
    private final int valuesOffset;

    private CountersView(final MappedByteBuffer mapped, final int valuesOffset)
    {
        this.mapped = mapped;
        this.valuesOffset = valuesOffset;
    }

    /**
     * Maps {@code journalDir/ringlogd.counters}.
     *
     * @throws IllegalStateException when the file is missing, not a counters file, or of another version.
     */
    public static CountersView open(final Path journalDir) throws IOException
    {
        final Path file = CountersFile.pathFor(journalDir);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ))
        {
            final MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
            if ((int)INTS.get(m, 0) != CountersFile.MAGIC)
            {
                throw new IllegalStateException(file + ": not a ringlog counters file");
            }
            final int version = (int)INTS.getAcquire(m, VERSION_OFFSET);
            if (version != CountersFile.VERSION)
            {
                throw new IllegalStateException(file + ": counters version " + version + ", expected " +
                    CountersFile.VERSION);
            }
            final int metaLength = (int)INTS.get(m, METADATA_LENGTH_OFFSET);
            final int valuesLength = (int)INTS.get(m, VALUES_LENGTH_OFFSET);
            if ((long)CountersFile.HEADER_LENGTH + metaLength + valuesLength > ch.size() ||
                valuesLength < Counter.values().length * COUNTER_LENGTH)
            {
                throw new IllegalStateException(file + ": counters lengths do not fit the file");
            }
            return new CountersView(m, CountersFile.HEADER_LENGTH + metaLength);
        }
    }

    /** The counter's current value (acquire load: sees what the engine published with release). */
    public long get(final Counter counter)
    {
        return (long)LONGS.getAcquire(mapped, valuesOffset + counter.id() * COUNTER_LENGTH);
    }

    @Override
    public void close()
    {
        // a MappedByteBuffer is unmapped when collected; the rig maps one per run
    }
}
