package io.ringlog.engine.event;

/**
 * Indexes of the header fields a parser locates, as (offset, length) pairs into the raw bytes of a message.
 * The order is part of the journal record layout: append new fields, never renumber.
 */
public final class Field
{
    /** The timestamp token as sent. */
    public static final int TIMESTAMP = 0;
    public static final int HOSTNAME = 1;
    public static final int APP_NAME = 2;
    public static final int PROC_ID = 3;
    public static final int MSG_ID = 4;
    /** The whole STRUCTURED-DATA part, brackets included (RFC 5424 only). */
    public static final int STRUCTURED_DATA = 5;
    public static final int MESSAGE = 6;
    public static final int COUNT = 7;

    /** Offset of a field that is absent or RFC 5424's NILVALUE. */
    public static final int ABSENT = -1;

    private Field()
    {
    }
}
