package io.ringlog.engine.journal;

import org.agrona.concurrent.status.AtomicCounter;

import java.io.File;

/**
 * The journal's disk reserve: tells the listener when the usable space of the journal's file system falls below
 * {@code journal.reserveBytes}, so it stops taking new messages (TCP reads pause, UDP datagrams are counted as
 * {@code dropped.disk_full}) while the writer can still journal everything already in the ring.
 *
 * <p>Why a reserve rather than handling the error: Chronicle appends by writing straight into a memory-mapped,
 * sparse cycle file (it grows files with {@code setLength}, which allocates nothing). The file system allocates a
 * page only when the writer first touches it, and when it has none left the kernel answers the page fault with
 * SIGBUS. The JVM turns a SIGBUS inside an {@code Unsafe} access into an asynchronous {@link InternalError} at best,
 * and a crash with an {@code hs_err} file at worst; either way Chronicle is left in the middle of a document whose
 * header says "incomplete", and no {@code write()} error code ever tells the writer in time. So the writer must
 * never reach a page that cannot be backed, and the only place to stop that is before a message enters the ring.
 *
 * <p>How big the reserve must be ({@link #minimumReserveBytes}): when the listener stops, the ring may still hold
 * {@code ring.size} messages of up to {@code ring.slotBytes} each, plus up to {@code ring.overflowBudgetBytes} of
 * longer ones, each with its {@value #RECORD_OVERHEAD_BYTES}-byte record and Chronicle headers; and Chronicle may
 * be about to start a new block of {@code journal.blockSizeBytes} (its index and header pages are touched
 * then). With the defaults that is 65536 × 1156 B + 64 MiB + 16 MiB ≈ 152 MiB. The default reserve of 256 MiB
 * adds about 100 MiB for what arrives between two checks (the listener checks every 100 ms; 100 MiB in 100 ms is
 * more than this engine can journal), for Chronicle's index arrays and a roll to a new cycle file, and for the
 * counters and lock files, which are written in full at start and need nothing later.
 *
 * <p>Reading resumes only once the space is above the reserve plus one block, so a disk hovering at the threshold
 * does not flip the listener on and off at every check.
 *
 * <p>Used by the listener thread only. {@link #poll()} is one {@code statvfs} call through
 * {@link File#getUsableSpace()}, which allocates nothing; it is called from the listener's housekeeping, never per
 * message.
 */
public final class JournalSpace
{
    /** Bytes a record costs beyond its raw message: Chronicle's 4-byte document header and the record header. */
    public static final int RECORD_OVERHEAD_BYTES = 4 + JournalRecord.HEADER_LENGTH;

    private final File dir;
    private final long reserveBytes;
    private final long resumeBytes;
    private final AtomicCounter freeBytesGauge;
    private long freeBytes = Long.MAX_VALUE;
    private boolean low;
    /** Set by the writer after a fault on a mapped page; read by the listener's checks. */
    private volatile boolean writerFaulted;

    /**
     * @param dir            the journal directory (its file system is the one measured).
     * @param reserveBytes   below this many usable bytes, {@link #poll()} reports low.
     * @param blockSizeBytes Chronicle's block size: once low, space must exceed the reserve by this much to resume.
     * @param freeBytesGauge set to the usable bytes at every check (for {@code ringlog stat}).
     */
    public JournalSpace(
        final File dir, final long reserveBytes, final long blockSizeBytes, final AtomicCounter freeBytesGauge)
    {
        this.dir = dir;
        this.reserveBytes = reserveBytes;
        this.resumeBytes = reserveBytes + blockSizeBytes;
        this.freeBytesGauge = freeBytesGauge;
    }

    /**
     * The smallest reserve that still covers everything the ring can hold when the listener stops, plus one
     * Chronicle block (see the class comment).
     */
    public static long minimumReserveBytes(
        final int ringSize, final int slotBytes, final long overflowBudgetBytes, final long blockSizeBytes)
    {
        return (long)ringSize * (slotBytes + RECORD_OVERHEAD_BYTES) + overflowBudgetBytes + blockSizeBytes;
    }

    /**
     * Reads the usable space now. Goes low below the reserve, and back only above the reserve plus one block.
     * A file system that cannot be read (0 from {@code statvfs}, e.g. the directory vanished) counts as low: the
     * writer could not journal there either.
     *
     * @return true while the listener must not take new messages.
     */
    public boolean poll()
    {
        freeBytes = dir.getUsableSpace();
        freeBytesGauge.setRelease(freeBytes);
        if (writerFaulted)
        {
            low = true; // until restart: whatever the free space, the writer appends nothing more
        }
        else if (low)
        {
            low = freeBytes <= resumeBytes;
        }
        else
        {
            low = freeBytes < reserveBytes;
        }
        return low;
    }

    /**
     * The writer faulted on a mapped page and appends nothing more: from the next check on the listener treats the
     * journal as full for good (TCP senders wait instead of being read into a writer that can only drop, UDP is
     * counted as {@code dropped.disk_full}) until ringlogd restarts.
     */
    public void markWriterFaulted()
    {
        writerFaulted = true;
    }

    public boolean writerFaulted()
    {
        return writerFaulted;
    }

    public boolean isLow()
    {
        return low;
    }

    /** Usable bytes at the last {@link #poll()}. */
    public long freeBytes()
    {
        return freeBytes;
    }

    public long reserveBytes()
    {
        return reserveBytes;
    }

    public File dir()
    {
        return dir;
    }
}
