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

    private ParseFlags()
    {
    }
}
