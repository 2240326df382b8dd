package io.ringlog.bench.load;

import io.ringlog.bench.IngestTestSupport;
import io.ringlog.bench.ingest.RinglogTarget;
import io.ringlog.engine.counters.Counter;
import io.ringlog.engine.event.LogEvent;
import io.ringlog.engine.event.MessageFormat;
import io.ringlog.engine.parse.SyslogParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Smoke runs of the load generator (seconds): every transport, fixed rate and as fast as possible. */
class LoadGeneratorTest
{
    private static final int RATE = 20_000;
    private static final long RATE_COUNT = 4_000;
    private static final long MAX_COUNT = 200_000;

    @Test
    void everyLayoutIsItsSizeParsesAsItsFormatAndGivesBackItsStamps()
    {
        final SyslogParser parser = new SyslogParser();
        for (final SyslogFormat format : SyslogFormat.values())
        {
            for (final Transport transport : Transport.values())
            {
                final MessageLayout layout = MessageLayout.of(format, transport, 200);
                final byte[] frame = layout.frame(1234567890L, 987654321012345678L);
                final int at = transport == Transport.TCP_OCTET ? 4 : 0;
                assertEquals(200 + (transport == Transport.UDP ? 0 : transport == Transport.TCP_OCTET ? 4 : 1),
                    frame.length, format + " " + transport);
                if (transport == Transport.TCP_OCTET)
                {
                    assertEquals("200 ", new String(frame, 0, 4, StandardCharsets.US_ASCII));
                }
                if (transport == Transport.TCP_LF)
                {
                    assertEquals('\n', frame[frame.length - 1]);
                }
                assertEquals(1234567890L, layout.sequence(frame, at));
                assertEquals(987654321012345678L, layout.scheduled(frame, at));
                final LogEvent event = new LogEvent(1024);
                System.arraycopy(frame, at, event.raw, 0, 200);
                event.rawLength = 200;
                assertTrue(parser.parse(event), new String(frame, StandardCharsets.US_ASCII));
                assertEquals(format == SyslogFormat.RFC5424 ? MessageFormat.RFC5424 : MessageFormat.RFC3164,
                    event.format);
                assertTrue(frame[at + 199] != ' ', "ends on a visible character");
            }
        }
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> MessageLayout.of(SyslogFormat.RFC5424, Transport.UDP, 50));
        assertTrue(e.getMessage().startsWith("message size 50 B: must be "), e.getMessage());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void everyTransportAndModeDeliversWhatItCountsToADiscardReceiver() throws Exception
    {
        for (final Transport transport : Transport.values())
        {
            for (final int rate : new int[] {RATE, 0})
            {
                final long count = rate == 0 ? MAX_COUNT : RATE_COUNT;
                final LoadSpec spec = new LoadSpec(transport, SyslogFormat.RFC5424, 3, 200, rate, count, 20);
                try (DiscardReceiver receiver = new DiscardReceiver())
                {
                    final LoadResult r = LoadBench.send(spec, receiver.address(transport));
                    final long received = transport.tcp() ?
                        receiver.awaitTcpBytes(r.bytes(), 10_000) / spec.layout().frameBytes() :
                        receiver.awaitUdpDatagrams(r.sent(), 1_000);
                    System.out.printf("generator -> discard: %s: sent %,d at %,.0f msgs/s, received %,d, sender at " +
                        "most %d µs late%n", spec, r.sent(), r.msgsPerSec(), received, r.maxLateNanos() / 1000);
                    assertEquals(count, r.sent(), spec.toString());
                    assertEquals(count * spec.layout().frameBytes(), r.bytes(), spec.toString());
                    if (transport.tcp())
                    {
                        assertEquals(r.bytes(), receiver.tcpBytes(), spec.toString());
                    }
                    else
                    {
                        assertTrue(received > 0 && received <= r.sent(), spec + ": received " + received);
                        assertEquals(receiver.udpBytes(), received * 200, "every datagram is one whole message");
                    }
                }
            }
        }
    }

    @Test
    void theSecondsBoundStopsARunBeforeItsCount() throws Exception
    {
        final LoadSpec spec = new LoadSpec(Transport.TCP_OCTET, SyslogFormat.RFC3164, 1, 200, 1_000, 1_000_000, 0.5);
        try (DiscardReceiver receiver = new DiscardReceiver())
        {
            final LoadResult r = LoadBench.send(spec, receiver.address(spec.transport));
            System.out.printf("0.5 s at 1,000 msgs/s: sent %,d%n", r.sent());
            assertTrue(r.sent() >= 1 && r.sent() <= 501, "sent " + r.sent());
            assertEquals(r.bytes(), receiver.awaitTcpBytes(r.bytes(), 10_000));
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void ringlogJournalsOrCountsEveryMessageOfEveryTransportAndMode(@TempDir final Path dir) throws Exception
    {
        try (RinglogTarget engine = new RinglogTarget(IngestTestSupport.engineJar(), dir.resolve("run"), null, 0,
            List.of(), true))
        {
            engine.start();
            for (final Transport transport : Transport.values())
            {
                for (final int rate : new int[] {RATE, 0})
                {
                    // UDP as fast as possible outruns any receiver: fewer, so the test stays short
                    final long count = rate != 0 ? RATE_COUNT : transport.tcp() ? MAX_COUNT : 20_000;
                    final LoadSpec spec = new LoadSpec(transport, SyslogFormat.RFC5424, 2, 200, rate, count, 20);
                    final long before = accounted(engine);
                    final int port = transport.tcp() ? engine.tcpPort() : engine.udpPort();
                    final LoadResult r = LoadBench.send(spec, new InetSocketAddress("127.0.0.1", port));
                    assertEquals(count, r.sent(), spec.toString());
                    // kernel drops are read once a second: wait until sent = journaled + counted drops
                    final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                    while (accounted(engine) - before < count && System.nanoTime() < deadline)
                    {
                        Thread.sleep(10);
                    }
                    System.out.printf("generator -> ringlog: %s: sent %,d at %,.0f msgs/s; journaled %,d, " +
                        "ring-full drops %,d, kernel drops %,d (totals so far)%n", spec, r.sent(), r.msgsPerSec(),
                        engine.counter(Counter.JOURNALED), engine.counter(Counter.DROPPED_RING_FULL),
                        engine.counter(Counter.UDP_KERNEL_DROPS));
                    assertEquals(count, accounted(engine) - before, spec + ": journaled + counted drops");
                    if (transport.tcp())
                    {
                        assertEquals(0, engine.counter(Counter.DROPPED_RING_FULL) +
                            engine.counter(Counter.UDP_KERNEL_DROPS), "TCP loses nothing");
                    }
                }
            }
            assertEquals(0, engine.counter(Counter.UNPARSED), "every message parsed");
            assertEquals(0, engine.counter(Counter.TCP_FRAMING_ERRORS));
            assertEquals(0, engine.stop());
        }
    }

    private static long accounted(final RinglogTarget engine)
    {
        return engine.counter(Counter.JOURNALED) + engine.counter(Counter.DROPPED_RING_FULL) +
            engine.counter(Counter.DROPPED_OVERFLOW_BUDGET) + engine.counter(Counter.UDP_KERNEL_DROPS);
    }
}
