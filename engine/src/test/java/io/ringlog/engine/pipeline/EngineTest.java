package io.ringlog.engine.pipeline;

import io.ringlog.engine.counters.Counter;
import io.ringlog.engine.counters.CountersFile;
import io.ringlog.engine.event.Transport;
import io.ringlog.engine.journal.JournalReader;
import io.ringlog.engine.journal.JournalRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32C;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineTest
{
    private static byte[] octet(final String msg)
    {
        final byte[] m = msg.getBytes(StandardCharsets.UTF_8);
        final byte[] prefix = (m.length + " ").getBytes(StandardCharsets.US_ASCII);
        final byte[] out = new byte[prefix.length + m.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(m, 0, out, prefix.length, m.length);
        return out;
    }

    @Test
    void tcpOctetCountingLfAndUdpAreJournaledByteExactWithAccounting(@TempDir final Path dir) throws Exception
    {
        final String a = "<34>1 2026-11-25T04:36:48.123Z host app 42 ID7 [x@1 k=\"v\"] octet message";
        final String b = "<13>Nov 25 04:36:48 host app[1]: lf message";
        final String c = "<14>1 - - - - - - udp message";
        try (EngineHarness h = new EngineHarness(dir.resolve("j")))
        {
            h.sendTcp(octet(a));
            h.awaitAccounted(1);
            h.sendTcp((b + "\n").getBytes(StandardCharsets.UTF_8));
            h.awaitAccounted(2);
            h.sendUdp(c.getBytes(StandardCharsets.UTF_8));
            assertEquals(3, h.awaitAccounted(3));
            final long[] v = h.counters().snapshot();
            assertEquals(2, v[Counter.RECEIVED_TCP.id()], EngineHarness.accounting(v));
            assertEquals(1, v[Counter.RECEIVED_UDP.id()]);
            assertTrue(EngineHarness.balanced(v), EngineHarness.accounting(v));
        }
        final List<byte[]> raw = EngineHarness.readRaw(dir.resolve("j"));
        assertEquals(3, raw.size());
        assertArrayEquals(a.getBytes(StandardCharsets.UTF_8), raw.get(0));
        assertArrayEquals(b.getBytes(StandardCharsets.UTF_8), raw.get(1));
        assertArrayEquals(c.getBytes(StandardCharsets.UTF_8), raw.get(2));
        try (JournalReader reader = new JournalReader(dir.resolve("j")))
        {
            reader.toStart();
            final CRC32C crc = new CRC32C();
            final byte[] scratch = new byte[1 << 16];
            final int[] transports = {Transport.TCP, Transport.TCP, Transport.UDP};
            for (final int t : transports)
            {
                final JournalRecord r = reader.next();
                assertEquals(t, r.transport());
                assertEquals(4, r.sourceAddressLength());
                assertEquals(127, r.sourceAddressByte(0));
                assertTrue(r.sourcePort() > 0);
                assertTrue(r.crcMatches(crc, scratch));
                assertTrue(r.receivedAtNanos() > 1_700_000_000_000_000_000L);
            }
        }
        final CountersFile.Snapshot stopped = CountersFile.read(dir.resolve("j"));
        assertEquals(0, stopped.heartbeatMs, "a clean stop marks the counters file stopped");
        assertEquals(3, stopped.get(Counter.JOURNALED));
    }

    @Test
    void manyConcurrentConnectionsWithMixedFramingAllArrive(@TempDir final Path dir) throws Exception
    {
        final int connections = 120;
        final int perConnection = 50;
        final Set<String> expected = new HashSet<>();
        try (EngineHarness h = new EngineHarness(dir.resolve("j")))
        {
            final List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < connections; i++)
            {
                sockets.add(h.connect()); // all open at once
            }
            for (int m = 0; m < perConnection; m++)
            {
                for (int i = 0; i < connections; i++)
                {
                    final String msg = "<14>1 - host app - - - conn " + i + " msg " + m;
                    expected.add(msg);
                    final OutputStream out = sockets.get(i).getOutputStream();
                    out.write(i % 2 == 0 ? octet(msg) : (msg + "\r\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            for (final Socket s : sockets)
            {
                s.close();
            }
            assertEquals(connections * perConnection, h.awaitAccounted(connections * perConnection));
            final long[] v = h.counters().snapshot();
            assertEquals(connections, v[Counter.TCP_ACCEPTED.id()]);
            assertTrue(EngineHarness.balanced(v), EngineHarness.accounting(v));
        }
        final Set<String> got = new HashSet<>();
        for (final byte[] r : EngineHarness.readRaw(dir.resolve("j")))
        {
            got.add(new String(r, StandardCharsets.UTF_8));
        }
        assertEquals(expected, got);
    }

    @Test
    void messagesSplitAcrossReadsAndCoalescedInOneWriteFrameTheSame(@TempDir final Path dir) throws Exception
    {
        final ByteArrayOutputStream all = new ByteArrayOutputStream();
        final List<String> msgs = new ArrayList<>();
        for (int i = 0; i < 200; i++)
        {
            final String m = "<13>1 - h a - - - payload " + i + " " + "x".repeat(i * 7);
            msgs.add(m);
            all.write(octet(m));
        }
        final byte[] stream = all.toByteArray();
        try (EngineHarness h = new EngineHarness(dir.resolve("j")))
        {
            try (Socket s = h.connect())
            {
                final OutputStream out = s.getOutputStream();
                int pos = 0;
                int step = 1;
                while (pos < stream.length)
                {
                    final int n = Math.min(step, stream.length - pos);
                    out.write(stream, pos, n);
                    out.flush();
                    pos += n;
                    step = step * 3 % 997 + 1;
                }
            }
            assertEquals(200, h.awaitAccounted(200));
        }
        final List<byte[]> raw = EngineHarness.readRaw(dir.resolve("j"));
        for (int i = 0; i < msgs.size(); i++)
        {
            assertEquals(msgs.get(i), new String(raw.get(i), StandardCharsets.UTF_8));
        }
    }

    @Test
    void threeParsersShareTheRingAndTheJournalKeepsReceiptOrder(@TempDir final Path dir) throws Exception
    {
        final int n = 30_000;
        final ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++)
        {
            stream.write(octet(i % 2 == 0 ? "<14>1 2026-11-25T04:36:48Z h app - - - seq " + i :
                "<14>Nov 25 04:36:48 h app[1]: seq " + i));
        }
        try (EngineHarness h = new EngineHarness(dir.resolve("j"), "ring.parsers", "3"))
        {
            h.sendTcp(stream.toByteArray());
            assertEquals(n, h.awaitAccounted(n));
            final long[] v = h.counters().snapshot();
            assertEquals(n / 2, v[Counter.PARSED_RFC5424.id()], "every message parsed once, by one of the three");
            assertEquals(n / 2, v[Counter.PARSED_RFC3164.id()]);
            assertEquals(0, v[Counter.UNPARSED.id()]);
        }
        try (JournalReader reader = new JournalReader(dir.resolve("j")))
        {
            reader.toStart();
            for (int i = 0; i < n; i++)
            {
                final JournalRecord r = reader.next();
                final byte[] raw = new byte[r.rawLength()];
                r.getRaw(raw);
                final String s = new String(raw, StandardCharsets.UTF_8);
                assertTrue(s.endsWith("seq " + i), s);
                assertEquals(i % 2 == 0 ? 1 : 2, r.format());
                assertEquals("app", new String(raw, r.fieldOffset(io.ringlog.engine.event.Field.APP_NAME),
                    r.fieldLength(io.ringlog.engine.event.Field.APP_NAME), StandardCharsets.US_ASCII));
            }
        }
    }

    @Test
    void messagesBelowTheMinimumSeverityAreCountedNotJournaled(@TempDir final Path dir) throws Exception
    {
        try (EngineHarness h = new EngineHarness(dir.resolve("j"), "logic.minSeverity", "warning"))
        {
            final StringBuilder sb = new StringBuilder();
            for (int severity = 0; severity < 8; severity++)
            {
                sb.append("<").append(8 + severity).append(">1 - h app - - - severity ").append(severity).append('\n');
            }
            sb.append("<999>invalid PRI: unparsed, severity unknown, never filtered").append('\n');
            h.sendTcp(sb.toString().getBytes(StandardCharsets.UTF_8));
            assertEquals(9, h.awaitAccounted(9));
            final long[] v = h.counters().snapshot();
            assertEquals(3, v[Counter.FILTERED.id()], "notice, info and debug");
            assertEquals(6, v[Counter.JOURNALED.id()]);
            assertTrue(EngineHarness.balanced(v), EngineHarness.accounting(v));
        }
        final List<byte[]> raw = EngineHarness.readRaw(dir.resolve("j"));
        assertEquals(6, raw.size());
        assertEquals("<12>1 - h app - - - severity 4", new String(raw.get(4), StandardCharsets.UTF_8));
        assertTrue(new String(raw.get(5), StandardCharsets.UTF_8).startsWith("<999>invalid PRI"));
    }

    @Test
    void aListenerCanForceRfc5424AndJournalsTheRestUnparsed(@TempDir final Path dir) throws Exception
    {
        try (EngineHarness h = new EngineHarness(dir.resolve("j"), "listen.format", "rfc5424"))
        {
            h.sendTcp("<14>1 - h app - - - fine\n<13>Nov 25 04:36:48 h app: bsd\n".getBytes(StandardCharsets.UTF_8));
            assertEquals(2, h.awaitAccounted(2));
            final long[] v = h.counters().snapshot();
            assertEquals(1, v[Counter.PARSED_RFC5424.id()]);
            assertEquals(1, v[Counter.UNPARSED.id()], "a 3164 message on an RFC 5424 listener is unparsed, not lost");
            assertEquals(2, v[Counter.JOURNALED.id()]);
        }
    }

    @Test
    void durabilitySyncForcesTheJournalToDiskOncePerBatchAndPageCacheNever(@TempDir final Path dir) throws Exception
    {
        for (final String mode : new String[] {"sync", "page-cache"})
        {
            final Path journal = dir.resolve(mode);
            try (EngineHarness h = new EngineHarness(journal, "journal.durability", mode))
            {
                for (int i = 0; i < 5; i++)
                {
                    h.sendTcp(("<14>1 - h app - - - durable " + i + "\n").getBytes(StandardCharsets.UTF_8));
                    assertEquals(i + 1, h.awaitAccounted(i + 1));
                }
                final long syncs = h.counter(Counter.JOURNAL_SYNCS);
                System.out.println("durability " + mode + ": 5 messages in 5 batches, " + syncs + " syncs");
                if ("sync".equals(mode))
                {
                    assertTrue(syncs >= 5 && syncs <= h.counter(Counter.JOURNALED), "one sync per batch: " + syncs);
                }
                else
                {
                    assertEquals(0, syncs);
                }
            }
            assertEquals(5, EngineHarness.readRaw(journal).size());
        }
    }
}
