package io.ringlog.engine.journal;

import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueStore;
import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.util.NavigableSet;
import java.util.concurrent.locks.LockSupport;

/**
 * Journal retention: deletes whole roll-cycle files ({@code *.cq4}), oldest first, when their cycle ended more than
 * {@code maxAgeMs} ago and/or while the journal's cycles hold more than {@code maxBytes}. It runs on its own daemon
 * thread ({@code ringlog-retention}) every {@code checkIntervalMs}, never on the writer: a deletion costs a
 * directory listing and an unlink, which must not stall the ring.
 *
 * <p>It never deletes the queue's current cycle ({@link SingleChronicleQueue#cycle()}), nor the newest cycle file
 * (the writer's until its next append rolls it), nor anything newer: Chronicle's
 * own {@code StoreFileListener.onReleased} also fires for the current cycle at close, so retention does not hang off
 * that callback but works from the cycle numbers.
 *
 * <p>A cycle's file name is Chronicle's: the cycle's start time, {@code epoch + cycle * rollCycle.lengthInMillis()},
 * formatted in UTC with {@code rollCycle.format()} (checked against the files Chronicle writes by
 * {@code RetentionTest}). A cycle's size is the bytes Chronicle has written into it (the store's write position),
 * not {@code Files.size}: cycle files are sparse and preallocated (a new cycle file is 80 MiB long but
 * occupies a few KiB), so the file length would count holes, and Java has no portable way to read the allocated
 * block count. The write position includes the index area Chronicle reserves at the head of each file (about
 * 512 KiB for TEST_SECONDLY, mostly holes too), so for nearly empty cycles it overstates the disk use; for cycles
 * that hold real traffic the records dominate.
 */
public final class Retention implements Runnable, AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final SingleChronicleQueue queue;
    private final RollCycle rollCycle;
    private final long maxAgeMs;
    private final long maxBytes;
    private final long checkIntervalMs;
    private final AtomicCounter deletedFiles;
    private final AtomicCounter deletedBytes;
    private final Thread thread;
    private volatile boolean stopRequested;
    private String lastError;

    /**
     * @param maxAgeMs        delete a cycle whose end is older than this; 0 = no age limit.
     * @param maxBytes        delete oldest cycles while all cycles hold more than this; 0 = no size limit.
     * @param checkIntervalMs time between checks on the retention thread.
     */
    public Retention(
        final SingleChronicleQueue queue,
        final long maxAgeMs,
        final long maxBytes,
        final long checkIntervalMs,
        final AtomicCounter deletedFiles,
        final AtomicCounter deletedBytes)
    {
        this.queue = queue;
        this.rollCycle = queue.rollCycle();
        this.maxAgeMs = maxAgeMs;
        this.maxBytes = maxBytes;
        this.checkIntervalMs = checkIntervalMs;
        this.deletedFiles = deletedFiles;
        this.deletedBytes = deletedBytes;
        this.thread = new Thread(this, "ringlog-retention");
        this.thread.setDaemon(true);
    }

    /** True when either limit is set; otherwise the journal is kept for ever and no thread is needed. */
    public boolean enabled()
    {
        return maxAgeMs > 0 || maxBytes > 0;
    }

    /** Starts the retention thread (only when {@link #enabled()}). */
    public Retention start()
    {
        if (enabled())
        {
            thread.start();
        }
        return this;
    }

    @Override
    public void run()
    {
        while (!stopRequested)
        {
            check(System.currentTimeMillis());
            final long deadline = System.nanoTime() + checkIntervalMs * 1_000_000L;
            long left;
            while (!stopRequested && (left = deadline - System.nanoTime()) > 0)
            {
                LockSupport.parkNanos(left); // not sleep/interrupt: an interrupt closes Chronicle's file channels
            }
        }
    }

    /** The file Chronicle uses for {@code cycle} ({@link Journal#cycleFile}). */
    public File fileFor(final int cycle)
    {
        return Journal.cycleFile(queue, cycle);
    }

    /**
     * One pass: deletes what the limits allow, oldest first. Public so tests can run it without waiting.
     *
     * @return the number of cycle files deleted.
     */
    public int check(final long nowMs)
    {
        try
        {
            return deleteExpired(nowMs);
        }
        catch (final RuntimeException e)
        {
            final String error = e.toString();
            if (!error.equals(lastError))
            {
                lastError = error;
                LOG.error("journal retention failed (will retry): {}", error);
            }
            return 0;
        }
    }

    private int deleteExpired(final long nowMs)
    {
        queue.refreshDirectoryListing();
        final int current = queue.cycle();
        final int first = queue.firstCycle();
        final int last = queue.lastCycle();
        if (first < 0 || first == Integer.MAX_VALUE || last < first)
        {
            return 0;
        }
        // only cycles with a file: just after a roll the clock's cycle has none until the writer's next append,
        // and Chronicle's listing throws when asked up to a cycle that has no file
        final NavigableSet<Long> cycles = queue.listCyclesBetween(first, last);
        final int n = cycles.size();
        final int[] cycle = new int[n];
        final long[] bytes = new long[n];
        long total = 0;
        int i = 0;
        for (final Long c : cycles)
        {
            cycle[i] = c.intValue();
            bytes[i] = usedBytes(cycle[i]);
            total += bytes[i];
            i++;
        }
        final long lengthMs = rollCycle.lengthInMillis();
        int deleted = 0;
        for (i = 0; i < n; i++)
        {
            if (cycle[i] >= current || cycle[i] >= last)
            {
                break; // never the file being written (the newest, until the writer rolls), nor one ahead of it
            }
            final long endMs = queue.epoch() + ((long)cycle[i] + 1) * lengthMs;
            final boolean tooOld = maxAgeMs > 0 && nowMs - endMs > maxAgeMs;
            final boolean tooBig = maxBytes > 0 && total > maxBytes;
            if (!tooOld && !tooBig)
            {
                break; // oldest first: once the oldest may stay, so may every newer one
            }
            final File file = fileFor(cycle[i]);
            if (file.delete())
            {
                total -= bytes[i];
                deleted++;
                deletedFiles.incrementRelease();
                deletedBytes.getAndAddRelease(bytes[i]);
                LOG.info("journal retention deleted {} ({} bytes, {})", file.getName(), bytes[i],
                    tooOld ? "older than retention.maxAgeMs" : "journal above retention.maxBytes");
            }
            else if (file.exists())
            {
                LOG.warn("journal retention could not delete {}", file);
                break;
            }
        }
        if (deleted > 0)
        {
            queue.refreshDirectoryListing();
        }
        return deleted;
    }

    /**
     * Bytes Chronicle has written into the cycle's file: its write position (which is the start of the last
     * record, so the last record's own length is not counted), or 0 when it cannot be opened.
     */
    private long usedBytes(final int cycle)
    {
        final SingleChronicleQueueStore store = queue.storeForCycle(cycle, queue.epoch(), false, null);
        if (store == null)
        {
            return 0;
        }
        try
        {
            return store.writePosition();
        }
        finally
        {
            queue.closeStore(store);
        }
    }

    /** Stops the thread and waits for it (a pass in progress finishes first). */
    @Override
    public void close()
    {
        stopRequested = true;
        LockSupport.unpark(thread);
        if (!thread.isAlive())
        {
            return;
        }
        try
        {
            thread.join(10_000);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }
}
