package io.ringlog.engine.listen;

import io.ringlog.engine.counters.Counter;
import io.ringlog.engine.counters.CountersFile;
import io.ringlog.engine.event.ParseFlags;
import io.ringlog.engine.event.Transport;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * The listener's UDP side (RFC 5426: one datagram, one message). UDP cannot push back, so a datagram that finds
 * the ring (or the large-message budget) full is dropped and counted by reason; one longer than the maximum
 * message is cut there and flagged. While the journal's disk is below its reserve every datagram is read (so the
 * socket buffer does not turn the loss into uncounted kernel drops) and counted as {@code dropped.disk_full}. Used only by the listener thread; allocation-free (the JDK hands back the same
 * sender address object for repeated datagrams from one sender, which {@link Source} recognises).
 */
final class UdpReceiver
{
    private static final Logger LOG = LoggerFactory.getLogger(UdpReceiver.class);
    /** Datagrams read per ready event, so a flood cannot starve the TCP connections. */
    private static final int DATAGRAMS_PER_PASS = 64;

    private final DatagramChannel channel;
    private final RingPublisher publisher;
    private final EpochNanoClock clock;
    private final int maxMessageBytes;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(65536);
    private final Source source = new Source();
    private final AtomicCounter received;
    private final AtomicCounter bytesReceived;
    private final AtomicCounter droppedRingFull;
    private final AtomicCounter droppedBudget;
    private final AtomicCounter droppedDiskFull;
    private boolean diskFull;

    UdpReceiver(
        final DatagramChannel channel,
        final RingPublisher publisher,
        final EpochNanoClock clock,
        final CountersFile counters,
        final int maxMessageBytes)
    {
        this.channel = channel;
        this.publisher = publisher;
        this.clock = clock;
        this.maxMessageBytes = maxMessageBytes;
        this.received = counters.get(Counter.RECEIVED_UDP);
        this.bytesReceived = counters.get(Counter.BYTES_RECEIVED);
        this.droppedRingFull = counters.get(Counter.DROPPED_RING_FULL);
        this.droppedBudget = counters.get(Counter.DROPPED_OVERFLOW_BUDGET);
        this.droppedDiskFull = counters.get(Counter.DROPPED_DISK_FULL);
    }

    /** While true, every datagram read is dropped and counted as {@code dropped.disk_full}. */
    void diskFull(final boolean diskFull)
    {
        this.diskFull = diskFull;
    }

    DatagramChannel channel()
    {
        return channel;
    }

    /** Reads what the socket holds, up to {@link #DATAGRAMS_PER_PASS} datagrams, each published on its own. */
    void read()
    {
        for (int i = 0; i < DATAGRAMS_PER_PASS; i++)
        {
            buffer.clear();
            final Object sender;
            try
            {
                sender = channel.receive(buffer);
            }
            catch (final IOException e)
            {
                LOG.warn("udp receive failed: {}", e.toString());
                return;
            }
            if (sender == null)
            {
                return;
            }
            final long now = clock.nanoTime();
            int length = buffer.position();
            bytesReceived.getAndAddRelease(length);
            received.incrementRelease();
            if (diskFull)
            {
                droppedDiskFull.incrementRelease();
                continue;
            }
            int flags = 0;
            if (length > maxMessageBytes)
            {
                length = maxMessageBytes;
                flags = ParseFlags.TRUNCATED;
            }
            final int result = publisher.publish(buffer, 0, length, flags, source.set(sender), Transport.UDP, now);
            if (result == RingPublisher.RING_FULL)
            {
                droppedRingFull.incrementRelease();
            }
            else if (result == RingPublisher.BUDGET_FULL)
            {
                droppedBudget.incrementRelease();
            }
            publisher.flush();
        }
    }
}
