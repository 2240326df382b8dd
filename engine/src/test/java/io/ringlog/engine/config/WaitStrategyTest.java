package io.ringlog.engine.config;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SequenceBarrier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The backoff and handoff strategies return what was published, give up on an alert, and sleep rather than spin. */
class WaitStrategyTest
{
    @ParameterizedTest
    @ValueSource(strings = {"backoff", "handoff"})
    void aWaiterSeesThePublishedSequenceAndSleepsMeanwhile(final String name) throws Exception
    {
        final RingBuffer<long[]> ring = RingBuffer.createSingleProducer(() -> new long[1], 8,
            WaitStrategies.create(name));
        final SequenceBarrier barrier = ring.newBarrier();
        final AtomicLong got = new AtomicLong(-1);
        final AtomicLong cpuNanos = new AtomicLong();
        final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        final Thread waiter = new Thread(() ->
        {
            final long cpu0 = mx.getCurrentThreadCpuTime();
            try
            {
                got.set(barrier.waitFor(0));
            }
            catch (final Exception e)
            {
                got.set(-2);
            }
            cpuNanos.set(mx.getCurrentThreadCpuTime() - cpu0);
        });
        waiter.start();
        Thread.sleep(500); // nothing published: the waiter backs off to parking
        ring.publish(ring.next());
        waiter.join(5_000);
        assertEquals(0, got.get());
        // a spinning waiter would use ~500 ms of CPU here; parking up to 1 ms at a time uses a few
        assertTrue(cpuNanos.get() < 150_000_000L, "waiter CPU over 500 ms idle: " + cpuNanos.get() / 1_000_000 + " ms");
        System.out.printf("%s: waiter used %.1f ms of CPU waiting 500 ms%n", name, cpuNanos.get() / 1e6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"backoff", "handoff"})
    void anAlertEndsTheWait(final String name) throws Exception
    {
        final RingBuffer<long[]> ring = RingBuffer.createSingleProducer(() -> new long[1], 8,
            WaitStrategies.create(name));
        final SequenceBarrier barrier = ring.newBarrier();
        final AtomicReference<Throwable> thrown = new AtomicReference<>();
        final Thread waiter = new Thread(() ->
        {
            try
            {
                barrier.waitFor(0);
            }
            catch (final Throwable t)
            {
                thrown.set(t);
            }
        });
        waiter.start();
        Thread.sleep(50);
        barrier.alert();
        waiter.join(5_000);
        assertInstanceOf(AlertException.class, thrown.get());
    }
}
