package io.ringlog.tools;

import io.ringlog.engine.counters.Counter;
import io.ringlog.engine.counters.CountersFile;
import io.ringlog.engine.event.MessageFormat;
import io.ringlog.engine.event.ParseFlags;
import io.ringlog.engine.event.Transport;
import io.ringlog.engine.it.RinglogdProcess;
import io.ringlog.engine.journal.JournalReader;
import io.ringlog.engine.journal.JournalRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile bytes against a real {@code ringlogd.jar} on loopback, with {@code listen.maxMessageBytes=4096} and a 1 s
 * idle timeout: random binary lines over several LF-framed connections (written in random pieces, interleaved, with
 * a well-behaved sender among them), invalid UTF-8, NULs, CRLF, lines far over the maximum (one hiding a forged
 * message past the cut), RFC 5424/3164 lookalikes with broken fields, octet-counted frames with binary payloads,
 * absurd and invalid octet counts, frames cut short by the sender closing, a slowloris, and random UDP datagrams
 * from empty to the largest IPv4 allows. Then one well-formed message from a fresh connection must be journaled.
 *
 * <p>The expected frames of each connection come from the framing rules (RFC 6587 as {@code StreamFramer}
 * documents them), computed here independently: the journal must hold exactly those, per connection and in order,
 * byte for byte, truncated ones flagged. The counters must account for everything: no handler error, received =
 * journaled + filtered + dropped, every framing error, cut frame and idle close counted, every datagram received or
 * dropped by the kernel. The engine must print no stack trace and exit 0 on SIGTERM. The random seed is printed;
 * {@code -Dringlog.hostile.seed=N} replays a run.
 */
@Tag("reliability")
class HostileInputIT
{
    private static final int MAX = 4096;
    /** Largest UDP payload over IPv4. */
    private static final int MAX_DATAGRAM = 65_507;

    @TempDir
    Path dir;

    @Test
    void hostileBytesAreJournaledOrCountedAndTheEngineKeepsServing() throws Exception
    {
        final long seed = Long.getLong("ringlog.hostile.seed", 20_261_125L);
        System.out.println("hostile input: seed " + seed + " (replay with -Dringlog.hostile.seed=" + seed + ")");
        final HostileTraffic traffic = new HostileTraffic(new Random(seed), MAX);
        final Path journal = dir.resolve("journal");
        final Map<Integer, List<String>> expectedByPort = new HashMap<>();
        final List<String> expectedUdp = new ArrayList<>();
        final int[] expectedCounts = new int[3]; // framing errors, incomplete frames, connections
        final String wellFormed = "<13>1 2026-11-25T06:00:00.000Z host app 1 ID1 - served after hostile input";
        final int exit;
        final String stderr;
        try (RinglogdProcess engine = RinglogdProcess.start(dir, "--tcp-port", "0", "--udp-port", "0", "--journal",
            journal.toString(), "--set", "listen.maxMessageBytes=" + MAX, "--set", "listen.idleTimeoutMs=1000"))
        {
            assertNotNull(engine.firstLine, engine.stderrText());
            assertTrue(engine.tcpPort > 0 && engine.udpPort > 0, engine.firstLine + " " + engine.stderrText());

            final Socket slowloris = new Socket(InetAddress.getLoopbackAddress(), engine.tcpPort);
            expectedCounts[2]++;
            expectedByPort.put(slowloris.getLocalPort(), new ArrayList<>()); // its partial line is never a message
            for (final String piece : new String[] {"<13>1 2026-", "11-25T06:00", ":00Z slow"})
            {
                slowloris.getOutputStream().write(piece.getBytes(StandardCharsets.US_ASCII));
                Thread.sleep(150);
            }

            sendInterleaved(engine.tcpPort, traffic.lfStreams(), expectedByPort, traffic.random());
            expectedCounts[2] += traffic.lfStreams().size();
            for (final byte[] stream : traffic.octetStreams())
            {
                expectedByPort.put(sendAndClose(engine.tcpPort, stream), HostileTraffic.octetFrames(stream, MAX));
                expectedCounts[2]++;
            }
            for (final byte[] stream : traffic.framingErrorStreams())
            {
                expectedByPort.put(sendAndExpectClose(engine.tcpPort, stream), HostileTraffic.octetFrames(stream, MAX));
                expectedCounts[0]++;
                expectedCounts[2]++;
            }
            for (final byte[] stream : traffic.cutFrameStreams())
            {
                expectedByPort.put(sendAndClose(engine.tcpPort, stream), HostileTraffic.octetFrames(stream, MAX));
                expectedCounts[1]++;
                expectedCounts[2]++;
            }
            final int udpSent = sendDatagrams(engine.udpPort, traffic.datagrams(), expectedUdp);

            slowloris.setSoTimeout(10_000);
            assertEquals(-1, readUntilClosed(slowloris.getInputStream()), "slowloris closed by the idle timeout");
            slowloris.close();
            expectedCounts[1]++; // the slowloris's partial line
            waitFor(journal, Counter.TCP_CLOSED, expectedCounts[2]);

            try (Socket fresh = new Socket(InetAddress.getLoopbackAddress(), engine.tcpPort))
            {
                fresh.getOutputStream().write((wellFormed + "\n").getBytes(StandardCharsets.US_ASCII));
                expectedByPort.put(fresh.getLocalPort(), List.of(HostileTraffic.show(
                    wellFormed.getBytes(StandardCharsets.US_ASCII), false)));
            }
            expectedCounts[2]++;
            waitFor(journal, Counter.TCP_CLOSED, expectedCounts[2]);
            exit = engine.terminate();
            stderr = engine.stderrText();
            report(journal, traffic, udpSent, expectedByPort, expectedUdp, expectedCounts, wellFormed);
        }
        assertFalse(stderr.contains("\tat ") || stderr.contains("Exception in"), "no stack trace:\n" + stderr);
        System.out.println("hostile input: engine stderr " + stderr.lines().count() + " lines (warnings), no stack " +
            "trace; exit " + exit);
        assertEquals(0, exit, stderr);
    }

