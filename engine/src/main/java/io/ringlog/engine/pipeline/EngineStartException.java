package io.ringlog.engine.pipeline;

/** Start-up failed; the message is the one line shown to the user. */
public final class EngineStartException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public EngineStartException(final String message)
    {
        super(message);
    }
}
