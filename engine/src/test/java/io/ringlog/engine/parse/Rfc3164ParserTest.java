package io.ringlog.engine.parse;

import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.event.MessageFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static io.ringlog.engine.event.ParseError.BAD_PRI;
import static io.ringlog.engine.event.ParseError.EMPTY;
import static io.ringlog.engine.event.ParseFlags.NO_HOSTNAME;
import static io.ringlog.engine.event.ParseFlags.PRI_ASSUMED;
import static io.ringlog.engine.event.ParseFlags.RFC3339_IN_3164;
import static io.ringlog.engine.event.ParseFlags.YEAR_IN_3164;
import static io.ringlog.engine.parse.Expected.invalid;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * RFC 3164 case table: the RFC's §5.4 examples and the shapes real senders emit (rsyslog, logger, kernel,
 * Cisco IOS/ASA). 3164 has no single correct reading; each row documents the reading {@link Rfc3164Parser}
 * chose, and why where it is not obvious.
 */
class Rfc3164ParserTest
{
    private static final int U = LogEvent.UNKNOWN;

    static Expected valid(final String name, final String input)
    {
        return Expected.valid(MessageFormat.RFC3164, name, input);
    }

    static List<Expected> cases()
    {
        return List.of(
            valid("5.4 example 1", "<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8")
                .pri(4, 2).ts("Oct 11 22:14:15", U, 10, 11, 22, 14, 15, 0, U).host("mymachine").app("su")
                .msg("'su root' failed for lonvick on /dev/pts/8"),
            // §5.4: no PRI, no timestamp; the RFC says a relay treats all of it as content. We still read the
            // first word as the TAG (the same rule as every other PRI-less line); the bytes stay intact.
            valid("5.4 example 2: no PRI, no header", "Use the BFG!")
                .pri(1, 5).app("Use").msg("the BFG!").flags(PRI_ASSUMED | NO_HOSTNAME),
            // §5.4: "Feb  5 17:32:18 10.0.0.99" is a valid header; the RFC notes "Use" is then read as the TAG.
            valid("5.4 example 3: IPv4 host, space-padded day", "<13>Feb  5 17:32:18 10.0.0.99 Use the BFG!")
                .pri(1, 5).ts("Feb  5 17:32:18", U, 2, 5, 17, 32, 18, 0, U).host("10.0.0.99").app("Use")
                .msg("the BFG!"),
            // §5.4: the RFC itself reads "CST" as the HOSTNAME and "1987" as the TAG of this message.
            valid("5.4 example 4: zone and year after the timestamp",
                "<165>Aug 24 05:34:00 CST 1987 mymachine myproc[10]: %% It's time to make the do-nuts.  %%")
                .pri(20, 5).ts("Aug 24 05:34:00", U, 8, 24, 5, 34, 0, 0, U).host("CST").app("1987")
                .msg("mymachine myproc[10]: %% It's time to make the do-nuts.  %%"),
            // §5.4: "1990 Oct 22 ..." is not a valid TIMESTAMP, so there is no header: no host, first word = TAG.
            valid("5.4 example 5: invalid timestamp, no header",
                "<0>1990 Oct 22 10:52:01 TZ-6 scapegoat.dmz.example.org 10.1.2.3 sched[0]: That's All Folks!")
                .pri(0, 0).app("1990")
                .msg("Oct 22 10:52:01 TZ-6 scapegoat.dmz.example.org 10.1.2.3 sched[0]: That's All Folks!")
                .flags(NO_HOSTNAME),
            valid("rsyslog default forwarding format", "<13>Nov 25 04:36:48 myhost app[123]: msg")
                .pri(1, 5).ts("Nov 25 04:36:48", U, 11, 25, 4, 36, 48, 0, U).host("myhost").app("app")
                .procId("123").msg("msg"),
            valid("logger over the network (tag = user name)", "<13>Nov  5 04:36:48 myhost alice: hello world")
                .pri(1, 5).ts("Nov  5 04:36:48", U, 11, 5, 4, 36, 48, 0, U).host("myhost").app("alice")
                .msg("hello world"),
            valid("logger -i to /dev/log (no hostname, pid)", "<13>Nov 25 04:36:48 alice[4242]: hello")
                .pri(1, 5).ts("Nov 25 04:36:48", U, 11, 25, 4, 36, 48, 0, U).app("alice").procId("4242")
                .msg("hello").flags(NO_HOSTNAME),
            // A word ending in ':' is a TAG, never a host name: local sockets (/dev/log) carry no hostname.
            valid("no hostname: su", "<13>Nov 25 04:36:48 su: pam_unix(su:session): session opened")
                .pri(1, 5).ts("Nov 25 04:36:48", U, 11, 25, 4, 36, 48, 0, U).app("su")
                .msg("pam_unix(su:session): session opened").flags(NO_HOSTNAME),
            valid("kernel with host", "<6>Nov 25 04:36:48 myhost kernel: [    1.234567] Linux version 6.1.0")
                .pri(0, 6).ts("Nov 25 04:36:48", U, 11, 25, 4, 36, 48, 0, U).host("myhost").app("kernel")
                .msg("[    1.234567] Linux version 6.1.0"),
            valid("kernel without header", "<6>kernel: [ 1.23] usb 1-1: new high-speed USB device")
                .pri(0, 6).app("kernel").msg("[ 1.23] usb 1-1: new high-speed USB device").flags(NO_HOSTNAME),
            valid("Cisco IOS: millis and colon after timestamp",
                "<189>Nov 25 04:36:48.123: %SYS-5-CONFIG_I: Configured from console by vty0")
                .pri(23, 5).ts("Nov 25 04:36:48.123", U, 11, 25, 4, 36, 48, 123_000_000, U)
                .app("%SYS-5-CONFIG_I").msg("Configured from console by vty0").flags(NO_HOSTNAME),
            valid("Cisco ASA: year in timestamp", "<166>Nov 25 2024 04:36:48: %ASA-6-302013: Built outbound TCP")
                .pri(20, 6).ts("Nov 25 2024 04:36:48", 2024, 11, 25, 4, 36, 48, 0, U).app("%ASA-6-302013")
                .msg("Built outbound TCP").flags(YEAR_IN_3164 | NO_HOSTNAME),
            valid("year in timestamp with host", "<175>Oct 16 2009 23:47:31 hostname tag This is a message")
                .pri(21, 7).ts("Oct 16 2009 23:47:31", 2009, 10, 16, 23, 47, 31, 0, U).host("hostname")
                .app("tag").msg("This is a message").flags(YEAR_IN_3164),
            valid("RFC 3339 timestamp (RSYSLOG_ForwardFormat)",
                "<13>2024-11-25T04:36:48.123456+01:00 myhost app[123]: msg")
                .pri(1, 5).ts("2024-11-25T04:36:48.123456+01:00", 2024, 11, 25, 4, 36, 48, 123_456_000, 60)
                .host("myhost").app("app").procId("123").msg("msg").flags(RFC3339_IN_3164),
            valid("RFC 3339 Z, no fraction", "<14>2010-08-30T23:00:05Z X4711")
                .pri(1, 6).ts("2010-08-30T23:00:05Z", 2010, 8, 30, 23, 0, 5, 0, 0).host("X4711").msg("")
                .flags(RFC3339_IN_3164),
            valid("RFC 3339 without zone, long fraction", "<7>2006-11-10T10:43:21.15600000000 bzorp openvpn[2499]: up")
                .pri(0, 7).ts("2006-11-10T10:43:21.15600000000", 2006, 11, 10, 10, 43, 21, 156_000_000, U)
                .host("bzorp").app("openvpn").procId("2499").msg("up").flags(RFC3339_IN_3164),
            valid("day not padded", "<13>Nov 5 04:36:48 myhost app: msg")
                .pri(1, 5).ts("Nov 5 04:36:48", U, 11, 5, 4, 36, 48, 0, U).host("myhost").app("app").msg("msg"),
            valid("day zero-padded", "<13>Nov 05 04:36:48 myhost app: msg")
                .pri(1, 5).ts("Nov 05 04:36:48", U, 11, 5, 4, 36, 48, 0, U).host("myhost").app("app").msg("msg"),
            valid("SP after PRI", "<38> Mar  7 19:06:53 example tag: testmessage")
                .pri(4, 6).ts("Mar  7 19:06:53", U, 3, 7, 19, 6, 53, 0, U).host("example").app("tag")
                .msg("testmessage"),
            valid("upper-case month", "<167>AUG 10 22:18:24 host tag This msg has 8-bit chars: äöü")
                .pri(20, 7).ts("AUG 10 22:18:24", U, 8, 10, 22, 18, 24, 0, U).host("host").app("tag")
                .msg("This msg has 8-bit chars: äöü"),
            valid("no PRI, with header", "Nov 25 04:36:48 myhost app: msg")
                .pri(1, 5).ts("Nov 25 04:36:48", U, 11, 25, 4, 36, 48, 0, U).host("myhost").app("app").msg("msg")
                .flags(PRI_ASSUMED),
            valid("no timestamp, tag with pid", "<15> openvpn[2499]: PTHREAD support initialized")
                .pri(1, 7).app("openvpn").procId("2499").msg("PTHREAD support initialized").flags(NO_HOSTNAME),
            valid("tag without colon", "<13>Nov 25 04:36:48 myhost app msg text")
                .pri(1, 5).ts("Nov 25 04:36:48", U, 11, 25, 4, 36, 48, 0, U).host("myhost").app("app")
                .msg("msg text"),
            valid("no SP after tag colon", "<13>Feb 13 20:07:26 74794bfb6795 root[8539]:syslog message")
                .pri(1, 5).ts("Feb 13 20:07:26", U, 2, 13, 20, 7, 26, 0, U).host("74794bfb6795").app("root")
                .procId("8539").msg("syslog message"),
            valid("header only: host, empty message", "<14>Aug 30 23:00:05 X4711")
                .pri(1, 6).ts("Aug 30 23:00:05", U, 8, 30, 23, 0, 5, 0, U).host("X4711").msg(""),
            valid("timestamp only", "<14>Aug 30 23:00:05 ")
                .pri(1, 6).ts("Aug 30 23:00:05", U, 8, 30, 23, 0, 5, 0, U).msg("").flags(NO_HOSTNAME),
            valid("IPv6 host", "<0>Jan 10 01:00:00 2001:db8::1 prg0: msgtxt")
                .pri(0, 0).ts("Jan 10 01:00:00", U, 1, 10, 1, 0, 0, 0, U).host("2001:db8::1").app("prg0")
                .msg("msgtxt"),
            valid("IPv6 host ending in ::", "<0>Jan 10 01:00:00 0002:: prg0: msgtxt")
                .pri(0, 0).ts("Jan 10 01:00:00", U, 1, 10, 1, 0, 0, 0, U).host("0002::").app("prg0").msg("msgtxt"),
            valid("tag with parens and pid", "<167>Apr  6 15:07:10 lxcvs07 sshd(pam_unix)[31738]: session closed")
                .pri(20, 7).ts("Apr  6 15:07:10", U, 4, 6, 15, 7, 10, 0, U).host("lxcvs07").app("sshd(pam_unix)")
                .procId("31738").msg("session closed"),
            valid("tag with slash", "<7>Aug 29 02:00:00 bzorp ctld/snmpd[2499]: PTHREAD support initialized")
                .pri(0, 7).ts("Aug 29 02:00:00", U, 8, 29, 2, 0, 0, 0, U).host("bzorp").app("ctld/snmpd")
                .procId("2499").msg("PTHREAD support initialized"),
            valid("PIX tag after IPv4 host",
                "<167>Mar  6 16:57:54 172.20.245.8 %PIX-7-710005: UDP request discarded")
                .pri(20, 7).ts("Mar  6 16:57:54", U, 3, 6, 16, 57, 54, 0, U).host("172.20.245.8")
                .app("%PIX-7-710005").msg("UDP request discarded"),
            valid("-- MARK --", "Feb 18 16:01:59 serverX -- MARK --")
                .pri(1, 5).ts("Feb 18 16:01:59", U, 2, 18, 16, 1, 59, 0, U).host("serverX").app("--")
                .msg("MARK --").flags(PRI_ASSUMED),
            // Two SPs after the host: the tag word is empty, so APP_NAME is absent and the rest is the message.
            valid("no tag (two SP after host)",
                "<46>Jan  5 15:33:03 myhost  [origin software=\"rsyslogd\"] start")
                .pri(5, 6).ts("Jan  5 15:33:03", U, 1, 5, 15, 33, 3, 0, U).host("myhost")
                .msg("[origin software=\"rsyslogd\"] start"),
            valid("unclosed pid bracket", "<13>Nov 25 04:36:48 myhost app[12 oops")
                .pri(1, 5).ts("Nov 25 04:36:48", U, 11, 25, 4, 36, 48, 0, U).host("myhost").app("app").msg("oops"),
            valid("microsecond fraction", "<13>Nov 25 04:36:48.123456 myhost app: msg")
                .pri(1, 5).ts("Nov 25 04:36:48.123456", U, 11, 25, 4, 36, 48, 123_456_000, U).host("myhost")
                .app("app").msg("msg"),
            valid("leap second", "<13>Dec 31 23:59:60 myhost app: msg")
                .pri(1, 5).ts("Dec 31 23:59:60", U, 12, 31, 23, 59, 60, 0, U).host("myhost").app("app").msg("msg"),
            valid("Feb 29 without year is a timestamp", "<13>Feb 29 12:00:00 myhost app: msg")
                .pri(1, 5).ts("Feb 29 12:00:00", U, 2, 29, 12, 0, 0, 0, U).host("myhost").app("app").msg("msg"),
            // An impossible date is no timestamp: then there is no header, and the first word is the TAG.
            valid("Feb 30 is no timestamp", "<13>Feb 30 04:36:48 myhost app: msg")
                .pri(1, 5).app("Feb").msg("30 04:36:48 myhost app: msg").flags(NO_HOSTNAME),
            valid("Feb 29 2023 is no timestamp", "<13>Feb 29 2023 04:36:48 myhost app: msg")
                .pri(1, 5).app("Feb").msg("29 2023 04:36:48 myhost app: msg").flags(NO_HOSTNAME),
            valid("hour 24 is no timestamp", "<13>Nov 25 24:00:00 myhost app: msg")
                .pri(1, 5).app("Nov").msg("25 24:00:00 myhost app: msg").flags(NO_HOSTNAME),
            invalid("empty", "", EMPTY, 0),
            invalid("PRI not numeric", "<abc>Nov 25 04:36:48 myhost app: msg", BAD_PRI, 1),
            invalid("PRI 192", "<192>Nov 25 04:36:48 myhost app: msg", BAD_PRI, 1),
            invalid("PRI not closed", "<13", BAD_PRI, 3),
            invalid("PRI leading zero", "<013>Nov 25 04:36:48 myhost app: msg", BAD_PRI, 2));
    }

    private final Rfc3164Parser parser = new Rfc3164Parser();

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void parses(final Expected expected)
    {
        final LogEvent event = expected.event();
        assertEquals(expected.valid, parser.parse(event), expected.name);
        expected.assertMatches(event);
    }
}
