package io.ringlog.tools;

import io.ringlog.engine.event.Field;
import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.event.MessageFormat;
import io.ringlog.engine.event.ParseError;
import io.ringlog.engine.journal.JournalRecord;

import java.nio.charset.StandardCharsets;

/**
 * {@code -o json}: one JSON object per record and line, with the fields of DESIGN.md in this fixed order:
 * <pre>
 * index receivedAt source format facility severity timestamp hostname appName procId msgId structuredData
 * message tags error raw [rawBase64]
 * </pre>
 * Absent values are {@code null}. {@code timestamp} is the TIMESTAMP token as sent for RFC 5424, and the
 * normalised time (with its zone offset) for every other format. {@code rawBase64} is present only when the raw
 * bytes are not valid UTF-8, so that the exact bytes can always be recovered.
 *
 * <p>Written by hand into a {@link ByteBuilder}, keys as constant byte arrays and values escaped from the record's
 * bytes: no JSON library, no Strings on the common path.
 */
public final class JsonFormatter implements RecordFormatter
{
    private static final byte[] INDEX = key("{", "index");
    private static final byte[] RECEIVED_AT = key(",", "receivedAt");
    private static final byte[] SOURCE = key(",", "source");
    private static final byte[] FORMAT = key(",", "format");
    private static final byte[] FACILITY = key(",", "facility");
    private static final byte[] SEVERITY = key(",", "severity");
    private static final byte[] TIMESTAMP = key(",", "timestamp");
    private static final byte[] HOSTNAME = key(",", "hostname");
    private static final byte[] APP_NAME = key(",", "appName");
    private static final byte[] PROC_ID = key(",", "procId");
    private static final byte[] MSG_ID = key(",", "msgId");
    private static final byte[] STRUCTURED_DATA = key(",", "structuredData");
    private static final byte[] MESSAGE = key(",", "message");
    private static final byte[] TAGS = key(",", "tags");
    private static final byte[] ERROR = key(",", "error");
    private static final byte[] RAW = key(",", "raw");
    private static final byte[] RAW_BASE64 = key(",", "rawBase64");
    private static final byte[] SD_ID = ascii("{\"id\":");
    private static final byte[] SD_PARAMS = ascii(",\"params\":[");
    private static final byte[] EMPTY_LIST = ascii("[]");
    private static final byte[] AT_BYTE = ascii(" at byte ");
    private static final byte[][] FORMAT_NAMES = new byte[256][];

    static
    {
        for (int code = 0; code < 256; code++)
        {
            FORMAT_NAMES[code] = ascii('"' + MessageFormat.name((byte)code) + '"');
        }
    }

    private final TimeFormat time = new TimeFormat();
    private final StructuredDataDecoder sdDecoder = new StructuredDataDecoder();
    private final SdWriter sdWriter = new SdWriter();

