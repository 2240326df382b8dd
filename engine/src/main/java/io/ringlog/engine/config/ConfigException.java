package io.ringlog.engine.config;

/** A configuration problem, worded as the one line the user sees (file, line, key). */
public final class ConfigException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public ConfigException(final String message)
    {
        super(message);
    }
}
