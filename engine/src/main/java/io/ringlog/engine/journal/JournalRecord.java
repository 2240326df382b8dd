package io.ringlog.engine.journal;

import io.ringlog.engine.event.Field;
import io.ringlog.engine.event.LogEvent;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The journal record: layout, encoder (used by the writer) and read flyweight (used by every tool). Tools never
 * guess the layout; they wrap a record's bytes here and call the accessors.
 *
 * <pre>
 *  Record, version 1, little-endian; one record per Chronicle Queue document.
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------+---------------+---------------+---------------+
 *  |    version    | header length |   transport   |    format     |  0
 *  +---------------+---------------+---------------+---------------+
 *  |   facility    |   severity    |  addr length  |   reserved    |  4
 *  +---------------+---------------+---------------+---------------+
 *  |          source port          |          error code           |  8
 *  +-------------------------------+-------------------------------+
 *  |                  error offset (-1 when none)                  | 12
 *  +---------------------------------------------------------------+
 *  |               received at (epoch nanoseconds)                 | 16
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |     timestamp (epoch nanoseconds, Long.MIN_VALUE = none)      | 24
 *  |                                                               |
 *  +-------------------------------+-------------------------------+
 *  |   timestamp offset (minutes)  |           reserved            | 32
 *  +-------------------------------+-------------------------------+
 *  |                     parse flags (ParseFlags)                  | 36
 *  +---------------------------------------------------------------+
 *  |                         tags (bit set)                        | 40
 *  |                                                               |
 *  +---------------------------------------------------------------+
 *  |          source address (16 bytes, first addr length)         | 48
 *  ...                                                           ...
 *  +---------------------------------------------------------------+
 *  |  field offset, field length (int32 each) x 7, Field order:    | 64
 *  |  timestamp hostname appName procId msgId structuredData msg   |
 *  ...            (offset -1: absent or NILVALUE)                ...
 *  +---------------------------------------------------------------+
 *  |                        raw length (bytes)                     | 120
 *  +---------------------------------------------------------------+
 *  |   CRC32C of bytes [0, 128 + raw length) with this field zero  | 124
 *  +---------------------------------------------------------------+
 *  |                  raw message bytes, exactly as received       | 128
 *  ...                                                           ...
 * </pre>
 *
 * Facility and severity are unsigned bytes with 255 meaning none. A reader refuses a version it does not know
 * ({@link JournalFormatException}); the header length lets a later version append fields that this one skips.
 */
public final class JournalRecord
{
    public static final int VERSION = 1;
    public static final int HEADER_LENGTH = 128;

    public static final int VERSION_OFFSET = 0;
    public static final int HEADER_LENGTH_OFFSET = 1;
    public static final int TRANSPORT_OFFSET = 2;
    public static final int FORMAT_OFFSET = 3;
    public static final int FACILITY_OFFSET = 4;
    public static final int SEVERITY_OFFSET = 5;
    public static final int ADDRESS_LENGTH_OFFSET = 6;
    public static final int SOURCE_PORT_OFFSET = 8;
    public static final int ERROR_CODE_OFFSET = 10;
    public static final int ERROR_OFFSET_OFFSET = 12;
    public static final int RECEIVED_AT_OFFSET = 16;
    public static final int TIMESTAMP_OFFSET = 24;
    public static final int TIMESTAMP_ZONE_OFFSET = 32;
    public static final int FLAGS_OFFSET = 36;
    public static final int TAGS_OFFSET = 40;
    public static final int ADDRESS_OFFSET = 48;
    public static final int FIELDS_OFFSET = 64;
    public static final int RAW_LENGTH_OFFSET = 120;
    public static final int CRC_OFFSET = 124;

    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    private static final int NONE = 255;
    private static final byte[] ZERO_CRC = new byte[4];

    private DirectBuffer buffer;
    private int offset;
    private int length;

    // ------------------------------------------------------------------ writing

