package io.ringlog.engine.journal;

import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads the current cycle file ahead of the writer, on its own thread ({@code ringlog-journal-prefetch}), so that
 * the writer's appends find their pages already in the page cache.
 *
 * <p>Why: a Chronicle cycle file is sparse and written through a memory mapping. The first touch of a page that is
 * not yet cached is a page fault, and the kernel serves a fault on a file mapping with <em>read-around</em>: it
 * allocates and fills (for holes: zeroes) up to the block device's readahead window, as large folios, synchronously,
 * in the faulting thread. On this project's machines {@code read_ahead_kb} is 8192, so one append now and then
 * zeroed up to 8 MiB of fresh memory and stalled the writer 10-30 ms, every ~0.1-0.8 s at 100k msg/s
 * ({@code perf}: {@code filemap_fault -> page_cache_ra_order -> ext4_mpage_readpages -> memset};
 * {@code bench}'s {@code JournalStallProbe} reproduces it). tmpfs has no readahead, which is why the stalls
 * "vanished on tmpfs". Reading the same range through a file descriptor runs the same readahead and zeroing here
 * instead, and the writer's later fault maps a page that is already there.
 *
 * <p>It reads from the writer's published position up to {@code windowBytes} ahead, never past the file's length
 * (Chronicle grows the file one block at a time). Reads go through one reused direct buffer: nothing is allocated
 * per pass. It never writes, so it cannot damage the journal; an error stops prefetching (logged once) and the writer
 * carries on as it would without it.
 */
public final class JournalPrefetcher implements Runnable, AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(JournalPrefetcher.class);
    private static final long BUSY_PARK_NANOS = 2_000_000;
    private static final long IDLE_PARK_NANOS = 20_000_000;
    private static final long NO_CYCLE = Long.MIN_VALUE;

    private final SingleChronicleQueue queue;
    private final long windowBytes;
    private final Thread thread;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    /** Written by the writer at the end of each batch; read here. */
    private final AtomicLong writerCycle = new AtomicLong(NO_CYCLE);
    private final AtomicLong writerPosition = new AtomicLong();
    private volatile boolean stopRequested;
    private FileChannel channel;
    private long channelCycle = NO_CYCLE;
    /** Written by the one thread that prefetches; volatile so others can watch it. */
    private volatile long prefetchedTo;

    /** @param windowBytes how far ahead of the writer to read; 0 disables the prefetcher (no thread). */
    public JournalPrefetcher(final SingleChronicleQueue queue, final long windowBytes)
    {
        this.queue = queue;
        this.windowBytes = windowBytes;
        this.thread = new Thread(this, "ringlog-journal-prefetch");
        this.thread.setDaemon(true);
    }

    public boolean enabled()
    {
        return windowBytes > 0;
    }

    public JournalPrefetcher start()
    {
        if (enabled())
        {
            thread.start();
        }
        return this;
    }

    /** Writer thread, end of batch: where the next append goes. Two ordered stores, no allocation. */
    public void writerAt(final int cycle, final long position)
    {
        writerPosition.setRelease(position);
        writerCycle.setRelease(cycle);
    }

    @Override
    public void run()
    {
        long lastPosition = -1;
        try
        {
            while (!stopRequested)
            {
                final long position = writerPosition.getAcquire();
                prefetch(writerCycle.getAcquire(), position);
                LockSupport.parkNanos(position == lastPosition ? IDLE_PARK_NANOS : BUSY_PARK_NANOS);
                lastPosition = position;
            }
        }
        catch (final IOException | RuntimeException e)
        {
            LOG.warn("journal prefetch stopped ({}); appends may stall on page faults", e.toString());
        }
        finally
        {
            closeChannel();
        }
    }

    /** The end of what has been read ahead in the current cycle file. */
    public long prefetchedTo()
    {
        return prefetchedTo;
    }

    /** True while the prefetch thread runs. */
    public boolean running()
    {
        return thread.isAlive();
    }

    /**
     * One pass: reads from the writer's position to the window or the file's end. Called by the prefetch thread;
     * public so a test can drive it without the thread (never both). Returns the bytes read.
     */
    public long prefetch(final long cycle, final long position) throws IOException
    {
        if (cycle == NO_CYCLE)
        {
            return 0;
        }
        if (cycle != channelCycle)
        {
            closeChannel();
            try
            {
                channel = FileChannel.open(Journal.cycleFile(queue, (int)cycle).toPath(), StandardOpenOption.READ);
            }
            catch (final NoSuchFileException e)
            {
                return 0; // not created yet, or already deleted: try again next pass
            }
            channelCycle = cycle;
            prefetchedTo = 0;
        }
        final long target = Math.min(channel.size(), position + windowBytes);
        long from = Math.max(prefetchedTo, position);
        final long start = from;
        while (from < target && !stopRequested)
        {
            buffer.clear().limit((int)Math.min(buffer.capacity(), target - from));
            final int n = channel.read(buffer, from);
            if (n <= 0)
            {
                break;
            }
            from += n;
        }
        prefetchedTo = from;
        return from - start;
    }

    private void closeChannel()
    {
        if (channel != null)
        {
            try
            {
                channel.close();
            }
            catch (final IOException ignore)
            {
                // read-only channel: nothing to lose
            }
            channel = null;
            channelCycle = NO_CYCLE;
        }
    }

    /** Stops the thread (no interrupt: it would close the channel under a read) and waits for it. */
    @Override
    public void close()
    {
        stopRequested = true;
        if (thread.isAlive())
        {
            LockSupport.unpark(thread);
            try
            {
                thread.join(5_000);
            }
            catch (final InterruptedException e)
            {
                Thread.currentThread().interrupt();
            }
        }
    }
}