    /** Reads the journal and the counters after the stop, prints the figures and checks them. */
    private static void report(
        final Path journal,
        final HostileTraffic traffic,
        final int udpSent,
        final Map<Integer, List<String>> expectedByPort,
        final List<String> expectedUdp,
        final int[] expectedCounts,
        final String wellFormed)
    {
        final Map<Integer, List<String>> actualByPort = new HashMap<>();
        final List<String> actualUdp = new ArrayList<>();
        long records = 0;
        long unparsed = 0;
        long truncated = 0;
        boolean served = false;
        try (JournalReader reader = new JournalReader(journal))
        {
            reader.toStart();
            JournalRecord r;
            for (long k = 0; k < 1_000_000 && (r = reader.next()) != null; k++)
            {
                records++;
                final byte[] raw = new byte[r.rawLength()];
                r.getRaw(raw);
                final boolean cut = (r.flags() & ParseFlags.TRUNCATED) != 0;
                truncated += cut ? 1 : 0;
                final String shown = HostileTraffic.show(raw, cut);
                assertEquals(r.format() == MessageFormat.UNPARSED, r.errorCode() != 0,
                    "unparsed exactly when a parse error is set: format " + r.format() + ", error " + r.errorCode() +
                        ", " + shown);
                unparsed += r.format() == MessageFormat.UNPARSED ? 1 : 0;
                assertFalse(new String(raw, StandardCharsets.ISO_8859_1).contains("FORGED"),
                    "the bytes after a cut never become a message: " + shown);
                if (r.transport() == Transport.UDP)
                {
                    actualUdp.add(shown);
                }
                else
                {
                    actualByPort.computeIfAbsent(r.sourcePort(), p -> new ArrayList<>()).add(shown);
                }
                if (new String(raw, StandardCharsets.ISO_8859_1).equals(wellFormed))
                {
                    served = r.format() == MessageFormat.RFC5424;
                }
            }
        }
        final CountersFile.Snapshot c = CountersFile.read(journal);
        final long tcpFrames = expectedByPort.values().stream().mapToLong(List::size).sum();
        System.out.println("hostile input: sent " + traffic.sentByKind() + "; udp datagrams " + udpSent);
        System.out.println("hostile input: received tcp " + c.get(Counter.RECEIVED_TCP) + " (expected frames " +
            tcpFrames + "), udp " + c.get(Counter.RECEIVED_UDP) + " (kernel drops " +
            c.get(Counter.UDP_KERNEL_DROPS) + "); journaled " + c.get(Counter.JOURNALED) + " (read " + records +
            "), filtered " + c.get(Counter.FILTERED) + ", dropped " + Counter.dropped(c.values) + "; unparsed " +
            c.get(Counter.UNPARSED) + ", rfc5424 " + c.get(Counter.PARSED_RFC5424) + ", rfc3164 " +
            c.get(Counter.PARSED_RFC3164) + "; truncated " + c.get(Counter.TRUNCATED) + "; framing errors " +
            c.get(Counter.TCP_FRAMING_ERRORS) + ", incomplete " + c.get(Counter.TCP_INCOMPLETE_FRAMES) +
            ", idle closed " + c.get(Counter.TCP_IDLE_CLOSED) + ", connections " + c.get(Counter.TCP_ACCEPTED) +
            "/" + c.get(Counter.TCP_CLOSED) + "; handler errors " + c.get(Counter.HANDLER_ERRORS));

        assertEquals(0, c.get(Counter.HANDLER_ERRORS), "no exception reached a ring stage");
        assertEquals(Counter.received(c.values), c.get(Counter.JOURNALED) + c.get(Counter.FILTERED) +
            Counter.dropped(c.values), "received = journaled + filtered + dropped");
        assertEquals(records, c.get(Counter.JOURNALED), "journaled counts every record in the journal");
        assertEquals(0, c.get(Counter.FILTERED) + Counter.dropped(c.values), "nothing filtered or dropped");
        assertEquals(unparsed, c.get(Counter.UNPARSED), "unparsed counts the records journaled unparsed");
        assertEquals(records, c.get(Counter.UNPARSED) + c.get(Counter.PARSED_RFC5424) +
            c.get(Counter.PARSED_RFC3164), "every record parsed or unparsed");

        for (final Map.Entry<Integer, List<String>> e : expectedByPort.entrySet())
        {
            assertEquals(e.getValue(), actualByPort.getOrDefault(e.getKey(), List.of()),
                "the frames of the connection from port " + e.getKey() + ", in order, byte for byte");
        }
        for (final Integer port : actualByPort.keySet())
        {
            assertTrue(expectedByPort.containsKey(port), "records from a connection never opened: port " + port);
        }
        assertEquals(tcpFrames, c.get(Counter.RECEIVED_TCP), "received.tcp counts every expected frame");
        assertEquals(udpSent, c.get(Counter.RECEIVED_UDP) + c.get(Counter.UDP_KERNEL_DROPS),
            "every datagram received or counted as dropped by the kernel");
        assertEquals(c.get(Counter.RECEIVED_UDP), actualUdp.size(), "every datagram received is journaled");
        assertTrue(isSubsequence(actualUdp, expectedUdp), "UDP records are the datagrams sent, in order");
        final long expectedTruncated = expectedByPort.values().stream().flatMap(List::stream)
            .filter(s -> s.startsWith(HostileTraffic.TRUNCATED_MARK)).count() +
            actualUdp.stream().filter(s -> s.startsWith(HostileTraffic.TRUNCATED_MARK)).count();
        assertEquals(expectedTruncated, truncated, "records flagged truncated");
        assertEquals(truncated, c.get(Counter.TRUNCATED), "truncated counts them");
        assertEquals(expectedCounts[0], c.get(Counter.TCP_FRAMING_ERRORS), "tcp.framing_errors");
        assertEquals(expectedCounts[1], c.get(Counter.TCP_INCOMPLETE_FRAMES), "tcp.incomplete_frames");
        assertEquals(1, c.get(Counter.TCP_IDLE_CLOSED), "tcp.idle_closed: the slowloris");
        assertEquals(expectedCounts[2], c.get(Counter.TCP_ACCEPTED), "tcp.accepted");
        assertEquals(expectedCounts[2], c.get(Counter.TCP_CLOSED), "tcp.closed");
        assertTrue(served, "the well-formed message after the hostile input is journaled, parsed as RFC 5424");
        verifyJournal(journal);
    }

