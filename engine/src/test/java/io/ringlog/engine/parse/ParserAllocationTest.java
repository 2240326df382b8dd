package io.ringlog.engine.parse;

import io.ringlog.engine.event.LogEvent;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Proves the parse path allocates nothing in steady state: a mix of RFC 5424, BSD and malformed messages is
 * parsed in a loop after warm-up, and the thread's allocated-bytes counter must not move (less than 0.01 bytes
 * per parse leaves room only for the JIT's own noise).
 */
class ParserAllocationTest
{
    private static final int WARM_UP = 50_000;
    private static final int ITERATIONS = 200_000;

    private static final String[] MESSAGES = {
        "<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut=\"3\" " +
            "eventSource=\"Application\" eventID=\"1011\"][examplePriority@32473 class=\"high\"] \uFEFFAn entry",
        "<34>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time to make the do-nuts.",
        "<13>Nov 25 04:36:48 myhost app[123]: msg",
        "<189>Nov 25 04:36:48.123: %SYS-5-CONFIG_I: Configured from console by vty0",
        "<13>2024-11-25T04:36:48.123456+01:00 myhost app[123]: msg",
        "<189>12: rtr1: *Mar  1 18:48:50.483 UTC: %SYS-5-CONFIG_I: Configured from console by vty0",
        "<189>date=2026-03-01 time=10:00:00 devname=\"FGT60E\" type=\"traffic\"",
        "<13>1 2003-10-11T22:14:15 host - - - -",
        "<abc>garbage",
        "",
    };

    @Test
    void parsingAllocatesNothing()
    {
        final java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no allocation counter on this JVM");
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "no allocation counter on this JVM");
        threads.setThreadAllocatedMemoryEnabled(true);

        final LogEvent[] events = new LogEvent[MESSAGES.length];
        for (int i = 0; i < MESSAGES.length; i++)
        {
            events[i] = Expected.event(MESSAGES[i].getBytes(StandardCharsets.UTF_8));
        }
        final SyslogParser parser = new SyslogParser();

        long sink = run(parser, events, WARM_UP);
        final long before = threads.getCurrentThreadAllocatedBytes();
        sink += run(parser, events, ITERATIONS);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        final double perParse = (double)allocated / ITERATIONS;
        assertTrue(sink != 0);
        assertTrue(perParse < 0.01, "allocated " + allocated + " bytes in " + ITERATIONS + " parses");
    }

    private static long run(final SyslogParser parser, final LogEvent[] events, final int iterations)
    {
        long sink = 0;
        for (int i = 0; i < iterations; i++)
        {
            final LogEvent event = events[i % events.length];
            parser.parse(event);
            sink += event.format + event.errorOffset;
        }
        return sink;
    }
}
