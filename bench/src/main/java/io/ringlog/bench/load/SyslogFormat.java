package io.ringlog.bench.load;

/** The message format the generator writes: RFC 5424 (stamps in structured data) or RFC 3164 (stamps in MSG). */
public enum SyslogFormat
{
    RFC5424("5424"),
    RFC3164("3164");

    private final String label;

    SyslogFormat(final String label)
    {
        this.label = label;
    }

    /** By label ({@code 5424}, {@code 3164}); one clear line when unknown. */
    public static SyslogFormat of(final String label)
    {
        for (final SyslogFormat f : values())
        {
            if (f.label.equals(label))
            {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + label + "' (5424, 3164)");
    }

    @Override
    public String toString()
    {
        return label;
    }
}
