package io.ringlog.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringlog.engine.event.Field;
import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.event.MessageFormat;
import io.ringlog.engine.event.ParseError;
import io.ringlog.engine.event.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatJsonTest
{
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long RECEIVED = nanos("2026-11-25T04:36:48.123456789Z");
    private static final List<String> KEYS = List.of("index", "receivedAt", "source", "format", "facility",
        "severity", "timestamp", "hostname", "appName", "procId", "msgId", "structuredData", "message", "tags",
        "error", "raw");

    @TempDir
    Path dir;

    static long nanos(final String instant)
    {
        final Instant i = Instant.parse(instant);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    private List<JsonNode> catJson() throws Exception
    {
        final CliRun run = CliRun.run("cat", "--journal", dir.toString(), "-o", "json");
        assertEquals(0, run.exitCode, run.toString());
        assertEquals("", run.stderr);
        final List<JsonNode> nodes = new ArrayList<>();
        for (final String line : run.outLines())
        {
            nodes.add(MAPPER.readTree(line));
        }
        return nodes;
    }

    private static List<String> keys(final JsonNode node)
    {
        final List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void rfc5424WithStructuredData() throws Exception
    {
        final String raw = "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 " +
            "[exampleSDID@32473 iut=\"3\" eventSource=\"Appl\\\"ica\\\\tion\" eventID=\"1011\"]" +
            "[examplePriority@32473 class=\"hi\\]gh\" path=\"C:\\x\"] An application event log entry";
        final LogEvent e = JournalFixture.event(raw, RECEIVED);
        e.format = MessageFormat.RFC5424;
        e.facility = 20;
        e.severity = 5;
        JournalFixture.field(e, Field.TIMESTAMP, "2003-10-11T22:14:15.003Z");
        JournalFixture.field(e, Field.HOSTNAME, "mymachine.example.com");
        JournalFixture.field(e, Field.APP_NAME, "evntslog");
        JournalFixture.field(e, Field.MSG_ID, "ID47");
        final int sd = raw.indexOf("[exampleSDID");
        e.field(Field.STRUCTURED_DATA, sd, raw.indexOf("] An") + 1 - sd);
        JournalFixture.messageFrom(e, "An application");
        e.timestampEpochNanos = nanos("2003-10-11T22:14:15.003Z");
        final long index;
        try (JournalFixture journal = new JournalFixture(dir))
        {
            journal.append(e);
            index = journal.lastIndex();
        }

        final List<JsonNode> records = catJson();
        assertEquals(1, records.size());
        final JsonNode r = records.get(0);
        assertEquals(KEYS, keys(r));
        assertEquals(index, r.get("index").asLong());
        assertTrue(r.get("index").isIntegralNumber());
        assertEquals("2026-11-25T04:36:48.123456789Z", r.get("receivedAt").asText());
        assertEquals("tcp://127.0.0.1:51234", r.get("source").asText());
        assertEquals("rfc5424", r.get("format").asText());
        assertEquals(20, r.get("facility").asInt());
        assertEquals(5, r.get("severity").asInt());
        assertEquals("2003-10-11T22:14:15.003Z", r.get("timestamp").asText());
        assertEquals("mymachine.example.com", r.get("hostname").asText());
        assertEquals("evntslog", r.get("appName").asText());
        assertTrue(r.get("procId").isNull());
        assertEquals("ID47", r.get("msgId").asText());
        assertEquals(MAPPER.readTree(
            "[{\"id\":\"exampleSDID@32473\",\"params\":[[\"iut\",\"3\"],[\"eventSource\",\"Appl\\\"ica\\\\tion\"]," +
            "[\"eventID\",\"1011\"]]},{\"id\":\"examplePriority@32473\",\"params\":[[\"class\",\"hi]gh\"]," +
            "[\"path\",\"C:\\\\x\"]]}]"), r.get("structuredData"));
        assertEquals("Appl\"ica\\tion", r.get("structuredData").get(0).get("params").get(1).get(1).asText());
        assertEquals("An application event log entry", r.get("message").asText());
        assertTrue(r.get("tags").isArray());
        assertEquals(0, r.get("tags").size());
        assertTrue(r.get("error").isNull());
        assertEquals(raw, r.get("raw").asText());
        assertFalse(r.has("rawBase64"));
    }

    @Test
    void malformedStructuredDataTailIsCutToTheLastCompleteElement() throws Exception
    {
        final String raw = "<13>1 - - - - - [ok a=\"1\"][bad a=1] msg";
        final LogEvent e = JournalFixture.event(raw, RECEIVED);
        e.format = MessageFormat.RFC5424;
        JournalFixture.field(e, Field.STRUCTURED_DATA, "[ok a=\"1\"][bad a=1]");
        final LogEvent garbage = JournalFixture.event(raw, RECEIVED);
        garbage.format = MessageFormat.RFC5424;
        JournalFixture.field(garbage, Field.STRUCTURED_DATA, "msg");
        try (JournalFixture journal = new JournalFixture(dir))
        {
            journal.append(e).append(garbage);
        }
        final List<JsonNode> records = catJson();
        assertEquals(MAPPER.readTree("[{\"id\":\"ok\",\"params\":[[\"a\",\"1\"]]}]"),
            records.get(0).get("structuredData"));
        assertEquals(MAPPER.readTree("[]"), records.get(1).get("structuredData"));
        assertTrue(records.get(0).get("timestamp").isNull());
    }

    @Test
    void rfc3164NormalisedTimestampWithOffset() throws Exception
    {
        final String raw = "<34>Oct 11 22:14:15 mymachine su[123]: 'su root' failed for lonvick on /dev/pts/8";
        final LogEvent e = rfc3164(raw);
        e.timestampEpochNanos = nanos("2026-10-11T20:14:15Z");
        e.timestampOffsetMinutes = 120;
        final LogEvent fraction = rfc3164(raw);
        fraction.timestampEpochNanos = nanos("2026-10-12T03:44:15.500Z");
        fraction.timestampOffsetMinutes = -330;
        final LogEvent utc = rfc3164(raw);
        utc.timestampEpochNanos = nanos("2026-10-11T22:14:15.000123Z");
        final LogEvent none = rfc3164(raw);
        none.timestampEpochNanos = LogEvent.NO_TIMESTAMP;
        try (JournalFixture journal = new JournalFixture(dir))
        {
            journal.append(e).append(fraction).append(utc).append(none);
        }

        final List<JsonNode> records = catJson();
        final JsonNode r = records.get(0);
        assertEquals(KEYS, keys(r));
        assertEquals("udp://10.1.2.3:514", r.get("source").asText());
        assertEquals("rfc3164", r.get("format").asText());
        assertEquals(4, r.get("facility").asInt());
        assertEquals(2, r.get("severity").asInt());
        assertEquals("2026-10-11T22:14:15+02:00", r.get("timestamp").asText());
        assertEquals("mymachine", r.get("hostname").asText());
        assertEquals("su", r.get("appName").asText());
        assertEquals("123", r.get("procId").asText());
        assertTrue(r.get("msgId").isNull());
        assertTrue(r.get("structuredData").isNull());
        assertEquals("'su root' failed for lonvick on /dev/pts/8", r.get("message").asText());
        assertTrue(r.get("error").isNull());
        assertEquals(raw, r.get("raw").asText());
        assertEquals("2026-10-11T22:14:15.500-05:30", records.get(1).get("timestamp").asText());
        assertEquals("2026-10-11T22:14:15.000123Z", records.get(2).get("timestamp").asText());
        assertTrue(records.get(3).get("timestamp").isNull());
        assertTrue(records.get(1).get("index").asLong() > r.get("index").asLong());
    }

    private static LogEvent rfc3164(final String raw)
    {
        final LogEvent e = JournalFixture.event(raw, RECEIVED);
        e.transport = Transport.UDP;
        e.sourceAddress[0] = 10;
        e.sourceAddress[1] = 1;
        e.sourceAddress[2] = 2;
        e.sourceAddress[3] = 3;
        e.sourcePort = 514;
        e.format = MessageFormat.RFC3164;
        e.facility = 4;
        e.severity = 2;
        JournalFixture.field(e, Field.TIMESTAMP, "Oct 11 22:14:15");
        JournalFixture.field(e, Field.HOSTNAME, "mymachine");
        JournalFixture.field(e, Field.APP_NAME, "su");
        JournalFixture.field(e, Field.PROC_ID, "123");
        JournalFixture.messageFrom(e, "'su root'");
        return e;
    }

    @Test
    void unparsedRecordHasErrorAndNulls() throws Exception
    {
        final String raw = "garbage\u0001 <here>";
        final LogEvent e = JournalFixture.event(raw, nanos("2026-11-25T04:36:48Z"));
        e.sourceAddressLength = 0;
        e.errorCode = ParseError.BAD_PRI;
        e.errorOffset = 0;
        final LogEvent noOffset = JournalFixture.event("x", RECEIVED);
        noOffset.errorCode = ParseError.EMPTY;
        try (JournalFixture journal = new JournalFixture(dir))
        {
            journal.append(e).append(noOffset);
        }

        final JsonNode r = catJson().get(0);
        assertEquals(KEYS, keys(r));
        assertEquals("2026-11-25T04:36:48.000000000Z", r.get("receivedAt").asText());
        assertTrue(r.get("source").isNull());
        assertEquals("unparsed", r.get("format").asText());
        for (final String key : List.of("facility", "severity", "timestamp", "hostname", "appName", "procId",
            "msgId", "structuredData", "message"))
        {
            assertTrue(r.get(key).isNull(), key);
        }
        assertEquals("invalid PRI at byte 0", r.get("error").asText());
        assertEquals(raw, r.get("raw").asText());
        assertEquals("empty message", catJson().get(1).get("error").asText());
    }

    @Test
    void ipv6Sources() throws Exception
    {
        final LogEvent loopback = JournalFixture.event("a", RECEIVED);
        ipv6(loopback, new int[] {0, 0, 0, 0, 0, 0, 0, 1});
        loopback.sourcePort = 514;
        final LogEvent doc = JournalFixture.event("b", RECEIVED);
        doc.transport = Transport.UDP;
        ipv6(doc, new int[] {0x2001, 0xdb8, 0, 0, 1, 0, 0, 0xab});
        doc.sourcePort = 65535;
        final LogEvent mapped = JournalFixture.event("c", RECEIVED);
        ipv6(mapped, new int[] {0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0201});
        try (JournalFixture journal = new JournalFixture(dir))
        {
            journal.append(loopback).append(doc).append(mapped);
        }

        final List<JsonNode> records = catJson();
        assertEquals("tcp://[::1]:514", records.get(0).get("source").asText());
        assertEquals("udp://[2001:db8::1:0:0:ab]:65535", records.get(1).get("source").asText());
        assertEquals("tcp://[::ffff:192.0.2.1]:51234", records.get(2).get("source").asText());
    }

    private static void ipv6(final LogEvent e, final int[] groups)
    {
        e.sourceAddressLength = 16;
        for (int g = 0; g < 8; g++)
        {
            e.sourceAddress[g * 2] = (byte)(groups[g] >> 8);
            e.sourceAddress[g * 2 + 1] = (byte)groups[g];
        }
    }

    @Test
    void invalidUtf8RawHasReplacementAndBase64() throws Exception
    {
        final byte[] raw = {'h', 'i', ' ', (byte)0xFF, ' ', (byte)0xC3, '(', ' ', (byte)0xE2, (byte)0x82, ' ',
            (byte)0xC3, (byte)0xA9, '\n', 0};
        final LogEvent e = JournalFixture.event(raw, RECEIVED);
        e.field(Field.MESSAGE, 0, raw.length);
        try (JournalFixture journal = new JournalFixture(dir))
        {
            journal.append(e);
        }

        final JsonNode r = catJson().get(0);
        final List<String> expectedKeys = new ArrayList<>(KEYS);
        expectedKeys.add("rawBase64");
        assertEquals(expectedKeys, keys(r));
        assertEquals("hi \uFFFD \uFFFD( \uFFFD \u00e9\n\u0000", r.get("raw").asText());
        assertEquals(r.get("raw").asText(), r.get("message").asText());
        assertEquals(new String(raw, StandardCharsets.UTF_8), r.get("raw").asText());
        assertTrue(java.util.Arrays.equals(raw, Base64.getDecoder().decode(r.get("rawBase64").asText())));
    }

    @Test
    void jsonEscapesControlCharactersAndLineSeparators() throws Exception
    {
        final String raw = "q\" b\\ \n\r\t\b\f \u0000\u001b[31m \u007f \u2028\u2029 \u00e9\u20ac\ud83d\ude00";
        final LogEvent e = JournalFixture.event(raw, RECEIVED);
        try (JournalFixture journal = new JournalFixture(dir))
        {
            journal.append(e);
        }

        final CliRun run = CliRun.run("cat", "--journal", dir.toString(), "-o", "json");
        final String line = run.out();
        assertTrue(line.contains("\"raw\":\"q\\\" b\\\\ \\n\\r\\t\\b\\f \\u0000\\u001b[31m \\u007f \\u2028\\u2029 " +
            "\u00e9\u20ac\ud83d\ude00\""), line);
        assertEquals(line.length() - 1, line.indexOf('\n'));
        assertEquals(raw, MAPPER.readTree(line).get("raw").asText());
    }
}
