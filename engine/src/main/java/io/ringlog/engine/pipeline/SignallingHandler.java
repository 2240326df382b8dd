package io.ringlog.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.WaitStrategy;

/**
 * Wraps a stage's handler so that, at the end of each batch, it publishes its own sequence (the Disruptor's
 * sequence callback, ahead of the processor doing the same) and then wakes stages blocked on it
 * ({@link io.ringlog.engine.config.HandoffWaitStrategy}). Publishing first is what makes the wake-up safe: a stage
 * woken before the sequence moved would go back to sleep.
 */
final class SignallingHandler<T> implements EventHandler<T>
{
    private final EventHandler<T> delegate;
    private final WaitStrategy strategy;
    private Sequence sequence;

    SignallingHandler(final EventHandler<T> delegate, final WaitStrategy strategy)
    {
        this.delegate = delegate;
        this.strategy = strategy;
    }

    @Override
    public void onEvent(final T event, final long seq, final boolean endOfBatch) throws Exception
    {
        delegate.onEvent(event, seq, endOfBatch);
        if (endOfBatch)
        {
            sequence.set(seq);
            strategy.signalAllWhenBlocking();
        }
    }

    @Override
    public void onBatchStart(final long batchSize, final long queueDepth)
    {
        delegate.onBatchStart(batchSize, queueDepth);
    }

    @Override
    public void onStart()
    {
        delegate.onStart();
    }

    @Override
    public void onShutdown()
    {
        delegate.onShutdown();
    }

    @Override
    public void setSequenceCallback(final Sequence sequenceCallback)
    {
        this.sequence = sequenceCallback;
        delegate.setSequenceCallback(sequenceCallback);
    }
}
