package io.ringlog.engine.journal;

/** A journal record this version cannot read: unknown format version or inconsistent lengths. */
public final class JournalFormatException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public JournalFormatException(final String message)
    {
        super(message);
    }
}
