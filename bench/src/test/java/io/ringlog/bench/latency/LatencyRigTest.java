package io.ringlog.bench.latency;

import io.ringlog.bench.IngestTestSupport;
import io.ringlog.bench.ingest.Targets;
import io.ringlog.bench.load.SyslogFormat;
import io.ringlog.bench.load.Transport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Smoke runs of the latency rig (seconds each) against every system whose binary is here: the same small
 * open-loop load, the loss check and the recorder's accounting asserted; the figures printed, never asserted.
 */
class LatencyRigTest
{
    private static final int RATE = 2_000;
    private static final int SECONDS = 2;
    private static final int WARMUP = 1;

    @TempDir
    Path dir;

    private LatencyResult run(final String system, final Transport transport, final SyslogFormat format,
        final int connections) throws Exception
    {
        final String why = Targets.unavailable(system, IngestTestSupport.engineJar());
        assumeTrue(why == null, why);
        final LatencySpec spec = new LatencySpec(system, transport, format, connections, RATE, SECONDS, WARMUP, 200,
            dir, IngestTestSupport.engineJar(), List.of());
        final LatencyResult r = LatencyRig.run(spec);
        System.out.print(r.summary());
        final long total = (long)RATE * (SECONDS + WARMUP);
        assertNull(r.error, r.error);
        assertEquals(system, r.system);
        assertEquals(transport.label(), r.transport);
        assertEquals(connections, r.connections);
        assertEquals(total, r.sent, "the generator sent the whole schedule");
        assertEquals(total, r.received, "every sequence number seen");
        assertEquals(0, r.missing);
        assertEquals(0, r.duplicates);
        assertEquals((long)RATE * SECONDS, r.histogram.getTotalCount(), "only the measured seconds recorded");
        long intervals = 0;
        for (final Histogram h : r.intervals)
        {
            intervals += h.getTotalCount();
        }
        assertEquals(r.histogram.getTotalCount(), intervals, "the intervals add up to the total");
        assertTrue(r.cpuSeconds >= 0 && r.peakRssBytes > 0, r.cpuSeconds + " s, " + r.peakRssBytes + " B");
        assertTrue("ringlog".equals(system) ? r.gcCount >= 0 : r.gcCount == -1, "gcCount " + r.gcCount);
        if ("ringlog".equals(system))
        {
            // the engine's own histogram: intervals begun after the warm-up, so some but not more than was measured
            final long served = r.serviceTime.getTotalCount();
            assertTrue(served > 0 && served <= r.histogram.getTotalCount(), "engine service time samples " + served);
        }
        else
        {
            assertNull(r.serviceTime, "a peer has no engine histogram");
        }
        assertTrue(r.ok());
        return r;
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void ringlogOctetCountedTcpAndTheFilesItWrites() throws Exception
    {
        final LatencyResult r = run("ringlog", Transport.TCP_OCTET, SyslogFormat.RFC5424, 1);
        final Path prefix = dir.resolve("out/ringlog");
        LatencyResult.write(r, prefix);
        assertTrue(Files.readString(Path.of(prefix + ".hgrm")).replaceAll("\\s+", " ")
            .contains("Total count = " + RATE * SECONDS + "]"), "the .hgrm holds the measured samples");
        final HistogramLogReader reader = new HistogramLogReader(Path.of(prefix + ".hlog").toFile());
        long total = 0;
        int intervals = 0;
        for (Histogram h = (Histogram)reader.nextIntervalHistogram(); h != null;
            h = (Histogram)reader.nextIntervalHistogram())
        {
            total += h.getTotalCount();
            intervals++;
        }
        assertEquals(r.intervals.size(), intervals);
        assertEquals(r.histogram.getTotalCount(), total, "the .hlog's intervals add up to the total");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void ringlogLfFramedTcpOverTwoConnectionsRfc3164() throws Exception
    {
        run("ringlog", Transport.TCP_LF, SyslogFormat.RFC3164, 2);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void ringlogUdp() throws Exception
    {
        run("ringlog", Transport.UDP, SyslogFormat.RFC5424, 1);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void rsyslogOctetCountedTcp() throws Exception
    {
        run("rsyslog", Transport.TCP_OCTET, SyslogFormat.RFC5424, 1);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void rsyslogUdpRfc3164() throws Exception
    {
        run("rsyslog", Transport.UDP, SyslogFormat.RFC3164, 1);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void syslogNgOctetCountedTcp() throws Exception
    {
        run("syslog-ng", Transport.TCP_OCTET, SyslogFormat.RFC5424, 1);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void syslogNgLfFramedTcpOverTwoConnectionsRfc3164() throws Exception
    {
        run("syslog-ng", Transport.TCP_LF, SyslogFormat.RFC3164, 2);
    }
}