    /**
     * Encodes the header of {@code event} into {@code header} at 0 and returns the CRC32C over header and raw
     * bytes, already stored in the header. Allocates nothing.
     *
     * @param crc a CRC32C owned by the calling thread; reset here.
     */
    public static int encodeHeader(final LogEvent event, final MutableDirectBuffer header, final CRC32C crc)
    {
        header.putByte(VERSION_OFFSET, (byte)VERSION);
        header.putByte(HEADER_LENGTH_OFFSET, (byte)HEADER_LENGTH);
        header.putByte(TRANSPORT_OFFSET, event.transport);
        header.putByte(FORMAT_OFFSET, event.format);
        header.putByte(FACILITY_OFFSET, event.facility < 0 ? (byte)NONE : event.facility);
        header.putByte(SEVERITY_OFFSET, event.severity < 0 ? (byte)NONE : event.severity);
        header.putByte(ADDRESS_LENGTH_OFFSET, event.sourceAddressLength);
        header.putByte(ADDRESS_LENGTH_OFFSET + 1, (byte)0);
        header.putShort(SOURCE_PORT_OFFSET, (short)event.sourcePort, ORDER);
        header.putShort(ERROR_CODE_OFFSET, event.errorCode, ORDER);
        header.putInt(ERROR_OFFSET_OFFSET, event.errorOffset, ORDER);
        header.putLong(RECEIVED_AT_OFFSET, event.receivedAtNanos, ORDER);
        header.putLong(TIMESTAMP_OFFSET, event.timestampEpochNanos, ORDER);
        header.putShort(TIMESTAMP_ZONE_OFFSET, (short)event.timestampOffsetMinutes, ORDER);
        header.putShort(TIMESTAMP_ZONE_OFFSET + 2, (short)0, ORDER);
        header.putInt(FLAGS_OFFSET, event.flags, ORDER);
        header.putLong(TAGS_OFFSET, event.tags, ORDER);
        header.putBytes(ADDRESS_OFFSET, event.sourceAddress, 0, 16);
        for (int i = 0; i < Field.COUNT; i++)
        {
            header.putInt(FIELDS_OFFSET + i * 8, event.fieldOffset[i], ORDER);
            header.putInt(FIELDS_OFFSET + i * 8 + 4, event.fieldLength[i], ORDER);
        }
        header.putInt(RAW_LENGTH_OFFSET, event.rawLength, ORDER);
        header.putInt(CRC_OFFSET, 0, ORDER);

        crc.reset();
        crc.update(header.byteArray(), 0, HEADER_LENGTH);
        crc.update(event.raw, 0, event.rawLength);
        final int value = (int)crc.getValue();
        header.putInt(CRC_OFFSET, value, ORDER);
        return value;
    }

    // ------------------------------------------------------------------ reading

