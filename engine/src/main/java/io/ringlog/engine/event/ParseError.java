package io.ringlog.engine.event;

/**
 * Why a message did not parse. Codes are stored in the journal record: append, never renumber. A parser sets the
 * code and the byte offset where it stopped; the message is journaled as {@link MessageFormat#UNPARSED}.
 */
public final class ParseError
{
    public static final short NONE = 0;
    public static final short EMPTY = 1;
    public static final short BAD_PRI = 2;
    public static final short BAD_VERSION = 3;
    public static final short BAD_TIMESTAMP = 4;
    public static final short BAD_HOSTNAME = 5;
    public static final short BAD_APP_NAME = 6;
    public static final short BAD_PROC_ID = 7;
    public static final short BAD_MSG_ID = 8;
    public static final short BAD_STRUCTURED_DATA = 9;
    public static final short MISSING_SPACE = 10;
    public static final short TRUNCATED_HEADER = 11;
    public static final short BAD_3164_HEADER = 12;
    /** RFC 5424 MSG began with the UTF-8 BOM but the bytes after it are not well-formed UTF-8 (MSG-UTF8). */
    public static final short BAD_UTF8 = 13;

    private static final String[] MESSAGES = {
        null,
        "empty message",
        "invalid PRI",
        "invalid VERSION",
        "invalid TIMESTAMP",
        "invalid HOSTNAME",
        "invalid APP-NAME",
        "invalid PROCID",
        "invalid MSGID",
        "invalid STRUCTURED-DATA",
        "expected SP",
        "message ends inside the header",
        "invalid RFC 3164 header",
        "MSG after the UTF-8 BOM is not valid UTF-8",
    };

    private ParseError()
    {
    }

    /** One line describing the code, or {@code "error N"} for a code this version does not know. */
    public static String describe(final int code)
    {
        if (code > 0 && code < MESSAGES.length)
        {
            return MESSAGES[code];
        }
        return code == 0 ? null : "error " + code;
    }
}