    @Override
    public void format(
        final long index, final JournalRecord record, final byte[] bytes, final int rawOffset, final ByteBuilder out)
    {
        out.append(INDEX).append(index);

        out.append(RECEIVED_AT).append('"');
        time.appendRfc3339Nanos(record.receivedAtNanos(), out);
        out.append('"');

        out.append(SOURCE);
        if (SourceAddress.isPresent(record))
        {
            out.append('"');
            SourceAddress.appendUri(record, out);
            out.append('"');
        }
        else
        {
            out.append(Json.NULL);
        }

        final int format = record.format();
        out.append(FORMAT).append(FORMAT_NAMES[format & 0xFF]);
        out.append(FACILITY);
        appendNumberOrNull(record.facility(), out);
        out.append(SEVERITY);
        appendNumberOrNull(record.severity(), out);

        out.append(TIMESTAMP);
        if (format == MessageFormat.RFC5424)
        {
            appendField(record, Field.TIMESTAMP, bytes, rawOffset, out);
        }
        else if (record.timestampEpochNanos() == LogEvent.NO_TIMESTAMP)
        {
            out.append(Json.NULL);
        }
        else
        {
            out.append('"');
            time.appendRfc3339(record.timestampEpochNanos(), record.timestampOffsetMinutes(), out);
            out.append('"');
        }

        out.append(HOSTNAME);
        appendField(record, Field.HOSTNAME, bytes, rawOffset, out);
        out.append(APP_NAME);
        appendField(record, Field.APP_NAME, bytes, rawOffset, out);
        out.append(PROC_ID);
        appendField(record, Field.PROC_ID, bytes, rawOffset, out);
        out.append(MSG_ID);
        appendField(record, Field.MSG_ID, bytes, rawOffset, out);

        out.append(STRUCTURED_DATA);
        if (record.hasField(Field.STRUCTURED_DATA))
        {
            sdWriter.write(bytes, rawOffset + record.fieldOffset(Field.STRUCTURED_DATA),
                record.fieldLength(Field.STRUCTURED_DATA), out);
        }
        else
        {
            out.append(Json.NULL);
        }

        out.append(MESSAGE);
        appendField(record, Field.MESSAGE, bytes, rawOffset, out);

        // Tag names come with the rules; until then the header's bit set has no names to show.
        out.append(TAGS).append(EMPTY_LIST);

        out.append(ERROR);
        appendError(record, out);

        out.append(RAW);
        final int rawLength = record.rawLength();
        if (!Json.appendString(bytes, rawOffset, rawLength, out))
        {
            out.append(RAW_BASE64);
            Json.appendBase64(bytes, rawOffset, rawLength, out);
        }
        out.append('}').append('\n');
    }

    private static void appendError(final JournalRecord record, final ByteBuilder out)
    {
        final int code = record.errorCode();
        final String description = ParseError.describe(code);
        if (description == null)
        {
            out.append(Json.NULL);
            return;
        }
        out.append('"');
        Json.appendStringContent(description, out);
        if (record.errorOffset() >= 0)
        {
            out.append(AT_BYTE).append(record.errorOffset());
        }
        out.append('"');
    }

    private static void appendNumberOrNull(final int value, final ByteBuilder out)
    {
        if (value < 0)
        {
            out.append(Json.NULL);
        }
        else
        {
            out.append(value);
        }
    }

    private static void appendField(
        final JournalRecord record, final int field, final byte[] bytes, final int rawOffset, final ByteBuilder out)
    {
        if (record.hasField(field))
        {
            Json.appendString(bytes, rawOffset + record.fieldOffset(field), record.fieldLength(field), out);
        }
        else
        {
            out.append(Json.NULL);
        }
    }

    private static byte[] key(final String separator, final String name)
    {
        return ascii(separator + '"' + name + "\":");
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Writes the structured data as {@code [{"id":..,"params":[[name,value],..]},..]}. A malformed tail (the
     * parser accepted it, so only a damaged or foreign record has one) is cut back to the last complete element;
     * {@code raw} still holds every byte.
     */
    private final class SdWriter implements StructuredDataDecoder.Visitor
    {
        private ByteBuilder out;
        private int elements;
        private int params;
        private int lastComplete;

        void write(final byte[] bytes, final int offset, final int length, final ByteBuilder out)
        {
            this.out = out;
            elements = 0;
            out.append('[');
            lastComplete = out.length();
            if (!sdDecoder.decode(bytes, offset, length, this))
            {
                out.length(lastComplete);
            }
            out.append(']');
            this.out = null;
        }

        @Override
        public void startElement(final byte[] bytes, final int idOffset, final int idLength)
        {
            if (elements > 0)
            {
                out.append(',');
            }
            out.append(SD_ID);
            Json.appendString(bytes, idOffset, idLength, out);
            out.append(SD_PARAMS);
            params = 0;
        }

        @Override
        public void param(
            final byte[] nameBytes, final int nameOffset, final int nameLength,
            final byte[] valueBytes, final int valueOffset, final int valueLength)
        {
            if (params++ > 0)
            {
                out.append(',');
            }
            out.append('[');
            Json.appendString(nameBytes, nameOffset, nameLength, out);
            out.append(',');
            Json.appendString(valueBytes, valueOffset, valueLength, out);
            out.append(']');
        }

        @Override
        public void endElement()
        {
            out.append(']').append('}');
            elements++;
            lastComplete = out.length();
        }
    }
}
