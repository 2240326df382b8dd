package io.ringlog.tools;

import io.ringlog.engine.journal.JournalRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Resends the selected records' original bytes through a {@link SyslogSender}: the {@link RecordSink} of
 * {@code ringlog forward}. Three paces: as fast as the receiver takes them; at a fixed rate (each message sent
 * at its scheduled time {@code start + i / rate}, so a late one does not shift the rest); or at the pace they
 * were received ({@code --as-recorded}), optionally sped up.
 *
 * <p>The checkpoint file holds the journal index of the last record handed to the kernel, written (to a
 * temporary file, then renamed over the old one) every {@value #CHECKPOINT_EVERY} records, at the end, and when
 * stopped; {@code forward --checkpoint} resumes after it. A TCP receiver may still lose what sat in the socket
 * buffers when it died, so a resume after a crash can repeat nothing but may miss at most those bytes.
 * Single-threaded.
 */
public final class Forwarder implements RecordSink
{
    static final int CHECKPOINT_EVERY = 65_536;

    private final SyslogSender sender;
    private final Path checkpoint;
    private final double rate;
    private final double speed;
    private final BooleanSupplier stop;
    private long sent;
    private long skipped;
    private long damaged;
    private long lastIndex = -1;
    private long checkpointed = -1;
    private long startNanos = Long.MIN_VALUE;
    private long firstReceivedAt;
    private IOException failure;

    /**
     * @param rate  messages per second, or 0 for no limit.
     * @param speed with {@code asRecorded}, how many times faster than recorded; 0 when not pacing as recorded.
     */
    public Forwarder(final SyslogSender sender, final Path checkpoint, final double rate, final double speed,
        final BooleanSupplier stop)
    {
        this.sender = sender;
        this.checkpoint = checkpoint;
        this.rate = rate;
        this.speed = speed;
        this.stop = stop;
    }

    /** The index to resume after, from a checkpoint file, or -1 when there is none yet. */
    public static long readCheckpoint(final Path file)
    {
        if (file == null || !Files.exists(file))
        {
            return -1;
        }
        try
        {
            return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).strip());
        }
        catch (final IOException | NumberFormatException e)
        {
            throw new IllegalStateException("checkpoint " + file + " is unreadable (" + e.getMessage() +
                "): delete it to start from the beginning");
        }
    }

    @Override
    public boolean accept(final long index, final JournalRecord record, final byte[] bytes, final int rawOffset)
    {
        try
        {
            pace(record.receivedAtNanos());
            if (stop.getAsBoolean())
            {
                return false;
            }
            if (sender.send(bytes, rawOffset, record.rawLength()))
            {
                sent++;
            }
            else
            {
                skipped++;
            }
            lastIndex = index;
            if ((sent + skipped) % CHECKPOINT_EVERY == 0)
            {
                sender.flush();
                saveCheckpoint();
            }
            return true;
        }
        catch (final IOException e)
        {
            failure = e;
            return false;
        }
    }

    private void pace(final long receivedAt) throws IOException
    {
        if (startNanos == Long.MIN_VALUE)
        {
            startNanos = System.nanoTime();
            firstReceivedAt = receivedAt;
        }
        final long due;
        if (rate > 0)
        {
            due = startNanos + (long)((sent + skipped) * 1e9 / rate);
        }
        else if (speed > 0)
        {
            due = startNanos + (long)((receivedAt - firstReceivedAt) / speed);
        }
        else
        {
            return;
        }
        long wait = due - System.nanoTime();
        if (wait > 0)
        {
            sender.flush();
            while (wait > 0 && !stop.getAsBoolean())
            {
                LockSupport.parkNanos(Math.min(wait, 100_000_000L));
                wait = due - System.nanoTime();
            }
        }
    }

    @Override
    public void damaged(final long index, final String reason)
    {
        damaged++;
    }

    @Override
    public void damaged(final long index, final long count, final String reason)
    {
        damaged += count;
    }

    @Override
    public boolean idle()
    {
        try
        {
            sender.flush();
            saveCheckpoint();
            return true;
        }
        catch (final IOException e)
        {
            failure = e;
            return false;
        }
    }

    private void saveCheckpoint() throws IOException
    {
        if (checkpoint == null || lastIndex == checkpointed || lastIndex < 0)
        {
            return;
        }
        final Path tmp = checkpoint.resolveSibling(checkpoint.getFileName() + ".tmp");
        Files.writeString(tmp, lastIndex + "\n", StandardCharsets.US_ASCII);
        try
        {
            Files.move(tmp, checkpoint, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final AtomicMoveNotSupportedException e)
        {
            Files.move(tmp, checkpoint, StandardCopyOption.REPLACE_EXISTING);
        }
        checkpointed = lastIndex;
    }

    public long sent()
    {
        return sent;
    }

    /** Messages too large for a UDP datagram, not sent. */
    public long skipped()
    {
        return skipped;
    }

    public long damaged()
    {
        return damaged;
    }

    /** The send or checkpoint error that stopped the run, or null. */
    public IOException failure()
    {
        return failure;
    }
}
