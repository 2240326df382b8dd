package io.ringlog.engine.event;

/** Which grammar a message was read with. The code is stored in the journal record: never renumber. */
public final class MessageFormat
{
    /** Did not parse (the record carries an error code and byte offset), or not parsed yet. */
    public static final byte UNPARSED = 0;
    public static final byte RFC5424 = 1;
    public static final byte RFC3164 = 2;
    public static final byte JSON = 3;

    private MessageFormat()
    {
    }

    /** The name used in JSON output ({@code "format"}). */
    public static String name(final int code)
    {
        switch (code)
        {
            case RFC5424: return "rfc5424";
            case RFC3164: return "rfc3164";
            case JSON: return "json";
            default: return "unparsed";
        }
    }
}
