package io.ringlog.engine.event;

/**
 * One ring slot: the raw bytes of a message, where and when it arrived, and what the parser and the logic stage
 * found in it, as offsets into those bytes. Slots are preallocated and reused; nothing here is a String.
 *
 * <p>Threading: the listener fills the receipt part and publishes; parser {@code seq % N} fills the parse part;
 * the logic stage fills the time and verdict; the writer reads everything, then {@link #clear()}s the slot (the
 * Disruptor's gating orders each stage's writes before the next stage's reads).
 *
 * <p>Raw bytes live in {@link #raw}: normally the slot's own {@code inline} array of {@code slotBytes}; a longer
 * message gets an array of its own (an allocation, for the rare large message only), which the writer returns
 * to the inline array after journaling.
 */
public final class LogEvent
{
    /** Timestamp components not (yet) known. */
    public static final int UNKNOWN = Integer.MIN_VALUE;
    /** {@link #timestampEpochNanos} when there is no usable timestamp. */
    public static final long NO_TIMESTAMP = Long.MIN_VALUE;

    private final byte[] inline;

    // ---- written by the listener
    public byte[] raw;
    public int rawLength;
    public long receivedAtNanos;
    public byte transport;
    /** 4 for IPv4, 16 for IPv6, 0 for none; the address is in the first bytes of {@link #sourceAddress}. */
    public byte sourceAddressLength;
    public final byte[] sourceAddress = new byte[16];
    public int sourcePort;
    /** Flags the listener already knows ({@link ParseFlags#TRUNCATED}); parsers OR theirs in. */
    public int flags;

    // ---- written by a parser
    public byte format;
    /** 0..23, or -1 when the message had none that could be read. */
    public byte facility;
    /** 0..7, or -1. */
    public byte severity;
    public short errorCode;
    /** Byte offset in the raw message where parsing stopped, or -1. */
    public int errorOffset;
    public final int[] fieldOffset = new int[Field.COUNT];
    public final int[] fieldLength = new int[Field.COUNT];
    /** Timestamp components as sent; {@link #UNKNOWN} where the message did not carry one (3164 has no year). */
    public int tsYear;
    public int tsMonth;
    public int tsDay;
    public int tsHour;
    public int tsMinute;
    public int tsSecond;
    public int tsNanos;
    /** Zone offset sent with the timestamp, in minutes east of UTC, or {@link #UNKNOWN}. */
    public int tsOffsetMinutes;

    // ---- written by the logic stage
    /** The timestamp as epoch nanos (year and zone completed), or {@link #NO_TIMESTAMP}. */
    public long timestampEpochNanos;
    /** The zone offset used for {@link #timestampEpochNanos}, in minutes. */
    public int timestampOffsetMinutes;
    public long tags;
    /** Set by the logic stage when the rules drop this event: the writer skips it. */
    public boolean filtered;

    public LogEvent(final int slotBytes)
    {
        inline = new byte[slotBytes];
        raw = inline;
        clear();
    }

    /** Capacity of the slot's own array: messages up to this size are copied without allocating. */
    public int inlineCapacity()
    {
        return inline.length;
    }

    /**
     * Makes {@link #raw} able to hold {@code length} bytes: the inline array when it fits, else a new array.
     *
     * @return true when a new array had to be allocated (the caller accounts for it).
     */
    public boolean ensureCapacity(final int length)
    {
        if (length <= inline.length)
        {
            raw = inline;
            return false;
        }
        raw = new byte[length];
        return true;
    }

    /** True when {@link #raw} is an overflow array rather than the inline one. */
    public boolean isOverflow()
    {
        return raw != inline;
    }

    /** Resets the parse and logic part, leaving the raw bytes and receipt data alone. */
    public void resetParse()
    {
        format = MessageFormat.UNPARSED;
        facility = -1;
        severity = -1;
        errorCode = ParseError.NONE;
        errorOffset = -1;
        for (int i = 0; i < Field.COUNT; i++)
        {
            fieldOffset[i] = Field.ABSENT;
            fieldLength[i] = 0;
        }
        tsYear = UNKNOWN;
        tsMonth = UNKNOWN;
        tsDay = UNKNOWN;
        tsHour = UNKNOWN;
        tsMinute = UNKNOWN;
        tsSecond = UNKNOWN;
        tsNanos = 0;
        tsOffsetMinutes = UNKNOWN;
        timestampEpochNanos = NO_TIMESTAMP;
        timestampOffsetMinutes = 0;
        tags = 0;
        filtered = false;
    }

    /** Returns the slot to its empty state and drops any overflow array, so a large message is not kept alive. */
    public void clear()
    {
        raw = inline;
        rawLength = 0;
        receivedAtNanos = 0;
        transport = Transport.NONE;
        sourceAddressLength = 0;
        sourcePort = 0;
        flags = 0;
        resetParse();
    }

    /** Sets a located field. */
    public void field(final int field, final int offset, final int length)
    {
        fieldOffset[field] = offset;
        fieldLength[field] = length;
    }
}
