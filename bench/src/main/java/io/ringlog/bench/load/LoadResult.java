package io.ringlog.bench.load;

/**
 * What one {@link LoadGenerator#run} sent.
 *
 * @param sent          messages handed to the kernel (every write completed).
 * @param bytes         bytes handed to the kernel, framing included.
 * @param firstNanos    {@code System.nanoTime()} just before the first write.
 * @param lastNanos     {@code System.nanoTime()} just after the last write.
 * @param maxLateNanos  rate mode: the most a batch started after its first message's scheduled time; 0 in max mode.
 */
public record LoadResult(long sent, long bytes, long firstNanos, long lastNanos, long maxLateNanos)
{
    public double msgsPerSec()
    {
        return lastNanos > firstNanos ? sent * 1e9 / (lastNanos - firstNanos) : 0;
    }
}
