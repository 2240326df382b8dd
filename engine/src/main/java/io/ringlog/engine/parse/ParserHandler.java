package io.ringlog.engine.parse;

import com.lmax.disruptor.EventHandler;
import io.ringlog.engine.event.LogEvent;

/**
 * One of N parallel parser stages on the ring. Disruptor 4 has no WorkerPool, so each of the N handlers sees
 * every sequence and parses only those with {@code sequence % count == id}; the logic stage is gated on all N,
 * which keeps the ring order intact while parsing runs on N threads.
 *
 * <p>Parsing never throws for malformed input (errors are recorded in the slot), so a throw here is a bug and
 * goes to the Disruptor's exception handler.
 */
public final class ParserHandler implements EventHandler<LogEvent>
{
    private final int id;
    private final int count;
    private final SyslogParser parser;

    /**
     * @param id     this handler's index, 0 .. count - 1.
     * @param count  number of parser handlers on the ring.
     * @param parser this handler's own parser (parsers hold per-message state and are not shared).
     */
    public ParserHandler(final int id, final int count, final SyslogParser parser)
    {
        if (count < 1 || id < 0 || id >= count)
        {
            throw new IllegalArgumentException("parser id " + id + " not in 0.." + (count - 1));
        }
        if (parser == null)
        {
            throw new IllegalArgumentException("parser must not be null");
        }
        this.id = id;
        this.count = count;
        this.parser = parser;
    }

    public int id()
    {
        return id;
    }

    public int count()
    {
        return count;
    }

    @Override
    public void onStart()
    {
        Thread.currentThread().setName("ringlog-parser-" + id);
    }

    @Override
    public void onEvent(final LogEvent event, final long sequence, final boolean endOfBatch)
    {
        if (sequence % count != id)
        {
            return;
        }
        parser.parse(event);
    }
}
