package io.ringlog.engine.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * Makes the ring stages' threads and remembers them. {@code Disruptor.shutdown()} returns once the processors
 * are told to halt, while their {@code onShutdown()} (the writer's last counter update, its appender close) still
 * runs on their own threads; the engine must join them before it closes the journal and unmaps the counters file,
 * or a late write lands in unmapped memory and the JVM dies with SIGSEGV at exit.
 */
final class StageThreads implements ThreadFactory
{
    private final List<Thread> threads = new ArrayList<>();

    @Override
    public synchronized Thread newThread(final Runnable r)
    {
        final Thread t = new Thread(r, "ringlog-stage"); // each handler names its thread in onStart()
        t.setDaemon(true);
        threads.add(t);
        return t;
    }

    /** Waits for every stage thread to end; false if one is still running after {@code timeoutMs}. */
    synchronized boolean join(final long timeoutMs) throws InterruptedException
    {
        final long deadline = System.currentTimeMillis() + timeoutMs;
        for (final Thread t : threads)
        {
            t.join(Math.max(1, deadline - System.currentTimeMillis()));
            if (t.isAlive())
            {
                return false;
            }
        }
        return true;
    }
}
