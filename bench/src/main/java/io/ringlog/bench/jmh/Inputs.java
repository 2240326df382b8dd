package io.ringlog.bench.jmh;

import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.event.Transport;

import java.nio.charset.StandardCharsets;

/** Representative messages for the stage benchmarks, by {@code @Param} name. */
final class Inputs
{
    /** RFC 5424 with two SD elements, 250 bytes. */
    static final String RFC5424_SD = "<165>1 2026-11-25T04:36:48.123456+01:00 mymachine.example.com evntslog 1234 " +
        "ID47 [exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"][examplePriority@32473 " +
        "class=\"high\"] An application event log entry that says something happened.";
    /** BSD syslog with a tag and pid, 120 bytes. */
    static final String RFC3164 = "<34>Nov 25 04:36:48 mymachine su[1234]: 'su root' failed for lonvick on " +
        "/dev/pts/8 after three attempts in a row";
    /** 2026-11-25T04:36:48.5Z, the receipt time the benchmarks stamp. */
    static final long RECEIVED_AT_NANOS = 1_795_581_408_500_000_000L;

    private Inputs()
    {
    }

    static String byName(final String name)
    {
        switch (name)
        {
            case "rfc5424_sd": return RFC5424_SD;
            case "rfc3164": return RFC3164;
            default: throw new IllegalArgumentException("unknown input " + name);
        }
    }

    /** A slot filled the way the listener fills it. */
    static LogEvent event(final String name)
    {
        final byte[] bytes = byName(name).getBytes(StandardCharsets.US_ASCII);
        final LogEvent event = new LogEvent(1024);
        System.arraycopy(bytes, 0, event.raw, 0, bytes.length);
        event.rawLength = bytes.length;
        event.receivedAtNanos = RECEIVED_AT_NANOS;
        event.transport = Transport.TCP;
        event.sourceAddressLength = 4;
        event.sourceAddress[0] = 127;
        event.sourceAddress[3] = 1;
        event.sourcePort = 40000;
        return event;
    }
}
