package io.ringlog.bench.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Another HotSpot JVM's garbage-collection count, read from its perf-data file
 * ({@code /tmp/hsperfdata_USER/PID}, the file {@code jstat} reads) instead of running {@code jstat}: that would
 * start a JVM on the cores the measured server is using, in the middle of the measurement.
 *
 * <p>File layout (HotSpot {@code perfMemory.hpp}, version 2): a prologue with the magic {@code 0xcafec0c0}, the
 * byte order at 4, the entries' offset at 24 and their count at 28; each entry has its length at 0, its name's
 * offset at 4, its vector length at 8, its type at 12 ({@code 'J'} = long) and its data's offset at 16.
 */
public final class HsPerfData
{
    private static final int MAGIC = 0xcafec0c0;

    private HsPerfData()
    {
    }

    /**
     * Young plus old collections so far ({@code sun.gc.collector.0.invocations} + {@code ...1.invocations}, what
     * jstat shows as YGC + FGC), or -1 when the JVM has no readable perf-data file.
     */
    public static long gcCount(final long pid)
    {
        final Path file = Path.of("/tmp", "hsperfdata_" + System.getProperty("user.name"), Long.toString(pid));
        try
        {
            final long young = counter(file, "sun.gc.collector.0.invocations");
            final long old = counter(file, "sun.gc.collector.1.invocations");
            return young < 0 || old < 0 ? -1 : young + old;
        }
        catch (final IOException | RuntimeException e)
        {
            return -1;
        }
    }

    /** A long counter by name, or -1 when absent. */
    static long counter(final Path file, final String name) throws IOException
    {
        if (!Files.isRegularFile(file))
        {
            return -1;
        }
        final ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
        if (b.getInt(0) != MAGIC)
        {
            return -1;
        }
        b.order(b.get(4) == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        final byte[] wanted = name.getBytes(StandardCharsets.US_ASCII);
        int entry = b.getInt(24);
        final int entries = b.getInt(28);
        for (int i = 0; i < entries && entry > 0 && entry + 20 <= b.limit(); i++)
        {
            final int length = b.getInt(entry);
            if (length <= 0)
            {
                return -1;
            }
            if (b.get(entry + 12) == 'J' && b.getInt(entry + 8) == 0 && nameIs(b, entry + b.getInt(entry + 4), wanted))
            {
                return b.getLong(entry + b.getInt(entry + 16));
            }
            entry += length;
        }
        return -1;
    }

    private static boolean nameIs(final ByteBuffer b, final int at, final byte[] wanted)
    {
        if (at + wanted.length >= b.limit())
        {
            return false;
        }
        for (int i = 0; i < wanted.length; i++)
        {
            if (b.get(at + i) != wanted[i])
            {
                return false;
            }
        }
        return b.get(at + wanted.length) == 0;
    }
}