    /** {@code ringlog verify} on the journal: the hostile bytes left no damaged record. */
    private static void verifyJournal(final Path journal)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final int exit = Ringlog.run(new String[] {"verify", "--journal", journal.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        System.out.print("hostile input: ringlog verify: " + out.toString(StandardCharsets.UTF_8));
        assertEquals(0, exit, out.toString(StandardCharsets.UTF_8));
    }

    private static boolean isSubsequence(final List<String> sub, final List<String> of)
    {
        int j = 0;
        for (final String s : sub)
        {
            while (j < of.size() && !of.get(j).equals(s))
            {
                j++;
            }
            if (j++ >= of.size())
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Opens one connection per stream and writes them in random pieces of 1..3000 bytes, switching connection after
     * each piece, so frames straddle reads and the engine serves the connections together; then closes them all.
     */
    private static void sendInterleaved(
        final int port, final List<byte[]> streams, final Map<Integer, List<String>> expectedByPort, final Random random)
        throws IOException
    {
        final List<Socket> sockets = new ArrayList<>();
        final int[] sent = new int[streams.size()];
        for (final byte[] stream : streams)
        {
            final Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
            sockets.add(s);
            expectedByPort.put(s.getLocalPort(), HostileTraffic.lfFrames(stream, MAX));
        }
        int open = streams.size();
        for (int guard = 0; open > 0 && guard < 1_000_000; guard++)
        {
            final int i = random.nextInt(streams.size());
            final byte[] stream = streams.get(i);
            if (sent[i] == stream.length)
            {
                continue;
            }
            final int n = Math.min(stream.length - sent[i], 1 + random.nextInt(3000));
            sockets.get(i).getOutputStream().write(stream, sent[i], n);
            sent[i] += n;
            if (sent[i] == stream.length)
            {
                sockets.get(i).close();
                open--;
            }
        }
        assertEquals(0, open, "every interleaved stream sent");
    }

    private static int sendAndClose(final int port, final byte[] stream) throws IOException
    {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port))
        {
            s.getOutputStream().write(stream);
            return s.getLocalPort();
        }
    }

    /** Sends a stream with a framing error and checks that the engine closes the connection. */
    private static int sendAndExpectClose(final int port, final byte[] stream) throws IOException
    {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port))
        {
            s.setSoTimeout(10_000);
            try
            {
                s.getOutputStream().write(stream);
            }
            catch (final java.net.SocketException e)
            {
                // closed by the engine before the rest was written: what the read below checks
            }
            assertEquals(-1, readUntilClosed(s.getInputStream()), "connection closed after a framing error: " +
                HostileTraffic.show(stream, false));
            return s.getLocalPort();
        }
    }

    /** -1 when the peer closed (or reset) the connection; fails on the read timeout. */
    private static int readUntilClosed(final InputStream in) throws IOException
    {
        try
        {
            return in.read();
        }
        catch (final java.net.SocketTimeoutException e)
        {
            throw new AssertionError("the engine kept the connection open", e);
        }
        catch (final java.net.SocketException e)
        {
            return -1; // reset: the engine closed with our bytes unread
        }
    }

    /** Sends each datagram, pausing now and then so the kernel's receive buffer keeps up; returns the count. */
    private static int sendDatagrams(final int port, final List<byte[]> datagrams, final List<String> expected)
        throws Exception
    {
        try (DatagramSocket udp = new DatagramSocket())
        {
            udp.setSendBufferSize(1 << 20);
            int i = 0;
            for (final byte[] d : datagrams)
            {
                udp.send(new DatagramPacket(d, d.length, InetAddress.getLoopbackAddress(), port));
                expected.add(HostileTraffic.show(d.length > MAX ? java.util.Arrays.copyOf(d, MAX) : d, d.length > MAX));
                if (++i % 16 == 0 || d.length > MAX)
                {
                    Thread.sleep(2);
                }
            }
            return i;
        }
    }

    /** Polls the counters file until {@code counter} reaches {@code value} (10 s at most). */
    private static void waitFor(final Path journal, final Counter counter, final long value) throws Exception
    {
        long seen = -1;
        for (int i = 0; i < 200 && seen < value; i++)
        {
            seen = CountersFile.read(journal).get(counter);
            if (seen < value)
            {
                Thread.sleep(50);
            }
        }
        assertEquals(value, seen, counter.label());
    }
}
