package io.ringlog.engine.parse;

import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.event.MessageFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static io.ringlog.engine.event.ParseError.BAD_APP_NAME;
import static io.ringlog.engine.event.ParseError.BAD_HOSTNAME;
import static io.ringlog.engine.event.ParseError.BAD_MSG_ID;
import static io.ringlog.engine.event.ParseError.BAD_PRI;
import static io.ringlog.engine.event.ParseError.BAD_PROC_ID;
import static io.ringlog.engine.event.ParseError.BAD_STRUCTURED_DATA;
import static io.ringlog.engine.event.ParseError.BAD_TIMESTAMP;
import static io.ringlog.engine.event.ParseError.BAD_UTF8;
import static io.ringlog.engine.event.ParseError.BAD_VERSION;
import static io.ringlog.engine.event.ParseError.EMPTY;
import static io.ringlog.engine.event.ParseError.TRUNCATED_HEADER;
import static io.ringlog.engine.event.ParseFlags.BOM;
import static io.ringlog.engine.event.ParseFlags.NO_HOSTNAME;
import static io.ringlog.engine.event.ParseFlags.TRUNCATED;
import static io.ringlog.engine.parse.Expected.bytes;
import static io.ringlog.engine.parse.Expected.invalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * RFC 5424 case table: the RFC's own examples (§6.5, §6.2.3.1) and the grammar's edges, valid rows asserting
 * every field, invalid rows the error code and the byte offset at fault.
 */
class Rfc5424ParserTest
{
    private static final int U = LogEvent.UNKNOWN;
    private static final String BOM_TEXT = "\uFEFF";
    private static final String TS = "2003-10-11T22:14:15Z ";

    static Expected valid(final String name, final String input)
    {
        return Expected.valid(MessageFormat.RFC5424, name, input);
    }

    static Expected valid(final String name, final byte[] input)
    {
        return Expected.valid(MessageFormat.RFC5424, name, input);
    }

    /** A valid row whose timestamp is {@link #TS}. */
    static Expected validTs(final String name, final String input)
    {
        return valid(name, input).ts("2003-10-11T22:14:15Z", 2003, 10, 11, 22, 14, 15, 0, 0);
    }

