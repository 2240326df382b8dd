package io.ringlog.engine.event;

/**
 * Bits recording which heuristics and facts applied while a message was read, so a user can see why a field was
 * read as it was. Stored in the journal record: append new bits, never reuse one.
 */
public final class ParseFlags
{
    /** RFC 5424 MSG began with the UTF-8 BOM (the bytes are kept; the message field starts after it). */
    public static final int BOM = 1;
    /** The frame was longer than the maximum message size and was cut; the rest was discarded. */
    public static final int TRUNCATED = 1 << 1;
    /** The message had no PRI; facility user (1), severity notice (5) were assumed, as RFC 3164 §4.3.3 says. */
    public static final int PRI_ASSUMED = 1 << 2;
    /** The timestamp had no year; the logic stage chose one (not in the future by more than a day). */
    public static final int YEAR_INFERRED = 1 << 3;
    /** The timestamp had no zone; the logic stage applied the configured zone. */
    public static final int ZONE_INFERRED = 1 << 4;
    /** No hostname was sent; the field is absent. */
    public static final int NO_HOSTNAME = 1 << 5;
    /** The timestamp was missing or unreadable; the receipt time stands in for it. */
    public static final int TIMESTAMP_FROM_RECEIPT = 1 << 6;
    /** An RFC 3339 timestamp in an RFC 3164 header (rsyslog's default template). */
    public static final int RFC3339_IN_3164 = 1 << 7;
    /** The RFC 3164 timestamp carried a year. */
    public static final int YEAR_IN_3164 = 1 << 8;
    /**
     * A Cisco message counter ({@code <189>123: ...}, also {@code 000045: } from {@code service sequence-numbers}
     * and NX-OS's empty {@code <189>: ...}) came before the timestamp and was skipped; it is in the raw bytes.
     */
    public static final int SEQUENCE_NUMBER = 1 << 9;
    /**
     * The timestamp was marked {@code *} (Cisco: clock not authoritative) or {@code .} (lost its NTP sync): the
     * device's time may be far off, so the receipt time may be the better one.
     */
    public static final int CLOCK_UNSYNCED = 1 << 10;
    /**
     * The RFC 3164 timestamp carried a zone name ({@code ... 18:48:50.483 UTC:}); only UTC, GMT and UT set the
     * offset, any other name leaves it to the configured zone ({@link #ZONE_INFERRED}).
     */
    public static final int ZONE_NAME = 1 << 11;
    /**
     * No TAG was read: the content had no first word, or it started with {@code [}, was a {@code key=value} pair
     * (FortiGate and other appliances) or syslogd's own {@code last message repeated N times}; APP_NAME is absent
     * and MESSAGE holds the whole content.
     */
    public static final int NO_TAG = 1 << 12;

    private ParseFlags()
    {
    }
}
