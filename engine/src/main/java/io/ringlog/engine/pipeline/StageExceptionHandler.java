package io.ringlog.engine.pipeline;

import com.lmax.disruptor.ExceptionHandler;
import io.ringlog.engine.counters.Counter;
import io.ringlog.engine.counters.CountersFile;
import io.ringlog.engine.event.LogEvent;
import org.agrona.concurrent.status.AtomicCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces the Disruptor's default handler, which would stop the stage (and so, in time, the whole ring): an
 * unexpected exception in a stage is counted, logged once per distinct error (class, message and throwing frame,
 * as Agrona's DistinctErrorLog does), and the stage carries on with the next event. The event itself still
 * flows on to the next stages with what it has, so it is journaled, not lost.
 */
public final class StageExceptionHandler implements ExceptionHandler<LogEvent>
{
    private static final Logger LOG = LoggerFactory.getLogger(StageExceptionHandler.class);

    private final AtomicCounter errors;
    private final ConcurrentHashMap<String, Boolean> seen = new ConcurrentHashMap<>();

    public StageExceptionHandler(final CountersFile counters)
    {
        this.errors = counters.get(Counter.HANDLER_ERRORS);
    }

    @Override
    public void handleEventException(final Throwable ex, final long sequence, final LogEvent event)
    {
        errors.increment();
        final StackTraceElement[] trace = ex.getStackTrace();
        final String key = ex.getClass().getName() + ": " + ex.getMessage() + " at " +
            (trace.length > 0 ? trace[0] : "?");
        if (seen.putIfAbsent(key, Boolean.TRUE) == null)
        {
            LOG.error("stage {} failed on sequence {} (logged once; counted as handler.errors): {}",
                Thread.currentThread().getName(), sequence, key);
        }
    }

    @Override
    public void handleOnStartException(final Throwable ex)
    {
        LOG.error("stage {} failed to start: {}", Thread.currentThread().getName(), ex.toString());
    }

    @Override
    public void handleOnShutdownException(final Throwable ex)
    {
        LOG.error("stage {} failed to stop cleanly: {}", Thread.currentThread().getName(), ex.toString());
    }
}