    /** {@code count} SD elements with distinct SD-IDs {@code [e0][e1]...}. */
    static String elements(final int count)
    {
        final StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            out.append("[e").append(i).append(']');
        }
        return out.toString();
    }

    static List<Expected> validCases()
    {
        final String host255 = "h".repeat(255);
        final String app48 = "a".repeat(48);
        final String proc128 = "p".repeat(128);
        final String msgId32 = "m".repeat(32);
        final String sdName32 = "n".repeat(32);
        return List.of(
            valid("6.5 example 1: no SD, BOM message",
                "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - " + BOM_TEXT +
                "'su root' failed for lonvick on /dev/pts/8")
                .pri(4, 2).ts("2003-10-11T22:14:15.003Z", 2003, 10, 11, 22, 14, 15, 3_000_000, 0)
                .host("mymachine.example.com").app("su").msgId("ID47")
                .msg("'su root' failed for lonvick on /dev/pts/8").flags(BOM),
            valid("6.5 example 2: negative zone, micro fraction, no BOM",
                "<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time to make the do-nuts.")
                .pri(20, 5).ts("2003-08-24T05:14:15.000003-07:00", 2003, 8, 24, 5, 14, 15, 3_000, -420)
                .host("192.0.2.1").app("myproc").procId("8710").msg("%% It's time to make the do-nuts."),
            valid("6.5 example 3: SD and message",
                "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut=\"3\"" +
                " eventSource=\"Application\" eventID=\"1011\"] " + BOM_TEXT + "An application event log entry...")
                .pri(20, 5).ts("2003-10-11T22:14:15.003Z", 2003, 10, 11, 22, 14, 15, 3_000_000, 0)
                .host("mymachine.example.com").app("evntslog").msgId("ID47")
                .sd("[exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"]")
                .msg("An application event log entry...").flags(BOM),
            valid("6.5 example 4: two SD elements, no message",
                "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut=\"3\"" +
                " eventSource=\"Application\" eventID=\"1011\"][examplePriority@32473 class=\"high\"]")
                .pri(20, 5).ts("2003-10-11T22:14:15.003Z", 2003, 10, 11, 22, 14, 15, 3_000_000, 0)
                .host("mymachine.example.com").app("evntslog").msgId("ID47")
                .sd("[exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"]" +
                    "[examplePriority@32473 class=\"high\"]"),
            valid("6.2.3.1 example 1: two-digit fraction, Z", "<13>1 1985-04-12T23:20:50.52Z host a p m -")
                .pri(1, 5).ts("1985-04-12T23:20:50.52Z", 1985, 4, 12, 23, 20, 50, 520_000_000, 0)
                .host("host").app("a").procId("p").msgId("m"),
            valid("6.2.3.1 example 2: zone -04:00", "<13>1 1985-04-12T19:20:50.52-04:00 host - - - -")
                .pri(1, 5).ts("1985-04-12T19:20:50.52-04:00", 1985, 4, 12, 19, 20, 50, 520_000_000, -240)
                .host("host"),
            valid("minimal, all NILVALUE", "<0>1 - - - - - -").pri(0, 0).flags(NO_HOSTNAME),
            valid("largest PRI", "<191>1 - - - - - -").pri(23, 7).flags(NO_HOSTNAME),
            valid("two-digit PRI", "<10>1 - - - - - -").pri(1, 2).flags(NO_HOSTNAME),
            valid("three-digit version (ABNF allows 1..999)", "<13>999 - host - - - -").pri(1, 5).host("host"),
            valid("two-digit version", "<13>10 - host - - - -").pri(1, 5).host("host"),
            validTs("leap second accepted", "<13>1 2016-12-31T23:59:60Z h - - - -")
                .ts("2016-12-31T23:59:60Z", 2016, 12, 31, 23, 59, 60, 0, 0).pri(1, 5).host("h"),
            valid("29 February in a leap year", "<13>1 2024-02-29T00:00:00+00:00 h - - - -")
                .pri(1, 5).ts("2024-02-29T00:00:00+00:00", 2024, 2, 29, 0, 0, 0, 0, 0).host("h"),
            valid("29 February 2000 (divisible by 400)", "<13>1 2000-02-29T12:00:00Z h - - - -")
                .pri(1, 5).ts("2000-02-29T12:00:00Z", 2000, 2, 29, 12, 0, 0, 0, 0).host("h"),
            valid("zone +05:30", "<13>1 2024-01-31T01:02:03.5+05:30 h - - - -")
                .pri(1, 5).ts("2024-01-31T01:02:03.5+05:30", 2024, 1, 31, 1, 2, 3, 500_000_000, 330).host("h"),
            valid("zone -00:00 and 6-digit fraction", "<13>1 2024-12-01T23:59:59.123456-00:00 h - - - -")
                .pri(1, 5).ts("2024-12-01T23:59:59.123456-00:00", 2024, 12, 1, 23, 59, 59, 123_456_000, 0).host("h"),
            valid("zone +23:59", "<13>1 2018-12-31T23:59:59.999999+23:59 h - - - -")
                .pri(1, 5).ts("2018-12-31T23:59:59.999999+23:59", 2018, 12, 31, 23, 59, 59, 999_999_000, 1439)
                .host("h"),
            valid("fields at their maximum lengths",
                "<13>1 - " + host255 + " " + app48 + " " + proc128 + " " + msgId32 + " -")
                .pri(1, 5).host(host255).app(app48).procId(proc128).msgId(msgId32),
            valid("dashes inside names are not NILVALUE", "<1>1 - host-name app-name proc-id msg-id -")
                .pri(0, 1).host("host-name").app("app-name").procId("proc-id").msgId("msg-id"),
            valid("IPv6 hostname", "<13>1 - 2001:db8::1 app - - - hi")
                .pri(1, 5).host("2001:db8::1").app("app").msg("hi"),
            valid("Serial-Debugger (NIL timestamp, IPv4 host)",
                "<14>1 - 10.0.4.87 Serial-Debugger - - - Serializer started!")
                .pri(1, 6).host("10.0.4.87").app("Serial-Debugger").msg("Serializer started!"),
            validTs("SD-ID only", "<78>1 " + TS + "host1 CROND 10391 - [sdid] some_message")
                .pri(9, 6).host("host1").app("CROND").procId("10391").sd("[sdid]").msg("some_message"),
            validTs("escapes \\\" \\\\ \\] in values",
                "<13>1 " + TS + "h - - - [x@1 a=\"q\\\"uote\" b=\"back\\\\slash\" c=\"br\\]acket\"] m")
                .pri(1, 5).host("h").sd("[x@1 a=\"q\\\"uote\" b=\"back\\\\slash\" c=\"br\\]acket\"]").msg("m"),
            validTs("unknown escape kept literally (6.3.3)", "<13>1 " + TS + "h - - - [x@1 a=\"C:\\temp\\n\"] m")
                .pri(1, 5).host("h").sd("[x@1 a=\"C:\\temp\\n\"]").msg("m"),
            validTs("empty value", "<1>1 " + TS + "h - - - [id pk=\"\"]").pri(0, 1).host("h").sd("[id pk=\"\"]"),
            validTs("value with SP, = and [", "<1>1 " + TS + "h - - - [id k=\"a = [b\"]")
                .pri(0, 1).host("h").sd("[id k=\"a = [b\"]"),
            validTs("UTF-8 in values", "<1>1 " + TS + "h - - - [id gr=\"κόσμε\"][beta pr=\"₡\"] 𐌼")
                .pri(0, 1).host("h").sd("[id gr=\"κόσμε\"][beta pr=\"₡\"]").msg("𐌼"),
            validTs("repeated param name is allowed", "<1>1 " + TS + "h - - - [id x=\"1\" x=\"2\"]")
                .pri(0, 1).host("h").sd("[id x=\"1\" x=\"2\"]"),
            validTs("SD-ID and param name of 32", "<1>1 " + TS + "h - - - [" + sdName32 + " " + sdName32 + "=\"v\"]")
                .pri(0, 1).host("h").sd("[" + sdName32 + " " + sdName32 + "=\"v\"]"),
            validTs("SD-like text after SP is message", "<1>1 " + TS + "h - - - [a x=\"1\"] [b]")
                .pri(0, 1).host("h").sd("[a x=\"1\"]").msg("[b]"),
            valid("message with UTF-8, no BOM", "<1>1 - - - - - - Mogę jeść szkło")
                .pri(0, 1).msg("Mogę jeść szkło").flags(NO_HOSTNAME),
            valid("message not UTF-8 without BOM is MSG-ANY", bytes("<1>1 - - - - - - x", 0xC3, 0x28, 0xFF))
                .pri(0, 1).msg("x\uFFFD(\uFFFD").flags(NO_HOSTNAME),
            valid("message with LF", "<1>1 - - - - - - x\ny").pri(0, 1).msg("x\ny").flags(NO_HOSTNAME),
            valid("message starting with SP keeps it", "<1>1 - - - - - -  x").pri(0, 1).msg(" x")
                .flags(NO_HOSTNAME),
            valid("empty MSG after SP is absent", "<165>1 2003-08-24T05:14:15.000002-01:00 - - - - - ")
                .pri(20, 5).ts("2003-08-24T05:14:15.000002-01:00", 2003, 8, 24, 5, 14, 15, 2_000, -60)
                .flags(NO_HOSTNAME),
            valid("BOM only: empty message, BOM flag", "<1>1 - - - - - - " + BOM_TEXT)
                .pri(0, 1).msg("").flags(BOM | NO_HOSTNAME),
            valid("BOM then 4-byte UTF-8", "<1>1 - - - - - - " + BOM_TEXT + "𐌼 ok")
                .pri(0, 1).msg("𐌼 ok").flags(BOM | NO_HOSTNAME),
            valid("BOM not at start of MSG is content", "<1>1 - - - - - - a" + BOM_TEXT)
                .pri(0, 1).msg("a" + BOM_TEXT).flags(NO_HOSTNAME),
            // ---- more valid shapes: every header field present, registered SD-IDs (RFC 5424 §7), edges
            valid("all fields, SD and message",
                "<165>1 2026-03-01T10:00:00.123456+01:00 web-1.example.com nginx 4242 ACCESS " +
                "[meta@32473 ip=\"192.0.2.1\" ua=\"curl/8.5\"] GET / 200")
                .pri(20, 5).ts("2026-03-01T10:00:00.123456+01:00", 2026, 3, 1, 10, 0, 0, 123_456_000, 60)
                .host("web-1.example.com").app("nginx").procId("4242").msgId("ACCESS")
                .sd("[meta@32473 ip=\"192.0.2.1\" ua=\"curl/8.5\"]").msg("GET / 200"),
            validTs("7.1 timeQuality", "<14>1 " + TS + "h app - - [timeQuality tzKnown=\"1\" isSynced=\"1\" " +
                "syncAccuracy=\"60000000\"] m")
                .pri(1, 6).host("h").app("app")
                .sd("[timeQuality tzKnown=\"1\" isSynced=\"1\" syncAccuracy=\"60000000\"]").msg("m"),
            validTs("7.2 origin with a repeated ip param", "<14>1 " + TS + "h app - - [origin ip=\"192.0.2.1\" " +
                "ip=\"192.0.2.129\" enterpriseId=\"32473\" software=\"rsyslogd\"]")
                .pri(1, 6).host("h").app("app")
                .sd("[origin ip=\"192.0.2.1\" ip=\"192.0.2.129\" enterpriseId=\"32473\" software=\"rsyslogd\"]"),
            validTs("7.3 meta", "<14>1 " + TS + "h app - - [meta sequenceId=\"29\" sysUpTime=\"3\" language=\"en-US\"] m")
                .pri(1, 6).host("h").app("app").sd("[meta sequenceId=\"29\" sysUpTime=\"3\" language=\"en-US\"]")
                .msg("m"),
            validTs("three registered elements", "<14>1 " + TS + "h - - - [timeQuality isSynced=\"0\"]" +
                "[origin ip=\"10.0.0.1\"][meta sequenceId=\"1\"] m")
                .pri(1, 6).host("h").sd("[timeQuality isSynced=\"0\"][origin ip=\"10.0.0.1\"][meta sequenceId=\"1\"]")
                .msg("m"),
            validTs("NIL PROCID and MSGID with SD", "<14>1 " + TS + "h app - - [a@1 k=\"v\"] m")
                .pri(1, 6).host("h").app("app").sd("[a@1 k=\"v\"]").msg("m"),
            validTs("escaped backslash just before the closing quote", "<13>1 " + TS + "h - - - [x@1 p=\"a\\\\\"] m")
                .pri(1, 5).host("h").sd("[x@1 p=\"a\\\\\"]").msg("m"),
            validTs("escaped ] and = and \" in one value", "<13>1 " + TS + "h - - - [x@1 p=\"a=\\]\\\"b\"]")
                .pri(1, 5).host("h").sd("[x@1 p=\"a=\\]\\\"b\"]"),
            validTs("TAB and control bytes in a value (UTF-8-STRING)", "<13>1 " + TS + "h - - - [x@1 p=\"a\tb\u0001\"]")
                .pri(1, 5).host("h").sd("[x@1 p=\"a\tb\u0001\"]"),
            validTs("SD-ID with @ and punctuation", "<13>1 " + TS + "h - - - [my.id-1@32473 k_1.x=\"v\"]")
                .pri(1, 5).host("h").sd("[my.id-1@32473 k_1.x=\"v\"]"),
            validTs("33 distinct elements (more than tracked for duplicates)", "<13>1 " + TS + "h - - - " + elements(33))
                .pri(1, 5).host("h").sd(elements(33)),
            valid("NIL SD, message starting with [", "<13>1 - h - - - - [not sd]")
                .pri(1, 5).host("h").msg("[not sd]"),
            valid("message is one byte", "<13>1 - h - - - - x").pri(1, 5).host("h").msg("x"),
            valid("message with NUL and CR kept (MSG-ANY)", "<13>1 - h - - - - a\u0000b\r")
                .pri(1, 5).host("h").msg("a\u0000b\r"),
            valid("BOM then CJK and emoji", "<13>1 - h - - - - " + BOM_TEXT + "日本語 🎉")
                .pri(1, 5).host("h").msg("日本語 🎉").flags(BOM),
            valid("no BOM, message not starting at BOM", "<13>1 - h - - - - " + "x" + BOM_TEXT + "y")
                .pri(1, 5).host("h").msg("x" + BOM_TEXT + "y"),
            valid("single-digit PRI", "<7>1 - h - - - -").pri(0, 7).host("h"),
            valid("PRI 100", "<100>1 - h - - - -").pri(12, 4).host("h"),
            valid("version 2 read with the version 1 grammar", "<13>2 - h - - - -").pri(1, 5).host("h"),
            valid("hostname of PRINTUSASCII punctuation", "<13>1 - h@st:[x]!#$%&'()*+,./;<=>?\\^_`{|}~ - - - -")
                .pri(1, 5).host("h@st:[x]!#$%&'()*+,./;<=>?\\^_`{|}~"),
            valid("punctuation in APP-NAME, PROCID, MSGID", "<13>1 - h my.app/worker-1 proc-42a ID:47 -")
                .pri(1, 5).host("h").app("my.app/worker-1").procId("proc-42a").msgId("ID:47"),
            valid("NIL hostname, every other field present",
                "<13>1 2026-03-01T10:00:00Z - app 1 M [a k=\"v\"] m")
                .pri(1, 5).ts("2026-03-01T10:00:00Z", 2026, 3, 1, 10, 0, 0, 0, 0).app("app").procId("1").msgId("M")
                .sd("[a k=\"v\"]").msg("m").flags(NO_HOSTNAME),
            valid("one fraction digit", "<13>1 2026-03-01T10:00:00.1Z h - - - -")
                .pri(1, 5).ts("2026-03-01T10:00:00.1Z", 2026, 3, 1, 10, 0, 0, 100_000_000, 0).host("h"),
            valid("six fraction digits, smallest", "<13>1 2026-03-01T10:00:00.000001Z h - - - -")
                .pri(1, 5).ts("2026-03-01T10:00:00.000001Z", 2026, 3, 1, 10, 0, 0, 1_000, 0).host("h"),
            valid("zone +00:00", "<13>1 2026-03-01T10:00:00+00:00 h - - - -")
                .pri(1, 5).ts("2026-03-01T10:00:00+00:00", 2026, 3, 1, 10, 0, 0, 0, 0).host("h"),
            valid("zone +14:00 (Kiribati)", "<13>1 2026-03-01T10:00:00+14:00 h - - - -")
                .pri(1, 5).ts("2026-03-01T10:00:00+14:00", 2026, 3, 1, 10, 0, 0, 0, 840).host("h"),
            valid("zone -23:59", "<13>1 2026-12-31T23:59:59.999999-23:59 h - - - -")
                .pri(1, 5).ts("2026-12-31T23:59:59.999999-23:59", 2026, 12, 31, 23, 59, 59, 999_999_000, -1439)
                .host("h"),
            valid("year 0000 (4DIGIT)", "<13>1 0000-01-01T00:00:00Z h - - - -")
                .pri(1, 5).ts("0000-01-01T00:00:00Z", 0, 1, 1, 0, 0, 0, 0, 0).host("h"),
            valid("year 9999", "<13>1 9999-12-31T23:59:59Z h - - - -")
                .pri(1, 5).ts("9999-12-31T23:59:59Z", 9999, 12, 31, 23, 59, 59, 0, 0).host("h"),
            valid("30 April", "<13>1 2026-04-30T00:00:00Z h - - - -")
                .pri(1, 5).ts("2026-04-30T00:00:00Z", 2026, 4, 30, 0, 0, 0, 0, 0).host("h"),
            valid("6.5 example 1 without the BOM",
                "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - 'su root' failed")
                .pri(4, 2).ts("2003-10-11T22:14:15.003Z", 2003, 10, 11, 22, 14, 15, 3_000_000, 0)
                .host("mymachine.example.com").app("su").msgId("ID47").msg("'su root' failed"),
            valid("IPv4 host, systemd-style app", "<30>1 2026-03-01T10:00:00Z 192.0.2.7 systemd 1 - - Started x.")
                .pri(3, 6).ts("2026-03-01T10:00:00Z", 2026, 3, 1, 10, 0, 0, 0, 0).host("192.0.2.7").app("systemd")
                .procId("1").msg("Started x."),
            validTs("SD then message starting with SP", "<13>1 " + TS + "h - - - [a]  x")
                .pri(1, 5).host("h").sd("[a]").msg(" x"));
    }

    static List<Expected> invalidCases()
    {
        final String header = "<13>1 - h a p m ";
        return List.of(
            invalid("empty", "", EMPTY, 0),
            invalid("no PRI", "garbage", BAD_PRI, 0),
            invalid("( instead of <", "(190>1 - - - - - -", BAD_PRI, 0),
            invalid("empty PRI", "<>1 - - - - - -", BAD_PRI, 1),
            invalid("PRI 192", "<192>1 - - - - - -", BAD_PRI, 1),
            invalid("PRI leading zero", "<012>1 - - - - - -", BAD_PRI, 2),
            invalid("PRI <00>", "<00>1 - - - - - -", BAD_PRI, 2),
            invalid("PRI four digits", "<1234>1 - - - - - -", BAD_PRI, 4),
            invalid("PRI not numeric", "<a>1 - - - - - -", BAD_PRI, 1),
            invalid("PRI not closed", "<87]1 - - - - - -", BAD_PRI, 3),
            invalid("message ends in PRI", "<13", BAD_PRI, 3),
            invalid("version 0", "<13>0 - - - - - -", BAD_VERSION, 4).pri(1, 5),
            invalid("version leading zero", "<13>01 - - - - - -", BAD_VERSION, 4).pri(1, 5),
            invalid("version 1000", "<13>1000 - - - - - -", BAD_VERSION, 7).pri(1, 5),
            invalid("version then letter", "<13>1x - - - - - -", BAD_VERSION, 5).pri(1, 5),
            invalid("no version (BSD body)", "<189>some message", BAD_VERSION, 5).pri(23, 5),
            invalid("ends after PRI", "<13>", TRUNCATED_HEADER, 4).pri(1, 5),
            invalid("ends after version", "<13>1", TRUNCATED_HEADER, 5).pri(1, 5),
            invalid("ends after version SP", "<13>1 ", TRUNCATED_HEADER, 6).pri(1, 5),
            invalid("lower-case t", "<13>1 2003-10-11t22:14:15Z h - - - -", BAD_TIMESTAMP, 16).pri(1, 5),
            invalid("lower-case z", "<13>1 2003-10-11T22:14:15z h - - - -", BAD_TIMESTAMP, 25).pri(1, 5),
            invalid("no zone", "<13>1 2003-10-11T22:14:15 h - - - -", BAD_TIMESTAMP, 25).pri(1, 5),
            invalid("month 13", "<13>1 2003-13-11T22:14:15Z h - - - -", BAD_TIMESTAMP, 11).pri(1, 5),
            invalid("month 00", "<13>1 2003-00-11T22:14:15Z h - - - -", BAD_TIMESTAMP, 11).pri(1, 5),
            invalid("29 February 2003", "<13>1 2003-02-29T22:14:15Z h - - - -", BAD_TIMESTAMP, 14).pri(1, 5),
            invalid("29 February 1900", "<13>1 1900-02-29T22:14:15Z h - - - -", BAD_TIMESTAMP, 14).pri(1, 5),
            invalid("31 September", "<13>1 2003-09-31T22:14:15Z h - - - -", BAD_TIMESTAMP, 14).pri(1, 5),
            invalid("hour 24", "<13>1 2003-10-11T24:14:15Z h - - - -", BAD_TIMESTAMP, 17).pri(1, 5),
            invalid("minute 60", "<13>1 2003-10-11T22:60:15Z h - - - -", BAD_TIMESTAMP, 20).pri(1, 5),
            invalid("second 61", "<13>1 2003-10-11T22:14:61Z h - - - -", BAD_TIMESTAMP, 23).pri(1, 5),
            invalid("date-time separator missing", "<13>1 2018-02-01:25:15Z h - - - -", BAD_TIMESTAMP, 16)
                .pri(1, 5),
            invalid("three-digit year", "<13>1 201-11-22T22:14:15Z h - - - -", BAD_TIMESTAMP, 9).pri(1, 5),
            invalid("7 fraction digits (6.2.3.1 example 5)",
                "<13>1 2003-08-24T05:14:15.000000003-07:00 h - - - -", BAD_TIMESTAMP, 32).pri(1, 5),
            invalid("empty fraction", "<13>1 2003-10-11T22:14:15.Z h - - - -", BAD_TIMESTAMP, 26).pri(1, 5),
            invalid("zone hour 24", "<13>1 2003-10-11T22:14:15-24:00 h - - - -", BAD_TIMESTAMP, 26).pri(1, 5),
            invalid("zone minute 60", "<13>1 2003-10-11T22:14:15+05:60 h - - - -", BAD_TIMESTAMP, 29).pri(1, 5),
            invalid("zone without colon", "<13>1 2003-10-11T22:14:15+0530 h - - - -", BAD_TIMESTAMP, 28)
                .pri(1, 5),
            invalid("zone letter", "<13>1 2003-09-29T22:09:01A h - - - -", BAD_TIMESTAMP, 25).pri(1, 5),
            invalid("timestamp cut short", "<13>1 2003-10-11T22:14", TRUNCATED_HEADER, 22).pri(1, 5),
            invalid("ends after timestamp", "<13>1 2003-10-11T22:14:15.003Z", TRUNCATED_HEADER, 30).pri(1, 5),
            invalid("NILVALUE glued to text", "<13>1 -x h - - - -", BAD_TIMESTAMP, 7).pri(1, 5),
            invalid("hostname of 256", "<13>1 - " + "h".repeat(256) + " - - - -", BAD_HOSTNAME, 8 + 255).pri(1, 5),
            invalid("LF in hostname", "<1>1 - ho\nst - - - -", BAD_HOSTNAME, 9).pri(0, 1),
            invalid("empty hostname (two SP)", "<1>1 -  - - - -", BAD_HOSTNAME, 7).pri(0, 1),
            invalid("non-ASCII hostname", "<1>1 - hóst - - - -", BAD_HOSTNAME, 8).pri(0, 1),
            invalid("APP-NAME of 49", "<1>1 - - " + "a".repeat(49) + " - - -", BAD_APP_NAME, 9 + 48).pri(0, 1),
            invalid("PROCID of 129", "<1>1 - - - " + "p".repeat(129) + " - -", BAD_PROC_ID, 11 + 128).pri(0, 1),
            invalid("MSGID of 33", "<1>1 - - - - " + "m".repeat(33) + " -", BAD_MSG_ID, 13 + 32).pri(0, 1),
            invalid("LF in PROCID", "<1>1 - - - p\nid - -", BAD_PROC_ID, 12).pri(0, 1),
            invalid("ends after MSGID", "<1>1 - - - - -", TRUNCATED_HEADER, 14).pri(0, 1),
            invalid("ends before SD", "<1>1 - - - - - ", TRUNCATED_HEADER, 15).pri(0, 1),
            invalid("SD neither - nor [", header + "X", BAD_STRUCTURED_DATA, 16).pri(1, 5),
            invalid("NILVALUE SD glued to text", header + "-x", BAD_STRUCTURED_DATA, 17).pri(1, 5),
            invalid("empty SD element", header + "[]", BAD_STRUCTURED_DATA, 17).pri(1, 5),
            invalid("SD-ID is SP", header + "[ ]", BAD_STRUCTURED_DATA, 17).pri(1, 5),
            invalid("SD-ID is =", header + "[=]", BAD_STRUCTURED_DATA, 17).pri(1, 5),
            invalid("SD-ID is \"", header + "[\"]", BAD_STRUCTURED_DATA, 17).pri(1, 5),
            invalid("SD-ID of 33", header + "[" + "i".repeat(33) + "]", BAD_STRUCTURED_DATA, 17 + 32).pri(1, 5),
            invalid("param name of 33", header + "[id " + "n".repeat(33) + "=\"v\"]", BAD_STRUCTURED_DATA, 20 + 32)
                .pri(1, 5),
            invalid("ends in SD-ID", header + "[id", BAD_STRUCTURED_DATA, 19).pri(1, 5),
            invalid("param without =", header + "[id a]", BAD_STRUCTURED_DATA, 21).pri(1, 5),
            invalid("value without quotes", header + "[id a=1]", BAD_STRUCTURED_DATA, 22).pri(1, 5),
            invalid("unescaped ] in value", header + "[id a=\"p]\"]", BAD_STRUCTURED_DATA, 24).pri(1, 5),
            invalid("unescaped \" in value", header + "[id a=\"\"\"]", BAD_STRUCTURED_DATA, 24).pri(1, 5),
            invalid("escaped quote leaves value open", header + "[id a=\"\\\"]", BAD_STRUCTURED_DATA, 25)
                .pri(1, 5),
            invalid("element not closed", header + "[id a=\"x\"", BAD_STRUCTURED_DATA, 25).pri(1, 5),
            invalid("no SP between params", header + "[id a=\"x\"b=\"y\"]", BAD_STRUCTURED_DATA, 25).pri(1, 5),
            invalid("duplicate SD-ID", header + "[id1][id1]", BAD_STRUCTURED_DATA, 22).pri(1, 5),
            invalid("text glued to SD", header + "[a]x", BAD_STRUCTURED_DATA, 19).pri(1, 5),
            invalid("BOM then bad continuation", bytes("<1>1 - - - - - - \uFEFFab", 0xC3, 0x28), BAD_UTF8, 22)
                .pri(0, 1),
            invalid("BOM then overlong /", bytes("<1>1 - - - - - - \uFEFF", 0xC0, 0xAF), BAD_UTF8, 20).pri(0, 1),
            invalid("BOM then UTF-16 surrogate", bytes("<1>1 - - - - - - \uFEFF", 0xED, 0xA0, 0x80), BAD_UTF8, 20)
                .pri(0, 1),
            invalid("BOM then cut sequence", bytes("<1>1 - - - - - - \uFEFFx", 0xE2, 0x82), BAD_UTF8, 21)
                .pri(0, 1),
            invalid("BOM then above U+10FFFF", bytes("<1>1 - - - - - - \uFEFF", 0xF4, 0x90, 0x80, 0x80), BAD_UTF8, 20)
                .pri(0, 1),
            invalid("BOM then 0xFF", bytes("<1>1 - - - - - - \uFEFF", 0xFF), BAD_UTF8, 20).pri(0, 1),
            invalid("SP instead of T", "<13>1 2003-10-11 22:14:15Z h - - - -", BAD_TIMESTAMP, 16).pri(1, 5),
            invalid("one-digit month", "<13>1 2003-1-11T22:14:15Z h - - - -", BAD_TIMESTAMP, 12).pri(1, 5),
            invalid("one-digit hour", "<13>1 2003-10-11T2:14:15Z h - - - -", BAD_TIMESTAMP, 18).pri(1, 5),
            invalid("day 00", "<13>1 2003-10-00T22:14:15Z h - - - -", BAD_TIMESTAMP, 14).pri(1, 5),
            invalid("day 32", "<13>1 2003-10-32T22:14:15Z h - - - -", BAD_TIMESTAMP, 14).pri(1, 5),
            invalid("five-digit year", "<13>1 20031-10-11T22:14:15Z h - - - -", BAD_TIMESTAMP, 10).pri(1, 5),
            invalid("letter in fraction", "<13>1 2003-10-11T22:14:15.12aZ h - - - -", BAD_TIMESTAMP, 28).pri(1, 5),
            invalid("one-digit zone hour", "<13>1 2003-10-11T22:14:15+5:30 h - - - -", BAD_TIMESTAMP, 27).pri(1, 5),
            invalid("text glued to Z", "<13>1 2003-10-11T22:14:15Zx h - - - -", BAD_TIMESTAMP, 26).pri(1, 5),
            invalid("BSD timestamp after version", "<13>1 Oct 11 22:14:15 host app: msg", BAD_TIMESTAMP, 6).pri(1, 5),
            invalid("two SP before timestamp", "<13>1  - h - - - -", BAD_TIMESTAMP, 6).pri(1, 5),
            invalid("TAB after hostname", "<13>1 - h\tapp - - -", BAD_HOSTNAME, 9).pri(1, 5),
            invalid("NUL in hostname", "<13>1 - h\u0000 - - - -", BAD_HOSTNAME, 9).pri(1, 5),
            invalid("empty APP-NAME (two SP)", "<13>1 - h  - - -", BAD_APP_NAME, 10).pri(1, 5),
            invalid("empty PROCID (two SP)", "<13>1 - h a  - -", BAD_PROC_ID, 12).pri(1, 5),
            invalid("empty MSGID (two SP)", "<13>1 - h a p  -", BAD_MSG_ID, 14).pri(1, 5),
            invalid("non-ASCII APP-NAME", "<13>1 - h äpp - - -", BAD_APP_NAME, 10).pri(1, 5),
            invalid("DEL in MSGID", "<13>1 - h a p m\u007F -", BAD_MSG_ID, 15).pri(1, 5),
            invalid("PRI with a sign", "<+13>1 - - - - - -", BAD_PRI, 1),
            invalid("PRI 999", "<999>1 - - - - - -", BAD_PRI, 1),
            invalid("ends after hostname", "<13>1 - h", TRUNCATED_HEADER, 9).pri(1, 5),
            invalid("SP before ]", header + "[id ]", BAD_STRUCTURED_DATA, 20).pri(1, 5),
            invalid("SP inside a param name", header + "[id a b=\"c\"]", BAD_STRUCTURED_DATA, 21).pri(1, 5),
            invalid("single-quoted value", header + "[id a='x']", BAD_STRUCTURED_DATA, 22).pri(1, 5),
            invalid("ends after a param", header + "[id a=\"x\" ", BAD_STRUCTURED_DATA, 26).pri(1, 5),
            invalid("ends inside a value", header + "[id a=\"x", BAD_STRUCTURED_DATA, 24).pri(1, 5),
            invalid("non-ASCII SD-ID", header + "[idé]", BAD_STRUCTURED_DATA, 19).pri(1, 5),
            invalid("escaped backslash then bare ]", header + "[id a=\"\\\\]\"]", BAD_STRUCTURED_DATA, 25).pri(1, 5),
            invalid("duplicate SD-ID, not adjacent", header + "[a][b][a]", BAD_STRUCTURED_DATA, 23).pri(1, 5),
            invalid("= without a name", header + "[id =\"x\"]", BAD_STRUCTURED_DATA, 20).pri(1, 5),
            invalid("BOM then overlong 3-byte form", bytes("<1>1 - - - - - - \uFEFF", 0xE0, 0x80, 0x80), BAD_UTF8, 20)
                .pri(0, 1),
            invalid("BOM then a lead byte at the end", bytes("<1>1 - - - - - - \uFEFFok", 0xC3), BAD_UTF8, 22)
                .pri(0, 1));
    }

    private final Rfc5424Parser parser = new Rfc5424Parser();

    @ParameterizedTest(name = "{0}")
    @MethodSource("validCases")
    void parsesValid(final Expected expected)
    {
        final LogEvent event = expected.event();
        assertTrue(parser.parse(event), expected.name);
        expected.assertMatches(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCases")
    void rejectsInvalid(final Expected expected)
    {
        final LogEvent event = expected.event();
        assertFalse(parser.parse(event), expected.name);
        expected.assertMatches(event);
    }

    @Test
    void keepsListenerFlagsAndClearsStaleParse()
    {
        final LogEvent event = Expected.event(bytes("<13>1 - h - - - [a] x"));
        event.flags = TRUNCATED;
        assertTrue(parser.parse(event));
        assertEquals(TRUNCATED, event.flags);

        final byte[] bad = bytes("<13>1 - h - - - [a");
        System.arraycopy(bad, 0, event.raw, 0, bad.length);
        event.rawLength = bad.length;
        assertFalse(parser.parse(event));
        assertEquals(TRUNCATED, event.flags);
        assertEquals(MessageFormat.UNPARSED, event.format);
        assertEquals(-1, event.fieldOffset[io.ringlog.engine.event.Field.HOSTNAME]);
        assertEquals(U, event.tsYear);
    }

    @Test
    void tableIsLargeEnough()
    {
        assertTrue(validCases().size() + invalidCases().size() >= 150, "issue 3 asks for at least 150 RFC 5424 cases");
    }
}
