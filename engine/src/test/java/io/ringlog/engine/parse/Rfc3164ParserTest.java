package io.ringlog.engine.parse;

import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.event.MessageFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static io.ringlog.engine.event.ParseError.BAD_PRI;
import static io.ringlog.engine.event.ParseError.EMPTY;
import static io.ringlog.engine.event.ParseFlags.CLOCK_UNSYNCED;
import static io.ringlog.engine.event.ParseFlags.NO_HOSTNAME;
import static io.ringlog.engine.event.ParseFlags.NO_TAG;
import static io.ringlog.engine.event.ParseFlags.PRI_ASSUMED;
import static io.ringlog.engine.event.ParseFlags.RFC3339_IN_3164;
import static io.ringlog.engine.event.ParseFlags.SEQUENCE_NUMBER;
import static io.ringlog.engine.event.ParseFlags.YEAR_IN_3164;
import static io.ringlog.engine.event.ParseFlags.ZONE_NAME;
import static io.ringlog.engine.parse.Expected.bytes;
import static io.ringlog.engine.parse.Expected.invalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    static Expected valid(final String name, final byte[] input)
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
                .flags(RFC3339_IN_3164 | NO_TAG),
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
                .pri(1, 6).ts("Aug 30 23:00:05", U, 8, 30, 23, 0, 5, 0, U).host("X4711").msg("").flags(NO_TAG),
            valid("timestamp only", "<14>Aug 30 23:00:05 ")
                .pri(1, 6).ts("Aug 30 23:00:05", U, 8, 30, 23, 0, 5, 0, U).msg("").flags(NO_HOSTNAME | NO_TAG),
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
                .msg("[origin software=\"rsyslogd\"] start").flags(NO_TAG),
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
            // ---- Cisco IOS / NX-OS / ASA. The counter before the timestamp is IOS's message counter, not a
            // program (rsyslog's pmciscoios reads it so); "word: " after it is the logging origin-id host.
            valid("IOS: counter, * marker, millis, UTC zone",
                "<189>123: *Mar  1 18:48:50.483 UTC: %SYS-5-CONFIG_I: Configured from console by vty0 (10.0.0.5)")
                .pri(23, 5).ts("Mar  1 18:48:50.483 UTC", U, 3, 1, 18, 48, 50, 483_000_000, 0).app("%SYS-5-CONFIG_I")
                .msg("Configured from console by vty0 (10.0.0.5)")
                .flags(SEQUENCE_NUMBER | CLOCK_UNSYNCED | ZONE_NAME | NO_HOSTNAME),
            valid("IOS: counter and origin-id host",
                "<187>12: rtr1.example.net: *Mar  1 18:48:50.483: %LINK-3-UPDOWN: Interface Gi0/1, changed state to down")
                .pri(23, 3).ts("Mar  1 18:48:50.483", U, 3, 1, 18, 48, 50, 483_000_000, U).host("rtr1.example.net")
                .app("%LINK-3-UPDOWN").msg("Interface Gi0/1, changed state to down")
                .flags(SEQUENCE_NUMBER | CLOCK_UNSYNCED),
            valid("IOS: origin-id is an IPv4 address",
                "<189>99: 10.9.8.7: Mar  1 01:02:03: %SYS-5-RESTART: System restarted")
                .pri(23, 5).ts("Mar  1 01:02:03", U, 3, 1, 1, 2, 3, 0, U).host("10.9.8.7").app("%SYS-5-RESTART")
                .msg("System restarted").flags(SEQUENCE_NUMBER),
            // A zone name other than UTC/GMT/UT is kept in the field but needs a zone database: offset UNKNOWN.
            valid("IOS: two counters (service sequence-numbers), . marker, CET",
                "<190>18: 000015: .Mar  1 00:23:21.707 CET: %SYS-6-LOGGINGHOST_STARTSTOP: Logging to host 192.0.2.4 started")
                .pri(23, 6).ts("Mar  1 00:23:21.707 CET", U, 3, 1, 0, 23, 21, 707_000_000, U)
                .app("%SYS-6-LOGGINGHOST_STARTSTOP").msg("Logging to host 192.0.2.4 started")
                .flags(SEQUENCE_NUMBER | CLOCK_UNSYNCED | ZONE_NAME | NO_HOSTNAME),
            valid("IOS: counter, timestamps off",
                "<187>45: %LINEPROTO-5-UPDOWN: Line protocol on Interface Vlan1, changed state to up")
                .pri(23, 3).app("%LINEPROTO-5-UPDOWN").msg("Line protocol on Interface Vlan1, changed state to up")
                .flags(SEQUENCE_NUMBER | NO_HOSTNAME),
            valid("IOS: counter, year and millis",
                "<189>7: Mar  1 2026 10:00:00.123: %SYS-5-RESTART: System restarted")
                .pri(23, 5).ts("Mar  1 2026 10:00:00.123", 2026, 3, 1, 10, 0, 0, 123_000_000, U).app("%SYS-5-RESTART")
                .msg("System restarted").flags(SEQUENCE_NUMBER | YEAR_IN_3164 | NO_HOSTNAME),
            valid("IOS: * marker without counter",
                "<189>*Mar  1 00:00:12.345: %LINK-5-CHANGED: Interface Vlan1, changed state to administratively down")
                .pri(23, 5).ts("Mar  1 00:00:12.345", U, 3, 1, 0, 0, 12, 345_000_000, U).app("%LINK-5-CHANGED")
                .msg("Interface Vlan1, changed state to administratively down").flags(CLOCK_UNSYNCED | NO_HOSTNAME),
            // "rtr1:" after a counter is only a host when a timestamp follows; here it is the TAG.
            valid("IOS-like counter then tag, no timestamp", "<189>5: rtr1: hello")
                .pri(23, 5).app("rtr1").msg("hello").flags(SEQUENCE_NUMBER | NO_HOSTNAME),
            valid("NX-OS: empty counter, year first, UTC",
                "<189>: 2024 Jun 22 10:11:33 UTC: %ETHPORT-5-IF_DOWN_LINK_FAILURE: Interface Ethernet1/5 is down")
                .pri(23, 5).ts("2024 Jun 22 10:11:33 UTC", 2024, 6, 22, 10, 11, 33, 0, 0)
                .app("%ETHPORT-5-IF_DOWN_LINK_FAILURE").msg("Interface Ethernet1/5 is down")
                .flags(SEQUENCE_NUMBER | YEAR_IN_3164 | ZONE_NAME | NO_HOSTNAME),
            valid("year first, colon, no counter", "<189>2024 Jun 22 10:11:33: %VSHD-5-VSHD_SYSLOG_CONFIG_I: done")
                .pri(23, 5).ts("2024 Jun 22 10:11:33", 2024, 6, 22, 10, 11, 33, 0, U).app("%VSHD-5-VSHD_SYSLOG_CONFIG_I")
                .msg("done").flags(YEAR_IN_3164 | NO_HOSTNAME),
            valid("ASA: no timestamp", "<166>%ASA-6-302015: Built outbound UDP connection 5 for outside:8.8.8.8/53")
                .pri(20, 6).app("%ASA-6-302015").msg("Built outbound UDP connection 5 for outside:8.8.8.8/53")
                .flags(NO_HOSTNAME),
            valid("ASA: device-id host then ' : '",
                "<166>Mar 01 2026 10:00:00 asa-fw1 : %ASA-6-302013: Built inbound TCP connection 77")
                .pri(20, 6).ts("Mar 01 2026 10:00:00", 2026, 3, 1, 10, 0, 0, 0, U).host("asa-fw1").app("%ASA-6-302013")
                .msg("Built inbound TCP connection 77").flags(YEAR_IN_3164),
            // ---- Juniper, FortiGate
            valid("Junos: mgd with pid, message with its own colon",
                "<28>Mar  1 10:00:00 srx-edge-01 mgd[3591]: UI_COMMIT: User 'admin' requested 'commit' operation")
                .pri(3, 4).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("srx-edge-01").app("mgd").procId("3591")
                .msg("UI_COMMIT: User 'admin' requested 'commit' operation"),
            valid("Junos: RT_FLOW tag",
                "<14>Mar  1 10:00:00 srx-edge-01 RT_FLOW: RT_FLOW_SESSION_CREATE: session created 10.0.0.1/5353->224.0.0.251/5353")
                .pri(1, 6).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("srx-edge-01").app("RT_FLOW")
                .msg("RT_FLOW_SESSION_CREATE: session created 10.0.0.1/5353->224.0.0.251/5353"),
            // FortiOS sends key=value with no header: "date" is no program. syslog_loose would take the first
            // word for a tag; a key=value pair is content, so APP_NAME stays absent.
            valid("FortiGate: key=value, no header",
                "<189>date=2026-03-01 time=10:00:00 devname=\"FGT60E\" logid=\"0000000013\" type=\"traffic\" level=\"notice\"")
                .pri(23, 5).msg("date=2026-03-01 time=10:00:00 devname=\"FGT60E\" logid=\"0000000013\" type=\"traffic\" level=\"notice\"")
                .flags(NO_HOSTNAME | NO_TAG),
            valid("FortiGate: key=value after a BSD header",
                "<185>Mar  1 10:00:00 fgt-branch date=2026-03-01 time=10:00:00 logid=\"0100032001\" type=\"event\"")
                .pri(23, 1).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("fgt-branch")
                .msg("date=2026-03-01 time=10:00:00 logid=\"0100032001\" type=\"event\"").flags(NO_TAG),
            valid("tag with = but not a key (% first)", "<13>Mar  1 10:00:00 host %foo=bar: x")
                .pri(1, 5).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("host").app("%foo=bar").msg("x"),
            // ---- macOS, BSD, busybox, kernel, systemd, Windows
            valid("macOS launchd: dotted tag, pid, no colon",
                "<5>Mar  1 10:00:00 Alices-MacBook-Pro.local com.apple.xpc.launchd[1] (com.apple.mdworker[6502]): Service exited")
                .pri(0, 5).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("Alices-MacBook-Pro.local")
                .app("com.apple.xpc.launchd").procId("1").msg("(com.apple.mdworker[6502]): Service exited"),
            // macOS's ASL level (<Notice>) follows the tag; it is kept in the message, not taken for a field.
            valid("macOS ASL level after tag", "<13>Mar  1 10:00:00 Alices-MacBook-Pro loginwindow[123] <Notice>: USER_PROCESS")
                .pri(1, 5).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("Alices-MacBook-Pro").app("loginwindow")
                .procId("123").msg("<Notice>: USER_PROCESS"),
            valid("FreeBSD sshd",
                "<38>Mar  1 10:00:00 fbsd14.example.org sshd[1012]: Accepted publickey for bob from 192.0.2.10 port 51234 ssh2")
                .pri(4, 6).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("fbsd14.example.org").app("sshd")
                .procId("1012").msg("Accepted publickey for bob from 192.0.2.10 port 51234 ssh2"),
            valid("FreeBSD kernel", "<4>Mar  1 10:00:00 fbsd14 kernel: em0: link state changed to UP")
                .pri(0, 4).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("fbsd14").app("kernel")
                .msg("em0: link state changed to UP"),
            valid("BSD syslogd relay without host", "<46>Mar  1 10:00:00 newsyslog[4321]: logfile turned over")
                .pri(5, 6).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).app("newsyslog").procId("4321")
                .msg("logfile turned over").flags(NO_HOSTNAME),
            valid("busybox syslogd, no host", "<14>Mar  1 10:00:00 udhcpc: lease of 192.168.1.50 obtained, lease time 86400")
                .pri(1, 6).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).app("udhcpc")
                .msg("lease of 192.168.1.50 obtained, lease time 86400").flags(NO_HOSTNAME),
            valid("OpenWrt busybox with host", "<30>Jan  1 00:00:10 OpenWrt netifd: Interface 'lan' is now up")
                .pri(3, 6).ts("Jan  1 00:00:10", U, 1, 1, 0, 0, 10, 0, U).host("OpenWrt").app("netifd")
                .msg("Interface 'lan' is now up"),
            valid("kernel message with no TAG",
                "<6>[   12.345678] usb 1-1: new high-speed USB device number 2 using xhci_hcd")
                .pri(0, 6).msg("[   12.345678] usb 1-1: new high-speed USB device number 2 using xhci_hcd")
                .flags(NO_HOSTNAME | NO_TAG),
            valid("kernel tag, no host", "<4>Mar  1 10:00:00 kernel: [ 12.34] eth0: link up")
                .pri(0, 4).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).app("kernel").msg("[ 12.34] eth0: link up")
                .flags(NO_HOSTNAME),
            valid("systemd pid 1", "<30>Mar  1 10:00:00 web-1 systemd[1]: Started Session 42 of User alice.")
                .pri(3, 6).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("web-1").app("systemd").procId("1")
                .msg("Started Session 42 of User alice."),
            valid("systemd-logind (hyphen in tag)", "<38>Mar  1 10:00:00 web-1 systemd-logind[612]: New session 42 of user alice.")
                .pri(4, 6).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("web-1").app("systemd-logind")
                .procId("612").msg("New session 42 of user alice."),
            valid("NXLog BSD from Windows",
                "<14>Mar  1 10:00:00 WIN-SRV01.corp.example.com Microsoft-Windows-Security-Auditing[612]: 4624: An account was successfully logged on.")
                .pri(1, 6).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("WIN-SRV01.corp.example.com")
                .app("Microsoft-Windows-Security-Auditing").procId("612").msg("4624: An account was successfully logged on."),
            // Snare separates fields with TAB: the tag ends at the TAB, which is skipped like SP before MESSAGE.
            valid("Snare: tab after tag", "<14>Mar  1 10:00:00 WIN-SRV01 MSWinEventLog\t1\tSecurity\t123\t4624")
                .pri(1, 6).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("WIN-SRV01").app("MSWinEventLog")
                .msg("1\tSecurity\t123\t4624"),
            // ---- host names
            valid("host with underscores", "<13>Mar  1 10:00:00 db_primary_01 postgres[999]: checkpoint complete")
                .pri(1, 5).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("db_primary_01").app("postgres")
                .procId("999").msg("checkpoint complete"),
            valid("full upper-case IPv6 host", "<13>Mar  1 10:00:00 2001:DB8:0:0:8:800:200C:417A app: m")
                .pri(1, 5).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("2001:DB8:0:0:8:800:200C:417A").app("app")
                .msg("m"),
            valid("IPv4-mapped IPv6 host", "<13>Mar  1 10:00:00 ::ffff:192.0.2.1 app: m")
                .pri(1, 5).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("::ffff:192.0.2.1").app("app").msg("m"),
            // An IPv6 host that starts with four digits is not a year after the time: "2001:" is followed by hex.
            valid("IPv6 host 2001:... is not a year", "<13>Mar  1 10:00:00 2001:db8::7 app: m")
                .pri(1, 5).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("2001:db8::7").app("app").msg("m"),
            valid("FQDN with trailing dot", "<13>Mar  1 10:00:00 host.example.com. app: m")
                .pri(1, 5).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("host.example.com.").app("app").msg("m"),
            valid("IDN host in UTF-8", "<13>Mar  1 10:00:00 bücher.example app: m")
                .pri(1, 5).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("bücher.example").app("app").msg("m"),
            // The word after the timestamp is the HOSTNAME (§4.1.2; rsyslog and syslog-ng read it so too), even
            // when a local sender meant it as its program: without a colon nothing tells the two apart.
            valid("host or program? the word after the timestamp is the host", "<13>Mar  1 10:00:00 sshd hello")
                .pri(1, 5).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("sshd").app("hello").msg(""),
            // ---- tags
            valid("tag with dots", "<13>Mar  1 10:00:00 host org.gnome.Shell.desktop[2211]: Window manager warning")
                .pri(1, 5).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("host").app("org.gnome.Shell.desktop")
                .procId("2211").msg("Window manager warning"),
            valid("postfix tag with slash", "<22>Mar  1 10:00:00 mx1 postfix/smtpd[4242]: connect from unknown[192.0.2.9]")
                .pri(2, 6).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("mx1").app("postfix/smtpd").procId("4242")
                .msg("connect from unknown[192.0.2.9]"),
            valid("docker tag with container id", "<30>Mar  1 10:00:00 host docker/3f4e5d6c7b8a[812]: container line")
                .pri(3, 6).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("host").app("docker/3f4e5d6c7b8a")
                .procId("812").msg("container line"),
            valid("tag [pid] without colon", "<78>Mar  1 10:00:00 host CRON[123] (root) CMD (run-parts /etc/cron.hourly)")
                .pri(9, 6).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("host").app("CRON").procId("123")
                .msg("(root) CMD (run-parts /etc/cron.hourly)"),
            valid("empty [] pid", "<13>Mar  1 10:00:00 host app[]: m")
                .pri(1, 5).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("host").app("app").procId("").msg("m"),
            valid("tag longer than 32 bytes", "<13>Mar  1 10:00:00 host a-very-long-program-name-beyond-32-bytes[9]: m")
                .pri(1, 5).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("host")
                .app("a-very-long-program-name-beyond-32-bytes").procId("9").msg("m"),
            valid("spaces after tag colon", "<13>Mar  1 10:00:00 host app:    spaced out")
                .pri(1, 5).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("host").app("app").msg("spaced out"),
            // syslogd writes this line itself; reading "last" as the program would invent one.
            valid("last message repeated N times", "<13>Mar  1 10:00:00 host last message repeated 3 times")
                .pri(1, 5).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("host").msg("last message repeated 3 times")
                .flags(NO_TAG),
            valid("a program really called last", "<13>Mar  1 10:00:00 host last: wtmp begins Sun Mar  1")
                .pri(1, 5).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("host").app("last")
                .msg("wtmp begins Sun Mar  1"),
            // ---- timestamps
            valid("year after the time", "<13>Mar  1 10:00:00 2026 myhost app: m")
                .pri(1, 5).ts("Mar  1 10:00:00 2026", 2026, 3, 1, 10, 0, 0, 0, U).host("myhost").app("app").msg("m")
                .flags(YEAR_IN_3164),
            valid("29 Feb with a leap year", "<13>Feb 29 2024 12:00:00 host app: m")
                .pri(1, 5).ts("Feb 29 2024 12:00:00", 2024, 2, 29, 12, 0, 0, 0, U).host("host").app("app").msg("m")
                .flags(YEAR_IN_3164),
            valid("lower-case month", "<13>mar  1 10:00:00 host app: m")
                .pri(1, 5).ts("mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("host").app("app").msg("m"),
            valid("fraction beyond nanoseconds", "<13>Mar  1 10:00:00.123456789123 host app: m")
                .pri(1, 5).ts("Mar  1 10:00:00.123456789123", U, 3, 1, 10, 0, 0, 123_456_789, U).host("host")
                .app("app").msg("m"),
            valid("RFC 3339 lower-case t and z", "<13>2026-03-01t10:00:00z host app: m")
                .pri(1, 5).ts("2026-03-01t10:00:00z", 2026, 3, 1, 10, 0, 0, 0, 0).host("host").app("app").msg("m")
                .flags(RFC3339_IN_3164),
            valid("RFC 3339 millis, negative zone", "<30>2026-03-01T10:00:00.123-05:00 host app[1]: m")
                .pri(3, 6).ts("2026-03-01T10:00:00.123-05:00", 2026, 3, 1, 10, 0, 0, 123_000_000, -300).host("host")
                .app("app").procId("1").msg("m").flags(RFC3339_IN_3164),
            valid("RFC 3339, no host (local socket)", "<13>2026-03-01T10:00:00+01:00 app[5]: m")
                .pri(1, 5).ts("2026-03-01T10:00:00+01:00", 2026, 3, 1, 10, 0, 0, 0, 60).app("app").procId("5").msg("m")
                .flags(RFC3339_IN_3164 | NO_HOSTNAME),
            // A digit-led word that is no timestamp (month 13) leaves no header: the first word is the TAG, and
            // like any tag it ends at the first colon. The bytes are all kept; only the split is crude.
            valid("RFC 3339 month 13 is no timestamp", "<13>2026-13-01T10:00:00Z host app: m")
                .pri(1, 5).app("2026-13-01T10").msg("00:00Z host app: m").flags(NO_HOSTNAME),
            valid("no PRI, no host", "Mar  1 10:00:00 sshd[1]: x")
                .pri(1, 5).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).app("sshd").procId("1").msg("x")
                .flags(PRI_ASSUMED | NO_HOSTNAME),
            valid("PRI only", "<13>").pri(1, 5).msg("").flags(NO_HOSTNAME | NO_TAG),
            valid("largest PRI", "<191>Mar  1 10:00:00 host app: m")
                .pri(23, 7).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("host").app("app").msg("m"),
            // ---- message bytes
            valid("LF inside the message (octet-counted frame)", "<13>Mar  1 10:00:00 host app: line1\nline2")
                .pri(1, 5).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("host").app("app").msg("line1\nline2"),
            valid("bytes that are not UTF-8", bytes("<13>Mar  1 10:00:00 host app: ", 0xFF, 0xFE))
                .pri(1, 5).ts("Mar  1 10:00:00", U, 3, 1, 10, 0, 0, 0, U).host("host").app("app").msg("\uFFFD\uFFFD"),
            invalid("PRI of four digits", "<1921>Mar  1 10:00:00 host app: m", BAD_PRI, 4),
            invalid("SP inside PRI", "< 13>Mar  1 10:00:00 host app: m", BAD_PRI, 1),
            invalid("empty PRI", "<>Mar  1 10:00:00 host app: m", BAD_PRI, 1),
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

    @Test
    void tableIsLargeEnough()
    {
        assertTrue(cases().size() >= 80, "issue 3 asks for at least 80 RFC 3164 cases");
    }
}