    /**
     * Points this flyweight at one record. Checks only what is needed to read it safely: the version, and that
     * the lengths fit in {@code length}.
     *
     * @throws JournalFormatException for an unknown version or a record shorter than its header says.
     */
    public JournalRecord wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        if (length < 2)
        {
            throw new JournalFormatException("record of " + length + " bytes is shorter than any header");
        }
        final int version = buffer.getByte(offset + VERSION_OFFSET) & 0xFF;
        if (version != VERSION)
        {
            throw new JournalFormatException("unknown journal record format version " + version +
                " (this ringlog reads version " + VERSION + ")");
        }
        final int headerLength = headerLength();
        if (headerLength < HEADER_LENGTH || length < headerLength)
        {
            throw new JournalFormatException("record header of " + headerLength + " bytes in a record of " +
                length + " bytes");
        }
        if (rawLength() < 0 || headerLength + (long)rawLength() > length)
        {
            throw new JournalFormatException("raw length " + rawLength() + " overruns a record of " + length +
                " bytes");
        }
        return this;
    }

    /** True when the stored CRC32C matches the record's bytes. */
    public boolean crcMatches(final CRC32C crc, final byte[] scratch)
    {
        final int total = headerLength() + rawLength();
        final byte[] bytes = total <= scratch.length ? scratch : new byte[total];
        buffer.getBytes(offset, bytes, 0, total);
        bytes[CRC_OFFSET] = 0;
        bytes[CRC_OFFSET + 1] = 0;
        bytes[CRC_OFFSET + 2] = 0;
        bytes[CRC_OFFSET + 3] = 0;
        crc.reset();
        crc.update(bytes, 0, total);
        return (int)crc.getValue() == crc32c();
    }

    /**
     * True when the stored CRC32C matches a record that was wrapped at offset 0 of {@code bytes}: the allocation-free
     * form of {@link #crcMatches(CRC32C, byte[])} for readers that copy each record into an array.
     */
    public boolean crcMatchesAtStartOf(final byte[] bytes, final CRC32C crc)
    {
        final int total = headerLength() + rawLength();
        crc.reset();
        crc.update(bytes, 0, CRC_OFFSET);
        crc.update(ZERO_CRC, 0, ZERO_CRC.length);
        crc.update(bytes, CRC_OFFSET + 4, total - CRC_OFFSET - 4);
        return (int)crc.getValue() == crc32c();
    }

    public DirectBuffer buffer()
    {
        return buffer;
    }

    public int offset()
    {
        return offset;
    }

    public int length()
    {
        return length;
    }

    public int version()
    {
        return buffer.getByte(offset + VERSION_OFFSET) & 0xFF;
    }

    public int headerLength()
    {
        return buffer.getByte(offset + HEADER_LENGTH_OFFSET) & 0xFF;
    }

    public int transport()
    {
        return buffer.getByte(offset + TRANSPORT_OFFSET);
    }

    public int format()
    {
        return buffer.getByte(offset + FORMAT_OFFSET);
    }

    /** 0..23, or -1 when none. */
    public int facility()
    {
        final int v = buffer.getByte(offset + FACILITY_OFFSET) & 0xFF;
        return v == NONE ? -1 : v;
    }

    /** 0..7, or -1 when none. */
    public int severity()
    {
        final int v = buffer.getByte(offset + SEVERITY_OFFSET) & 0xFF;
        return v == NONE ? -1 : v;
    }

    /** 0, 4 or 16. */
    public int sourceAddressLength()
    {
        return buffer.getByte(offset + ADDRESS_LENGTH_OFFSET) & 0xFF;
    }

    public int sourceAddressByte(final int i)
    {
        return buffer.getByte(offset + ADDRESS_OFFSET + i) & 0xFF;
    }

    public int sourcePort()
    {
        return buffer.getShort(offset + SOURCE_PORT_OFFSET, ORDER) & 0xFFFF;
    }

    public int errorCode()
    {
        return buffer.getShort(offset + ERROR_CODE_OFFSET, ORDER);
    }

    public int errorOffset()
    {
        return buffer.getInt(offset + ERROR_OFFSET_OFFSET, ORDER);
    }

    public long receivedAtNanos()
    {
        return buffer.getLong(offset + RECEIVED_AT_OFFSET, ORDER);
    }

    /** Epoch nanos, or {@link LogEvent#NO_TIMESTAMP}. */
    public long timestampEpochNanos()
    {
        return buffer.getLong(offset + TIMESTAMP_OFFSET, ORDER);
    }

    public int timestampOffsetMinutes()
    {
        return buffer.getShort(offset + TIMESTAMP_ZONE_OFFSET, ORDER);
    }

    public int flags()
    {
        return buffer.getInt(offset + FLAGS_OFFSET, ORDER);
    }

    public long tags()
    {
        return buffer.getLong(offset + TAGS_OFFSET, ORDER);
    }

    /** Offset of a {@link Field} within the raw bytes, or {@link Field#ABSENT}. */
    public int fieldOffset(final int field)
    {
        return buffer.getInt(offset + FIELDS_OFFSET + field * 8, ORDER);
    }

    public int fieldLength(final int field)
    {
        return buffer.getInt(offset + FIELDS_OFFSET + field * 8 + 4, ORDER);
    }

    public boolean hasField(final int field)
    {
        final int o = fieldOffset(field);
        final int l = fieldLength(field);
        return o >= 0 && l >= 0 && (long)o + l <= rawLength();
    }

    public int rawLength()
    {
        return buffer.getInt(offset + RAW_LENGTH_OFFSET, ORDER);
    }

    public int crc32c()
    {
        return buffer.getInt(offset + CRC_OFFSET, ORDER);
    }

    /** Offset in {@link #buffer()} where the raw message bytes start. */
    public int rawOffset()
    {
        return offset + headerLength();
    }

    /** Copies the raw bytes into {@code dst} at 0; returns the count. */
    public int getRaw(final byte[] dst)
    {
        final int n = rawLength();
        buffer.getBytes(rawOffset(), dst, 0, n);
        return n;
    }
}
